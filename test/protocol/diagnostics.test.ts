// Diagnostics as a writer meets them: specific messages that name the source passage,
// ignore comments, "Mark as checked", and bad input that is reported without a crash.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { lines } from '../unit/helpers';
import { startInProcess, type TestClient } from './harness';

const uri = 'file:///tmp/diagnostics.md';
let client: TestClient | undefined;
afterEach(async () => {
  await client?.close();
  client = undefined;
});

const brief = lines('# Trade', '', "Pakistan's exports to Russia reached $250 million.[^1]", '', '[^1]: RT, 9 December 2019.');

describe('a figure that disagrees with a source', () => {
  it('says what the draft and the source say, for what', async () => {
    client = await startInProcess();
    const { diagnostics } = await client.open(uri, brief);
    const mismatch = diagnostics.find((d) => d.code === 'figure.mismatch')!;
    expect(mismatch).toMatchObject({
      range: { start: { line: 2, character: 37 }, end: { line: 2, character: 49 } },
      severity: 2,
      source: 'attest',
      message: 'Draft says $250 million; Korybko & Morozov 2020 (p. 19, fn. 21) says $150 million, and gives $250 million for goods going from Russia to Pakistan.',
    });
    // The source's sentence and reference are in the hover, not beside the message: VS Code lists related information as rows of their own.
    expect(mismatch.relatedInformation).toBeUndefined();
  });
});

describe('ignore comments', () => {
  it('silence the next line, or a stretch for the codes named', async () => {
    client = await startInProcess();
    const text = lines(
      '<!-- attest-ignore-next-line -->',
      'See [one](#).',
      '',
      'See [two](#).',
      '',
      '<!-- attest-disable link.placeholder -->',
      'See [three](#) and [^9].',
      '<!-- attest-enable -->',
      '',
      'See [four](#).',
    );
    const { diagnostics } = await client.open(uri, text);
    expect(diagnostics.map((d) => `${d.range.start.line}:${d.code}`)).toEqual(['3:link.placeholder', '6:footnote.undefined', '9:link.placeholder']);
  });
});

describe('Mark as checked', () => {
  it('records the claim in .attest/accepted.json and keeps it quiet until its sentence changes', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'attest-accept-'));
    client = await startInProcess({ rootUri: URI.file(root).toString() });
    const draftUri = URI.file(path.join(root, 'brief.md')).toString();
    const published = await client.open(draftUri, brief);
    const mismatch = published.diagnostics.find((d) => d.code === 'figure.mismatch')!;
    const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: draftUri }, range: mismatch.range, context: { diagnostics: [mismatch] } })) as CodeAction[];
    const accept = actions.find((a) => a.command?.command === 'attest.server.acceptClaim')!;
    expect(accept.title).toBe('Mark as checked (stays quiet until the sentence changes)');
    const quiet = client.diagnostics(draftUri, 1);
    await client.connection.sendRequest('workspace/executeCommand', accept.command);
    expect((await quiet).diagnostics.map((d: Diagnostic) => d.code)).not.toContain('figure.mismatch');
    const saved = JSON.parse(readFileSync(path.join(root, '.attest', 'accepted.json'), 'utf8')) as { accepted: { claim: string; code: string; file: string }[] };
    expect(saved.accepted).toEqual([{ fingerprint: expect.any(String), claim: '$250 million', code: 'figure.mismatch', file: 'brief.md', on: new Date().toISOString().slice(0, 10) }]);
    const changed = await client.change(draftUri, 2, brief.replace('exports to Russia reached', 'exports to Russia then reached'));
    expect(changed.diagnostics.map((d) => d.code)).toContain('figure.mismatch');
  });
});

describe('bad input', () => {
  it('does not check a draft over attest.maxFileSize, and says why', async () => {
    client = await startInProcess({ settings: { maxFileSize: 1000 } });
    const messages: string[] = [];
    client.connection.onNotification('window/showMessage', (m: { message: string }) => messages.push(m.message));
    const { diagnostics } = await client.open(uri, 'See [a link](#). '.repeat(100));
    expect(diagnostics).toEqual([]);
    expect(messages).toEqual(['Attest did not check this draft: it is 2 KB, over the attest.maxFileSize setting (1000 bytes).']);
  });

  it('checks binary junk and a 10 MB draft without falling over', async () => {
    client = await startInProcess();
    const junk = await client.open('file:///tmp/junk.md', '\u0000\u0001\u0002\uFFFD[^\u0000](#)'.repeat(1000));
    expect(Array.isArray(junk.diagnostics)).toBe(true);
    const large = await client.open('file:///tmp/large.md', 'Trade stood at $700 million. '.repeat(400_000));
    expect(large.diagnostics).toEqual([]);
    // The server still answers afterwards.
    const after = await client.open(uri, 'See [the report](#).');
    expect(after.diagnostics.map((d) => d.code)).toEqual(['link.placeholder']);
  });
});
