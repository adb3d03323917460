// Checks drafts against source folders twice, once with the folders as local sources and once
// pushed to a throwaway team library, and says whether the findings are the same. For the
// evaluation sets, which stay outside the repository:
//
//   npm run build && npx tsx scripts/team-equivalence.ts --sources corpus --sources <dev set>/sources <dev set>/draft.md
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { createLibrary, readerPassword, startTestCluster, writerPassword } from '../test/team/pg';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { sources: { type: 'string', multiple: true, default: [] }, bundled: { type: 'boolean', default: false } } });
const cli = path.join(__dirname, '..', 'dist', 'cli.js');

function attest(password: string | undefined, args: string[]): { code: number; stdout: string } {
  const env = { ...process.env, ATTEST_LIBRARY_PASSWORD: password };
  try {
    return { code: 0, stdout: execFileSync(process.execPath, [cli, ...args], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 28 }) };
  } catch (error) {
    const e = error as { status: number; stdout: string };
    return { code: e.status, stdout: e.stdout };
  }
}

async function main(): Promise<void> {
  const cluster = await startTestCluster();
  try {
    const { readerUrl, writerUrl } = await createLibrary(cluster);
    const pushed = attest(writerPassword, ['library', 'push', ...values.sources!, '--to', writerUrl]);
    process.stdout.write(`push: ${pushed.stdout}`);
    const bundled = values.bundled ? [] : ['--no-bundled'];
    let same = 0;
    for (const draft of positionals) {
      const local = attest(undefined, ['check', draft, ...bundled, ...values.sources!.flatMap((s) => ['--sources', s]), '--format', 'json']);
      const library = attest(readerPassword, ['check', draft, ...bundled, '--library', readerUrl, '--format', 'json']);
      const equal = local.code === library.code && local.stdout === library.stdout;
      if (equal) same++;
      const count = (run: { stdout: string }): number => (JSON.parse(run.stdout) as { files: { diagnostics: unknown[] }[] }).files.reduce((n, f) => n + f.diagnostics.length, 0);
      process.stdout.write(`${equal ? 'same' : 'DIFFERENT'}: ${draft} (${count(local)} findings locally, ${count(library)} with the library)\n`);
    }
    process.stdout.write(`${same} of ${positionals.length} drafts have the same findings.\n`);
    process.exitCode = same === positionals.length ? 0 : 1;
  } finally {
    cluster.stop();
    cluster.remove();
  }
}

void main();
