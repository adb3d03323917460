// Build step: parses the bundled corpus (corpus/*.md) once and writes dist/corpus.json,
// which the server and the CLI load at start instead of re-reading the Markdown: the
// sources, and the index built over them (serialize.ts) for loadBundledCorpus().
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { buildCorpus } from '../server/src/corpus/index';
import { parseSource } from '../server/src/corpus/parseSource';
import type { BundledCorpusFile } from '../server/src/corpus/loader';
import { serializeCorpus } from '../server/src/corpus/serialize';

const root = path.resolve(__dirname, '..');
const corpusDir = path.join(root, 'corpus');
const files = readdirSync(corpusDir).filter((f) => f.endsWith('.md')).sort();
const sources = files.map((file) => parseSource({ location: `corpus/${file}`, text: readFileSync(path.join(corpusDir, file), 'utf8'), bundled: true }));
for (const source of sources) for (const problem of source.problems) console.warn(`corpus: ${problem.file}${problem.line !== undefined ? `:${problem.line + 1}` : ''}: ${problem.message}`);
// The built index too, so that loading the corpus is reading it (loadBundledCorpus), not rebuilding it.
// Built over a copy: buildCorpus numbers the passages it is given, and the sources are written as parsed.
const data: BundledCorpusFile = { version: 1, sources, index: Buffer.from(serializeCorpus(buildCorpus(structuredClone(sources)))).toString('base64') };
mkdirSync(path.join(root, 'dist'), { recursive: true });
writeFileSync(path.join(root, 'dist', 'corpus.json'), JSON.stringify(data));
