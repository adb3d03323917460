// The language server with a team library (attest.library) on a throwaway PostgreSQL
// cluster: drafts are checked against the library's sources beside the bundled ones, and
// when the database stops the writer is told, local checks go on, and once it is back the
// checks use it again.
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPool } from '../../server/src/team/connection';
import { libraryRequest, lookupQuery } from '../../server/src/team/lookup';
import { documentStatusRequest, type DocumentStatusResult } from '../../server/src/protocol';
import { createLibrary, pushAsWriter, readerPassword, startTestCluster, type TestCluster } from '../team/pg';
import { repoRoot, startInProcess, type TestClient } from './harness';

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'team');
let cluster: TestCluster;
let readerUrl: string;
const passwordBefore = process.env.ATTEST_LIBRARY_PASSWORD;

beforeAll(async () => {
  cluster = await startTestCluster();
  const urls = await createLibrary(cluster);
  readerUrl = urls.readerUrl;
  await pushAsWriter(urls.writerUrl, [fixtures]);
  process.env.ATTEST_LIBRARY_PASSWORD = readerPassword;
}, 60000);

afterAll(() => {
  if (passwordBefore === undefined) delete process.env.ATTEST_LIBRARY_PASSWORD;
  else process.env.ATTEST_LIBRARY_PASSWORD = passwordBefore;
  cluster?.stop();
  cluster?.remove();
});

function rendered(params: PublishDiagnosticsParams): string[] {
  return params.diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)}`);
}

/** Publications for `uri` and `version`, from `first` on, until one passes `done`. */
async function until(client: TestClient, uri: string, version: number, first: PublishDiagnosticsParams, done: (lines: string[]) => boolean): Promise<string[]> {
  for (let params = first; ; params = await client.diagnostics(uri, version)) if (done(rendered(params))) return rendered(params);
}

const gwadar = 'Gwadar Port handled 1.5 million tonnes of cargo in 2020.[^1]';
const cpec = "CPEC's eventual total investment is expected to reach $80 billion.[^2]";
const metro = 'The Karachi Green Line carries 55,000 passengers a day on its bus rapid transit corridor.[^1]';
const notes = ['', '[^1]: Baloch 2021; Qureshi.', '[^2]: Korybko & Morozov 2020.', ''];

describe('the team library in the editor', () => {
  it('checks a draft against it beside the bundled corpus, and goes on without it while the database is down', async () => {
    const client = await startInProcess({ settings: { library: readerUrl } });
    const messages: string[] = [];
    let messaged: (() => void) | undefined;
    client.connection.onNotification('window/showMessage', (params: { message: string }) => {
      messages.push(params.message);
      messaged?.();
    });
    const nextMessage = (): Promise<void> => new Promise((resolve) => (messaged = resolve));
    const uri = pathToFileURL(path.join(repoRoot, 'draft-team.md')).href;
    try {
      const opened = await client.open(uri, [gwadar, '', cpec, ...notes].join('\n'), 1);
      expect(await until(client, uri, 1, opened, (lines) => lines.includes('1:21 figure.mismatch'))).toEqual(['1:21 figure.mismatch', '3:55 figure.mismatch']);

      cluster.stop();
      const down = nextMessage();
      const changed = await client.change(uri, 2, [gwadar, '', cpec, '', metro, ...notes].join('\n'));
      await down;
      expect(messages).toEqual([`The library at 127.0.0.1:${cluster.port}/postgres cannot be reached. Drafts are checked against your own and the bundled sources until it is back.`]);
      // The sources fetched before stay; the Green Line's never was, so its claim is unsourced for now.
      expect(rendered(changed)).toEqual(['1:21 figure.mismatch', '3:55 figure.mismatch', '5:32 claim.unsourced']);
      const status = (await client.connection.sendRequest(documentStatusRequest, { textDocument: { uri } })) as DocumentStatusResult;
      expect(status?.library).toBe(`The library at 127.0.0.1:${cluster.port}/postgres cannot be reached.`);

      cluster.start();
      const back = nextMessage();
      const resumed = await client.change(uri, 3, [gwadar, '', cpec, '', metro, '', ...notes].join('\n'));
      await back;
      expect(messages.at(-1)).toBe(`The team library at ${readerUrl} is reachable again; drafts are checked against it.`);
      expect(await until(client, uri, 3, resumed, (lines) => lines.includes('5:32 figure.mismatch'))).toEqual(['1:21 figure.mismatch', '3:55 figure.mismatch', '5:32 figure.mismatch']);
      const after = (await client.connection.sendRequest(documentStatusRequest, { textDocument: { uri } })) as DocumentStatusResult;
      expect(after?.library).toBeUndefined();
    } finally {
      await client.close();
    }
  });

  it('looks the spellings of a claim\'s words up in the trigram index, not by reading every word', async () => {
    const pool = openPool(readerUrl);
    const client = await pool.connect();
    try {
      // The fixtures hold a few words, which the planner would rather read through: forbid that, so the plan shows whether the index can answer at all.
      await client.query('SET enable_seqscan = off');
      const query = lookupQuery(libraryRequest('The chairman said the port "will be the gateway of Asia".\n'));
      const plan = (await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${query.text}`, query.values)).rows.map((r) => r['QUERY PLAN']);
      expect(plan.filter((line) => /attest_terms_trgm|%/.test(line)).map((line) => line.trim().replace(/\s+\(cost.*$/, ''))).toEqual([
        'Recheck Cond: (word % o_1.word)',
        '->  Bitmap Index Scan on attest_terms_trgm',
        'Index Cond: (word % o_1.word)',
      ]);
    } finally {
      client.release();
      await pool.end();
    }
  });
});

