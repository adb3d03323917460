// `attest library push`: adds and updates the writer's sources in the team library. A file
// whose size and time are unchanged is skipped, one whose bytes changed replaces its rows,
// and one gone from a pushed folder is deleted; a reference library's entries are each a
// source (pushLibraries.ts), replaced when they change. Each batch of files is one
// transaction, so a reader sees a source whole or not at all. Every value goes in as a bound
// parameter.
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import type pg from 'pg';
import { extractFigures } from '../core/claims/figures';
import { unitFamily } from '../core/claims/units';
import { chicagoReference } from '../core/findings/citation';
import type { Source, SourceProblem } from '../core/types';
import { isLibraryName } from '../corpus/bibliography';
import { findSourceFiles, loadSourceBytes } from '../corpus/loader';
import { inTransaction } from './connection';
import { libraryItems } from './pushLibraries';
import type { PushItem } from './pushItem';


export interface PushResult {
  added: number;
  updated: number;
  unchanged: number;
  deleted: number;
  /** Files not pushed, and why. */
  problems: SourceProblem[];
  /** What was pushed with something missing (a library entry whose file could not be read is a reference only). */
  notes: SourceProblem[];
}

/** Files written per transaction: large enough to push a big library quickly, small enough to keep a failure's loss small. */
const batchSize = 200;

/**
 * Pushes the sources of `paths` (folders, globs or files). Files in the library that were
 * pushed from one of these folders, or are one of these files, and are gone now are deleted.
 */
export async function pushPaths(pool: pg.Pool, paths: readonly string[], cwd = process.cwd()): Promise<PushResult> {
  const roots = paths.map((p) => path.resolve(cwd, p));
  const found = await findSourceFiles(cwd, roots);
  const known = await knownFiles(pool);
  const libraries = await libraryItems(found.filter(isLibraryName));
  const files = found.filter((file) => !isLibraryName(file) && !libraries.attached.has(file));
  const problems: SourceProblem[] = [];
  const items: PushItem[] = [];
  let unchanged = 0;
  for (const item of libraries.items) {
    if (known.get(item.file)?.sha256 === item.sha256) unchanged++;
    else items.push(item);
  }
  for (const file of files) {
    const info = await stat(file).catch(() => undefined);
    const before = known.get(file);
    if (info && before && before.size === info.size && before.mtimeMs === info.mtimeMs) {
      unchanged++;
      continue;
    }
    const item = await readItem(file);
    if ('problem' in item) problems.push(item.problem);
    else if (before && before.sha256 === item.sha256) {
      // Touched but not changed: remember the new time so that the next push skips it without reading it.
      await pool.query('UPDATE attest_sources SET size = $2, mtime_ms = $3 WHERE file = $1', [file, item.size, item.mtimeMs]);
      unchanged++;
    } else items.push(item);
  }
  const present = new Set([...files, ...libraries.items.map((item) => item.file)]);
  // A library's entries are named "<library>#<key>": those it no longer has are gone too.
  const gone = [...known.keys()].filter((file) => !present.has(file) && roots.some((root) => file === root || file.startsWith(root + path.sep) || file.startsWith(root + '#')));
  const result = await pushItems(pool, items, gone);
  return { ...result, unchanged: result.unchanged + unchanged, problems: [...problems, ...result.problems], notes: libraries.notes };
}

/** Writes `items` (new or changed files) and deletes the files `gone`, batch by batch. */
export async function pushItems(pool: pg.Pool, items: readonly PushItem[], gone: readonly string[] = []): Promise<PushResult> {
  const result: PushResult = { added: 0, updated: 0, unchanged: 0, deleted: 0, problems: [], notes: [] };
  if (gone.length) {
    result.deleted = await inTransaction(pool, async (client) => {
      await client.query(pushLock);
      const keys = (await client.query<{ key: string }>('SELECT key FROM attest_sources WHERE file = ANY($1::text[])', [gone])).rows.map((r) => r.key);
      await countTerms(client, keys, -1);
      return (await client.query('DELETE FROM attest_sources WHERE key = ANY($1::bigint[])', [keys])).rowCount ?? 0;
    });
  }
  for (let i = 0; i < items.length; i += batchSize) {
    await inTransaction(pool, async (client) => {
      await client.query(pushLock);
      const written: string[] = [];
      for (const item of items.slice(i, i + batchSize)) {
        const outcome = await writeItem(client, item);
        if (typeof outcome === 'string') result.problems.push({ file: item.file, message: outcome });
        else {
          result[outcome.replaced ? 'updated' : 'added']++;
          written.push(outcome.key);
        }
      }
      await countTerms(client, written, 1);
    });
  }
  return result;
}

/**
 * One push writes at a time (held to the end of its transaction): the word counts are rows
 * every push updates, and two pushes updating them in different orders would deadlock.
 */
const pushLock = "SELECT pg_advisory_xact_lock(hashtext('attest push'))";

/** Adds (sign 1) or takes away (-1) the words of these sources' passages in the word counts. */
async function countTerms(client: pg.PoolClient, keys: readonly string[], sign: 1 | -1): Promise<void> {
  if (!keys.length) return;
  await client.query(
    `INSERT INTO attest_terms (word, passages)
     SELECT word, $2 * count(*) FROM (
       SELECT unnest(tsvector_to_array(tsv)) AS word FROM attest_passages WHERE source_key = ANY($1::bigint[])
       UNION ALL SELECT '' FROM attest_passages WHERE source_key = ANY($1::bigint[])
     ) AS w GROUP BY word ORDER BY word
     ON CONFLICT (word) DO UPDATE SET passages = attest_terms.passages + excluded.passages`,
    [keys, sign],
  );
}

async function knownFiles(pool: pg.Pool): Promise<Map<string, { size: number; mtimeMs: number; sha256: string }>> {
  const rows = await pool.query<{ file: string; size: string; mtime_ms: number; sha256: string }>('SELECT file, size, mtime_ms, sha256 FROM attest_sources');
  return new Map(rows.rows.map((r) => [r.file, { size: Number(r.size), mtimeMs: r.mtime_ms, sha256: r.sha256 }]));
}

async function readItem(file: string): Promise<PushItem | { problem: SourceProblem }> {
  let info;
  try {
    info = await stat(file);
  } catch (error) {
    return { problem: { file, message: `Could not read the file: ${error instanceof Error ? error.message : String(error)}` } };
  }
  const loaded = await loadSourceBytes(file);
  if ('problem' in loaded) return loaded;
  return { file, size: info.size, mtimeMs: info.mtimeMs, sha256: createHash('sha256').update(loaded.bytes).digest('hex'), source: loaded.source };
}

/** Replaces the rows of one file; a message instead when its id belongs to another file. */
async function writeItem(client: pg.PoolClient, item: PushItem): Promise<{ replaced: boolean; key: string } | string> {
  const { source } = item;
  const owner = await client.query<{ file: string }>('SELECT file FROM attest_sources WHERE id = $1 AND file <> $2', [source.meta.id, item.file]);
  if (owner.rows.length) return `The source id "${source.meta.id}" is already in the library from ${owner.rows[0]!.file}; this file is not pushed. Give it its own "id" in the front matter.`;
  const old = (await client.query<{ key: string }>('SELECT key FROM attest_sources WHERE file = $1', [item.file])).rows.map((r) => r.key);
  await countTerms(client, old, -1);
  const removed = await client.query('DELETE FROM attest_sources WHERE file = $1', [item.file]);
  const stored: Source = { ...source, bundled: false };
  const inserted = await client.query<{ key: string }>(
    'INSERT INTO attest_sources (id, file, size, mtime_ms, sha256, meta, reference, source) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING key',
    [source.meta.id, item.file, item.size, item.mtimeMs, item.sha256, JSON.stringify(source.meta), chicagoReference(source.meta), JSON.stringify(stored)],
  );
  const key = inserted.rows[0]!.key;
  const passages = source.passages;
  const figures = passages.flatMap((p, idx) => extractFigures(p.text).map((f) => ({ idx, f })));
  const families = new Map<number, Set<string>>();
  for (const { idx, f } of figures) {
    let set = families.get(idx);
    if (!set) families.set(idx, (set = new Set()));
    set.add(familyOf(f.kind, f.unit));
  }
  if (passages.length) {
    await client.query(
      `INSERT INTO attest_passages (source_key, idx, locator, text, footnotes, families)
       SELECT $1, u.idx, u.locator, u.text, u.footnotes::jsonb, string_to_array(u.families, ' ')
       FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[]) AS u(idx, locator, text, footnotes, families)`,
      [
        key,
        passages.map((_, i) => i),
        passages.map((p) => p.locator),
        passages.map((p) => p.text),
        passages.map((p) => JSON.stringify(p.footnotes)),
        passages.map((_, i) => [...(families.get(i) ?? [])].join(' ')),
      ],
    );
  }
  if (figures.length) {
    await client.query(
      `INSERT INTO attest_figures (source_key, passage_idx, kind, family, unit, low, high, text)
       SELECT $1, u.* FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::float8[], $7::float8[], $8::text[]) AS u`,
      [
        key,
        figures.map((x) => x.idx),
        figures.map((x) => x.f.kind),
        figures.map((x) => familyOf(x.f.kind, x.f.unit)),
        figures.map((x) => x.f.unit),
        figures.map((x) => x.f.value),
        figures.map((x) => x.f.high ?? x.f.value),
        figures.map((x) => x.f.text),
      ],
    );
  }
  return { replaced: (removed.rowCount ?? 0) > 0, key };
}

/** The family a figure is compared in: dates with dates, other figures by their unit's family. */
export function familyOf(kind: string, unit: string): string {
  return kind === 'year' || kind === 'date' ? 'date' : unitFamily(unit);
}
