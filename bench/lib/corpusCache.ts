// The synthetic large corpus, built once into an index file under .cache/bench/ and reused
// while the generator, the index format and the source readers stay the same. Two worker threads generate, parse
// and analyse the sources; this thread writes them, in order, with the same writer that
// serializeCorpus() uses (appending the workers' batch indexes), so the file is byte for byte
// what serializeCorpus(buildCorpus(sources)) gives.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { CorpusIndexWriter, corpusIndexFormat } from '../../server/src/corpus/serialize';
import { sourceCacheFormat } from '../../server/src/corpus/cache';
import type { FromWorker, ToWorker } from '../probes/buildWorker';
import { bundleProbe, cacheDir } from './bundle';
import { sourceGeneratorVersion } from './sources';

export interface CorpusIndexInfo {
  file: string;
  format: number;
  /** How sources were read (the source cache's format): a change to the readers changes the index's passages and figures. */
  reading?: number;
  generator: number;
  sources: number;
  /** Words each generated source is written to (generateSource's target). */
  wordsPerSource: number;
  words: number;
  passages: number;
  figures: number;
  terms: number;
  dictionary: number;
  bytes: number;
  /** Wall-clock time of the build (generate, parse, analyse, write), in ms. */
  buildMs: number;
  workers: number;
  /** True when this run reused an index built earlier. */
  cached: boolean;
}

const batchSize = 50;
/** generateSource's words per source unless told otherwise. */
const defaultWords = 5000;

export async function ensureCorpusIndex(sources: number, options: { rebuild?: boolean; log?: (line: string) => void; wordsPerSource?: number } = {}): Promise<CorpusIndexInfo> {
  const log = options.log ?? (() => undefined);
  const wordsPerSource = options.wordsPerSource ?? defaultWords;
  mkdirSync(cacheDir, { recursive: true });
  const file = path.join(cacheDir, `corpus-${sources}${wordsPerSource === defaultWords ? '' : `-${wordsPerSource}w`}.index`);
  const infoFile = `${file}.json`;
  if (!options.rebuild && existsSync(file) && existsSync(infoFile)) {
    const info = JSON.parse(readFileSync(infoFile, 'utf8')) as CorpusIndexInfo;
    if (info.format === corpusIndexFormat && info.reading === sourceCacheFormat && info.generator === sourceGeneratorVersion && info.sources === sources && (info.wordsPerSource ?? defaultWords) === wordsPerSource && statSync(file).size === info.bytes) return { ...info, file, cached: true };
  }
  const started = performance.now();
  const script = await bundleProbe('buildWorker');
  const count = Math.max(1, Math.min(2, availableParallelism()));
  log(`building the synthetic ${sources}-source corpus index with ${count} workers (once; cached in ${path.relative(process.cwd(), cacheDir)})…`);
  const workers = Array.from({ length: count }, () => new Worker(script));
  const batches: { batch: number; indices: number[] }[] = [];
  for (let start = 0, batch = 0; start < sources; start += batchSize, batch++) batches.push({ batch, indices: Array.from({ length: Math.min(batchSize, sources - start) }, (_, k) => start + k) });
  const owner = (batch: number): number => batch % count;

  const writer = new CorpusIndexWriter();
  let words = 0;
  let mainMs = 0;
  let phase1 = 0;
  await new Promise<void>((resolve, reject) => {
    const acronyms: Record<string, string>[][] = [];
    let parsedBatches = 0;
    const ready = new Map<number, Extract<FromWorker, { type: 'batch' }>>();
    let next = 0;
    let done = 0;
    const drain = (): void => {
      const t0 = performance.now();
      for (let b = ready.get(next); b; b = ready.get(next)) {
        ready.delete(next);
        writer.appendIndex(b.index);
        workers[owner(next)]!.postMessage({ type: 'ack' } satisfies ToWorker);
        next++;
        if (next % 40 === 0) log(`  ${Math.round((100 * next) / batches.length)}%`);
      }
      mainMs += performance.now() - t0;
      if (done === count && next === batches.length) resolve();
    };
    workers.forEach((worker, w) => {
      worker.on('error', reject);
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'acronyms') {
          acronyms[message.batch] = message.acronyms;
          words += message.words;
          if (++parsedBatches === batches.length) {
            phase1 = performance.now() - started;
            // The vocabulary of the whole corpus, merged in source order as buildCorpus() does.
            const merged: Record<string, string> = {};
            for (const list of acronyms) for (const a of list) Object.assign(merged, a);
            for (const wk of workers) wk.postMessage({ type: 'analyse', acronyms: merged } satisfies ToWorker);
          }
        } else if (message.type === 'batch') {
          ready.set(message.batch, message);
          drain();
        } else {
          done++;
          drain();
        }
      });
      worker.postMessage({ type: 'parse', batches: batches.filter((b) => owner(b.batch) === w), wordsPerSource } satisfies ToWorker);
    });
  });
  await Promise.all(workers.map((w) => w.terminate()));
  log(`  main thread ${Math.round(mainMs)} ms, parse phase ${Math.round(phase1)} ms, total ${Math.round(performance.now() - started)} ms`);
  log('  writing the index…');
  writer.writeFile(file);
  const info: CorpusIndexInfo = {
    file,
    format: corpusIndexFormat,
    reading: sourceCacheFormat,
    generator: sourceGeneratorVersion,
    sources,
    wordsPerSource,
    words,
    passages: writer.counts.passages,
    figures: writer.counts.figures,
    terms: writer.counts.terms,
    dictionary: writer.counts.dictionary,
    bytes: statSync(file).size,
    buildMs: Math.round(performance.now() - started),
    workers: count,
    cached: false,
  };
  writeFileSync(infoFile, JSON.stringify(info, null, 2));
  return info;
}
