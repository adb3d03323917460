// `npm run corpus:import`: converts the raw texts listed in corpus/raw/sources.yaml into
// corpus/<id>.md and prints what each conversion could not do cleanly.
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { importSource, type ManifestEntry } from './corpus/importSource';

const root = path.resolve(__dirname, '..');
const manifest = parse(readFileSync(path.join(root, 'corpus', 'raw', 'sources.yaml'), 'utf8')) as ManifestEntry[];
for (const entry of manifest) {
  const raw = readFileSync(path.join(root, 'corpus', 'raw', entry.raw), 'utf8');
  const { id, markdown, conversion } = importSource(entry, raw);
  writeFileSync(path.join(root, 'corpus', `${id}.md`), markdown);
  const stats = Object.entries(conversion.stats).map(([k, v]) => `${v} ${k}`).join(', ');
  console.log(`corpus/${id}.md: ${conversion.blocks.filter((b) => b.kind === 'paragraph').length} paragraphs${stats ? `, ${stats}` : ''}`);
  for (const problem of conversion.problems) console.log(`  ${id}: ${problem}`);
}
