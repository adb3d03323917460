// The index of the writer's sources in the cache folder, as the editor sees it: progress
// while a first build runs, a source changed or deleted on disk changes the draft's
// diagnostics, and a restart takes unchanged files from the cache instead of reading them.
import { mkdtempSync, mkdirSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { lines } from '../unit/helpers';
import { startInProcess, type TestClient } from './harness';

let client: TestClient | undefined;
afterEach(async () => {
  await client?.close();
  client = undefined;
});

async function until(uri: string, done: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams> {
  for (;;) {
    const next = await client!.diagnostics(uri);
    if (done(next)) return next;
  }
}

const report = (port: string, tonnes: string) => lines('---', `id: ${port.toLowerCase()}-2021`, `title: ${port} Port Annual Report`, 'authors: [{ family: Baloch, given: Sana }]', 'year: 2022', '---', '', `The ${port} port handled ${tonnes} tonnes of cargo in 2021.`);
const ports = ['Gwadar', 'Karachi', 'Qasim', 'Pasni', 'Ormara', 'Jiwani', 'Keti', 'Sonmiani', 'Kalmat', 'Sur', 'Chabahar', 'Jask'];

/** Twelve sources, each with whole-second times that a rewrite can set back exactly. */
function workspace(): { root: string; gwadar: string; cache: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'attest-index-'));
  mkdirSync(path.join(root, 'sources'));
  ports.forEach((port, i) => {
    const file = path.join(root, 'sources', `${port.toLowerCase()}.md`);
    writeFileSync(file, report(port, `${i + 1}.2 million`));
    utimesSync(file, 1_700_000_000, 1_700_000_000);
  });
  return { root, gwadar: path.join(root, 'sources', 'gwadar.md'), cache: path.join(root, 'cache') };
}

const claim = 'The Gwadar port handled 1.2 million tonnes of cargo in 2021.';
const codes = (p: PublishDiagnosticsParams): string[] => p.diagnostics.map((d) => String(d.code));

describe('the index of the writer’s sources', () => {
  it('shows progress while it is first built, then follows a changed and a deleted source', async () => {
    const { root, gwadar, cache } = workspace();
    client = await startInProcess({ rootUri: URI.file(root).toString(), settings: { sources: ['sources'], cacheFolder: 'cache' } });
    const uri = URI.file(path.join(root, 'brief.md')).toString();
    const opened = client.open(uri, claim);
    await until(uri, (p) => codes(p).includes('claim.uncited'));
    await opened;
    const progress = client.progress;
    expect(progress[0]).toEqual({ kind: 'begin', title: 'Indexing sources', message: expect.stringMatching(/^\d+ of 12 files$/), percentage: expect.any(Number) });
    expect(progress.at(-1)).toEqual({ kind: 'end' });
    // The cacheFolder setting, relative to the workspace.
    expect(statSync(path.join(cache, 'sources')).isDirectory()).toBe(true);

    writeFileSync(gwadar, report('Gwadar', '1.5 million'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: URI.file(gwadar).toString(), type: 2 }] });
    const changed = await until(uri, (p) => codes(p).includes('figure.mismatch'));
    expect(changed.diagnostics.map((d) => d.message)).toEqual(['Draft says 1.2 million tonnes; Baloch 2022 says 1.5 million tonnes.']);
    // One file re-indexed: no progress for it.
    expect(client.progress.length).toBe(progress.length);

    unlinkSync(gwadar);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: URI.file(gwadar).toString(), type: 3 }] });
    const deleted = await until(uri, (p) => !codes(p).includes('figure.mismatch'));
    expect(codes(deleted)).toEqual(['claim.unsourced']);
  });

  it('serves an unchanged file from the cache after a restart, without reading it', async () => {
    const { root, gwadar } = workspace();
    const settings = { sources: ['sources'], cacheFolder: 'cache' };
    const uri = URI.file(path.join(root, 'brief.md')).toString();
    client = await startInProcess({ rootUri: URI.file(root).toString(), settings });
    const opened = client.open(uri, claim);
    await until(uri, (p) => codes(p).includes('claim.uncited'));
    await opened;
    await client.close();

    // Other words of the same size, with the same time: only a read of the file would see them.
    writeFileSync(gwadar, report('Gwadar', '9.2 million'));
    utimesSync(gwadar, 1_700_000_000, 1_700_000_000);
    client = await startInProcess({ rootUri: URI.file(root).toString(), settings });
    const again = client.open(uri, claim);
    const cached = await until(uri, (p) => codes(p).includes('claim.uncited'));
    await again;
    expect(cached.diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/^Baloch 2022 supports 1\.2 million tonnes, but the sentence cites no source\./)]);
    expect(client.progress).toEqual([]);
  });
});
