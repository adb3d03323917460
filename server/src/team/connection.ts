// Connections to the team library: a pool with bounded waits everywhere (connecting, each
// statement on the server, each query on the client), so a slow or absent database costs a
// known time and never hangs a check. The password never comes from settings: it is taken
// from ATTEST_LIBRARY_PASSWORD (which the VS Code extension sets for its server from the OS
// keychain), or PGPASSWORD as every PostgreSQL tool does.
import type pg from 'pg';
import { redact } from './url';

export interface LibraryConnectionOptions {
  /** Milliseconds to wait for a connection and for each query; default 1500. */
  timeoutMs?: number;
  /** Milliseconds to wait for a connection, when it differs from timeoutMs. */
  connectTimeoutMs?: number;
  /** Connections kept open; default 4. */
  max?: number;
}

export const defaultTimeoutMs = 1500;

/** How alike two words must be to be spellings of each other (pg_trgm's similarity, 0 to 1: "harbor" and "harbour" are 0.5). */
export const spellingSimilarity = 0.5;

/** The PostgreSQL client, loaded when a library is first opened: a start without one does not pay for it. */
let client: typeof pg | undefined;

export function openPool(url: string, options: LibraryConnectionOptions = {}): pg.Pool {
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  client ??= require('pg') as typeof pg;
  const pool = new client.Pool({
    connectionString: withPassword(url),
    max: options.max ?? 4,
    connectionTimeoutMillis: options.connectTimeoutMs ?? timeoutMs,
    query_timeout: timeoutMs,
    statement_timeout: timeoutMs,
    idleTimeoutMillis: 10000,
    application_name: 'attest',
    // Set for the session so that the trigram index answers the lookup's `%` (the function
    // form, similarity(a, b) > x, would read every word).
    options: `-c pg_trgm.similarity_threshold=${spellingSimilarity}`,
  });
  // An idle connection the server drops (a restart) must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  return pool;
}

/** The URL with ATTEST_LIBRARY_PASSWORD in it, when that is set (the pool's own password option loses to the URL's). Without it, pg reads PGPASSWORD. */
function withPassword(url: string): string {
  const password = process.env.ATTEST_LIBRARY_PASSWORD;
  if (password === undefined) return url;
  const parsed = new URL(url);
  parsed.password = password;
  return parsed.toString();
}

/** A plain-English reason for a failed library query. */
export function describeFailure(error: unknown, url: string): string {
  const e = error as { code?: string; message?: string };
  const where = hostOf(url);
  if (e.code === '42501') return `The library at ${where} refused: this role may only read it (push with a role in attest_writer).`;
  if (e.code === '28P01' || e.code === '28000') return `The library at ${where} refused the login: check the user in the connection string and the password ("Attest: Set team library password" in VS Code, or the ATTEST_LIBRARY_PASSWORD environment variable).`;
  // pg's words when the server asks for a password and none was given.
  if (/client password must be a string|no password/i.test(e.message ?? '')) return `The library at ${where} asks for a password: set it with "Attest: Set team library password" in VS Code, or the ATTEST_LIBRARY_PASSWORD environment variable.`;
  if (e.code === '3D000') return `The library's database does not exist at ${where}.`;
  if (e.code === '42P01' && /attest_terms/.test(e.message ?? '')) return `The library at ${where} was made by an older version of Attest: run "attest library init --to <url>" as its owner to bring it up to date.`;
  if (e.code === '42P01') return `The database at ${where} has no Attest library yet: run "attest library init --to <url>" as its owner.`;
  if (e.code === '57014' || /timeout|timed out/i.test(e.message ?? '')) return `The library at ${where} did not answer in time.`;
  if (e.code === 'ECONNREFUSED' || e.code === 'ENOTFOUND' || e.code === 'EHOSTUNREACH' || e.code === '57P01' || e.code === '57P03' || /terminat|ECONNRESET|Connection terminated/i.test(e.message ?? '')) return `The library at ${where} cannot be reached.`;
  return `The library at ${where} failed: ${e.message ?? String(error)}`;
}

function hostOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname || 'localhost'}${parsed.port ? `:${parsed.port}` : ''}${parsed.pathname !== '/' ? parsed.pathname : ''}`;
  } catch {
    return redact(url);
  }
}

/** Runs `work` in one transaction on a client of the pool: committed when it returns, rolled back when it throws. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
