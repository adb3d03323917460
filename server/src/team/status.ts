// `attest library init` and `status`: creates the tables and roles, and says what a library holds.
import type pg from 'pg';
import { inTransaction } from './connection';
import { countTermsSql, rolesSql, schemaSql, schemaVersion } from './schema';

/** Creates the tables, or brings a library of an older version up to this one. */
export async function initLibrary(pool: pg.Pool): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query(schemaSql);
    const before = await client.query<{ version: number }>('SELECT version FROM attest_schema');
    if (before.rows[0] && before.rows[0].version < schemaVersion) await client.query(countTermsSql);
    await client.query('DELETE FROM attest_schema');
    await client.query('INSERT INTO attest_schema (version) VALUES ($1)', [schemaVersion]);
    await client.query(rolesSql);
  });
}

export interface LibraryStatus {
  schemaVersion: number;
  sources: number;
  passages: number;
  figures: number;
  /** ISO time of the latest push, if any. */
  lastPush: string | null;
  /** The connected role may push. */
  canPush: boolean;
}

export async function libraryStatus(pool: pg.Pool): Promise<LibraryStatus> {
  const version = await pool.query<{ version: number }>('SELECT version FROM attest_schema');
  const counts = await pool.query<{ sources: string; passages: string; figures: string; last: Date | null; can_push: boolean }>(
    `SELECT (SELECT count(*) FROM attest_sources) AS sources, (SELECT count(*) FROM attest_passages) AS passages,
            (SELECT count(*) FROM attest_figures) AS figures, (SELECT max(pushed_at) FROM attest_sources) AS last,
            has_table_privilege('attest_sources', 'INSERT') AS can_push`,
  );
  const row = counts.rows[0]!;
  return {
    schemaVersion: version.rows[0]?.version ?? 0,
    sources: Number(row.sources),
    passages: Number(row.passages),
    figures: Number(row.figures),
    lastPush: row.last ? row.last.toISOString() : null,
    canPush: row.can_push,
  };
}
