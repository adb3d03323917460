// The corpus index read on demand: opening it reads no source, a check reads only the sources
// it touches, and offsets past 4 GiB (in the header's section table and in a section) read
// exactly, tested with a store that maps a sparse virtual file instead of writing 4 GiB.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createChecker } from '../../server/src/core/checker';
import type { Source } from '../../server/src/core/types';
import { buildCorpus } from '../../server/src/corpus/index';
import { records, residentColumn } from '../../server/src/corpus/indexColumns';
import { openCorpusStore } from '../../server/src/corpus/indexReader';
import type { Store } from '../../server/src/corpus/indexColumns';
import { corpusIndexFormat } from '../../server/src/corpus/indexFormat';
import { overlayCorpus } from '../../server/src/corpus/overlay';
import { parseSource } from '../../server/src/corpus/parseSource';
import { loadCorpusIndex, openCorpusIndex, serializeCorpus } from '../../server/src/corpus/serialize';
import { lines } from './helpers';

const port = (i: number, tonnes = `${i}.5`): Source =>
  parseSource({
    location: `ports/port-${i}.md`,
    text: lines('---', `id: port-${i}`, `title: Port ${i} annual report`, 'authors: [{ family: Baloch, given: Sana }]', `year: ${2000 + (i % 20)}`, '---', '', `The Zarnikh${i} terminal handled ${tonnes} million tonnes of cargo in 2021.`),
    bundled: false,
  });
const ports = Array.from({ length: 300 }, (_, i) => port(i));
const built = buildCorpus(ports);
const bytes = serializeCorpus(built);
const dir = mkdtempSync(path.join(tmpdir(), 'attest-index-demand-'));
const file = path.join(dir, 'ports.index');
writeFileSync(file, bytes);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Opens the index, noting each source it reads (mapSource sees every source made). */
function openCounting(): { corpus: ReturnType<typeof openCorpusIndex>; read: string[] } {
  const read: string[] = [];
  const corpus = openCorpusIndex(file, { mapSource: (source) => (read.push(source.meta.id), source) });
  return { corpus, read };
}

const verdictsOf = (corpus: Parameters<typeof createChecker>[0]['corpus'], text: string): string[] => createChecker({ corpus }).analyse(text).verdicts.map((v) => `${v.claim.text} ${v.verdict}`);

describe('corpus index read on demand', () => {
  it('reads no source at open, and only the sources a check touches', () => {
    const { corpus, read } = openCounting();
    expect(read).toEqual([]);
    expect(corpus.sources.size).toBe(300);
    expect(corpus.passages.length).toBe(300);
    expect([...corpus.sources.keys()].slice(0, 3)).toEqual(['port-0', 'port-1', 'port-2']);
    const draft = 'The Zarnikh17 terminal handled 17.5 million tonnes of cargo in 2021.\n\nThe Zarnikh42 terminal handled 9 million tonnes of cargo in 2021.';
    expect(verdictsOf(corpus, draft)).toEqual(verdictsOf(built, draft));
    expect(verdictsOf(corpus, draft)).toEqual(['17.5 million tonnes supported', '2021 supported', '9 million tonnes contradicted', '2021 supported']);
    expect([...new Set(read)].sort()).toEqual(['port-17', 'port-42']);
    expect(corpus.sources.get('port-17')!.meta.title).toBe('Port 17 annual report');
    expect(corpus.sources.get('port-17')!.passages[0]).toBe(corpus.passages[17]);
    corpus.close();
  });

  it('gives every source and passage when asked for all, as buildCorpus does', () => {
    const { corpus, read } = openCounting();
    expect(JSON.stringify([...corpus.sources.values()])).toBe(JSON.stringify([...built.sources.values()]));
    expect(JSON.stringify(corpus.passages)).toBe(JSON.stringify(built.passages));
    expect(read.length).toBe(300);
    corpus.close();
  });

  it('lays a changed source over the index without reading the others', () => {
    const { corpus, read } = openCounting();
    const overlaid = overlayCorpus(corpus, new Set(['port-42']), [port(42, '9')]);
    expect(read).toEqual(['port-42']);
    expect(overlaid.passages.length).toBe(301);
    expect(overlaid.sources.size).toBe(300);
    expect(verdictsOf(overlaid, 'The Zarnikh42 terminal handled 9 million tonnes of cargo in 2021.')).toEqual(['9 million tonnes supported', '2021 supported']);
    expect([...new Set(read)].sort()).toEqual(['port-42']);
    corpus.close();
  });

  it('reads only the header, the ids and the passage counts at open, and a claim what it needs', () => {
    const data = Buffer.from(bytes);
    const headerLength = data.readUInt32LE(12);
    const { sections } = JSON.parse(data.toString('utf8', 16, 16 + headerLength)) as { sections: Record<string, [number, number]> };
    const base = Math.ceil((16 + headerLength) / 8) * 8;
    const touched = new Set<string>();
    const store: Store = {
      read: (offset, length) => {
        const section = Object.entries(sections).find(([, [start, size]]) => offset >= base + start && offset < base + start + Math.max(size, 1));
        touched.add(section ? section[0] : offset < base ? 'header' : 'padding');
        return data.subarray(offset, offset + length);
      },
      close: () => undefined,
    };
    const corpus = openCorpusStore(store);
    expect([...touched].sort()).toEqual(['header', 'source.ids', 'source.passages']);
    touched.clear();
    createChecker({ corpus }).judgeText('The Zarnikh17 terminal handled 17.5 million tonnes of cargo in 2021.');
    // Judging a claim reads its terms' postings and the passages they name, but no source's record.
    expect([...touched].sort()).toEqual([
      'dictionary', 'dictionary.offsets', 'dictionary.order', 'figure.ints', 'figure.values',
      'passage.encoding', 'passage.figures', 'passage.line', 'passage.locator', 'passage.markers', 'passage.section', 'passage.sentences', 'passage.sourceId', 'passage.terms', 'passage.text',
      'postings', 'sentences', 'spelling.ids', 'spelling.starts', 'strings', 'strings.offsets', 'term.postings', 'terms', 'text',
    ]);
  });

  it('reads terms that are not ASCII, as the dictionary holds them', () => {
    const source = parseSource({ location: 'zurich.md', text: 'The Zürich and Łódź terminals and the Straße café handled 5 million tonnes in 2020.\n', bundled: false });
    const one = buildCorpus([source]);
    const far = path.join(dir, 'zurich.index');
    writeFileSync(far, serializeCorpus(one));
    const opened = openCorpusIndex(far);
    expect(opened.terms(0).map((t) => t.term)).toEqual(one.terms(0).map((t) => t.term));
    expect(opened.terms(0).some((t) => /[^\x00-\x7f]/.test(t.term))).toBe(true);
    opened.close();
  });

  it('refuses an index of the format before, so that it is rebuilt', () => {
    const old = Buffer.from(bytes);
    old.writeUInt32LE(corpusIndexFormat - 1, 8);
    expect(() => loadCorpusIndex(old)).toThrow(`The corpus index has format ${corpusIndexFormat - 1}; this version of Attest reads format ${corpusIndexFormat}.`);
  });
});

describe('offsets past 4 GiB', () => {
  const shift = 5 * 2 ** 30 + 8;

  /** The same index with every section moved `shift` bytes further into a sparse virtual file: the header's table holds starts past 2^32. */
  function shifted(data: Uint8Array): { store: Store; starts: number[] } {
    const original = Buffer.from(data);
    const headerLength = original.readUInt32LE(12);
    const header = JSON.parse(original.toString('utf8', 16, 16 + headerLength)) as { sections: Record<string, [number, number]> };
    const base = Math.ceil((16 + headerLength) / 8) * 8;
    for (const entry of Object.values(header.sections)) entry[0] += shift;
    const json = Buffer.from(JSON.stringify(header), 'utf8');
    const prefix = Buffer.alloc(Math.ceil((16 + json.length) / 8) * 8);
    original.copy(prefix, 0, 0, 12);
    prefix.writeUInt32LE(json.length, 12);
    json.copy(prefix, 16);
    const sections = prefix.length + shift;
    const store: Store = {
      read: (offset, length) => {
        const out = Buffer.alloc(length);
        for (let i = 0; i < length; i++) {
          const at = offset + i;
          out[i] = at < prefix.length ? prefix[at]! : at >= sections ? original[base + at - sections]! : 0;
        }
        return out;
      },
      close: () => undefined,
    };
    return { store, starts: Object.values(header.sections).map((e) => e[0]) };
  }

  it('reads an index whose sections start past 2^32 as the same corpus', () => {
    const { store, starts } = shifted(bytes);
    expect(Math.min(...starts)).toBeGreaterThan(2 ** 32);
    const far = openCorpusStore(store);
    const draft = 'The Zarnikh17 terminal handled 17.5 million tonnes of cargo in 2021.\n\nThe Zarnikh42 terminal handled 9 million tonnes of cargo in 2021.';
    expect(verdictsOf(far, draft)).toEqual(verdictsOf(built, draft));
    expect(JSON.stringify(far.passages)).toBe(JSON.stringify(built.passages));
    expect([...far.passagesWithTerm('zarnikh17')]).toEqual([17]);
    expect(JSON.stringify(far.figures(42))).toBe(JSON.stringify(built.figures(42)));
  });

  it('reads a record that starts and ends past 2^32 within its section', () => {
    const at = 2 ** 32 + 5;
    const reads: [number, number][] = [];
    const data = { read: (offset: number, length: number) => (reads.push([offset, length]), Buffer.from('"far"')) };
    const list = records(data, residentColumn('float64', Buffer.from(Float64Array.of(at, at + 5).buffer)));
    expect(list.length).toBe(1);
    expect(JSON.parse(list.get(0))).toBe('far');
    expect(reads).toEqual([[4294967301, 5]]);
  });
});
