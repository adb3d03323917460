// The writer's sources are checked against, never checked as drafts: opened in an editor they
// get no claim diagnostics and the status bar says they are a source; Check workspace
// (attest/checkFile) leaves them out, and checks an open draft from its unsaved text.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { URI } from 'vscode-uri';
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
  return client!.connection.sendRequest(method, params);
}

const gwadar = lines('---', 'id: gwadar-port-2021', 'title: Gwadar Port Annual Report', 'year: 2022', '---', '', 'The Gwadar port handled 1.2 million tonnes of cargo in 2021.', '', 'Its exports of mangoes reached 7,000 tonnes in 2031.');

function workspace(): { root: string; source: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'attest-source-files-'));
  mkdirSync(path.join(root, 'sources'));
  const source = path.join(root, 'sources', 'gwadar.md');
  writeFileSync(source, gwadar);
  return { root, source };
}

const none = { claims: 0, supported: 0, contradicted: 0, misquoted: 0, unsourced: 0 };

describe('a source file opened in the editor', () => {
  it('gets no claim diagnostics, even when opened as the server starts, and the status says it is a source', async () => {
    const { root, source } = workspace();
    client = await startInProcess({ rootUri: URI.file(root).toString(), settings: { sources: ['sources'] } });
    const uri = URI.file(source).toString();
    const opened = await client.open(uri, gwadar);
    expect(opened.diagnostics).toEqual([]);
    expect(await request(protocol.documentStatusRequest, { textDocument: { uri } })).toEqual({ uri, version: 1, counts: none, disagree: 0, accepted: 0, source: { title: 'Gwadar Port Annual Report', passages: 2 } });
  });
});

describe('Check workspace (attest/checkFile)', () => {
  it('leaves a source file out and checks a draft from the text it is given', async () => {
    const { root, source } = workspace();
    client = await startInProcess({ rootUri: URI.file(root).toString(), settings: { sources: ['sources'] } });
    const draft = URI.file(path.join(root, 'brief.md')).toString();
    // Wait for the sources to load: the draft is checked against them.
    const opened = client.open(draft, 'The Gwadar port handled 1.2 million tonnes of cargo in 2021.');
    for (;;) if ((await client.diagnostics(draft)).diagnostics.some((d) => d.code === 'claim.uncited')) break;
    await opened;

    expect(await request(protocol.checkFileRequest, { uri: URI.file(source).toString(), text: gwadar })).toEqual({ diagnostics: [], counts: none, source: { title: 'Gwadar Port Annual Report', passages: 2 } });
    // The open draft's unsaved text, not the file on disk (there is none).
    const unsaved = await request(protocol.checkFileRequest, { uri: draft, text: 'The Gwadar port handled 1.5 million tonnes of cargo in 2021.' });
    expect(unsaved.source).toBeUndefined();
    expect(unsaved.counts).toEqual({ ...none, claims: 2, supported: 1, contradicted: 1 });
    expect(unsaved.diagnostics.map((d) => d.code)).toEqual(['figure.mismatch']);
  });
});
