// The server under storms: thousands of edits at once, a long typing session, a heavy draft
// beside a light one, malformed notifications and requests. Its final answers equal a fresh
// server's, requests are answered while a long check runs, and bad params are refused plainly.
import { afterEach, describe, expect, it } from 'vitest';
import type { CompletionItem, Diagnostic, Hover, PublishDiagnosticsParams } from 'vscode-languageserver';
import { lines, typingDraft, typingDraftFigure } from '../unit/helpers';
import { startInProcess, type TestClient } from './harness';

const uri = 'file:///tmp/storm.md';
const clients: TestClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) await client.close();
});
const start = async (): Promise<TestClient> => {
  const client = await startInProcess();
  clients.push(client);
  return client;
};

/** Diagnostics without the version their quick-fix data is for, so two servers' can be compared. */
const comparable = (diagnostics: Diagnostic[]): unknown[] => diagnostics.map(({ data, ...d }) => ({ ...d, fix: (data as { fix?: unknown } | undefined)?.fix }));

async function freshDiagnostics(text: string): Promise<unknown[]> {
  const fresh = await start();
  return comparable((await fresh.open(uri, text)).diagnostics);
}

/** Sends the edits that turn typingDraft(from) into typingDraft(to) one figure at a time, as versions from + 2 … to + 1, without waiting. */
function typeFigures(client: TestClient, from: number, to: number): void {
  const { line, character } = typingDraftFigure;
  for (let n = from + 1; n <= to; n++) {
    const range = { start: { line, character }, end: { line, character: character + String(150 + n - 1).length } };
    void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: n + 1 }, contentChanges: [{ range, text: String(150 + n) }] });
  }
}

describe('a burst of edits', () => {
  it('of 10,000 is checked at its last version, which reads as on a fresh server, and a hover sent after it answers', async () => {
    const client = await start();
    await client.open(uri, typingDraft(0));
    const last = client.diagnostics(uri, 10001);
    typeFigures(client, 0, 10000);
    const { line, character } = typingDraftFigure;
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character: character + 1 } })) as Hover | null;
    expect(hover?.range).toEqual({ start: { line, character: character - 1 }, end: { line, character: character + '10150 million'.length } });
    const published: PublishDiagnosticsParams = await last;
    expect(comparable(published.diagnostics)).toEqual(await freshDiagnostics(typingDraft(10000)));
  });
});

describe('a long typing session', () => {
  it('of 3,000 edits, each tenth one checked, ends as a fresh server reads the final text', async () => {
    const client = await start();
    await client.open(uri, typingDraft(0));
    for (let n = 0; n < 3000; n += 10) {
      const checked = client.diagnostics(uri, n + 11);
      typeFigures(client, n, n + 10);
      await checked;
    }
    const final = await client.connection.sendRequest('attest/documentStatus', { textDocument: { uri } });
    expect(final).toMatchObject({ version: 3001 });
    const last = client.diagnostics(uri, 3002);
    typeFigures(client, 3000, 3001);
    expect(comparable((await last).diagnostics)).toEqual(await freshDiagnostics(typingDraft(3001)));
  });
});

describe('a heavy draft being checked', () => {
  it('does not hold up a hover or a completion on another draft, nor a completion on itself', async () => {
    const client = await start();
    const light = 'file:///tmp/light.md';
    await client.open(light, lines('Trade grew.[^1]', '', '[^1]: RT, 9 December 2019.', '', 'More trade [^'));
    await client.open(uri, 'A first line.');
    const heavy = lines(...Array.from({ length: 600 }, (_, i) => `Paragraph ${i}: Pakistan's exports to Russia reached $${i + 1} million, and bilateral trade stood at $${i + 2} billion in ${1990 + (i % 30)}.\n`), 'More trade [^');
    const order: string[] = [];
    const heavyDiagnostics = client.diagnostics(uri, 2).then(() => order.push('heavy diagnostics'));
    void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: heavy }] });
    const status = client.connection.sendRequest('attest/documentStatus', { textDocument: { uri } }).then(() => order.push('heavy status'));
    const hover = client.connection.sendRequest('textDocument/hover', { textDocument: { uri: light }, position: { line: 0, character: 12 } }).then((h) => {
      order.push('light hover');
      return h as Hover | null;
    });
    const completion = client.connection.sendRequest('textDocument/completion', { textDocument: { uri: light }, position: { line: 4, character: 13 } }).then((c) => {
      order.push('light completion');
      return c as CompletionItem[] | null;
    });
    const ownCompletion = client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 1200, character: 13 } }).then(() => order.push('heavy completion'));
    expect((await hover)?.contents).toMatchObject({ value: expect.stringContaining('RT, 9 December 2019') });
    expect((await completion)?.map((c) => c.label)).toContain('1');
    await Promise.all([status, heavyDiagnostics, ownCompletion]);
    expect(order.slice(0, 3).sort()).toEqual(['heavy completion', 'light completion', 'light hover']);
  });
});

describe('a malformed didChange', () => {
  it('is ignored: the document keeps its last good text and later edits apply to it', async () => {
    const client = await start();
    await client.open(uri, lines('See [one](#).', '', 'See [two](#).'));
    for (const [version, line] of [[2, null], [3, 1.5], [4, -1]] as const) {
      void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: { line, character: 0 }, end: { line: 0, character: 3 } }, text: 'x' }] });
    }
    void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 5 }, contentChanges: [{ text: 42 }] });
    const published = client.diagnostics(uri, 6);
    void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 6 }, contentChanges: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'Also ' }] });
    const { diagnostics } = await published;
    expect(diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code}`)).toEqual(['0:4-0:12 link.placeholder', '2:9-2:17 link.placeholder']);
    expect(comparable(diagnostics)).toEqual(await freshDiagnostics(lines('See [one](#).', '', 'Also See [two](#).')));
  });

  it('nor is a malformed didOpen: the draft is not opened, and a later good one is', async () => {
    const client = await start();
    const other = 'file:///tmp/other.md';
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: other, languageId: 'markdown', version: 1, text: null } });
    expect(await client.connection.sendRequest('attest/documentStatus', { textDocument: { uri: other } })).toBeNull();
    const { diagnostics } = await client.open(other, 'See [one](#).');
    expect(diagnostics.map((d) => `${d.range.start.character}-${d.range.end.character} ${d.code}`)).toEqual(['4-12 link.placeholder']);
  });
});

describe('malformed requests', () => {
  it('are answered with InvalidParams and a message naming the field, and the server goes on', async () => {
    const client = await start();
    await client.open(uri, lines('Trade grew.[^1]', '', '[^1]: RT, 9 December 2019.'));
    const refusal = (method: string, params: unknown): Promise<unknown> => client.connection.sendRequest(method, params).then(() => 'answered', (e: { code: number; message: string }) => `${e.code} ${e.message}`);
    expect(await refusal('textDocument/hover', { textDocument: { uri }, position: { line: 1.5, character: 0 } })).toBe('-32602 Invalid params for textDocument/hover: position.line must be a whole number of 0 or more, not 1.5.');
    expect(await refusal('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: null } })).toBe('-32602 Invalid params for textDocument/hover: position.character must be a whole number of 0 or more, not null.');
    expect(await refusal('textDocument/completion', { position: { line: 0, character: 0 } })).toBe('-32602 Invalid params for textDocument/completion: textDocument is missing (it must be an object { uri }).');
    expect(await refusal('textDocument/definition', { textDocument: { uri: 7 }, position: { line: 0, character: 0 } })).toBe('-32602 Invalid params for textDocument/definition: textDocument.uri must be a URI string, not 7.');
    expect(await refusal('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, context: {} })).toBe(
      '-32602 Invalid params for textDocument/codeAction: context.diagnostics is missing (it must be an array).',
    );
    expect(await refusal('textDocument/documentSymbol', { textDocument: null })).toBe('-32602 Invalid params for textDocument/documentSymbol: textDocument must be an object { uri }, not null.');
    expect(await refusal('attest/insertCitation', { textDocument: { uri }, position: { line: 0, character: 0 }, sourceId: 42 })).toBe('-32602 Invalid params for attest/insertCitation: sourceId must be a string, not 42.');
    expect(await refusal('attest/checkFile', { uri })).toBe('-32602 Invalid params for attest/checkFile: text is missing (it must be a string).');
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 12 } })) as Hover | null;
    expect(hover?.contents).toMatchObject({ value: expect.stringContaining('RT, 9 December 2019') });
  });

  it('rename to a label that cannot be one is refused as a failed request, saying why', async () => {
    const client = await start();
    await client.open(uri, lines('Trade grew.[^1]', '', '[^1]: RT, 9 December 2019.'));
    const refused = await client.connection.sendRequest('textDocument/rename', { textDocument: { uri }, position: { line: 0, character: 13 }, newName: 'two words' }).catch((e: { code: number; message: string }) => e);
    expect(refused).toMatchObject({ code: -32803, message: '"two words" cannot be a footnote label: use letters, digits or dashes, without spaces or brackets.' });
  });
});
