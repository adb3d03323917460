// Footnote navigation, rename, citation completion, document links and settings, driven
// through the real server in this process.
import { afterEach, describe, expect, it } from 'vitest';
import type { CompletionItem, Location, WorkspaceEdit, DocumentLink, PublishDiagnosticsParams } from 'vscode-languageserver';
import { lines } from '../unit/helpers';
import { startInProcess, type TestClient } from './harness';

const uri = 'file:///tmp/navigation.md';
const draft = lines(
  'Trade stood at $700 million.[^rt] Exports grew.[^rt]', // 0
  '',
  'See [@korybko-morozov-2020, p. 10] and [@nobody-2020].', // 2
  '',
  '[^rt]: RT, 9 December 2019.', // 4
);

let client: TestClient | undefined;
afterEach(async () => {
  await client?.close();
  client = undefined;
});

const at = (line: number, character: number) => ({ line, character });

describe('footnotes', () => {
  it('go to the definition from a reference', async () => {
    client = await startInProcess();
    await client.open(uri, draft);
    const locations = (await client.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position: at(0, 31) })) as Location[];
    expect(locations).toEqual([{ uri, range: { start: at(4, 2), end: at(4, 4) } }]);
  });

  it('find every reference, with the definition when asked', async () => {
    client = await startInProcess();
    await client.open(uri, draft);
    const locations = (await client.connection.sendRequest('textDocument/references', { textDocument: { uri }, position: at(4, 3), context: { includeDeclaration: true } })) as Location[];
    expect(locations.map((l) => l.range)).toEqual([
      { start: at(0, 30), end: at(0, 32) },
      { start: at(0, 49), end: at(0, 51) },
      { start: at(4, 2), end: at(4, 4) },
    ]);
  });

  it('rename a label everywhere', async () => {
    client = await startInProcess();
    await client.open(uri, draft);
    const edit = (await client.connection.sendRequest('textDocument/rename', { textDocument: { uri }, position: at(0, 31), newName: 'rt-2019' })) as WorkspaceEdit;
    const edits = (edit.documentChanges![0] as { edits: { range: unknown; newText: string }[] }).edits;
    expect(edits.map((e) => e.newText)).toEqual(['rt-2019', 'rt-2019', 'rt-2019']);
    expect(edits.map((e) => e.range)).toEqual([
      { start: at(0, 30), end: at(0, 32) },
      { start: at(0, 49), end: at(0, 51) },
      { start: at(4, 2), end: at(4, 4) },
    ]);
  });

  it('refuse a label with spaces', async () => {
    client = await startInProcess();
    await client.open(uri, draft);
    await expect(client.connection.sendRequest('textDocument/rename', { textDocument: { uri }, position: at(0, 31), newName: 'two words' })).rejects.toThrow(/cannot be a footnote label/);
  });
});

describe('citations', () => {
  it('complete source keys after "[@" with author and year', async () => {
    client = await startInProcess();
    const text = 'As argued [@';
    await client.open(uri, text);
    const items = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: at(0, text.length) })) as CompletionItem[];
    expect(items.map((i) => [i.label, i.detail])).toEqual([
      ['abbasi-2025', 'Abbasi 2025'],
      ['korybko-morozov-2020', 'Korybko & Morozov 2020'],
    ]);
  });

  it('do not complete inside an email address', async () => {
    client = await startInProcess();
    const text = 'Write to someone@';
    await client.open(uri, text);
    const items = await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: at(0, text.length) });
    expect(items).toBeNull();
  });

  it('link a known key to its source file and flag an unknown one', async () => {
    client = await startInProcess();
    const published = await client.open(uri, draft);
    const links = (await client.connection.sendRequest('textDocument/documentLink', { textDocument: { uri } })) as DocumentLink[];
    expect(links.map((l) => [l.range, l.target?.endsWith('/corpus/korybko-morozov-2020.md')])).toEqual([[{ start: at(2, 6), end: at(2, 26) }, true]]);
    expect(published.diagnostics.filter((d) => d.code === 'citation.unknown-key').map((d) => [d.range, d.message])).toEqual([
      [{ start: at(2, 40), end: at(2, 52) }, 'No source has the citation key "@nobody-2020".'],
    ]);
  });
});

describe('diagnostics', () => {
  it('use the severities from settings, and leave out checks turned off', async () => {
    client = await startInProcess({ settings: { severity: { citation: { 'unknown-key': 'error' }, link: { placeholder: 'off' } } } });
    const published = await client.open(uri, lines('See [@nobody-2020] and [a link](#).'));
    expect(published.diagnostics.map((d) => [d.code, d.severity])).toEqual([['citation.unknown-key', 1]]);
  });

  it('explain each code with a link to its section of docs/checks.md', async () => {
    client = await startInProcess();
    const published = await client.open(uri, 'A [placeholder](#).');
    expect(published.diagnostics[0]!.codeDescription!.href).toMatch(/\/docs\/checks\.md#linkplaceholder$/);
  });

  it('are cleared when the draft closes', async () => {
    client = await startInProcess();
    await client.open(uri, 'A [placeholder](#).');
    const cleared = client.diagnostics(uri, null);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    expect(((await cleared) as PublishDiagnosticsParams).diagnostics).toEqual([]);
  });

  it('follow edits, version by version', async () => {
    client = await startInProcess();
    await client.open(uri, 'A [placeholder](#).');
    const next = await client.change(uri, 2, 'A [placeholder](https://doi.org/10.17976/jpps/2020.03.02).');
    expect(next.version).toBe(2);
    expect(next.diagnostics).toEqual([]);
  });
});
