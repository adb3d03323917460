// A throwaway PostgreSQL cluster for the team-library tests: Debian's binaries, a data folder
// in a temporary directory, a free port on 127.0.0.1 and a socket in that directory. Never
// the machine's default cluster. As root, the server runs as the `postgres` user (initdb
// refuses root).
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync, chownSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export interface TestCluster {
  /** Connection string of the superuser, password included (tests only). */
  adminUrl: string;
  host: string;
  port: number;
  stop(): void;
  start(): void;
  /** Removes the data folder; the cluster must be stopped. */
  remove(): void;
}

export const adminPassword = 'attest-test-admin';

function binDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(path.join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a)) : [];
  if (!versions.length) throw new Error('PostgreSQL is not installed: apt-get install postgresql postgresql-contrib');
  return path.join(root, versions[0]!, 'bin');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export async function startTestCluster(): Promise<TestCluster> {
  const bin = binDir();
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(path.join(tmpdir(), 'attest-pg-'));
  const data = path.join(dir, 'data');
  const pwfile = path.join(dir, 'pw');
  writeFileSync(pwfile, adminPassword + '\n');
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
    chownSync(pwfile, uid, gid);
  }
  chmodSync(dir, 0o700);
  const run = (program: string, args: string[]): void => {
    const command = asRoot ? 'runuser' : path.join(bin, program);
    const all = asRoot ? ['-u', 'postgres', '--', path.join(bin, program), ...args] : args;
    const result = spawnSync(command, all, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${program} failed: ${result.stderr || result.stdout}`);
  };
  run('initdb', ['-D', data, '-U', 'postgres', '--pwfile', pwfile, '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8', '--locale=C.UTF-8']);
  const port = await freePort();
  const options = `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  const start = (): void => run('pg_ctl', ['-D', data, '-l', path.join(dir, 'log'), '-o', options, '-w', 'start']);
  const stop = (): void => {
    if (existsSync(path.join(data, 'postmaster.pid'))) run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  };
  start();
  return {
    adminUrl: `postgres://postgres:${adminPassword}@127.0.0.1:${port}/postgres`,
    host: '127.0.0.1',
    port,
    start,
    stop,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Passwords of the two logins createLogins makes. */
export const readerPassword = 'attest-test-reader';
export const writerPassword = 'attest-test-writer';

/**
 * Sets the library up as its owner (`attest library init`'s code) and makes a login in each
 * role: `reader` (attest_reader) and `writer` (attest_writer). Returns their URLs, without
 * passwords, as a writer's settings hold them.
 */
export async function createLibrary(cluster: TestCluster): Promise<{ readerUrl: string; writerUrl: string }> {
  const { default: pg } = await import('pg');
  const { initLibrary } = await import('../../server/src/team/status');
  const pool = new pg.Pool({ connectionString: cluster.adminUrl, max: 1 });
  try {
    await initLibrary(pool);
    await pool.query(`CREATE ROLE reader LOGIN PASSWORD '${readerPassword}' IN ROLE attest_reader`);
    await pool.query(`CREATE ROLE writer LOGIN PASSWORD '${writerPassword}' IN ROLE attest_writer`);
  } finally {
    await pool.end();
  }
  const base = `127.0.0.1:${cluster.port}/postgres`;
  return { readerUrl: `postgres://reader@${base}`, writerUrl: `postgres://writer@${base}` };
}

/** Pushes files to the library as the `writer` login, with its password in the environment for the push only. */
export async function pushAsWriter(writerUrl: string, paths: readonly string[]): Promise<void> {
  const { openPool } = await import('../../server/src/team/connection');
  const { pushPaths } = await import('../../server/src/team/push');
  const before = process.env.ATTEST_LIBRARY_PASSWORD;
  process.env.ATTEST_LIBRARY_PASSWORD = writerPassword;
  const pool = openPool(writerUrl);
  try {
    await pushPaths(pool, [...paths]);
  } finally {
    await pool.end();
    if (before === undefined) delete process.env.ATTEST_LIBRARY_PASSWORD;
    else process.env.ATTEST_LIBRARY_PASSWORD = before;
  }
}
