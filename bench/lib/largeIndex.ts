// The index-100k entries: the local corpus index at 100,000 generated sources, opened in a
// fresh child process (bench/probes/indexOpen.ts) that answers a first claim and then a few
// hundred claim lookups. The index is built once into .cache/bench/ (corpusCache.ts) and reused.
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { bundleProbe } from './bundle';
import { median } from './measure';

export interface IndexOpenRun {
  openMs: number;
  firstAnswerMs: number;
  rssBaseline: number;
  rssOpen: number;
  rssQueried: number;
  heapQueried: number;
  lookups: number;
  claimsJudged: number;
  perClaimMs: number;
  verdicts: Record<string, number>;
}

/** Runs the probe `runs` times on `file`, each in a fresh process, one after another. */
export async function measureIndexOpen(file: string, claimsFile: string, runs: number, rounds = 8): Promise<{ runs: IndexOpenRun[]; median: (pick: (run: IndexOpenRun) => number) => number }> {
  const script = await bundleProbe('indexOpen');
  const out: IndexOpenRun[] = [];
  for (let i = 0; i < runs; i++) out.push(await probe(script, [file, claimsFile, String(rounds)]));
  return { runs: out, median: (pick) => median(out.map(pick)) };
}

function probe(script: string, args: string[]): Promise<IndexOpenRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.on('data', (d: Buffer) => (text += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`${path.basename(script)} ${args.join(' ')} exited with ${code}`));
      else resolve(JSON.parse(text.trim().split('\n').pop()!) as IndexOpenRun);
    });
  });
}
