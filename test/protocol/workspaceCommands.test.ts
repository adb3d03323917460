// Attest's own requests (server/src/protocol.ts) behind the client's commands, the status
// bar and the Sources view, driven through the real server in this process.
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import * as protocol from '../../server/src/protocol';
import type { AttestRequests, Range } from '../../server/src/protocol';
import { applyEdits } from '../../server/src/core/findings/footnoteEdit';
import { lines } from '../unit/helpers';
import { startInProcess, type TestClient } from './harness';

let client: TestClient | undefined;
afterEach(async () => {
  await client?.close();
  client = undefined;
});

function request<M extends keyof AttestRequests>(method: M, params: AttestRequests[M]['params']): Promise<AttestRequests[M]['result']> {
  return client!.connection.sendRequest(method, params) as Promise<AttestRequests[M]['result']>;
}

/** The text a range covers in a file. */
function textAt(file: string, range: Range): string {
  const all = readFileSync(file, 'utf8').split('\n');
  expect(range.start.line).toBe(range.end.line);
  return all[range.start.line]!.slice(range.start.character, range.end.character);
}

/** The planned citation, failing the test if there is none. */
function planned(result: protocol.InsertCitationResult): Extract<protocol.InsertCitationResult, { edits: unknown }> {
  expect(result && 'edits' in result, JSON.stringify(result)).toBe(true);
  return result as Extract<protocol.InsertCitationResult, { edits: unknown }>;
}

const korybko = path.resolve(__dirname, '..', '..', 'corpus', 'korybko-morozov-2020.md');
const uri = 'file:///tmp/commands.md';
const draft = lines(
  '# Corridor finance', // 0
  '',
  "CPEC's eventual total investment is expected to reach $80 billion.", // 2
  '',
  'President Putin said the Chinese-led project “rimes with Russia’s plan to establish a Greater Eurasian Partnership”.', // 4
  '',
  "Pakistan's exports of mangoes reached 7,000 tonnes in 2031.", // 6
);

describe('attest/checkFile (Check workspace)', () => {
  it('checks a draft that is not open, from its text', async () => {
    client = await startInProcess();
    const result = await request(protocol.checkFileRequest, { uri: 'file:///tmp/closed.md', text: draft });
    expect(result.counts).toEqual({ claims: 4, supported: 0, contradicted: 1, misquoted: 1, unsourced: 2 });
    expect(result.diagnostics.map((d) => [d.code, d.range.start.line, d.source])).toEqual([
      ['figure.mismatch', 2, 'attest'],
      ['quote.misquoted', 4, 'attest'],
      ['claim.unsourced', 6, 'attest'],
    ]);
    expect(result.diagnostics[0]!.message).toMatch(/^Draft says \$80 billion; Korybko & Morozov 2020 \(pp\. 9–10, fn\. 4\) says \$60 billion/);
    // Quick-fix data is for open drafts only.
    expect(result.diagnostics.some((d) => 'data' in d)).toBe(false);
  });

  it('uses the settings: severities, checks turned off, the size limit', async () => {
    client = await startInProcess({ settings: { severity: { claim: { unsourced: 'off' } }, maxFileSize: 100 } });
    const small = await request(protocol.checkFileRequest, { uri: 'file:///tmp/small.md', text: 'A [placeholder](#).' });
    expect(small.diagnostics.map((d) => d.code)).toEqual(['link.placeholder']);
    const large = await request(protocol.checkFileRequest, { uri: 'file:///tmp/large.md', text: draft });
    expect(large.diagnostics).toEqual([]);
    expect(large.skipped).toMatch(/over the attest\.maxFileSize setting/);
  });
});

describe('attest/documentStatus (the status bar)', () => {
  it('counts the claims of the open draft’s current version', async () => {
    client = await startInProcess();
    await client.open(uri, draft, 3);
    expect(await request(protocol.documentStatusRequest, { textDocument: { uri } })).toEqual({ uri, version: 3, counts: { claims: 4, supported: 0, contradicted: 1, misquoted: 1, unsourced: 2 }, disagree: 2, accepted: 0 });
    await client.change(uri, 4, "CPEC's eventual total investment is expected to reach $60 billion.[^1]\n\n[^1]: Korybko.");
    expect(await request(protocol.documentStatusRequest, { textDocument: { uri } })).toMatchObject({ version: 4, counts: { claims: 1, supported: 1 }, disagree: 0 });
  });

  it('answers null for a document the server does not have', async () => {
    client = await startInProcess();
    expect(await request(protocol.documentStatusRequest, { textDocument: { uri: 'file:///tmp/not-open.md' } })).toBeNull();
  });
});

describe('attest/claimSource (Show source)', () => {
  it('gives the source file, the passage’s line and the source’s figure to select', async () => {
    client = await startInProcess();
    await client.open(uri, draft);
    const { location } = await request(protocol.claimSourceRequest, { textDocument: { uri }, position: { line: 2, character: 58 } });
    expect(location).toMatchObject({ uri: URI.file(korybko).toString(), label: 'Korybko & Morozov 2020, pp. 9–10, fn. 4', bundled: true });
    expect(textAt(korybko, location!.range)).toBe('$60 billion');
    expect(location!.line).toBe(location!.range.start.line);
    expect(textAt(korybko, location!.sentence!)).toMatch(/^Seeing as how .*\$60 billion\[\^4\] .*form the GEP\.$/);
  });

  it('selects the source’s words for a misquotation', async () => {
    client = await startInProcess();
    await client.open(uri, draft);
    const { location } = await request(protocol.claimSourceRequest, { textDocument: { uri }, position: { line: 4, character: 60 } });
    expect(textAt(korybko, location!.range)).toBe('rimes with Russia’s idea to establish a Greater Eurasian Partnership');
  });

  it('finds the claim of the sentence when the cursor is beside it', async () => {
    client = await startInProcess();
    await client.open(uri, draft);
    const { location } = await request(protocol.claimSourceRequest, { textDocument: { uri }, position: { line: 2, character: 3 } });
    expect(textAt(korybko, location!.range)).toBe('$60 billion');
  });

  it('says why there is nothing to show', async () => {
    client = await startInProcess();
    await client.open(uri, draft);
    expect(await request(protocol.claimSourceRequest, { textDocument: { uri }, position: { line: 6, character: 40 } })).toEqual({ message: 'No source states “7,000 tonnes”, so there is no passage to show.' });
    expect(await request(protocol.claimSourceRequest, { textDocument: { uri }, position: { line: 0, character: 3 } })).toEqual({ message: 'Put the cursor on a figure, date or quotation that Attest checks to see its source.' });
  });
});

describe('attest/sourceLocation (the Sources view)', () => {
  it('opens a source at its first passage, and a footnote at the marker that cites it', async () => {
    client = await startInProcess();
    const source = await request(protocol.sourceLocationRequest, { sourceId: 'korybko-morozov-2020' });
    expect(source.location).toMatchObject({ uri: URI.file(korybko).toString(), label: 'Korybko & Morozov 2020', bundled: true });
    expect(textAt(korybko, source.location!.range)).toMatch(/^Connectivity is one of the key trends/);
    const footnote = await request(protocol.sourceLocationRequest, { sourceId: 'korybko-morozov-2020', footnote: '4' });
    expect(footnote.location!.label).toBe('Korybko & Morozov 2020, fn. 4');
    expect(textAt(korybko, footnote.location!.range)).toBe('[^4]');
    const line = readFileSync(korybko, 'utf8').split('\n')[footnote.location!.range.start.line]!;
    expect(line.slice(footnote.location!.range.start.character - 20, footnote.location!.range.start.character)).toBe('investment of $60 billion'.slice(-20));
  });

  it('says when there is no such source', async () => {
    client = await startInProcess();
    expect(await request(protocol.sourceLocationRequest, { sourceId: 'nobody-2020' })).toEqual({ message: 'No source has the id "nobody-2020".' });
  });
});

describe('attest/sources', () => {
  it('lists the bundled sources with their footnotes', async () => {
    client = await startInProcess();
    const { sources, problems } = await request(protocol.sourcesRequest, {});
    expect(problems).toEqual([]);
    expect(sources.map((s) => [s.id, s.label, s.bundled, s.footnotes.length])).toEqual([
      ['abbasi-2025', 'Abbasi 2025', true, 0],
      ['korybko-morozov-2020', 'Korybko & Morozov 2020', true, 33],
    ]);
    const k = sources[1]!;
    expect(k.footnotes[3]).toEqual({ label: '4', title: 'CPEC: Pakistani Government Announces Completion of 13 Projects Worth $11 Billion', url: 'https://sputniknews.com/asia/202001091077987936-cpec-pakistani-government-announces-completion-of-13-projects-worth-11-billion/' });
    expect(k.footnotes.filter((f) => f.missing).map((f) => f.label)).toEqual(['31', '32', '33']);
    expect(k).toMatchObject({ title: 'Pakistan’s Role in Russia’s Greater Eurasian Partnership', container: 'Polis. Political Studies', year: 2020, url: 'https://doi.org/10.17976/jpps/2020.03.02', uri: URI.file(korybko).toString() });
  });

  it('shows the writer’s sources and the files it could not use, and says when the list changes', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'attest-view-'));
    mkdirSync(path.join(root, 'sources'));
    writeFileSync(path.join(root, 'sources', 'good.md'), lines('---', 'id: good-2021', 'title: A Good Source', 'authors: [{ family: Baloch, given: Sana }]', 'year: 2021', '---', '', 'The port handled 1.2 million tonnes.'));
    writeFileSync(path.join(root, 'sources', 'bad.md'), lines('---', 'id: broken', 'title: [unclosed', '---', 'Text.'));
    writeFileSync(path.join(root, 'sources', 'binary.txt'), Buffer.from([0x41, 0x0a, 0x00, 0x42]));
    const changed = new Promise<void>((resolve) => {
      void startInProcess({ rootUri: URI.file(root).toString(), settings: { sources: ['sources'] } }).then((c) => {
        client = c;
        c.connection.onNotification(protocol.sourcesChangedNotification, () => resolve());
      });
    });
    await changed;
    const { sources, problems } = await request(protocol.sourcesRequest, {});
    expect(sources.filter((s) => !s.bundled).map((s) => [s.id, s.label, s.problems.map((p) => [p.severity, p.line, p.message.slice(0, 31)])])).toEqual([
      ['bad', 'bad', [['error', 2, 'The front matter is not valid Y']]],
      ['good-2021', 'Baloch 2021', []],
    ]);
    expect(problems).toEqual([{ uri: URI.file(path.join(root, 'sources', 'binary.txt')).toString(), file: path.join(root, 'sources', 'binary.txt'), line: 1, message: 'Skipped: the file looks binary (it contains NUL bytes), not a text source.', severity: 'error' }]);
  });
});

describe('attest/insertCitation (Insert citation…)', () => {
  it('cites the source with the next footnote number, the definition after the others', async () => {
    client = await startInProcess();
    const text = lines("CPEC's eventual total investment is expected to reach $60 billion. Trade grew.[^1]", '', '[^1]: RT, 2019.', '', 'More text.');
    await client.open(uri, text, 7);
    const position = { line: 0, character: 66 };
    const result = planned(await request(protocol.insertCitationRequest, { textDocument: { uri }, position, sourceId: 'korybko-morozov-2020' }));
    expect(result).toMatchObject({ version: 7, label: '2', cursor: { line: 0, character: 70 } });
    expect(result.edits.map((e) => [e.range.start, e.newText.slice(0, 30)])).toEqual([
      [position, '[^2]'],
      [{ line: 2, character: 15 }, '\n[^2]: Korybko, Andrew, and Vl'],
    ]);
    // The sentence's claim is supported by that source: the footnote gives its pages and the source's own footnote.
    expect(result.edits[1]!.newText).toMatch(/https:\/\/doi\.org\/10\.17976\/jpps\/2020\.03\.02, pp\. 9–10\. Citing: CPEC: Pakistani Government .*Sputnik, 09\.01\.2020, https:\/\/sputniknews\.com\//);
    const before = TextDocument.create(uri, 'markdown', 7, text);
    const after = applyEdits(text, result.edits.map((e) => ({ start: before.offsetAt(e.range.start), end: before.offsetAt(e.range.end), text: e.newText })));
    expect(after.split('\n').slice(0, 4)).toEqual(["CPEC's eventual total investment is expected to reach $60 billion.[^2] Trade grew.[^1]", '', '[^1]: RT, 2019.', expect.stringMatching(/^\[\^2\]: Korybko, Andrew/)]);
    const next = await client.change(uri, 8, after);
    expect(next.diagnostics.filter((d) => String(d.code).startsWith('footnote.') || d.code === 'claim.uncited')).toEqual([]);
  });

  it('puts the cursor after the reference even when the definition goes before it', async () => {
    client = await startInProcess();
    const text = lines('Intro.[^1]', '', '[^1]: A note.', '', 'A closing remark.');
    await client.open(uri, text);
    const result = planned(await request(protocol.insertCitationRequest, { textDocument: { uri }, position: { line: 4, character: 17 }, sourceId: 'abbasi-2025' }));
    expect(result.edits.map((e) => e.range.start)).toEqual([{ line: 4, character: 17 }, { line: 2, character: 13 }]);
    expect(result.edits[1]!.newText).toBe('\n[^2]: Abbasi, Amna Raza. 2025. “Pakistan – Russia Relations: The Chinese Link.” International Research Journal of Arts, Humanities and Social Sciences 3 (1).');
    expect(result.cursor).toEqual({ line: 5, character: 21 });
  });

  it('answers null for an unknown source', async () => {
    client = await startInProcess();
    await client.open(uri, 'Text.');
    expect(await request(protocol.insertCitationRequest, { textDocument: { uri }, position: { line: 0, character: 5 }, sourceId: 'nobody' })).toBeNull();
  });
});

describe('attest/factCheckReport (Fact-check report)', () => {
  it('reports the open draft in Markdown, and the report is not checked as a draft', async () => {
    client = await startInProcess();
    await client.open(uri, draft);
    const result = await request(protocol.factCheckReportRequest, { textDocument: { uri } });
    expect(result!.counts).toEqual({ claims: 4, supported: 0, contradicted: 1, misquoted: 1, unsourced: 2 });
    expect(result!.markdown).toContain('# Fact-check report: commands.md');
    expect(result!.markdown).toContain('| 4 | 0 | 1 | 1 | 2 |');
    expect(result!.markdown).toContain('### 1. “$80 billion” (line 3): Contradicted');
    const report = await client.open('file:///tmp/commands.attest-report.md', result!.markdown);
    expect(report.diagnostics).toEqual([]);
  });
});
