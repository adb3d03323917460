// The bundled server, started as another editor would start it, answers initialize and
// publishes diagnostics for an opened draft; later starts use the code cache the first
// wrote, and a broken cache file does not stop it.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStdio, type TestClient } from './harness';

describe('node dist/server.js --stdio', () => {
  let client: TestClient;
  beforeAll(async () => {
    client = await startStdio({ env: { XDG_CACHE_HOME: mkdtempSync(path.join(os.tmpdir(), 'attest-cache-')) } });
  });
  afterAll(async () => {
    await client.close();
  });

  it('answers initialize with its capabilities', () => {
    expect(client.initializeResult).toEqual({
      capabilities: expectedCapabilities,
      serverInfo: { name: 'attest', version: '0.1.0' },
    });
  });

  it('publishes versioned diagnostics for an opened draft', async () => {
    const published = await client.open('file:///tmp/brief.md', 'Dugin is a [fascist ideologue](#).\n', 3);
    expect(published.version).toBe(3);
    expect(published.diagnostics.map((d) => ({ code: d.code, range: d.range, message: d.message, severity: d.severity, source: d.source }))).toEqual([
      {
        code: 'link.placeholder',
        range: { start: { line: 0, character: 11 }, end: { line: 0, character: 33 } },
        message: 'Link "fascist ideologue" has no target: replace "#" with the source\'s URL or DOI.',
        severity: 2,
        source: 'attest',
      },
    ]);
  });
});

describe('the code cache', () => {
  const cacheHome = mkdtempSync(path.join(os.tmpdir(), 'attest-cache-'));
  const cacheDir = path.join(cacheHome, 'attest');
  /** Starts the server, checks a draft, stops it; the diagnostics it published. */
  const check = async (): Promise<unknown> => {
    const server = await startStdio({ env: { XDG_CACHE_HOME: cacheHome } });
    const published = await server.open('file:///tmp/brief.md', 'Dugin is a [fascist ideologue](#).\n', 1);
    await server.close();
    return published.diagnostics;
  };

  it('is written by the first start, in the user cache folder, and used by the next', async () => {
    const first = await check();
    const files = readdirSync(cacheDir);
    expect(files).toEqual([expect.stringMatching(/^server-v\d+\.\d+\.\d+-\w+-\d+-\d+\.v8cache$/)]);
    const cache = readFileSync(path.join(cacheDir, files[0]!));
    expect(cache.length).toBeGreaterThan(100_000);
    expect(await check()).toEqual(first);
    // Accepted, so left as it was.
    expect(readFileSync(path.join(cacheDir, files[0]!)).equals(cache)).toBe(true);
  });

  it('that is broken is replaced, and the server works as without one', async () => {
    const file = path.join(cacheDir, readdirSync(cacheDir)[0]!);
    const first = await check();
    writeFileSync(file, 'not a code cache');
    expect(await check()).toEqual(first);
    expect(readFileSync(file).length).toBeGreaterThan(100_000);
  });
});

export const expectedCapabilities = {
  textDocumentSync: { openClose: true, change: 2, save: { includeText: false } },
  hoverProvider: true,
  completionProvider: { triggerCharacters: ['^', '@', '$'], resolveProvider: true },
  codeActionProvider: { codeActionKinds: ['quickfix'] },
  definitionProvider: true,
  referencesProvider: true,
  renameProvider: { prepareProvider: true },
  documentSymbolProvider: { label: 'Claims' },
  documentLinkProvider: { resolveProvider: false },
  executeCommandProvider: { commands: ['attest.server.checkDocument', 'attest.server.acceptClaim'] },
};
