import { describe, expect, it } from 'vitest';
import { assembleCorpus } from '../../server/src/corpus/assemble';
import { parseSource } from '../../server/src/corpus/parseSource';
import { sourcesList } from '../../server/src/features/sourcesList';
import { source } from './sourceFolders';

const paper = (location: string, sentence: string, bundled: boolean) => parseSource({ location, text: source('abbasi-2025', sentence), bundled });
const bundled = paper('/extension/corpus/abbasi-2025.md', 'Trade stood at $700 million in 2019.', true);

describe('assembling the corpus', () => {
  it('uses the writer’s source in place of a bundled one with the same id, and says so on the writer’s source', () => {
    const mine = paper('/notes/abbasi.md', 'Trade stood at $900 million in 2019.', false);
    const { corpus, problems } = assembleCorpus([bundled], [mine]);
    const used = corpus.sources.get('abbasi-2025')!;
    expect(used.location).toBe('/notes/abbasi.md');
    expect(corpus.sources.size).toBe(1);
    const warning =
      'This source has the id "abbasi-2025" of the bundled source /extension/corpus/abbasi-2025.md, so it is checked against in place of that one. Give it its own "id" in the front matter to check against both.';
    expect(problems).toEqual([{ file: '/notes/abbasi.md', message: warning }]);
    // The Sources view shows the warning on the writer's source.
    const listed = sourcesList([...corpus.sources.values()], problems, () => true);
    expect(listed.sources[0]!.problems).toEqual([{ uri: 'file:///notes/abbasi.md', file: '/notes/abbasi.md', message: warning, severity: 'warning' }]);
    expect(listed.problems).toEqual([]);
  });

  it('keeps the first of two writer’s sources with the same id and reports the other', () => {
    const first = paper('/notes/a.md', 'Trade stood at $900 million in 2019.', false);
    const second = paper('/notes/b.md', 'Trade stood at $800 million in 2019.', false);
    const { corpus, problems } = assembleCorpus([], [first, second]);
    expect(corpus.sources.get('abbasi-2025')!.location).toBe('/notes/a.md');
    expect(problems).toEqual([{ file: '/notes/b.md', message: 'The source id "abbasi-2025" is already used by /notes/a.md; this file is ignored. Give it its own "id" in the front matter.' }]);
  });
});
