// Claims marked as checked leave a trace: the status counts them apart, the hover says who
// accepted them and when, the Accepted view lists them, and undo has them checked again.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CodeAction, Hover, MarkupContent } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import * as protocol from '../../server/src/protocol';
import { lines } from '../unit/helpers';
import { startInProcess, type TestClient } from './harness';

let client: TestClient | undefined;
afterEach(async () => {
  await client?.close();
  client = undefined;
});

const brief = lines('# Trade', '', "Pakistan's exports to Russia reached $250 million.[^1]", '', '[^1]: RT, 9 December 2019.');
const today = new Date().toISOString().slice(0, 10);
const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const todayLabel = `${Number(today.slice(8))} ${months[Number(today.slice(5, 7)) - 1]} ${today.slice(0, 4)}`;

async function markedAsChecked() {
  const root = mkdtempSync(path.join(tmpdir(), 'attest-accepted-'));
  client = await startInProcess({ rootUri: URI.file(root).toString() });
  const uri = URI.file(path.join(root, 'brief.md')).toString();
  const published = await client.open(uri, brief);
  const mismatch = published.diagnostics.find((d) => d.code === 'figure.mismatch')!;
  const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: mismatch.range, context: { diagnostics: [mismatch] } })) as CodeAction[];
  const quiet = client.diagnostics(uri, 1);
  await client.connection.sendRequest('workspace/executeCommand', actions.find((a) => a.command?.command === 'attest.server.acceptClaim')!.command);
  await quiet;
  return { root, uri, client };
}

describe('a claim marked as checked', () => {
  it('is counted apart in the status, not as disagreeing', async () => {
    const { uri, client } = await markedAsChecked();
    const status = await client.connection.sendRequest(protocol.documentStatusRequest, { textDocument: { uri } });
    expect(status).toMatchObject({ disagree: 0, accepted: 1, counts: { contradicted: 1 } });
  });

  it('has a hover that says the writer accepted it, and when', async () => {
    const { uri, client } = await markedAsChecked();
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 40 } })) as Hover;
    const first = (hover.contents as MarkupContent).value.split('\n\n')[0]!.replace(/\\([^\w\s])/g, '$1');
    expect(first).toBe(
      `**Attest: Accepted by you on ${todayLabel}** (marked as checked; undo it in the Accepted view) — Korybko & Morozov 2020, p. 19, fn. 21. The draft says $250 million; the source says $150 million. Matched: goods from Pakistan to Russia. The source gives $250 million for goods going from Russia to Pakistan.`,
    );
  });

  it('is listed for the Accepted view, and undo has it checked again', async () => {
    const { root, uri, client } = await markedAsChecked();
    const list = (await client.connection.sendRequest(protocol.acceptedClaimsRequest, {})) as protocol.AcceptedClaimsResult;
    expect(list).toEqual({ claims: [{ fingerprint: expect.any(String), claim: '$250 million', code: 'figure.mismatch', file: 'brief.md', on: today }] });
    const checked = client.diagnostics(uri, 1);
    expect(await client.connection.sendRequest(protocol.undoAcceptRequest, { fingerprint: list.claims[0]!.fingerprint })).toEqual({ undone: true });
    expect((await checked).diagnostics.map((d) => d.code)).toContain('figure.mismatch');
    expect(await client.connection.sendRequest(protocol.acceptedClaimsRequest, {})).toEqual({ claims: [] });
    expect(JSON.parse(readFileSync(path.join(root, '.attest', 'accepted.json'), 'utf8'))).toEqual({ version: 1, accepted: [] });
    const status = await client.connection.sendRequest(protocol.documentStatusRequest, { textDocument: { uri } });
    expect(status).toMatchObject({ disagree: 1, accepted: 0 });
    expect(await client.connection.sendRequest(protocol.undoAcceptRequest, { fingerprint: list.claims[0]!.fingerprint })).toEqual({ undone: false });
  });
});
