// The serialized corpus index: loading it gives the corpus buildCorpus() builds, member for
// member, and the same verdicts; in memory and from a file whose text is read on demand.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createChecker } from '../../server/src/core/checker';
import type { Corpus } from '../../server/src/core/retrieval/corpus';
import { analysePassage, buildCorpus } from '../../server/src/corpus/index';
import { loadBundledCorpus, loadBundledSources } from '../../server/src/corpus/loader';
import { parseSource } from '../../server/src/corpus/parseSource';
import { CorpusIndexWriter, loadCorpusIndex, openCorpusIndex, serializeCorpus } from '../../server/src/corpus/serialize';
import { createVocabulary } from '../../server/src/core/claims/terms';
import type { Source } from '../../server/src/core/types';
import { lines } from './helpers';

const corpusDir = path.resolve(__dirname, '..', '..', 'corpus');
const readSources = (): Source[] =>
  ['korybko-morozov-2020.md', 'abbasi-2025.md'].map((file) => parseSource({ location: `corpus/${file}`, text: readFileSync(path.join(corpusDir, file), 'utf8'), bundled: true }));

const built = buildCorpus(readSources());
const bytes = serializeCorpus(built);
const loaded = loadCorpusIndex(bytes);
const dir = mkdtempSync(path.join(tmpdir(), 'attest-index-'));
const file = path.join(dir, 'corpus.index');
writeFileSync(file, bytes);
const opened = openCorpusIndex(file, { cacheSize: 8 });
afterAll(() => {
  opened.close();
  rmSync(dir, { recursive: true, force: true });
});

const claims = lines(
  'CPEC is expected to attract $60 billion in total investment, and $13 billion worth of projects were completed by January 2020.',
  '',
  "Pakistan's trade with Uzbekistan stood at $36 million in 2017.",
  '',
  'Russia pledged $2 billion to rehabilitate Pakistan Steel Mills.',
  '',
  'Putin said the project “rhymes with Russia’s idea to establish a Greater Eurasian Partnership”.',
  '',
  'Dugin published Foundations of Geopolitics in 1997.',
  '',
  'Trade between Pakistan and Tajikistan was about $62 million a year.',
);

function snapshot(corpus: Corpus): Record<string, unknown> {
  const terms = new Set<string>();
  for (let p = 0; p < corpus.passages.length; p++) for (const t of corpus.terms(p)) terms.add(t.term);
  terms.add('no-such-term');
  return {
    sources: JSON.stringify([...corpus.sources.values()]),
    passages: JSON.stringify(corpus.passages),
    perPassage: corpus.passages.map((_, p) => JSON.stringify([corpus.sentences(p), corpus.figures(p), corpus.terms(p)])),
    terms: [...terms].map((t) => [t, [...corpus.passagesWithTerm(t)], corpus.idf(t), corpus.isName(t)]),
    variants: [...terms, 'kashgar', 'pakistanx', 'russiaa'].map((t) => [t, corpus.variants(t)]),
    vocabulary: JSON.stringify({ countries: [...corpus.vocabulary.countries], organisations: [...corpus.vocabulary.organisations], folds: [...corpus.vocabulary.folds] }),
    outOfRange: JSON.stringify([corpus.sentences(-1), corpus.figures(10 ** 6), corpus.terms(10 ** 6)]),
  };
}

describe('serialized corpus index', () => {
  const expected = snapshot(built);

  const same = (actual: Record<string, unknown>): void => {
    for (const key of Object.keys(expected)) expect(actual[key], key).toEqual(expected[key]);
  };

  it('loads from memory as the corpus buildCorpus builds', () => {
    same(snapshot(loaded));
  });

  it('loads from a file, reading text and terms on demand, as the same corpus', () => {
    same(snapshot(opened));
    // Twice, so that evicted passages are read again.
    same(snapshot(opened));
  });

  it('gives the same verdicts and findings', () => {
    const expectedAnalysis = createChecker({ corpus: built }).analyse(claims);
    expect(expectedAnalysis.verdicts.map((v) => v.verdict)).toContain('supported');
    expect(expectedAnalysis.verdicts.map((v) => v.verdict)).toContain('contradicted');
    for (const corpus of [loaded, opened]) {
      const analysis = createChecker({ corpus }).analyse(claims);
      expect(JSON.stringify(analysis.verdicts)).toBe(JSON.stringify(expectedAnalysis.verdicts));
      expect(JSON.stringify(analysis.findings)).toBe(JSON.stringify(expectedAnalysis.findings));
    }
    const brief = readFileSync(path.resolve(__dirname, '..', '..', 'examples', 'brief.md'), 'utf8');
    expect(JSON.stringify(createChecker({ corpus: opened }).analyse(brief).verdicts)).toBe(JSON.stringify(createChecker({ corpus: built }).analyse(brief).verdicts));
  });

  it('lists the passages of a term as arrays or as views of the index, alike', () => {
    const views = loadCorpusIndex(bytes, { postings: 'views' });
    for (const term of ['pakistan', 'cpec', 'no-such-term']) {
      expect([...views.passagesWithTerm(term)]).toEqual([...built.passagesWithTerm(term)]);
      expect(views.passagesWithTerm(term).length).toBe(built.passagesWithTerm(term).length);
      expect(Array.isArray(loaded.passagesWithTerm(term))).toBe(true);
    }
  });

  it('keeps each figure one object, so that a passage figure is the source figure', () => {
    const passage = loaded.passages.findIndex((p) => loaded.figures(p.index).some((f) => f.kind === 'money'));
    const money = loaded.figures(passage).find((f) => f.kind === 'money')!;
    expect(loaded.figures(passage)).toContain(money);
    expect(loaded.figures(passage)[0]).toBe(loaded.figures(passage)[0]);
  });

  it('builds the same index from sources added one by one, skipping a duplicate id', () => {
    const sources = readSources();
    const acronyms: Record<string, string> = {};
    for (const source of sources) Object.assign(acronyms, source.acronyms);
    const vocabulary = createVocabulary(acronyms);
    const writer = new CorpusIndexWriter();
    for (const source of [...sources, sources[0]!]) writer.addSource(source, source.passages.map((p) => analysePassage(p.text, vocabulary)));
    expect(Buffer.from(writer.toBytes()).equals(Buffer.from(bytes))).toBe(true);
  });

  it('keeps text that UTF-8 cannot carry, and rejects what is not an index', () => {
    const source = parseSource({ location: 'odd.md', text: 'A lone \uD800 surrogate beside $5 million in 2019.\n', bundled: false });
    const corpus = buildCorpus([source]);
    const round = loadCorpusIndex(serializeCorpus(corpus));
    expect(round.passages[0]!.text).toBe(corpus.passages[0]!.text);
    expect(round.figures(0)).toEqual(corpus.figures(0));
    expect(() => loadCorpusIndex(new Uint8Array(64))).toThrow(/Not an Attest corpus index/);
  });

  it("reads a date whose part of the year it does not know, in a damaged index, as the whole year rather than failing the check", () => {
    const source = parseSource({ location: 'trade.md', text: 'Trade between Kenya and Peru grew to $5 million in early 2019.\n', bundled: false });
    const bytes = serializeCorpus(buildCorpus([source]));
    // Damage every "early", the part's entry in the string table with it.
    const damaged = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1').replaceAll('early', 'eerly');
    const corpus = loadCorpusIndex(new Uint8Array(Buffer.from(damaged, 'latin1')));
    const date = corpus.figures(0).find((f) => f.kind === 'year');
    expect(date?.date).toEqual({ year: 2019 });
    const verdicts = createChecker({ corpus }).analyse('Trade between Kenya and Peru grew to $5 million in late 2019.').verdicts;
    expect(verdicts.map((v) => `${v.claim.text} ${v.verdict}`)).toEqual(['$5 million supported', 'late 2019 supported']);
  });

  const distDir = path.resolve(__dirname, '..', '..', 'dist');
  it.skipIf(!existsSync(path.join(distDir, 'corpus.json')))('loads the bundled corpus from dist/corpus.json as buildCorpus(loadBundledSources())', () => {
    const bundled = loadBundledCorpus(distDir);
    const rebuilt = buildCorpus(loadBundledSources(distDir));
    expect(JSON.stringify([...bundled.sources.values()])).toBe(JSON.stringify([...rebuilt.sources.values()]));
    expect(JSON.stringify(createChecker({ corpus: bundled }).analyse(claims).verdicts)).toBe(JSON.stringify(createChecker({ corpus: rebuilt }).analyse(claims).verdicts));
  });
});
