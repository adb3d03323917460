// The team library's password as the editor passes it: "Attest: Set team library password"
// keeps it in the OS keychain and starts the language server with it in its environment.
// The throwaway cluster asks for a password (scram-sha-256) over 127.0.0.1, so the server
// connects with it, and without it says that the library asks for one.
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLibrary, pushAsWriter, readerPassword, startTestCluster, type TestCluster } from '../team/pg';
import { repoRoot, startStdio } from './harness';

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'team');
const environment = { ATTEST_LIBRARY_PASSWORD: process.env.ATTEST_LIBRARY_PASSWORD, PGPASSWORD: process.env.PGPASSWORD };
let cluster: TestCluster;
let readerUrl: string;

beforeAll(async () => {
  cluster = await startTestCluster();
  const urls = await createLibrary(cluster);
  readerUrl = urls.readerUrl;
  await pushAsWriter(urls.writerUrl, [fixtures]);
  // The servers below get only the password the test gives them.
  delete process.env.ATTEST_LIBRARY_PASSWORD;
  delete process.env.PGPASSWORD;
}, 60000);

afterAll(() => {
  for (const [name, value] of Object.entries(environment)) if (value === undefined) delete process.env[name];
  else process.env[name] = value;
  cluster?.stop();
  cluster?.remove();
});

const rendered = (params: PublishDiagnosticsParams): string[] => params.diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)}`);
const draft = 'Gwadar Port handled 1.5 million tonnes of cargo in 2020.[^1]\n\n[^1]: Baloch 2021.\n';

describe('the team library password from the editor', () => {
  it('connects with the password the server was started with, and without one says it needs one', async () => {
    const uri = pathToFileURL(path.join(repoRoot, 'draft-password.md')).href;
    const without = await startStdio({ settings: { library: readerUrl, bundledCorpus: false } });
    try {
      const message = new Promise<string>((resolve) => without.connection.onNotification('window/showMessage', (params: { message: string }) => resolve(params.message)));
      await without.open(uri, draft, 1);
      expect(await message).toBe(
        `The library at 127.0.0.1:${cluster.port}/postgres asks for a password: set it with "Attest: Set team library password" in VS Code, or the ATTEST_LIBRARY_PASSWORD environment variable. Drafts are checked against your own and the bundled sources until it is back.`,
      );
    } finally {
      await without.close();
    }

    const withPassword = await startStdio({ settings: { library: readerUrl, bundledCorpus: false }, env: { ATTEST_LIBRARY_PASSWORD: readerPassword } });
    try {
      let params = await withPassword.open(uri, draft, 1);
      while (!rendered(params).includes('1:21 figure.mismatch')) params = await withPassword.diagnostics(uri, 1);
      expect(params.diagnostics.map((d) => d.message)).toEqual(['Draft says 1.5 million tonnes; Baloch 2021 (Cargo) says 1.2 million tonnes.']);
    } finally {
      await withPassword.close();
    }
  });
});
