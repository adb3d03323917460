// Reference libraries through the cache of the writer's sources: the files a .bib attaches are
// cached each as any source, and the entries' metadata is laid over them, so that an edited
// entry shows after a reload without reading the attached files again.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createChecker } from '../../server/src/core/checker';
import { SourceCache } from '../../server/src/corpus/cache';
import { loadLibraryCorpus, type LibraryCorpus } from '../../server/src/corpus/cacheLibrary';

const fixtures = path.resolve(__dirname, '../fixtures/library/bib');

function workspace(): { bib: string; cache: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'attest-bib-cache-'));
  cpSync(fixtures, root, { recursive: true });
  return { bib: path.join(root, 'references.bib'), cache: path.join(root, 'cache') };
}

async function load(files: string[], cache: string): Promise<LibraryCorpus> {
  return (await loadLibraryCorpus({ files, bundled: [], bundledKey: 'none', exclude: [], cache: new SourceCache(cache) }))!;
}

/** The sources as `id: title (passages)`. */
const sources = (loaded: LibraryCorpus): string[] => [...loaded.corpus.sources.values()].map((s) => `${s.meta.id}: ${s.meta.title} (${s.passages.length})`);
const problems = (loaded: LibraryCorpus): string[] => loaded.problems.map((p) => `${path.basename(p.file)}:${p.line === undefined ? '' : p.line + 1}: ${p.message}`);

const verdict = (loaded: LibraryCorpus, claim: string): string =>
  createChecker({ corpus: loaded.corpus })
    .analyse(claim)
    .verdicts.map((v) => `${v.claim.text}: ${v.verdict} by ${v.evidence.map((e) => `${e.sourceId} ${loaded.corpus.passages[e.passageIndex]!.sourceId}`).join(', ')}`)
    .join('; ');

const broken = [
  'references.bib:25: The entry @article{rashid2022, … could not be read: a brace "{" is never closed; the other 4 entries are used.',
  'references.bib:40: The entry @misc{, … could not be read: it has no citation key; the other 4 entries are used.',
  'references.bib:31: The file attached to @korybko2020 could not be read (files/korybko-2020.pdf does not exist); the entry is used as a reference only, with no text to check against.',
];

describe('a reference library through the cache', () => {
  it('shows an edited entry after a reload without reading its attached files again', async () => {
    const { bib, cache } = workspace();
    const first = await load([bib], cache);
    const listed = [
      'khan2021: The Pakistan Stream Gas Pipeline (2)',
      'iqbal2019: Wheat Trade between Pakistan and Russia (2)',
      "korybko2020: Pakistan's Role in Russia's Greater Eurasian Partnership (0)",
      'ahmed2018: Eurasian Corridors: [Links] and *Emphasis* in a Title (0)',
    ];
    expect([first.read, ...sources(first)]).toEqual([2, ...listed]);
    expect(problems(first)).toEqual(broken);
    first.corpus.close();

    // The entry's title edited: the library is read again, the attached files are not.
    writeFileSync(bib, readFileSync(bib, 'utf8').replace('title        = {The {Pakistan Stream} Gas Pipeline}', 'title        = {The Pakistan Stream Pipeline, Revisited}'));
    const retitled = await load([bib], cache);
    expect([retitled.read, retitled.reused, ...sources(retitled)]).toEqual([0, false, 'khan2021: The Pakistan Stream Pipeline, Revisited (2)', ...listed.slice(1)]);
    expect(problems(retitled)).toEqual(broken);
    retitled.corpus.close();

    // Its citation key changed: the attached file's passages are the new key's, still not read again.
    writeFileSync(bib, readFileSync(bib, 'utf8').replace('@article{khan2021,', '@article{khan2021a,'));
    const rekeyed = await load([bib], cache);
    expect([rekeyed.read, ...sources(rekeyed)]).toEqual([0, 'khan2021a: The Pakistan Stream Pipeline, Revisited (2)', ...listed.slice(1)]);
    expect(verdict(rekeyed, 'The pipeline will cost $2.5 billion [@khan2021a].')).toBe('$2.5 billion: supported by khan2021a khan2021a');
    rekeyed.corpus.close();

    // Unchanged since: the index is opened as built.
    const warm = await load([bib], cache);
    expect([warm.read, warm.reused, ...sources(warm)]).toEqual([0, true, 'khan2021a: The Pakistan Stream Pipeline, Revisited (2)', ...listed.slice(1)]);
    expect(problems(warm)).toEqual(broken);
    warm.corpus.close();
  });
});
