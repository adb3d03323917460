// The editor commands a writer relies on, server side: the outline's claims, the fact-check
// report (order, content, its HTML page, the report not checked as a draft) and Insert
// citation's ranked, searchable sources and its warning when the source disagrees.
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentSymbol } from 'vscode-languageserver';
import { lines } from '../unit/helpers';
import { startInProcess, type TestClient } from './harness';

let client: TestClient | undefined;
afterEach(async () => {
  await client?.close();
  client = undefined;
});

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
