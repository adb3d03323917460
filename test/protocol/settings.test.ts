// The server reads .attestrc.json with the same settings code as the CLI: a byte order mark
// is accepted, and a mistyped key reaches the writer as a window message. The workspace
// folder's own .attestrc.json picks the sources; VS Code settings win over it; a client
// without workspace/configuration sends its settings at start and on change.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { sourcesRequest, type SourcesResult } from '../../server/src/protocol';
import { startInProcess, type TestClient } from './harness';

let client: TestClient | undefined;
afterEach(async () => {
  await client?.close();
  client = undefined;
});

describe('.attestrc.json in the editor', () => {
  it('applies a file with a byte order mark and tells the writer about a mistyped key', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'attest-rc-server-'));
    const rc = path.join(root, '.attestrc.json');
    writeFileSync(rc, '\uFEFF' + JSON.stringify({ severity: { 'link.placeholder': 'error' }, severty: {} }));
    client = await startInProcess({ rootUri: pathToFileURL(root).href });
    const messages: string[] = [];
    client.connection.onNotification('window/showMessage', (m: { message: string }) => messages.push(m.message));
    const { diagnostics } = await client.open(pathToFileURL(path.join(root, 'draft.md')).href, 'See [the report](#).');
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([['link.placeholder', 1]]);
    expect(messages).toEqual([`${rc}: "severty" is not an Attest setting and is ignored; did you mean "severity"?`]);
  });
});

const gwadar = (tonnes: string): string =>
  ['---', 'id: gwadar-port-2021', 'title: Gwadar Port Annual Report', 'authors: [{ family: Baloch, given: Sana }]', 'year: 2022', '---', '', `The Gwadar port handled ${tonnes} tonnes of cargo in 2021.`, ''].join('\n');
const claim = 'The Gwadar port handled 1.2 million tonnes of cargo in 2021.';

/** A workspace with sources/gwadar.md (1.2 million tonnes) and other/gwadar.md (1.5 million). */
function workspaceWithSources(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'attest-rc-sources-'));
  mkdirSync(path.join(root, 'sources'));
  mkdirSync(path.join(root, 'other'));
  writeFileSync(path.join(root, 'sources', 'gwadar.md'), gwadar('1.2 million'));
  writeFileSync(path.join(root, 'other', 'gwadar.md'), gwadar('1.5 million'));
  return root;
}

/** Awaits published diagnostics for `uri` until their codes are `codes`. */
async function untilCodes(uri: string, codes: string[]): Promise<string[]> {
  for (;;) {
    const next = await client!.diagnostics(uri);
    const got = next.diagnostics.map((d) => String(d.code));
    if (JSON.stringify(got) === JSON.stringify(codes)) return got;
  }
}

describe('settings for the workspace folder', () => {
  it('loads the sources an .attestrc.json in the workspace folder names, and reloads when it changes', async () => {
    const root = workspaceWithSources();
    const rc = path.join(root, '.attestrc.json');
    writeFileSync(rc, JSON.stringify({ sources: ['sources'] }));
    client = await startInProcess({ rootUri: pathToFileURL(root).href });
    const uri = pathToFileURL(path.join(root, 'drafts', 'brief.md')).href;
    const opened = client.open(uri, claim);
    await untilCodes(uri, ['claim.uncited']);
    await opened;
    const listed: SourcesResult = await client.connection.sendRequest(sourcesRequest, {});
    expect(listed.sources.filter((s) => !s.bundled).map((s) => s.uri)).toEqual([pathToFileURL(path.join(root, 'sources', 'gwadar.md')).href]);

    writeFileSync(rc, JSON.stringify({ sources: ['other'] }));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(rc).href, type: 2 }] });
    expect(await untilCodes(uri, ['figure.mismatch'])).toEqual(['figure.mismatch']);
  });

  it('uses VS Code settings over the .attestrc.json for the same key, and says so in the log', async () => {
    const root = workspaceWithSources();
    const rc = path.join(root, '.attestrc.json');
    writeFileSync(rc, JSON.stringify({ sources: ['sources'], severity: { 'figure.mismatch': 'error' } }));
    client = await startInProcess({ rootUri: pathToFileURL(root).href, settings: { sources: ['other'] } });
    const log: string[] = [];
    client.connection.onNotification('window/logMessage', (m: { message: string }) => log.push(m.message));
    const uri = pathToFileURL(path.join(root, 'brief.md')).href;
    const opened = client.open(uri, claim);
    await untilCodes(uri, ['figure.mismatch']);
    await opened;
    const listed: SourcesResult = await client.connection.sendRequest(sourcesRequest, {});
    expect(listed.sourcesSetting).toEqual({ origin: 'VS Code settings', overrides: rc });
    expect(log).toContain(`Attest: "sources" is set both in VS Code settings and in ${rc}; the value from VS Code settings is used (["other"]).`);
  });
});

describe('a client without workspace/configuration (Neovim 0.7)', () => {
  it('takes the settings from initializationOptions, then from didChangeConfiguration', async () => {
    const root = workspaceWithSources();
    client = await startInProcess({ rootUri: pathToFileURL(root).href, client: { configuration: false, initializationOptions: { attest: { sources: ['sources'] } } } });
    const uri = pathToFileURL(path.join(root, 'brief.md')).href;
    const opened = client.open(uri, claim);
    await untilCodes(uri, ['claim.uncited']);
    await opened;

    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { attest: { sources: ['other'], severity: { 'figure.mismatch': 'error' } } } });
    for (;;) {
      const next = await client.diagnostics(uri);
      if (next.diagnostics.some((d) => d.code === 'figure.mismatch')) {
        expect(next.diagnostics.map((d) => [d.code, d.severity])).toEqual([['figure.mismatch', 1]]);
        break;
      }
    }
  });
});
