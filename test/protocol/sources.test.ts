// The writer's own sources (attest.sources): checked against, picked up again when a file
// changes, and a malformed file reported once with its line while the rest keeps working.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { sourcesRequest, type SourcesResult } from '../../server/src/protocol';
import { lines } from '../unit/helpers';
import { hostileFolder } from '../unit/sourceFolders';
import { startInProcess, type TestClient } from './harness';

let client: TestClient | undefined;
afterEach(async () => {
  await client?.close();
  client = undefined;
});

/** Awaits published diagnostics for `uri` until one set satisfies `done`. */
async function until(uri: string, done: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams> {
  for (;;) {
    const next = await client!.diagnostics(uri);
    if (done(next)) return next;
  }
}

const gwadar = (tonnes: string) =>
  lines('---', 'id: gwadar-port-2021', 'title: Gwadar Port Annual Report', 'authors: [{ family: Baloch, given: Sana }]', 'year: 2022', '---', '', `The Gwadar port handled ${tonnes} tonnes of cargo in 2021.`);

describe('attest.sources', () => {
  it('checks against the writer’s files and follows their changes without a restart', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'attest-sources-'));
    mkdirSync(path.join(root, 'sources'));
    const source = path.join(root, 'sources', 'gwadar.md');
    writeFileSync(source, gwadar('1.2 million'));
    client = await startInProcess({ rootUri: URI.file(root).toString(), settings: { sources: ['sources'] } });
    const messages: string[] = [];
    client.connection.onNotification('window/showMessage', (m: { message: string }) => messages.push(m.message));
    const uri = URI.file(path.join(root, 'brief.md')).toString();
    const opened = client.open(uri, 'The Gwadar port handled 1.2 million tonnes of cargo in 2021.');
    const supported = await until(uri, (p) => p.diagnostics.some((d) => d.code === 'claim.uncited'));
    await opened;
    expect(supported.diagnostics.map((d) => d.message)).toEqual(['Baloch 2022 supports 1.2 million tonnes, but the sentence cites no source.']);

    // Opened to read, a source is not checked as a draft.
    const asDraft = await client.open(URI.file(source).toString(), gwadar('1.2 million'));
    expect(asDraft.diagnostics).toEqual([]);

    writeFileSync(source, gwadar('1.5 million'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: URI.file(source).toString(), type: 2 }] });
    const changed = await until(uri, (p) => p.diagnostics.some((d) => d.code === 'figure.mismatch'));
    expect(changed.diagnostics.find((d) => d.code === 'figure.mismatch')!.message).toBe('Draft says 1.2 million tonnes; Baloch 2022 says 1.5 million tonnes.');

    const bad = path.join(root, 'sources', 'bad.md');
    writeFileSync(bad, lines('---', 'id: broken', 'title: [unclosed', '---', 'Text.'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: URI.file(bad).toString(), type: 1 }] });
    await until(uri, () => messages.some((m) => m.includes('bad.md')));
    // Reloading again does not repeat the message, and the good source still counts.
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: URI.file(source).toString(), type: 2 }] });
    const still = await until(uri, (p) => p.diagnostics.some((d) => d.code === 'figure.mismatch'));
    expect(still.diagnostics.map((d) => d.code)).toEqual(['figure.mismatch']);
    expect(messages.filter((m) => m.includes('bad.md'))).toEqual([expect.stringMatching(new RegExp(`^Attest source problem in ${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: The front matter is not valid YAML`))]);
  });

  it('loads the good sources from a hostile folder and reports the files it skipped in one message', async () => {
    const root = hostileFolder();
    client = await startInProcess({ rootUri: URI.file(root).toString(), settings: { sources: ['sources'] } });
    const messages: string[] = [];
    client.connection.onNotification('window/showMessage', (m: { message: string }) => messages.push(m.message));
    const uri = URI.file(path.join(root, 'brief.md')).toString();
    const opened = client.open(uri, 'The port handled 1.2 million tonnes in 2021.');
    await until(uri, (p) => p.diagnostics.some((d) => d.code === 'claim.uncited'));
    await opened;
    expect(messages).toEqual(['Attest could not use 5 source files: fifo.md, huge.md, junk.md, pipe.md and zero.md. The Attest Sources view gives the reason for each.']);

    const listed: SourcesResult = await client.connection.sendRequest(sourcesRequest, {});
    expect(listed.sources.filter((s) => !s.bundled).map((s) => s.id)).toEqual(['gwadar', 'trade']);
    expect(listed.problems.map((p) => `${path.relative(root, p.file)}: ${p.message}`)).toEqual([
      'sources/fifo.md: Skipped: it is a named pipe, not a regular file; only regular files are read as sources.',
      'sources/huge.md: Skipped: the file is 20.0 MB, over the 20 MB limit for a source.',
      'sources/junk.md: Skipped: the file looks binary (it contains NUL bytes), not a text source.',
      `sources/pipe.md: Skipped: it links to ${path.join(root, 'pipe')}, a named pipe, not a regular file; only regular files are read as sources.`,
      'sources/zero.md: Skipped: it links to /dev/zero, a device, not a regular file; only regular files are read as sources.',
    ]);
  });

  it('says once which source folder finds no file and which excluded id no source has, until the settings are fixed', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'attest-sources-'));
    mkdirSync(path.join(root, 'sources'));
    const source = path.join(root, 'sources', 'gwadar.md');
    writeFileSync(source, gwadar('1.2 million'));
    const settings = { sources: ['sources', 'sourcs'], excludeSources: ['abbasi-2052'] };
    client = await startInProcess({ rootUri: URI.file(root).toString(), settings });
    const messages: string[] = [];
    client.connection.onNotification('window/showMessage', (m: { message: string }) => messages.push(m.message));
    const uri = URI.file(path.join(root, 'brief.md')).toString();
    const opened = client.open(uri, 'The Gwadar port handled 1.2 million tonnes of cargo in 2021.');
    await until(uri, (p) => p.diagnostics.some((d) => d.code === 'claim.uncited'));
    await opened;
    const warning =
      `Attest settings problems: attest.sources: the source folder or glob "sourcs" matches no .md, .markdown, .txt, .pdf, .html, .htm, .xhtml or .docx file in ${root}; no sources are read from it. ` +
      'attest.excludeSources: no source has the id "abbasi-2052"; the sources are abbasi-2025, gwadar-port-2021, korybko-morozov-2020.';
    expect(messages).toEqual([warning]);
    const listed: SourcesResult = await client.connection.sendRequest(sourcesRequest, {});
    expect(listed.problems.map((p) => `${p.severity} ${p.file}: ${p.message}`)).toEqual([
      `warning attest.sources: the source folder or glob "sourcs" matches no .md, .markdown, .txt, .pdf, .html, .htm, .xhtml or .docx file in ${root}; no sources are read from it.`,
      'warning attest.excludeSources: no source has the id "abbasi-2052"; the sources are abbasi-2025, gwadar-port-2021, korybko-morozov-2020.',
    ]);

    // A reload with the same settings does not say it again.
    writeFileSync(source, gwadar('1.5 million'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: URI.file(source).toString(), type: 2 }] });
    await until(uri, (p) => p.diagnostics.some((d) => d.code === 'figure.mismatch'));
    expect(messages).toEqual([warning]);

    // Fixed, the problems leave the Sources view.
    settings.sources = ['sources'];
    settings.excludeSources = [];
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await until(uri, () => true);
    const fixed: SourcesResult = await client.connection.sendRequest(sourcesRequest, {});
    expect(fixed.problems).toEqual([]);
    expect(messages).toEqual([warning]);
  });

  it('says so when no source folder finds any file, listing it in the Sources view', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'attest-sources-'));
    client = await startInProcess({ rootUri: URI.file(root).toString(), settings: { sources: ['sourcs', path.join(root, 'notes', '*.md')] } });
    const message = new Promise<string>((resolve) => client!.connection.onNotification('window/showMessage', (m: { message: string }) => resolve(m.message)));
    expect(await message).toBe(
      `Attest settings problems: attest.sources: the source folder or glob "sourcs" matches no .md, .markdown, .txt, .pdf, .html, .htm, .xhtml or .docx file in ${root}; no sources are read from it. ` +
        `attest.sources: the source folder or glob "${path.join(root, 'notes', '*.md')}" matches no .md, .markdown, .txt, .pdf, .html, .htm, .xhtml or .docx file; no sources are read from it.`,
    );
    const listed: SourcesResult = await client.connection.sendRequest(sourcesRequest, {});
    expect(listed.problems.map((p) => `${p.file}: ${p.message}`)).toEqual([
      `attest.sources: the source folder or glob "sourcs" matches no .md, .markdown, .txt, .pdf, .html, .htm, .xhtml or .docx file in ${root}; no sources are read from it.`,
      `attest.sources: the source folder or glob "${path.join(root, 'notes', '*.md')}" matches no .md, .markdown, .txt, .pdf, .html, .htm, .xhtml or .docx file; no sources are read from it.`,
    ]);
  });
});
