// Finding a passage's sentence and words in the source file as written (Show source, the
// Sources view), and the list of sources and source problems the Sources view shows.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Source, SourceProblem } from '../../server/src/core/types';
import { parseSource } from '../../server/src/corpus/parseSource';
import { locateFootnote, locateInPassage, locateLine, normalise } from '../../server/src/features/showSource';
import { sourcesList } from '../../server/src/features/sourcesList';
import type { Range } from '../../server/src/protocol';
import { lines } from './helpers';

/** The text a range covers. */
function textAt(text: string, range: Range): string {
  const all = text.split('\n');
  if (range.start.line === range.end.line) return all[range.start.line]!.slice(range.start.character, range.end.character);
  return [all[range.start.line]!.slice(range.start.character), ...all.slice(range.start.line + 1, range.end.line), all[range.end.line]!.slice(0, range.end.character)].join('\n');
}

describe('normalise', () => {
  it('reads like a passage’s clean text, and maps back to the file', () => {
    const raw = 'A **bold** claim[^4] over\n  two [lines](http://x.org).';
    const { clean, map } = normalise(raw);
    expect(clean).toBe('A bold claim over two lines.');
    expect(raw[map[clean.indexOf('over')]!]).toBe('o');
    expect(raw.slice(map[clean.indexOf('lines')]!, map[clean.indexOf('lines') + 4]! + 1)).toBe('lines');
  });
});

describe('locateInPassage', () => {
  const file = lines(
    '# Title', // 0
    '',
    'First paragraph mentions $60 billion once.', // 2
    '',
    'The corridor cost **$60 billion**[^4] in',  // 4
    'total, it said. Then $60 billion again.', // 5
    '',
    'Last.', // 7
  );

  it('selects the words inside their sentence, across line breaks and markup', () => {
    const located = locateInPassage(file, 4, 'The corridor cost $60 billion in total, it said.', '$60 billion');
    expect(located.line).toBe(4);
    expect(textAt(file, located.range)).toBe('$60 billion');
    expect(located.range.start).toEqual({ line: 4, character: 20 });
    expect(textAt(file, located.sentence!)).toBe('The corridor cost **$60 billion**[^4] in\ntotal, it said.');
  });

  it('looks only in the passage’s own paragraph', () => {
    expect(locateInPassage(file, 2, 'First paragraph mentions $60 billion once.', '$60 billion').range.start.line).toBe(2);
  });

  it('finds a sentence that differs further on by its first words, and falls back to the line', () => {
    const located = locateInPassage(file, 4, 'The corridor cost $60 billion in total, it is said by some.', 'nowhere');
    expect(textAt(file, located.range)).toBe('The corridor cost **$60 billion**[^4] in\ntotal, it');
    expect(locateInPassage(file, 7, 'Not here.', 'x')).toEqual({ line: 7, range: { start: { line: 7, character: 0 }, end: { line: 7, character: 5 } } });
  });

  it('finds the figure of a bundled paper’s passage', () => {
    const korybko = path.resolve(__dirname, '..', '..', 'corpus', 'korybko-morozov-2020.md');
    const text = readFileSync(korybko, 'utf8');
    const source = parseSource({ location: korybko, text, bundled: true });
    const passage = source.passages.find((p) => p.text.includes('expected eventual total investment of $60 billion'))!;
    const located = locateInPassage(text, passage.line, 'with $13 billion worth of projects completed in January 2020 out of an expected eventual total investment of $60 billion (thus making it', '$60 billion');
    expect(textAt(text, located.range)).toBe('$60 billion');
    expect(textAt(text, located.sentence!)).toMatch(/^with \$13 billion .* \$60 billion\[\^4\] \(thus making it$/);
  });
});

describe('locateFootnote', () => {
  const file = lines('Intro.', '', 'A claim.[^a] More.', '', '[^a]: The note.', '[^b]: Uncited note.');
  const passages = [
    { line: 0, footnotes: [] },
    { line: 2, footnotes: [{ label: 'a', offset: 8 }] },
  ];
  it('selects the marker in the passage that cites the footnote', () => {
    expect(locateFootnote(file, passages, 'a')).toEqual({ line: 2, range: { start: { line: 2, character: 8 }, end: { line: 2, character: 12 } } });
  });
  it('else the definition, else the first passage', () => {
    expect(locateFootnote(file, passages, 'b').range).toEqual({ start: { line: 5, character: 0 }, end: { line: 5, character: 19 } });
    expect(locateFootnote(file, passages, 'zz').line).toBe(0);
  });
});

describe('locateLine', () => {
  it('keeps the line inside the file', () => {
    expect(locateLine('a\nbc', 9)).toEqual({ line: 1, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 2 } } });
  });
});

describe('sourcesList', () => {
  const source = (id: string, location: string, bundled: boolean, extra: Partial<Source> = {}): Source => ({
    ...parseSource({ location, text: lines('---', `id: ${id}`, `title: Title of ${id}`, 'authors: [{ family: Smith, given: Ann }]', 'year: 2021', 'url: https://example.org/x', '---', '', 'Text.[^1]', '', '[^1]: Someone. A Cited Page. – Outlet. 01.02.2020. URL: https://example.org/cited (accessed 01.03.2020).'), bundled }),
    ...extra,
  });
  const own = source('own-2021', '/ws/sources/own.md', false);
  const bundled = source('bundled-2019', '/ext/corpus/bundled.md', true, { problems: [{ file: 'corpus/bundled.md', message: 'bundled-2019: footnote 9 cited but not defined.' }] });
  const loadedWithProblem = source('yaml-2020', '/ws/sources/yaml.md', false, { problems: [{ file: '/ws/sources/yaml.md', line: 2, message: 'The front matter is not valid YAML.' }] });
  const reported: SourceProblem[] = [
    { file: '/ws/sources/yaml.md', line: 2, message: 'The front matter is not valid YAML.' },
    { file: '/ws/sources/binary.txt', line: 0, message: 'Skipped: the file looks binary.' },
    { file: '/ws/sources/binary.txt', line: 0, message: 'Skipped: the file looks binary.' },
    { file: '/ws/old/gone.md', message: 'Could not read the file.' },
    { file: '/ext/dist/corpus.json', message: 'The bundled corpus could not be loaded.' },
  ];
  const list = sourcesList([own, loadedWithProblem, bundled], reported, (file) => file.startsWith('/ws/sources/'));

  it('lists bundled sources first, then the writer’s, by label', () => {
    expect(list.sources.map((s) => [s.id, s.label, s.bundled])).toEqual([
      ['bundled-2019', 'Smith 2021', true],
      ['own-2021', 'Smith 2021', false],
      ['yaml-2020', 'Smith 2021', false],
    ]);
  });

  it('describes each source with its reference, link, file and footnotes', () => {
    expect(list.sources[1]).toEqual({
      id: 'own-2021',
      label: 'Smith 2021',
      title: 'Title of own-2021',
      authors: ['Ann Smith'],
      year: 2021,
      reference: 'Smith, Ann. 2021. “Title of own-2021.” https://example.org/x.',
      url: 'https://example.org/x',
      bundled: false,
      uri: 'file:///ws/sources/own.md',
      passages: 1,
      footnotes: [{ label: '1', title: own.footnotes[0]!.title ?? own.footnotes[0]!.text, url: 'https://example.org/cited' }],
      problems: [],
    });
  });

  it('marks a misread source as an error, and a flaw of a bundled paper, which the writer cannot fix, as information', () => {
    expect(list.sources[2]!.problems).toEqual([{ uri: 'file:///ws/sources/yaml.md', file: '/ws/sources/yaml.md', line: 2, message: 'The front matter is not valid YAML.', severity: 'error' }]);
    expect(list.sources[0]!.problems).toEqual([{ file: 'corpus/bundled.md', message: 'bundled-2019: footnote 9 cited but not defined.', severity: 'information' }]);
  });

  it('keeps the problems of files not used, once each, while the library still looks at them', () => {
    expect(list.problems).toEqual([
      { uri: 'file:///ws/sources/binary.txt', file: '/ws/sources/binary.txt', line: 0, message: 'Skipped: the file looks binary.', severity: 'error' },
      { uri: 'file:///ext/dist/corpus.json', file: '/ext/dist/corpus.json', message: 'The bundled corpus could not be loaded.', severity: 'error' },
    ]);
  });
});
