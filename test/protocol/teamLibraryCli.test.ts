// The team library from the command line, against a throwaway PostgreSQL cluster: pushing
// (added, changed, removed files), the status, the roles, drafts checked against the library
// giving the same findings as the same sources checked locally, words that look like SQL,
// and a library that cannot be reached.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLibrary, readerPassword, startTestCluster, writerPassword, type TestCluster } from '../team/pg';
import { distDir, repoRoot } from './harness';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function attest(password: string | undefined, ...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, ATTEST_LIBRARY_PASSWORD: password };
    if (password === undefined) delete env.ATTEST_LIBRARY_PASSWORD;
    const child = spawn(process.execPath, [path.join(distDir, 'cli.js'), ...args], { cwd: workDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') }));
  });
}

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'team');
let cluster: TestCluster;
let readerUrl: string;
let writerUrl: string;
let workDir: string;

/** The corpus's papers and the fixtures' two sources, as a writer's folder. */
function sourceFolder(): string {
  const folder = path.join(workDir, 'sources');
  mkdirSync(folder, { recursive: true });
  for (const name of readdirSync(path.join(repoRoot, 'corpus')).filter((n) => n.endsWith('.md'))) copyFileSync(path.join(repoRoot, 'corpus', name), path.join(folder, name));
  for (const name of readdirSync(fixtures)) copyFileSync(path.join(fixtures, name), path.join(folder, name));
  return folder;
}

const draft = [
  '# Ports and power',
  '',
  'Gwadar Port handled 1.5 million tonnes of cargo in 2020.[^1] The port authority employed 3,400 people at the end of 2020.[^1]',
  'Its chairman said the port "will become the gateway of Asia" within a decade.[^1]',
  '',
  "The Thar coalfield's power plants reached 2,640 megawatts of capacity in 2022.[^2]",
  '',
  "CPEC's eventual total investment is expected to reach $60 billion, and Russia promised a $14 billion investment in Pakistan's energy sector.[^3]",
  '',
  '[^1]: Baloch 2021.',
  '[^2]: Memon 2022.',
  '[^3]: Korybko & Morozov 2020.',
  '',
].join('\n');

interface Report {
  files: { diagnostics: { range: { start: { line: number; character: number } }; code: string; message: string }[] }[];
}

function rendered(run: Run): string[] {
  const report = JSON.parse(run.stdout) as Report;
  return report.files.flatMap((f) => f.diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}: ${d.message}`));
}

beforeAll(async () => {
  workDir = mkdtempSync(path.join(tmpdir(), 'attest-team-'));
  writeFileSync(path.join(workDir, 'draft.md'), draft);
  cluster = await startTestCluster();
  ({ readerUrl, writerUrl } = await createLibrary(cluster));
}, 60000);

afterAll(() => {
  cluster?.stop();
  cluster?.remove();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('attest library', () => {
  it('pushes a folder, then only what changed, and says what the library holds', async () => {
    const folder = path.join(workDir, 'push');
    mkdirSync(folder);
    copyFileSync(path.join(fixtures, 'gwadar-port.md'), path.join(folder, 'gwadar-port.md'));
    copyFileSync(path.join(fixtures, 'thar-coal.md'), path.join(folder, 'thar-coal.md'));
    const first = await attest(writerPassword, 'library', 'push', folder, '--to', writerUrl);
    expect([first.code, first.stdout, first.stderr]).toEqual([0, '2 added, 0 updated, 0 unchanged, 0 deleted.\n', '']);
    const again = await attest(writerPassword, 'library', 'push', folder, '--to', writerUrl);
    expect(again.stdout).toBe('0 added, 0 updated, 2 unchanged, 0 deleted.\n');

    writeFileSync(path.join(folder, 'thar-coal.md'), '---\nid: thar-coal-2022\ntitle: Thar Coal\n---\n\nThe plants reached 3,300 megawatts in 2023.\n');
    rmSync(path.join(folder, 'gwadar-port.md'));
    writeFileSync(path.join(folder, 'new.md'), '---\nid: new-2024\ntitle: New\n---\n\nOne passage with 12 ships.\n\nAnother with 40 ships.\n');
    const changed = await attest(writerPassword, 'library', 'push', folder, '--to', writerUrl, '--format', 'json');
    expect(JSON.parse(changed.stdout)).toEqual({ added: 1, updated: 1, unchanged: 0, deleted: 1, problems: [], notes: [] });

    const status = await attest(readerPassword, 'library', 'status', '--to', readerUrl, '--format', 'json');
    expect(status.code).toBe(0);
    const counts = JSON.parse(status.stdout) as Record<string, unknown>;
    expect({ ...counts, lastPush: typeof counts.lastPush }).toEqual({ schemaVersion: 2, sources: 2, passages: 3, figures: 4, lastPush: 'string', canPush: false });

    // Empty the library again for the checks below.
    rmSync(folder, { recursive: true });
    mkdirSync(folder);
    expect((await attest(writerPassword, 'library', 'push', folder, '--to', writerUrl)).stdout).toBe('0 added, 0 updated, 0 unchanged, 2 deleted.\n');
  });

  it('pushes a reference library\'s entries with their attached files, then only the entries that changed', async () => {
    const folder = path.join(workDir, 'bib');
    mkdirSync(folder);
    copyFileSync(path.join(fixtures, 'gwadar-port.md'), path.join(folder, 'gwadar-port.md'));
    const entries = (thar: string): string => [
      '@report{baloch-review,', '  title = {Gwadar Port Review},', '  author = {Baloch, Sana},', '  year = {2021},', '  file = {gwadar-port.md}', '}', '',
      `@book{memon-thar,`, `  title = {${thar}},`, '  author = {Memon, Ali},', '  year = {2022},', '  file = {missing.pdf}', '}', '',
    ].join('\n');
    writeFileSync(path.join(folder, 'refs.bib'), entries('Thar Coal'));
    const first = await attest(writerPassword, 'library', 'push', folder, '--to', writerUrl);
    // The attached file is the entry's text, not a source of its own; the entry whose file is missing is a reference.
    expect([first.code, first.stdout, first.stderr]).toEqual([
      0,
      '2 added, 0 updated, 0 unchanged, 0 deleted.\n',
      `attest: ${path.join(folder, 'refs.bib')}:8: The file attached to @memon-thar could not be read (missing.pdf does not exist); the entry is used as a reference only, with no text to check against.\n`,
    ]);
    writeFileSync(path.join(workDir, 'cites.md'), 'Gwadar Port handled 1.5 million tonnes of cargo in 2020 [@baloch-review]. Thar coal was mined in 2022 [@memon-thar].\n');
    const local = await attest(undefined, 'check', 'cites.md', '--no-bundled', '--sources', folder, '--format', 'json');
    const library = await attest(readerPassword, 'check', 'cites.md', '--no-bundled', '--library', readerUrl, '--format', 'json');
    expect(library.stderr).toBe('');
    expect(rendered(library)).toEqual(rendered(local));
    expect(rendered(library)).toEqual([
      '1:21 figure.mismatch: Draft says 1.5 million tonnes; Baloch 2021 (Cargo) says 1.2 million tonnes.',
      '1:98 claim.unsourced: No source states 2022 about this subject: add its source, or a footnote.',
    ]);

    // Named alone, the library is pushed the same way.
    writeFileSync(path.join(folder, 'refs.bib'), entries('Thar Coal and Power'));
    expect((await attest(writerPassword, 'library', 'push', path.join(folder, 'refs.bib'), '--to', writerUrl)).stdout).toBe('0 added, 1 updated, 1 unchanged, 0 deleted.\n');
    // Without its entry, the file is a source of its own again; the other entry moved to line 1, which it records.
    writeFileSync(path.join(folder, 'refs.bib'), entries('Thar Coal and Power').split('\n\n')[1]!);
    expect((await attest(writerPassword, 'library', 'push', folder, '--to', writerUrl)).stdout).toBe('1 added, 1 updated, 0 unchanged, 1 deleted.\n');

    rmSync(folder, { recursive: true });
    mkdirSync(folder);
    expect((await attest(writerPassword, 'library', 'push', folder, '--to', writerUrl)).stdout).toBe('0 added, 0 updated, 0 unchanged, 2 deleted.\n');
  });

  it('refuses a push from a login that may only read, and a wrong password, in plain words', async () => {
    const refused = await attest(readerPassword, 'library', 'push', fixtures, '--to', readerUrl);
    expect([refused.code, refused.stderr]).toEqual([2, `attest: The library at 127.0.0.1:${cluster.port}/postgres refused: this role may only read it (push with a role in attest_writer).\n`]);
    const wrong = await attest('not-the-password', 'library', 'status', '--to', readerUrl);
    expect([wrong.code, wrong.stderr]).toEqual([2, `attest: The library at 127.0.0.1:${cluster.port}/postgres refused the login: check the user in the connection string and the password ("Attest: Set team library password" in VS Code, or the ATTEST_LIBRARY_PASSWORD environment variable).\n`]);
  });
});

describe('attest check --library', () => {
  it('finds what the same sources find when checked locally', async () => {
    const folder = sourceFolder();
    const pushed = await attest(writerPassword, 'library', 'push', folder, '--to', writerUrl);
    expect(pushed.stdout).toBe('5 added, 0 updated, 0 unchanged, 0 deleted.\n');
    const local = await attest(undefined, 'check', 'draft.md', '--no-bundled', '--sources', folder, '--format', 'json');
    const library = await attest(readerPassword, 'check', 'draft.md', '--no-bundled', '--library', readerUrl, '--format', 'json');
    expect(library.stderr).toBe('');
    expect(library.code).toBe(local.code);
    expect(rendered(library)).toEqual(rendered(local));
    expect(rendered(library)).toMatchInlineSnapshot(`
      [
        "3:21 figure.mismatch: Draft says 1.5 million tonnes; Baloch 2021 (Cargo) says 1.2 million tonnes.",
        "4:28 quote.misquoted: Quotation differs from Baloch 2021 (Outlook), which reads “will become the gateway of”.",
      ]
    `);
    rmSync(folder, { recursive: true });
    mkdirSync(folder);
    await attest(writerPassword, 'library', 'push', folder, '--to', writerUrl);
  });

  it('takes words that look like SQL as words', async () => {
    const folder = path.join(workDir, 'sql');
    mkdirSync(folder);
    copyFileSync(path.join(fixtures, 'gwadar-port.md'), path.join(folder, 'gwadar-port.md'));
    await attest(writerPassword, 'library', 'push', folder, '--to', writerUrl);
    const injected = path.join(workDir, 'injected.md');
    writeFileSync(injected, [
      "Gwadar Port handled 1.5 million tonnes of cargo in 2020 ('); DROP TABLE attest_sources; -- ' OR 1=1).[^1]",
      '',
      `The chairman said the port "will become'; DELETE FROM attest_passages; --" soon.[^1]`,
      '',
      '[^1]: Baloch 2021.',
      '',
    ].join('\n'));
    const run = await attest(readerPassword, 'check', injected, '--no-bundled', '--library', readerUrl, '--format', 'json');
    expect(run.stderr).toBe('');
    expect(rendered(run)).toEqual([
      '1:21 figure.mismatch: Draft says 1.5 million tonnes; Baloch 2021 (Cargo) says 1.2 million tonnes.',
      '3:28 quote.not-found: No source contains this quotation: check the wording, or add its source.',
    ]);
    const status = JSON.parse((await attest(readerPassword, 'library', 'status', '--to', readerUrl, '--format', 'json')).stdout) as { sources: number; passages: number };
    expect([status.sources, status.passages]).toEqual([1, 3]);
    rmSync(folder, { recursive: true });
    mkdirSync(folder);
    await attest(writerPassword, 'library', 'push', folder, '--to', writerUrl);
  });

  it('finds a claim\'s source by its rare words, and a misquotation by its letters, among many passages with the same common words', async () => {
    // Sixty sources share the draft's common words ("lignite", "million", "tonnes",
    // "Balochistan's labour") and were pushed first; only the cited one shares a rare word
    // ("Jamshoro") with the figure, and none shares a rare word with the misquotation.
    const folder = path.join(workDir, 'crowded');
    mkdirSync(folder);
    for (let n = 10; n < 70; n++) {
      writeFileSync(path.join(folder, `filler-${n}.md`), `---\nid: filler-${n}\ntitle: Filler ${n}\n---\n\nUnions across Balochistan's labour movement met in Quetta in 2021, and the port handled ${n} million tonnes of lignite.\n`);
    }
    writeFileSync(path.join(folder, 'rind-2019.md'), [
      '---', 'id: rind-2019', 'title: The Harbour Plan', 'authors:', '  - family: Rind', 'year: 2019', '---', '',
      '<!-- page 4 -->', '',
      'Speaking at the opening, the minister promised that "the modernised harbour will organise Balochistan\'s labour" before the next election.', '',
      'The Jamshoro plant burned 3.8 million tonnes of lignite in 2021.', '',
    ].join('\n'));
    writeFileSync(path.join(workDir, 'crowded.md'), 'The Jamshoro plant burned 4.2 million tonnes of lignite in 2021.[^1] The minister said that "the modernized harbor will organize Balochistan\'s labour" soon.[^1]\n\n[^1]: Rind 2019.\n');
    expect((await attest(writerPassword, 'library', 'push', folder, '--to', writerUrl)).stdout).toBe('61 added, 0 updated, 0 unchanged, 0 deleted.\n');
    const local = await attest(undefined, 'check', 'crowded.md', '--no-bundled', '--sources', folder, '--format', 'json');
    const library = await attest(readerPassword, 'check', 'crowded.md', '--no-bundled', '--library', readerUrl, '--format', 'json');
    expect(rendered(library)).toEqual([
      '1:27 figure.mismatch: Draft says 4.2 million tonnes; Rind 2019 (p. 4) says 3.8 million tonnes.',
      '1:93 quote.misquoted: Quotation differs from Rind 2019 (p. 4), which reads “the modernised harbour will organise Balochistan\'s labour”.',
    ]);
    expect(rendered(library)).toEqual(rendered(local));
    rmSync(folder, { recursive: true });
    mkdirSync(folder);
    await attest(writerPassword, 'library', 'push', folder, '--to', writerUrl);
  });

  it('says a library made by an older version needs init, and init brings it up to date', async () => {
    const folder = path.join(workDir, 'older');
    mkdirSync(folder);
    copyFileSync(path.join(fixtures, 'gwadar-port.md'), path.join(folder, 'gwadar-port.md'));
    await attest(writerPassword, 'library', 'push', folder, '--to', writerUrl);
    // What version 1 had: no word counts.
    const { default: pg } = await import('pg');
    const admin = new pg.Pool({ connectionString: cluster.adminUrl, max: 1 });
    try {
      await admin.query('DROP TABLE attest_terms');
      await admin.query('UPDATE attest_schema SET version = 1');
    } finally {
      await admin.end();
    }
    writeFileSync(path.join(workDir, 'older.md'), 'Gwadar Port handled 1.5 million tonnes of cargo in 2020.[^1]\n\n[^1]: Baloch 2021.\n');
    const before = await attest(readerPassword, 'check', 'older.md', '--no-bundled', '--library', readerUrl, '--format', 'json');
    expect(before.stderr).toBe(`attest: The library at 127.0.0.1:${cluster.port}/postgres was made by an older version of Attest: run "attest library init --to <url>" as its owner to bring it up to date. Checked against the other sources only.\n`);
    const init = await attest(undefined, 'library', 'init', '--to', cluster.adminUrl);
    expect(init.code).toBe(0);
    const after = await attest(readerPassword, 'check', 'older.md', '--no-bundled', '--library', readerUrl, '--format', 'json');
    expect([after.stderr, ...rendered(after)]).toEqual(['', '1:21 figure.mismatch: Draft says 1.5 million tonnes; Baloch 2021 (Cargo) says 1.2 million tonnes.']);
    rmSync(folder, { recursive: true });
    mkdirSync(folder);
    await attest(writerPassword, 'library', 'push', folder, '--to', writerUrl);
  });

  it('checks against the other sources, with a warning, when the library cannot be reached', async () => {
    const closed = `postgres://reader@127.0.0.1:1/postgres`;
    const without = await attest(undefined, 'check', 'draft.md', '--format', 'json');
    const run = await attest(readerPassword, 'check', 'draft.md', '--library', closed, '--format', 'json');
    expect(run.stderr).toBe('attest: The library at 127.0.0.1:1/postgres cannot be reached. Checked against the other sources only.\n');
    expect([run.code, rendered(run)]).toEqual([without.code, rendered(without)]);
  });

  it('gives up on a library that does not answer after a bounded wait, and checks against the other sources', async () => {
    // A server that accepts connections and never answers: a database that hangs.
    const sockets: Socket[] = [];
    const silent = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as AddressInfo).port;
    try {
      const without = await attest(undefined, 'check', 'draft.md', '--format', 'json');
      const run = await attest(readerPassword, 'check', 'draft.md', '--library', `postgres://reader@127.0.0.1:${port}/postgres`, '--format', 'json');
      expect(run.stderr).toBe(`attest: The library at 127.0.0.1:${port}/postgres did not answer in time. Checked against the other sources only.\n`);
      expect(rendered(run)).toEqual(rendered(without));
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
