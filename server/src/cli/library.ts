// `attest library init|push|status --to <url>`: sets up a team library on PostgreSQL, pushes
// the writer's source folders and reference libraries to it (incrementally), and says what it holds.
import type pg from 'pg';
import { openPool, describeFailure } from '../team/connection';
import { libraryUrlProblem, redact } from '../team/url';
import { pushPaths } from '../team/push';
import { initLibrary, libraryStatus } from '../team/status';

export interface LibraryCommandOptions {
  url: string | undefined;
  format: 'stylish' | 'json';
}

/** Pushing many files takes longer than a check's lookup: statements may run this long. */
const pushTimeoutMs = 120000;

export async function libraryCommand(action: string | undefined, paths: string[], options: LibraryCommandOptions, usageError: (message: string) => Error): Promise<number> {
  if (action !== 'init' && action !== 'push' && action !== 'status') throw usageError(action ? `Unknown library command "${action}": use init, push or status.` : 'Name a library command: init, push or status.');
  const url = options.url ?? process.env.ATTEST_LIBRARY;
  if (!url) throw usageError(`Name the library with --to postgres://user@host/database (or the ATTEST_LIBRARY environment variable).`);
  const problem = libraryUrlProblem(url, { passwordAllowed: true });
  if (problem) throw usageError(problem);
  if (action === 'push' && !paths.length) throw usageError('Name the folders or files of sources to push.');
  const pool = openPool(url, { timeoutMs: action === 'status' ? undefined : pushTimeoutMs, connectTimeoutMs: 10000, max: 2 });
  try {
    return await run(action, pool, paths, options);
  } catch (error) {
    process.stderr.write(`attest: ${describeFailure(error, url)}\n`);
    return 2;
  } finally {
    await pool.end().catch(() => undefined);
  }
}

async function run(action: 'init' | 'push' | 'status', pool: pg.Pool, paths: string[], options: LibraryCommandOptions): Promise<number> {
  const where = redact(options.url ?? process.env.ATTEST_LIBRARY ?? '');
  if (action === 'init') {
    await initLibrary(pool);
    process.stdout.write(`The library at ${where} is ready. Grant people's logins attest_reader to check against it, attest_writer to push to it.\n`);
    return 0;
  }
  if (action === 'push') {
    const result = await pushPaths(pool, paths);
    for (const p of [...result.notes, ...result.problems]) process.stderr.write(`attest: ${p.file}${p.line !== undefined ? `:${p.line + 1}` : ''}: ${p.message}\n`);
    if (options.format === 'json') process.stdout.write(JSON.stringify({ added: result.added, updated: result.updated, unchanged: result.unchanged, deleted: result.deleted, problems: result.problems, notes: result.notes }, null, 2) + '\n');
    else process.stdout.write(`${result.added} added, ${result.updated} updated, ${result.unchanged} unchanged, ${result.deleted} deleted${result.problems.length ? `, ${result.problems.length} not pushed` : ''}.\n`);
    return result.problems.length ? 1 : 0;
  }
  const status = await libraryStatus(pool);
  if (options.format === 'json') process.stdout.write(JSON.stringify(status, null, 2) + '\n');
  else
    process.stdout.write(
      `${where}: ${status.sources} sources, ${status.passages} passages, ${status.figures} figures and dates; ` +
        `${status.lastPush ? `last pushed ${status.lastPush}` : 'nothing pushed yet'}; this login ${status.canPush ? 'may push' : 'may only read'}.\n`,
    );
  return 0;
}
