// The bundled server, started as another editor would start it, answers initialize and
// publishes diagnostics for an opened draft.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStdio, type TestClient } from './harness';

describe('node dist/server.js --stdio', () => {
  let client: TestClient;
  beforeAll(async () => {
    client = await startStdio();
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

export const expectedCapabilities = {
  textDocumentSync: { openClose: true, change: 2, save: { includeText: false } },
  hoverProvider: true,
  completionProvider: { triggerCharacters: ['^', '@', '$'] },
  codeActionProvider: { codeActionKinds: ['quickfix'] },
  definitionProvider: true,
  referencesProvider: true,
  renameProvider: { prepareProvider: true },
  documentSymbolProvider: true,
  documentLinkProvider: { resolveProvider: false },
  executeCommandProvider: { commands: ['attest.server.checkDocument', 'attest.server.acceptClaim'] },
};
