// The source a sentence cites, through the real server: citation.unsupported and its fix,
// applied to the draft, which is then checked again; a contradiction of the cited source.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Hover, MarkupContent, TextDocumentEdit, TextEdit } from 'vscode-languageserver';
import { lines } from '../unit/helpers';
import { distDir, repoRoot, startInProcess, type TestClient } from './harness';
import { URI } from 'vscode-uri';
import { insertCitationRequest, restyleNotesRequest, type RestyleNotesResult } from '../../server/src/protocol';

const uri = 'file:///tmp/cited.md';
let client: TestClient | undefined;
afterEach(async () => {
  await client?.close();
  client = undefined;
});

const rendered = (d: Diagnostic): string => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code}: ${d.message}`;

/** Opens the draft, applies the preferred fix of its first `code` diagnostic, and returns the fix, the new text and its diagnostics. */
async function applyFix(text: string, code: string, settings: Record<string, unknown> = {}) {
  client = await startInProcess({ settings });
  const published = await client.open(uri, text);
  const diagnostic = published.diagnostics.find((d) => d.code === code);
  expect(diagnostic, `no ${code} in ${JSON.stringify(published.diagnostics.map(rendered))}`).toBeDefined();
  const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostic!.range, context: { diagnostics: [diagnostic] } })) as CodeAction[];
  const action = actions.find((a) => a.isPreferred)!;
  expect(action, `no fix among ${JSON.stringify(actions.map((a) => a.title))}`).toBeDefined();
  const change = action.edit!.documentChanges![0] as TextDocumentEdit;
  const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, text), change.edits as TextEdit[]);
  const after = await client.change(uri, 2, fixed);
  return { before: published.diagnostics.map(rendered), title: action.title, fixed, after: after.diagnostics.map(rendered) };
}

const delegation = 'In December 2019, a 64-member delegation of Russian businessmen traveled to Pakistan.';
const korybkoNote =
  'Korybko, Andrew, and Vladimir M. Morozov. 2020. “Pakistan’s Role in Russia’s Greater Eurasian Partnership.” Polis. Political Studies, no. 3: 9–22. https://doi.org/10.17976/jpps/2020.03.02, p. 19. Citing: Russia Looks to Invest in Pakistan in a Big Way, RT, 09.12.2019, https://www.rt.com/business/475368-russia-pakistan-investments-energy/.';

describe('the cited source', () => {
  it('not stating a figure another source states is citation.unsupported, and the fix rewrites the footnote to cite that source', async () => {
    const text = lines(`${delegation}[^1]`, '', '[^1]: Abbasi, “Pakistan – Russia Relations: The Chinese Link,” 2025, 7.', '');
    const { before, title, fixed, after } = await applyFix(text, 'citation.unsupported');
    expect(before).toEqual(['0:20-0:29 citation.unsupported: The cited source (Abbasi 2025) does not state 64-member; Korybko & Morozov 2020, p. 19, fn. 21 does.']);
    expect(title).toBe('Cite Korybko & Morozov 2020, p. 19 instead');
    expect(fixed).toBe(lines(`${delegation}[^1]`, '', `[^1]: ${korybkoNote}`, ''));
    expect(after).toEqual([]);
  });

  it('says in the hover which source states it instead', async () => {
    client = await startInProcess();
    await client.open(uri, lines(`${delegation}[^1]`, '', '[^1]: Abbasi 2025, 7.'));
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 22 } })) as Hover;
    expect((hover.contents as MarkupContent).value.split('\n\n')[0]!.replace(/\\([^\w\s])/g, '$1')).toBe(
      '**Attest: Not stated by the cited source (Abbasi 2025), but by Korybko & Morozov 2020, p. 19, fn. 21: cite it instead.** Matched: members, Russia and Pakistan, December 2019.',
    );
  });

  it('gives a sentence of its own a new footnote when other sentences cite the same one', async () => {
    const text = lines(`${delegation}[^1] Pakistan and Russia have grown closer.[^1]`, '', '[^1]: Abbasi 2025, 7.', '');
    const { fixed, after } = await applyFix(text, 'citation.unsupported');
    expect(fixed).toBe(lines(`${delegation}[^2] Pakistan and Russia have grown closer.[^1]`, '', '[^1]: Abbasi 2025, 7.', `[^2]: ${korybkoNote}`, ''));
    expect(after).toEqual([]);
  });

  it('replaces a citation key with the key of the source that states the figure', async () => {
    const text = `${delegation} [@abbasi-2025]\n`;
    const { before, fixed, after } = await applyFix(text, 'citation.unsupported');
    expect(before).toEqual(['0:20-0:29 citation.unsupported: The cited source (Abbasi 2025) does not state 64-member; Korybko & Morozov 2020, p. 19, fn. 21 does.']);
    expect(fixed).toBe(`${delegation} [@korybko-morozov-2020]\n`);
    expect(after).toEqual([]);
  });

  it('reports the cited source’s different value', async () => {
    client = await startInProcess();
    const published = await client.open(uri, lines('In December 2019, a 46-member delegation of Russian businessmen traveled to Pakistan.[^1]', '', '[^1]: Korybko and Morozov, “Pakistan’s Role,” 19.'));
    expect(published.diagnostics.map(rendered)).toEqual([
      '0:20-0:29 figure.mismatch: Draft says 46-member; Korybko & Morozov 2020 (p. 19, fn. 21) says 64-member.',
    ]);
  });
});

describe('notes in the Chicago notes style', () => {
  it('cite a source with a full note first and a short note once an earlier note cites it', async () => {
    const first = await applyFix(lines(`${delegation}[^1]`, '', '[^1]: Abbasi 2025, 7.', ''), 'citation.unsupported', { citationStyle: 'chicago-notes' });
    expect(first.fixed).toBe(
      lines(
        `${delegation}[^1]`,
        '',
        '[^1]: Andrew Korybko and Vladimir M. Morozov, “Pakistan’s Role in Russia’s Greater Eurasian Partnership,” Polis. Political Studies, no. 3 (2020): 19, https://doi.org/10.17976/jpps/2020.03.02. Citing: Russia Looks to Invest in Pakistan in a Big Way, RT, 09.12.2019, https://www.rt.com/business/475368-russia-pakistan-investments-energy/.',
        '',
      ),
    );
    await client!.close();
    const text = lines(`${delegation}[^1]`, '', 'Russia pledged $1 billion to rehabilitate Pakistan Steel Mills.', '', '[^1]: Korybko and Morozov, “Pakistan’s Role,” 19.', '');
    const second = await applyFix(text, 'claim.uncited', { citationStyle: 'chicago-notes' });
    expect(second.fixed).toBe(
      lines(
        `${delegation}[^1]`,
        '',
        'Russia pledged $1 billion to rehabilitate Pakistan Steel Mills.[^2]',
        '',
        '[^1]: Korybko and Morozov, “Pakistan’s Role,” 19.',
        '[^2]: Korybko and Morozov, “Pakistan’s Role,” 19. Citing: Russia Looks to Invest in Pakistan in a Big Way, RT, 09.12.2019, https://www.rt.com/business/475368-russia-pakistan-investments-energy/.',
        '',
      ),
    );
    expect(second.after).toEqual([]);
  });
});

describe('Insert citation in a notes style', () => {
  it('writes a full note the first time it cites a source and a short note after', async () => {
    client = await startInProcess({ settings: { citationStyle: 'chicago-notes' } });
    const text = lines('Russia pledged $1 billion to rehabilitate Pakistan Steel Mills.', '', 'The delegation had 64 members.', '');
    await client.open(uri, text);
    const document = TextDocument.create(uri, 'markdown', 1, text);
    const insert = async (doc: TextDocument, at: number): Promise<string> => {
      const result = (await client!.connection.sendRequest(insertCitationRequest, { textDocument: { uri }, position: doc.positionAt(at), sourceId: 'korybko-morozov-2020' })) as { edits: TextEdit[] };
      return TextDocument.applyEdits(doc, result.edits);
    };
    const once = await insert(document, text.indexOf('.') + 1);
    expect(once).toContain('[^1]: Andrew Korybko and Vladimir M. Morozov, “Pakistan’s Role in Russia’s Greater Eurasian Partnership,” Polis. Political Studies, no. 3 (2020)');
    await client.change(uri, 2, once);
    const twice = await insert(TextDocument.create(uri, 'markdown', 2, once), once.indexOf('64 members.') + '64 members.'.length);
    expect(twice.split('\n').filter((l) => l.startsWith('[^2]:'))).toEqual([expect.stringMatching(/^\[\^2\]: Korybko and Morozov, “Pakistan’s Role,”/)]);
  });
});

describe('restyling inserted notes', () => {
  it('rewrites the notes Attest inserted into the style now set, leaving the writer’s own', async () => {
    client = await startInProcess({ settings: { citationStyle: 'chicago-notes' } });
    const text = lines(`${delegation}[^1] Trade grew.[^2] The visit lasted four days.[^3]`, '', `[^1]: ${korybkoNote}`, '[^2]: RT, 9 December 2019.', '[^3]: Korybko, Andrew, and Vladimir M. Morozov. 2020. “Pakistan’s Role in Russia’s Greater Eurasian Partnership.” Polis. Political Studies, no. 3: 9–22. https://doi.org/10.17976/jpps/2020.03.02, p. 19.', '');
    await client.open(uri, text);
    const result = (await client.connection.sendRequest(restyleNotesRequest, { textDocument: { uri } })) as RestyleNotesResult;
    expect(result!.labels).toEqual(['1', '3']);
    expect(result!.version).toBe(1);
    expect(TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, text), result!.edits)).toBe(
      lines(
        `${delegation}[^1] Trade grew.[^2] The visit lasted four days.[^3]`,
        '',
        '[^1]: Andrew Korybko and Vladimir M. Morozov, “Pakistan’s Role in Russia’s Greater Eurasian Partnership,” Polis. Political Studies, no. 3 (2020): 19, https://doi.org/10.17976/jpps/2020.03.02. Citing: Russia Looks to Invest in Pakistan in a Big Way, RT, 09.12.2019, https://www.rt.com/business/475368-russia-pakistan-investments-energy/.',
        '[^2]: RT, 9 December 2019.',
        '[^3]: Korybko and Morozov, “Pakistan’s Role,” 19.',
        '',
      ),
    );
    expect(await client.connection.sendRequest(restyleNotesRequest, { textDocument: { uri: 'file:///tmp/not-open.md' } })).toBeNull();
  });
});

describe('a .bib with a PDF attached, beside the workspace, as the VS Code suite opens it', () => {
  it('finds the mismatch against the PDF’s page and fixes the citation of the wrong entry', async () => {
    const file = path.join(repoRoot, 'test/vscode/fixtures/library/brief.md');
    const libraryUri = URI.file(file).toString();
    client = await startInProcess({ rootUri: URI.file(path.join(repoRoot, 'test/vscode/fixtures/workspace')).toString() });
    let published = await client.open(libraryUri, readFileSync(file, 'utf8'));
    // The library named in the front matter loads after the draft opens.
    while (!published.diagnostics.some((d) => d.code === 'citation.unsupported')) published = await client.diagnostics(libraryUri);
    expect(published.diagnostics.map(rendered)).toEqual([
      '5:48-5:58 figure.mismatch: Draft says $3 billion; Abbasi & Korybko 2020 (p. 9, fn. 1) says $2 billion.',
      '7:16-7:38 citation.unsupported: The cited source (Khan & Malik 2021) does not state four Mi-35 helicopters; Abbasi & Korybko 2020, p. 9 does.',
    ]);
    const unsupported = published.diagnostics[1]!;
    const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: libraryUri }, range: unsupported.range, context: { diagnostics: [unsupported] } })) as CodeAction[];
    const fix = actions.find((a) => a.title === 'Cite Abbasi & Korybko 2020, p. 9 instead')!;
    expect((fix.edit!.documentChanges![0] as TextDocumentEdit).edits).toEqual([{ range: { start: { line: 7, character: 61 }, end: { line: 7, character: 69 } }, newText: 'energy2020' }]);
  });
});

describe('attest check', () => {
  it('reports citation.unsupported as the editor does', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'attest-cited-'));
    writeFileSync(path.join(folder, 'draft.md'), lines(`${delegation}[^1]`, '', '[^1]: Abbasi 2025, 7.', ''));
    const run = spawnSync(process.execPath, [path.join(distDir, 'cli.js'), 'check', path.join(folder, 'draft.md'), '--format', 'json'], { cwd: repoRoot, encoding: 'utf8' });
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as { files: { diagnostics: Diagnostic[]; claims: { text: string; verdict: string; notStatedByCited?: string[] }[] }[] };
    expect(report.files[0]!.diagnostics.map(rendered)).toEqual(['0:20-0:29 citation.unsupported: The cited source (Abbasi 2025) does not state 64-member; Korybko & Morozov 2020, p. 19, fn. 21 does.']);
    // The claim is supported, by another source than the one cited: the report says which were cited.
    expect(report.files[0]!.claims.filter((c) => c.text === '64-member').map((c) => [c.verdict, c.notStatedByCited])).toEqual([['supported', ['abbasi-2025']]]);
  });
});
