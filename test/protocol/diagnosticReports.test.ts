// How diagnostics reach the editor: pulled by a client that asks for them (answered
// "unchanged" when nothing changed), pushed to one that does not, with exact ranges after
// edits anywhere in the draft, and small enough to send after every keystroke.
import { afterEach, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic, DocumentDiagnosticReport, Hover, TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { generateDraft } from '../../bench/lib/drafts';
import { lines } from '../unit/helpers';
import { startInProcess, type TestClient } from './harness';

const uri = 'file:///tmp/reports.md';
let client: TestClient | undefined;
afterEach(async () => {
  await client?.close();
  client = undefined;
});

const render = (diagnostics: Diagnostic[]): string[] => diagnostics.map(({ range: { start, end }, code, message }) => `${start.line}:${start.character}-${end.line}:${end.character} ${code}: ${message}`);

const brief = lines('# Trade', '', "Pakistan's exports to Russia reached $250 million.[^1]", '', '[^1]: RT, 9 December 2019.');
const mismatch = 'figure.mismatch: Draft says $250 million; Korybko & Morozov 2020 (p. 19, fn. 21) says $150 million, and gives $250 million for goods going from Russia to Pakistan.';

const pull = (previousResultId?: string): Promise<DocumentDiagnosticReport> => client!.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri }, ...(previousResultId ? { previousResultId } : {}) });
const open = (text: string): Promise<void> => client!.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
const edit = (version: number, ...contentChanges: TextDocumentContentChangeEvent[]): Promise<void> => client!.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
const insert = (line: number, character: number, text: string): TextDocumentContentChangeEvent => ({ range: { start: { line, character }, end: { line, character } }, text });

describe('pull diagnostics', () => {
  it('answers the findings, "unchanged" while the draft is, and the new findings after an edit', async () => {
    client = await startInProcess({ client: { pull: true } });
    expect(client.initializeResult.capabilities.diagnosticProvider).toEqual({ identifier: 'attest', interFileDependencies: false, workspaceDiagnostics: false });
    await open(brief);
    const first = await pull();
    expect(first.kind).toBe('full');
    expect(render(first.kind === 'full' ? first.items : [])).toEqual([`2:37-2:49 ${mismatch}`]);
    const resultId = first.resultId!;
    expect(await pull(resultId)).toEqual({ kind: 'unchanged', resultId });

    await edit(2, insert(2, 0, 'By then '));
    const after = await pull(resultId);
    expect(after.kind).toBe('full');
    expect(after.resultId).not.toBe(resultId);
    expect(render(after.kind === 'full' ? after.items : [])).toEqual([`2:45-2:57 ${mismatch}`]);
    expect(await pull(after.resultId)).toEqual({ kind: 'unchanged', resultId: after.resultId });
  });

  it('answers the latest version when the draft changes while it is checked', async () => {
    client = await startInProcess({ client: { pull: true } });
    await open(brief);
    const asked = pull();
    await edit(2, insert(0, 7, ' and investment'), insert(2, 0, 'Then '));
    const report = await asked;
    expect(render(report.kind === 'full' ? report.items : [])).toEqual([`2:42-2:54 ${mismatch}`]);
  });

  it('gives a quick fix for a pulled diagnostic, from the finding it shows', async () => {
    client = await startInProcess({ client: { pull: true } });
    await open(brief);
    const report = await pull();
    const diagnostic = (report.kind === 'full' ? report.items : [])[0]!;
    expect(diagnostic.data).toBeUndefined();
    const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) as CodeAction[];
    expect(actions.map((a) => a.title)).toEqual(['Change to $150 million (Korybko & Morozov 2020)', 'Mark as checked (stays quiet until the sentence changes)']);
  });
});

describe('pull diagnostics with attest.checkOn "manual"', () => {
  it('keep the last report while the writer types, and ask the client to pull again after "Check document"', async () => {
    client = await startInProcess({ client: { pull: true }, settings: { checkOn: 'manual' } });
    await open(brief);
    const first = await pull();
    expect(render(first.kind === 'full' ? first.items : [])).toEqual([`2:37-2:49 ${mismatch}`]);
    await edit(2, insert(2, 0, 'Then '));
    expect(await pull(first.resultId)).toEqual({ kind: 'unchanged', resultId: first.resultId });
    const refreshed = new Promise<void>((resolve) => client!.connection.onRequest('workspace/diagnostic/refresh', () => (resolve(), null)));
    await client.connection.sendRequest('workspace/executeCommand', { command: 'attest.server.checkDocument', arguments: [uri] });
    await refreshed;
    const checked = await pull(first.resultId);
    expect(render(checked.kind === 'full' ? checked.items : [])).toEqual([`2:42-2:54 ${mismatch}`]);
  });
});

describe('push diagnostics', () => {
  it('are published, with the version, to a client that does not pull', async () => {
    client = await startInProcess();
    expect(client.initializeResult.capabilities.diagnosticProvider).toBeUndefined();
    const published = await client.open(uri, brief);
    expect(published.version).toBe(1);
    expect(render(published.diagnostics)).toEqual([`2:37-2:49 ${mismatch}`]);
  });
});

describe('after edits at the start, in the middle and at the end', () => {
  it('every diagnostic has the range of its words in the edited draft, and its quick fix edits them', async () => {
    client = await startInProcess();
    const text = lines('See [one](#).', '', 'See [two](#).', '', "Pakistan's exports to Russia reached $250 million.[^1]", '', '[^1]: RT, 9 December 2019.');
    const opened = await client.open(uri, text);
    expect(render(opened.diagnostics).map((d) => d.split(':').slice(0, 3).join(':'))).toEqual(['0:4-0:12 link.placeholder', '2:4-2:12 link.placeholder', '4:37-4:49 figure.mismatch']);
    const steps: [number, TextDocumentContentChangeEvent, string[]][] = [
      [2, insert(0, 0, 'Also '), ['0:9-0:17 link.placeholder', '2:4-2:12 link.placeholder', '4:37-4:49 figure.mismatch']],
      [3, insert(2, 0, 'A new paragraph.\n\n'), ['0:9-0:17 link.placeholder', '4:4-4:12 link.placeholder', '6:37-6:49 figure.mismatch']],
      [4, insert(6, 0, 'By then '), ['0:9-0:17 link.placeholder', '4:4-4:12 link.placeholder', '6:45-6:57 figure.mismatch']],
      [5, insert(8, 26, '\n\nSee [three](#).'), ['0:9-0:17 link.placeholder', '4:4-4:12 link.placeholder', '6:45-6:57 figure.mismatch', '10:4-10:14 link.placeholder']],
      [6, { range: { start: { line: 0, character: 0 }, end: { line: 2, character: 0 } }, text: '' }, ['2:4-2:12 link.placeholder', '4:45-4:57 figure.mismatch', '8:4-8:14 link.placeholder']],
    ];
    let diagnostics: Diagnostic[] = [];
    for (const [version, change, expected] of steps) {
      const published = client.diagnostics(uri, version);
      await edit(version, change);
      diagnostics = (await published).diagnostics;
      expect(render(diagnostics).map((d) => d.split(':').slice(0, 3).join(':'))).toEqual(expected);
    }
    const figure = diagnostics.find((d) => d.code === 'figure.mismatch')!;
    const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: figure.range, context: { diagnostics: [figure] } })) as CodeAction[];
    const change = actions.find((a) => a.title.startsWith('Change to'))!.edit!.documentChanges![0]!;
    expect(change).toEqual({ textDocument: { uri, version: 6 }, edits: [{ range: { start: { line: 4, character: 45 }, end: { line: 4, character: 57 } }, newText: '$150 million' }] });
    // The verdicts behind the hover are placed where the edits left their claims too.
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 50 } })) as Hover;
    expect(hover.range).toEqual({ start: { line: 4, character: 45 }, end: { line: 4, character: 57 } });
  });
});

describe('the size of what is sent', () => {
  it('keeps the diagnostics of a 20,000-word draft under 128 KB, one line each', async () => {
    client = await startInProcess();
    const { text, stats } = generateDraft(20000, 20_000);
    expect(stats.words).toBeGreaterThanOrEqual(20000);
    const published = await client.open(uri, text);
    expect(published.diagnostics.length).toBeGreaterThan(300);
    expect(Buffer.byteLength(JSON.stringify(published), 'utf8')).toBeLessThan(128 * 1024);
    expect(published.diagnostics.filter((d) => d.message.includes('\n'))).toEqual([]);
    // Checking 20,000 words from cold takes seconds on a busy machine.
  }, 60000);
});
