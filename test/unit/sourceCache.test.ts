// The on-disk index of the writer's sources: a file whose size and modification time are
// unchanged is not read again, a changed one is, a damaged cache is rebuilt without a word,
// and two loads writing one cache folder at once leave it usable.
import { mkdtempSync, readdirSync, readFileSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createChecker } from '../../server/src/core/checker';
import { SourceCache } from '../../server/src/corpus/cache';
import { loadLibraryCorpus, type LibraryCorpus } from '../../server/src/corpus/cacheLibrary';
import { updateLibraryCorpus } from '../../server/src/corpus/cacheUpdate';
import { lines } from './helpers';
import { corpusDir } from './corpus';
import { parseSource } from '../../server/src/corpus/parseSource';
import type { Source } from '../../server/src/core/types';

const report = (id: string, tonnes: string) => lines('---', `id: ${id}`, `title: ${id} annual report`, 'authors: [{ family: Baloch, given: Sana }]', 'year: 2022', '---', '', `The ${id} port handled ${tonnes} tonnes of cargo in 2021.`);

function library(): { folder: string; cache: string; files: string[] } {
  const root = mkdtempSync(path.join(tmpdir(), 'attest-cache-test-'));
  const files = ['gwadar', 'karachi', 'qasim'].map((id) => path.join(root, `${id}.md`));
  files.forEach((file, i) => {
    writeFileSync(file, report(path.basename(file, '.md'), `${i + 1}.5 million`));
    // Whole seconds, which a file's time can be set back to exactly.
    utimesSync(file, 1_700_000_000, 1_700_000_000);
  });
  return { folder: root, cache: path.join(root, 'cache'), files };
}

async function load(files: string[], cache: string, pause?: () => Promise<void>, bundled: readonly Source[] = [], bundledKey = 'none'): Promise<LibraryCorpus> {
  return (await loadLibraryCorpus({ files, bundled, bundledKey, exclude: [], cache: new SourceCache(cache), ...(pause && { pause }) }))!;
}

/** The bundled papers, as sources. */
const papers = (): Source[] => readdirSync(corpusDir).filter((f) => f.endsWith('.md')).map((f) => parseSource({ location: path.join(corpusDir, f), text: readFileSync(path.join(corpusDir, f), 'utf8'), bundled: true }));

/** What the checker says of the tonnage a port handled. */
function verdictOf(loaded: LibraryCorpus, tonnes: string, port = 'gwadar'): string {
  const analysis = createChecker({ corpus: loaded.corpus }).analyse(`The ${port} port handled ${tonnes} tonnes of cargo in 2021.`);
  return analysis.verdicts.filter((v) => v.claim.kind === 'figure').map((v) => `${v.claim.text}: ${v.verdict}`).join('; ');
}

/** Writes the file, keeping its modification time. */
function rewriteKeepingTime(file: string, text: string): void {
  const before = statSync(file);
  writeFileSync(file, text);
  utimesSync(file, before.mtimeMs / 1000, before.mtimeMs / 1000);
}

describe('the cache of the writer’s sources', () => {
  it('reads a file again only when its size or modification time changed', async () => {
    const { files, cache } = library();
    const first = await load(files, cache);
    expect([first.read, first.reused, verdictOf(first, '1.5 million')]).toEqual([3, false, '1.5 million tonnes: supported']);
    first.corpus.close();

    // Same size and time, other text: the cache's version is used.
    rewriteKeepingTime(files[0]!, report('gwadar', '9.5 million'));
    const warm = await load(files, cache);
    expect([warm.read, warm.reused, verdictOf(warm, '1.5 million')]).toEqual([0, true, '1.5 million tonnes: supported']);
    warm.corpus.close();

    rewriteKeepingTime(files[0]!, report('gwadar', '4.75 million'));
    const changed = await load(files, cache);
    expect([changed.read, changed.reused, verdictOf(changed, '4.75 million')]).toEqual([1, false, '4.75 million tonnes: supported']);
    changed.corpus.close();
  });

  it('gives the same verdicts from the cache as from the files: a part of the year ("early 2024") keeps its meaning', async () => {
    const { files, cache } = library();
    writeFileSync(files[1]!, lines('---', 'id: karachi', 'title: Karachi terminal opens', 'year: 2024', '---', '', 'The new Karachi container terminal opened in early 2024.'));
    const dated = (loaded: LibraryCorpus): string[] =>
      ['in early 2024', 'in late 2024', 'in mid-2024'].map((when) => {
        const verdict = createChecker({ corpus: loaded.corpus }).analyse(`The new Karachi container terminal opened ${when}.`).verdicts.find((v) => v.claim.kind === 'date');
        return `${verdict?.claim.text}: ${verdict?.verdict}`;
      });
    const expected = ['early 2024: supported', 'late 2024: contradicted', 'mid-2024: contradicted'];
    // With the bundled papers first, the report's strings have other numbers in the library than in its own entry.
    const bundled = papers();
    const first = await load(files, cache, undefined, bundled, 'build 1');
    expect(dated(first)).toEqual(expected);
    first.corpus.close();
    // A new build of the bundle: the library is put together again, each report from its cache entry.
    const warm = await load(files, cache, undefined, bundled, 'build 2');
    expect([warm.read, warm.reused]).toEqual([0, false]);
    expect(dated(warm)).toEqual(expected);
    warm.corpus.close();
  });

  it('drops the entries of deleted files when the index is built again', async () => {
    const { files, cache } = library();
    (await load(files, cache)).corpus.close();
    expect(readdirSync(path.join(cache, 'sources')).length).toBe(3);
    unlinkSync(files[1]!);
    const after = await load([files[0]!, files[2]!], cache);
    expect([after.read, readdirSync(path.join(cache, 'sources')).length, ...after.corpus.sources.keys()]).toEqual([0, 2, 'gwadar', 'qasim']);
    after.corpus.close();
  });

  it('rebuilds a corrupt cache without an error', async () => {
    const { files, cache } = library();
    (await load(files, cache)).corpus.close();
    for (const sub of ['sources', 'libraries']) for (const name of readdirSync(path.join(cache, sub))) writeFileSync(path.join(cache, sub, name), 'not a cache entry');
    const rebuilt = await load(files, cache);
    expect([rebuilt.read, rebuilt.problems, verdictOf(rebuilt, '1.5 million')]).toEqual([3, [], '1.5 million tonnes: supported']);
    rebuilt.corpus.close();
  });

  it('stays usable when two loads write the same cache folder at once', async () => {
    const { files, cache } = library();
    const both = await Promise.all([load(files, cache, () => new Promise((resolve) => setImmediate(resolve))), load(files, cache, () => new Promise((resolve) => setImmediate(resolve)))]);
    expect(both.map((b) => verdictOf(b, '1.5 million'))).toEqual(['1.5 million tonnes: supported', '1.5 million tonnes: supported']);
    both.forEach((b) => b.corpus.close());
    const after = await load(files, cache);
    expect([after.read, after.reused, verdictOf(after, '2.5 million', 'karachi'), verdictOf(after, '3.5 million', 'qasim')]).toEqual([0, true, '2.5 million tonnes: supported', '3.5 million tonnes: supported']);
    after.corpus.close();
  });

  it('lays a few saved, added or deleted files over the index, and leaves an id taken twice to a full build', async () => {
    const { folder, files, cache } = library();
    const built = await load(files, cache);
    writeFileSync(files[0]!, report('gwadar', '7.5 million'));
    const added = path.join(folder, 'pasni.md');
    writeFileSync(added, report('pasni', '0.5 million'));
    const updated = (await updateLibraryCorpus(built, [...files.slice(0, 2), added], []))!;
    const checked = (tonnes: string, port: string): string[] => createChecker({ corpus: updated.corpus }).analyse(`The ${port} port handled ${tonnes} tonnes of cargo in 2021.`).verdicts.filter((v) => v.claim.kind === 'figure').map((v) => v.verdict);
    expect([checked('7.5 million', 'gwadar'), checked('1.5 million', 'gwadar'), checked('0.5 million', 'pasni')]).toEqual([['supported'], ['contradicted'], ['supported']]);
    // qasim.md is no longer among the files: deleted.
    expect([[...updated.ids].sort(), [...updated.corpus.sources.keys()].sort()]).toEqual([['gwadar', 'karachi', 'pasni'], ['gwadar', 'karachi', 'pasni']]);

    writeFileSync(added, report('karachi', '0.5 million'));
    expect(await updateLibraryCorpus(built, [...files, added], [])).toBeUndefined();
    built.corpus.close();
  });
});
