// The editor commands a writer relies on, server side: the outline's claims, the fact-check
// report (order, content, its HTML page, the report not checked as a draft) and Insert
// citation's ranked, searchable sources and its warning when the source disagrees.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { URI } from 'vscode-uri';
import type { DocumentSymbol } from 'vscode-languageserver';
import * as protocol from '../../server/src/protocol';
import type { AttestRequests } from '../../server/src/protocol';
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

const uri = 'file:///tmp/writer.md';
const draft = lines(
  '# Corridor finance', // 0
  '',
  "CPEC's eventual total investment is expected to reach $80 billion.", // 2
  '',
  'President Putin said the Chinese-led project “rimes with Russia’s plan to establish a Greater Eurasian Partnership”.', // 4
  '',
  "Pakistan's exports of mangoes reached 7,000 tonnes in 2031.", // 6
);

describe('the outline', () => {
  it('is one group named "Claims" with the claims and their verdicts, and no copies of the headings', async () => {
    client = await startInProcess();
    expect(client.initializeResult.capabilities.documentSymbolProvider).toEqual({ label: 'Claims' });
    await client.open(uri, draft);
    const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
    expect(symbols.map((s) => `${s.range.start.line}:${s.range.start.character} ${s.name} (${s.detail})${s.children?.length ? ' +children' : ''}`)).toEqual([
      '2:54 $80 billion (disagrees with a source)',
      '4:45 “rimes with Russia’s plan to establish a Greater Eurasian …” (differs from the source)',
      '6:38 7,000 tonnes (no source states it)',
      '6:54 2031 (no source states it)',
    ]);
  });
});

describe('attest/factCheckReport', () => {
  const withProblems = lines(draft, '', 'Trade grew.[^7]', '', 'See [the ministry](#).', '', "CPEC's eventual total investment is expected to reach $60 billion.");

  it('lists the problems first, each with the source’s value, then the unsourced and the supported claims', async () => {
    client = await startInProcess();
    await client.open(uri, withProblems);
    const result = await request(protocol.factCheckReportRequest, { textDocument: { uri } });
    expect(result!.counts).toEqual({ claims: 5, supported: 1, contradicted: 1, misquoted: 1, unsourced: 2 });
    expect(result!.markdown.split('\n').filter((l) => /^##+ /.test(l))).toEqual([
      '## Problems (4)',
      '### 1. “$80 billion” (line 3): Contradicted',
      '### 2. “rimes with Russia’s plan to establish a Greater Eurasian Partnership” (line 5): Misquoted',
      '### 3. \\[^7\\] (line 9): Footnote problem',
      '### 4. \\[the ministry\\](#) (line 11): Link problem',
      '## Unsourced (2)',
      '### 5. “7,000 tonnes” (line 7): Unsourced',
      '### 6. “2031” (line 7): Unsourced',
      '## Supported (1)',
      '### 7. “$60 billion” (line 13): Supported',
    ]);
    expect(result!.markdown).toContain('**4 problems to fix: 1 contradicted, 1 misquoted, 1 footnote or citation problem, 1 link problem.**');
    expect(result!.markdown).toContain("- **Draft:** CPEC's eventual total investment is expected to reach $80 billion.\n- **Source says:** $60 billion\n");
    expect(result!.html).toContain('<dt>Source says</dt><dd>$60 billion</dd>');
    expect(result!.html).toContain('<p class="summary">4 problems to fix: 1 contradicted, 1 misquoted, 1 footnote or citation problem, 1 link problem.</p>');
  });

  it('is not checked as a draft when it is opened: the status bar counts none of its figures', async () => {
    client = await startInProcess();
    await client.open(uri, withProblems);
    const result = await request(protocol.factCheckReportRequest, { textDocument: { uri } });
    for (const reportUri of ['untitled:Untitled-1', 'file:///tmp/writer.attest-report.md']) {
      const published = await client.open(reportUri, result!.markdown);
      expect(published.diagnostics).toEqual([]);
      const status = await request(protocol.documentStatusRequest, { textDocument: { uri: reportUri } });
      expect(status).toMatchObject({ counts: { claims: 0, supported: 0, contradicted: 0, misquoted: 0, unsourced: 0 }, disagree: 0, skipped: 'This is a fact-check report written by Attest, not a draft: it is not checked.' });
      const symbols = await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: reportUri } });
      expect(symbols).toEqual([]);
    }
  });

  it('escapes a hostile source sentence in the HTML page', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'attest-report-'));
    mkdirSync(path.join(root, 'sources'));
    writeFileSync(
      path.join(root, 'sources', 'hostile.md'),
      lines('---', 'id: hostile-2024', 'title: "<img src=x onerror=alert(1)>"', 'authors:', '  - family: "<b>Evil</b>"', 'year: 2024', '---', '', 'The port handled </blockquote><script>alert("x")</script> 4,200 containers in 2023.'),
    );
    client = await startInProcess({ rootUri: URI.file(root).toString(), settings: { bundledCorpus: false, sources: ['sources'] } });
    const draftUri = URI.file(path.join(root, 'port.md')).toString();
    await client.open(draftUri, 'The port handled 4,900 containers in 2023.');
    const result = await request(protocol.factCheckReportRequest, { textDocument: { uri: draftUri } });
    expect(result!.counts.contradicted).toBe(1);
    expect(result!.html).not.toMatch(/<script|<img|<b>/i);
    expect(result!.html).toContain('The port handled &lt;/blockquote&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; 4,200 containers in 2023.');
    expect(result!.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('Insert citation', () => {
  const tajik = lines('# Neighbours', '', "Pakistan's trade with Tajikistan is $52 million a year.", '', 'Russia lifted its arms embargo on Pakistan in 2014.');
  const endOf = (line: number) => ({ line, character: tajik.split('\n')[line]!.length });

  it('offers the sources that fit the sentence at the cursor first, with the passage that fits', async () => {
    client = await startInProcess();
    await client.open(uri, tajik);
    const first = await request(protocol.citationSourcesRequest, { textDocument: { uri }, position: endOf(2) });
    expect(first!.sources.map((s) => [s.label, s.fits, s.passage?.locator])).toEqual([
      ['Korybko & Morozov 2020', true, 'pp. 20–21'],
      ['Abbasi 2025', true, "Alexander Dugin: Putin's Rasputin"],
    ]);
    const second = await request(protocol.citationSourcesRequest, { textDocument: { uri }, position: endOf(4) });
    expect(first!.sources[0]!.passage!.excerpt).toBe('… pipeline sometime later this decade. Pakistan’s trade with Tajikistan is more than double that at $62 million a year, though they …');
    expect(second!.sources.map((s) => s.label)).toEqual(['Abbasi 2025', 'Korybko & Morozov 2020']);
    expect(second!.sources[0]).toMatchObject({ id: 'abbasi-2025', title: 'Pakistan – Russia Relations: The Chinese Link', authors: 'Abbasi, Amna Raza' });
  });

  it('ranks by the sentence at the cursor when it has no figure, date or quotation', async () => {
    client = await startInProcess();
    const text = lines("Pakistan's trade with Tajikistan grew.", '', 'The Chinese link shapes Pakistan–Russia relations.');
    await client.open(uri, text);
    const at = (line: number) => ({ line, character: text.split('\n')[line]!.length });
    const labels = async (line: number) => (await request(protocol.citationSourcesRequest, { textDocument: { uri }, position: at(line) }))!.sources.map((s) => s.label);
    expect(await labels(0)).toEqual(['Korybko & Morozov 2020', 'Abbasi 2025']);
    expect(await labels(2)).toEqual(['Abbasi 2025', 'Korybko & Morozov 2020']);
  });

  it('finds sources by the words of their text, title, authors or year', async () => {
    client = await startInProcess();
    await client.open(uri, tajik);
    const search = async (query: string) => (await request(protocol.citationSourcesRequest, { textDocument: { uri }, position: endOf(4), query }))!.sources;
    const tajikistan = await search('tajik');
    expect(tajikistan.map((s) => [s.label, s.passage?.locator])).toEqual([
      ['Abbasi 2025', expect.any(String)],
      ['Korybko & Morozov 2020', 'pp. 20–21'],
    ]);
    expect(tajikistan[1]!.passage!.excerpt).toBe('… pipeline sometime later this decade. Pakistan’s trade with Tajikistan is more than double that at $62 million a year, though …');
    expect((await search('chinese link')).map((s) => s.label)).toEqual(['Abbasi 2025']);
    expect((await search('morozov')).map((s) => s.label)).toEqual(['Korybko & Morozov 2020']);
    expect((await search('2025')).map((s) => s.label)).toEqual(['Abbasi 2025']);
    expect((await search('tajikistan double')).map((s) => s.label)).toEqual(['Korybko & Morozov 2020']);
    expect(await search('zanzibar')).toEqual([]);
  });

  it('warns when the chosen source, on its own, gives another figure for the sentence', async () => {
    client = await startInProcess();
    await client.open(uri, tajik);
    const korybko = await request(protocol.insertCitationRequest, { textDocument: { uri }, position: endOf(2), sourceId: 'korybko-morozov-2020' });
    expect(korybko).toMatchObject({ label: '1', disagreement: 'Korybko & Morozov 2020 gives $62 million for this, not $52 million.' });
    const abbasi = await request(protocol.insertCitationRequest, { textDocument: { uri }, position: endOf(2), sourceId: 'abbasi-2025' });
    expect(abbasi).toMatchObject({ label: '1' });
    expect(abbasi).not.toHaveProperty('disagreement');
  });

  it('does not warn when the chosen source agrees', async () => {
    client = await startInProcess();
    await client.open(uri, "CPEC's eventual total investment is expected to reach $60 billion.");
    const result = await request(protocol.insertCitationRequest, { textDocument: { uri }, position: { line: 0, character: 66 }, sourceId: 'korybko-morozov-2020' });
    expect(result).toMatchObject({ label: '1' });
    expect(result).not.toHaveProperty('disagreement');
  });
});
