// The bundled corpus for tests: corpus/*.md parsed and indexed as the build does it.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Corpus } from '../../server/src/core/retrieval/corpus';
import { buildCorpus } from '../../server/src/corpus/index';
import { parseSource } from '../../server/src/corpus/parseSource';

export const corpusDir = path.resolve(__dirname, '..', '..', 'corpus');

export function bundledCorpus(): Corpus {
  return buildCorpus(
    readdirSync(corpusDir)
      .filter((f) => f.endsWith('.md'))
      .map((f) => parseSource({ location: path.join(corpusDir, f), text: readFileSync(path.join(corpusDir, f), 'utf8'), bundled: true })),
  );
}
