// Which source a draft's citation names: a `[@key]` is its source; a footnote's text is
// matched by DOI, URL or key (`@key`, or a key with a digit or hyphen written out), else by
// the authors' surnames with the year or title words ("Korybko and Morozov, “Pakistan’s
// Role,” 19."), and "Ibid." repeats the note before it.
import type { Draft } from '../draft/draft';
import type { Source } from '../types';
import type { Corpus } from './corpus';

/**
 * The sources each citation label names: footnote labels ("1") and keys ("@khan2021"). A note
 * citing several works ("See Abbasi 2025, 7; Korybko and Morozov 2020, 19.") names each; a
 * label is absent when it, or one of the works its note cites, names no source.
 */
export function citedSources(draft: Draft, corpus: Pick<Corpus, 'sources'>): Map<string, string[]> {
  const cited = new Map<string, string[]>();
  for (const c of draft.citations) if (corpus.sources.has(c.key)) cited.set(`@${c.key}`, [c.key]);
  const definitions = new Map<string, string>();
  for (const def of draft.footnoteDefs) if (!definitions.has(def.label)) definitions.set(def.label, def.text);
  // "Ibid." is the note read just before it: notes are read in the order the text refers to them.
  const order = [...new Set([...draft.footnoteRefs.map((r) => r.label), ...definitions.keys()])];
  let previous: string[] | undefined;
  for (const label of order) {
    const text = definitions.get(label);
    if (text === undefined) continue;
    const sources = /^\s*ibid\b/i.test(text) ? previous : noteSources(text, corpus);
    if (sources) cited.set(label, sources);
    previous = sources;
  }
  return cited;
}

/** The sources of each work a note cites, the works separated by semicolons; undefined if one of them names no source. */
function noteSources(text: string, corpus: Pick<Corpus, 'sources'>): string[] | undefined {
  const ids = new Set<string>();
  for (const part of text.split(/;\s+/)) {
    if (!part.trim()) continue;
    const id = noteSource(part, corpus);
    if (!id) return undefined;
    ids.add(id);
  }
  return ids.size ? [...ids] : undefined;
}

/** Notes already matched, per set of sources: a draft's notes are matched again on every keystroke. */
const matched = new WeakMap<ReadonlyMap<string, Source>, Map<string, string | undefined>>();
const rememberedNotes = 4096;

/** The id of the one source a note's text names, if exactly one fits best. */
export function noteSource(text: string, corpus: Pick<Corpus, 'sources'>): string | undefined {
  let known = matched.get(corpus.sources);
  if (!known) matched.set(corpus.sources, (known = new Map()));
  if (known.has(text)) return known.get(text);
  const id = matchNote(text, corpus);
  if (known.size >= rememberedNotes) known.delete(known.keys().next().value!);
  known.set(text, id);
  return id;
}

function matchNote(text: string, corpus: Pick<Corpus, 'sources'>): string | undefined {
  const sources = [...corpus.sources.values()];
  const doi = /\b10\.\d{4,9}\/[^\s"“”<>]+/i.exec(text)?.[0].replace(/[.,;:)\]]+$/, '').toLowerCase();
  if (doi) {
    const byDoi = sources.find((s) => s.meta.doi?.toLowerCase() === doi);
    if (byDoi) return byDoi.meta.id;
  }
  for (const url of text.match(/https?:\/\/[^\s"“”<>]+/gi) ?? []) {
    const wanted = bareUrl(url);
    const byUrl = sources.find((s) => s.meta.url && bareUrl(s.meta.url) === wanted);
    if (byUrl) return byUrl.meta.id;
  }
  for (const m of text.matchAll(/@([\p{L}\p{N}_][\p{L}\p{N}_:.#$%&\-+?<>~/]*)/gu)) {
    const key = m[1]!.replace(/[.:]+$/, '');
    if (corpus.sources.has(key)) return key;
  }
  // A source's id written out ("reuters-2024-02-casa1000.", "(dawn-2024-09-tapi)", "Source id:
  // tribune-2024-01"), as writers do who cite by their reference manager's key. An id that is
  // a plain word ("dawn") is too likely to be the word itself, so only one with a digit or a
  // hyphen names its source so.
  const named = new Set<string>();
  for (const m of text.matchAll(/[\p{L}\p{N}_][\p{L}\p{N}_:.\-]*/gu)) {
    const token = m[0].replace(/[.:\-]+$/, '');
    if (/[\d_:-]/.test(token) && corpus.sources.has(token)) named.add(token);
  }
  if (named.size === 1) return [...named][0];
  const note = fold(text);
  const noteWords = new Set(note.match(/\p{L}{4,}/gu) ?? []);
  const years = new Set((text.match(/\b(?:1[5-9]|20)\d{2}\b/g) ?? []).map(Number));
  let best: { id: string; score: number } | undefined;
  let tie = false;
  for (const source of sources) {
    const score = fit(source, note, noteWords, years);
    if (score <= 0) continue;
    if (!best || score > best.score) {
      best = { id: source.meta.id, score };
      tie = false;
    } else if (score === best.score) tie = true;
  }
  return best && !tie ? best.id : undefined;
}

/**
 * How well a note fits a source; 0 when it does not. The first author's surname must be in
 * it (the title, for a source without authors), and then the year or two of the title's words.
 */
function fit(source: Source, note: string, noteWords: Set<string>, years: Set<number>): number {
  const { meta } = source;
  const { titleWords, surnames } = keysOf(source);
  const shared = titleWords.filter((w) => noteWords.has(w)).length;
  const yearFits = meta.year !== undefined && years.has(meta.year);
  // A note dated only in other years cites another work of the same authors.
  if (years.size && meta.year !== undefined && !yearFits && shared < 2) return 0;
  if (!surnames.length) return titleWords.length && shared >= Math.min(3, titleWords.length) ? shared : 0;
  if (!surnames[0]!.test(note)) return 0;
  if (!yearFits && shared < Math.min(2, titleWords.length)) return 0;
  return surnames.filter((name) => name.test(note)).length * 10 + (yearFits ? 5 : 0) + shared;
}

/** What a note is matched on, worked out once per source. */
const sourceKeys = new WeakMap<Source, { titleWords: string[]; surnames: RegExp[] }>();

function keysOf(source: Source): { titleWords: string[]; surnames: RegExp[] } {
  let keys = sourceKeys.get(source);
  if (!keys) {
    const titleWords = [...new Set(fold(source.meta.title).match(/\p{L}{4,}/gu) ?? [])].filter((w) => !stopWords.has(w));
    const surnames = source.meta.authors.map((a) => new RegExp(`\\b${escape(fold(a.family))}\\b`, 'u'));
    sourceKeys.set(source, (keys = { titleWords, surnames }));
  }
  return keys;
}

const stopWords = new Set(['with', 'from', 'into', 'between', 'their', 'that', 'this', 'what', 'when', 'which', 'about', 'under', 'after', 'over']);

function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’']s\b/g, '');
}

function bareUrl(url: string): string {
  return url
    .toLowerCase()
    .replace(/^https?:\/\/(?:www\.)?/, '')
    .replace(/[.,;:)\]]+$/, '')
    .replace(/\/+$/, '');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
