// Child process for the library entries: builds the index of the writer's sources into an
// empty cache folder, as a first start does, so that its time and peak memory are the build's:
//   library.cjs build FOLDER CACHE   prints { ms, peakRssMb, files, sources, passages, read }
import * as path from 'node:path';
import { SourceCache } from '../../server/src/corpus/cache';
import { bundledCorpusKey, loadLibraryCorpus } from '../../server/src/corpus/cacheLibrary';
import { findSourceFiles, loadBundledSources } from '../../server/src/corpus/loader';

const [mode, folder, cache] = process.argv.slice(2);
if (mode !== 'build' || !folder || !cache) throw new Error('usage: library.cjs build FOLDER CACHE');
const distDir = path.resolve(__dirname, '..', '..', 'dist');

void (async () => {
  const t0 = performance.now();
  const files = await findSourceFiles(folder, ['sources', 'pdfs']);
  const loaded = await loadLibraryCorpus({ files, bundled: loadBundledSources(distDir), bundledKey: bundledCorpusKey(distDir), exclude: [], cache: new SourceCache(cache) });
  const ms = performance.now() - t0;
  console.log(JSON.stringify({ ms, peakRssMb: process.resourceUsage().maxRSS / 1024, files: files.length, sources: loaded!.corpus.sources.size, passages: loaded!.corpus.passages.length, read: loaded!.read }));
})();
