// Build step: parses the bundled corpus (corpus/*.md) once and writes dist/corpus.json,
// which the server and the CLI load at start instead of re-reading the Markdown.
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { parseSource } from '../server/src/corpus/parseSource';
import type { BundledCorpusFile } from '../server/src/corpus/loader';

const root = path.resolve(__dirname, '..');
const corpusDir = path.join(root, 'corpus');
const files = readdirSync(corpusDir).filter((f) => f.endsWith('.md')).sort();
const sources = files.map((file) => parseSource({ location: `corpus/${file}`, text: readFileSync(path.join(corpusDir, file), 'utf8'), bundled: true }));
for (const source of sources) for (const problem of source.problems) console.warn(`corpus: ${problem.file}${problem.line !== undefined ? `:${problem.line + 1}` : ''}: ${problem.message}`);
const data: BundledCorpusFile = { version: 1, sources };
mkdirSync(path.join(root, 'dist'), { recursive: true });
writeFileSync(path.join(root, 'dist', 'corpus.json'), JSON.stringify(data));
