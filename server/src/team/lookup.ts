// What a draft asks of the team library: for each claim, the unit family of its figure and
// its sentence's words; its quotations; the ids, URLs and DOIs it cites. One query answers it
// with the candidate sources, each a few index reads (passages by their figures' families
// and their words, both GIN), and sends a source's JSON only when the caller does not hold
// that version of it yet. Everything the writer typed is a bound parameter: the statement's
// text is built from placeholders only.
import type pg from 'pg';
import { extractClaims } from '../core/claims/claims';
import { parseDraft } from '../core/draft/draft';
import type { Source } from '../core/types';
import { familyOf } from './push';

export interface LibraryRequest {
  /** Per figure claim: the family its figure is compared in, and its sentence's words as a text-search query (sentenceQuery). */
  figures: { family: string; words: string }[];
  quotes: string[];
  /** Source ids (citation keys), URLs and lower-case DOIs the draft cites. */
  cited: string[];
}

/** Candidate passages per claim, and sources per draft, at most. Passages are not ranked: ranking reads every match, which in a large library costs more than the check. */
export const perClaim = 50;
export const perDraft = 400;

const tokenPattern = /[\p{L}\p{N}]+/gu;
const stopWords = new Set('the and for with from that this was were are has had have its their his her which who whom been than then into over under about after before while also not but per said says will would could should there these those them they what when where more most less such some other only each'.split(' '));
/** Words of a sentence asked for per claim: at most this many, names first. */
const keyWords = 7;

/**
 * A claim sentence's words as a text-search query that at least two of its key words must
 * meet ("(gwadar & port) | (gwadar & cargo) | …"): selective enough to be a few index reads
 * in a large library, loose enough to find a source that words the fact its own way. The words
 * are letters and digits only, so they cannot change the query's syntax.
 */
export function sentenceQuery(sentence: string): string {
  const seen = new Map<string, { word: string; name: boolean; at: number }>();
  let at = 0;
  for (const m of sentence.matchAll(tokenPattern)) {
    const word = m[0];
    const lower = word.toLowerCase();
    if (word.length < 3 || /^\p{N}+$/u.test(word) || stopWords.has(lower) || seen.has(lower)) continue;
    seen.set(lower, { word: lower, name: /^\p{Lu}/u.test(word) && (m.index ?? 0) > 0, at: at++ });
  }
  const words = [...seen.values()]
    .sort((a, b) => Number(b.name) - Number(a.name) || b.word.length - a.word.length || a.at - b.at)
    .slice(0, keyWords)
    .map((w) => w.word);
  if (words.length < 2) return words.join('');
  const pairs: string[] = [];
  for (let i = 0; i < words.length; i++) for (let j = i + 1; j < words.length; j++) pairs.push(`(${words[i]} & ${words[j]})`);
  return pairs.join(' | ');
}

export function libraryRequest(text: string): LibraryRequest {
  const draft = parseDraft(text);
  const figures = new Map<string, { family: string; words: string }>();
  const quotes = new Set<string>();
  for (const block of draft.blocks) {
    if (block.inFootnote) continue;
    for (const claim of extractClaims(block.prose, 0, block.prose.length, { citations: [] })) {
      if (claim.quote) {
        quotes.add(claim.quote.text.slice(0, 300));
        continue;
      }
      if (!claim.figure) continue;
      const words = sentenceQuery(block.prose.slice(claim.sentence.start, claim.sentence.end));
      if (!words) continue;
      const family = familyOf(claim.figure.kind, claim.figure.unit);
      figures.set(`${family}\u0000${words}`, { family, words });
    }
  }
  const cited = new Set<string>();
  for (const c of draft.citations) cited.add(c.key);
  for (const m of text.matchAll(/https?:\/\/[^\s)<>\]"]+/g)) cited.add(m[0].replace(/[.,;]+$/, ''));
  for (const m of text.matchAll(/\b10\.\d{4,9}\/[^\s)<>\]"]+/g)) cited.add(m[0].replace(/[.,;]+$/, '').toLowerCase());
  return { figures: [...figures.values()], quotes: [...quotes], cited: [...cited] };
}

/** Claims and quotations asked for per draft at most: the query has a branch for each. */
export const maxBranches = 300;

/**
 * The lookup as one statement: a branch per claim and per quotation, each an index read with
 * its own values bound (so that the planner sees them and picks the index), then the sources.
 */
function lookupStatement(request: LibraryRequest, held: readonly string[]): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const bind = (value: unknown): string => `$${values.push(value)}`;
  const limit = bind(perClaim);
  const branches: string[] = [];
  for (const f of request.figures.slice(0, maxBranches)) {
    branches.push(`(SELECT source_key FROM attest_passages WHERE families @> ARRAY[${bind(f.family)}::text] AND tsv @@ to_tsquery('english', ${bind(f.words)}) LIMIT ${limit})`);
  }
  for (const quote of request.quotes.slice(0, maxBranches)) {
    // Word for word, or a misquotation that keeps two of its key words. (A trigram search on the
    // passages' text was read as a scan of every passage, seconds in a large library.)
    branches.push(`(SELECT source_key FROM attest_passages WHERE tsv @@ plainto_tsquery('english', ${bind(quote)}) LIMIT ${limit})`);
    const words = sentenceQuery(quote);
    if (words) branches.push(`(SELECT source_key FROM attest_passages WHERE tsv @@ to_tsquery('english', ${bind(words)}) LIMIT ${limit})`);
  }
  if (request.cited.length) {
    const cited = bind(request.cited);
    branches.push(`(SELECT key FROM attest_sources WHERE id = ANY(${cited}::text[]) OR meta->>'url' = ANY(${cited}::text[]) OR lower(meta->>'doi') = ANY(${cited}::text[]))`);
  }
  const text = `SELECT s.key, s.sha256, CASE WHEN (s.key::text || ':' || s.sha256) = ANY(${bind(held)}::text[]) THEN NULL ELSE s.source END AS source
FROM attest_sources s WHERE s.key IN (${branches.join('\nUNION\n')})
ORDER BY s.key LIMIT ${bind(perDraft)}`;
  return { text, values };
}

export interface LookupRow {
  /** The stored version: the row's key and the file's hash. */
  version: string;
  /** The source, unless the caller said it holds this version. */
  source?: Source;
}

/** The library's candidate sources for a request; `held` are versions the caller has already. */
export async function lookup(client: pg.Pool | pg.PoolClient, request: LibraryRequest, held: readonly string[] = []): Promise<LookupRow[]> {
  if (!request.figures.length && !request.quotes.length && !request.cited.length) return [];
  const statement = lookupStatement(request, held);
  const rows = await client.query<{ key: string; sha256: string; source: Source | null }>(statement.text, statement.values);
  return rows.rows.map((r) => ({ version: `${r.key}:${r.sha256}`, ...(r.source && { source: r.source }) }));
}
