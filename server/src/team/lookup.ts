// What a draft asks of the team library: for each claim, the unit family of its figure and
// its sentence's words; its quotations; the ids, URLs and DOIs it cites. One prepared
// statement answers it with the candidate sources: per claim and per quotation, the passages
// holding two of its words that are rarest in the library (counted in attest_terms), best
// first, a quotation's long words standing also for the library's words spelt like them
// (pg_trgm); and the cited sources. It sends a source's
// JSON only when the caller does not hold that version of it yet. Everything the writer typed
// is a bound parameter: the statement's text is fixed.
import type pg from 'pg';
import { extractClaims } from '../core/claims/claims';
import { parseDraft } from '../core/draft/draft';
import { spellingVariantLength } from '../core/retrieval/spelling';
import type { Source } from '../core/types';
import { familyOf } from './push';

export interface LibraryRequest {
  /** Per sentence with figures: the families its figures are compared in, and its words (sentenceWords). */
  figures: { families: string[]; words: string }[];
  /** Per quotation, its words (sentenceWords). */
  quotes: string[];
  /** Source ids (citation keys), URLs and lower-case DOIs the draft cites. */
  cited: string[];
}

/**
 * Candidate passages per claim and per quotation, and sources per draft, at most. The local
 * check weighs at most the 40 passages that share the most rare words with a claim, and 6
 * per quotation; the library ranks its candidates the same way (rare words weighed by how
 * few passages hold them) and sends a few more, so that what the local check would weigh is
 * among them.
 */
export const perClaim = 50;
export const perQuote = 20;
export const perDraft = 400;
/** A claim's rarest words in the library that are looked up; a candidate holds two of them (or the one, when only one is in the library). */
export const rareWords = 5;
/**
 * Past its two rarest, a claim's words are looked up while the passages holding them add up
 * to no more than this share of the library's passages (and at least postingsFloor): a common
 * word costs index reads and adds matches that crowd out the passages the rare words point to.
 */
export const postingsShare = 0.015;
export const postingsFloor = 200;
/** Matches of a claim weighed to rank it, at most, as a multiple of those kept (in a large library, common words match thousands). */
export const screened = 2;

const tokenPattern = /[\p{L}\p{N}]+/gu;
const stopWords = new Set('the and for with from that this was were are has had have its their his her which who whom been than then into over under about after before while also not but per said says will would could should there these those them they what when where more most less such some other only each'.split(' '));
/** Words of a sentence sent per claim at most; the library keeps the rarest of them. */
const sentWords = 16;

/**
 * A claim sentence's words, as the library is asked for them: letters and digits only (so
 * that they cannot change the syntax of a text-search query), no numbers or short and common
 * words, each once, separated by spaces.
 */
export function sentenceWords(sentence: string): string {
  const seen = new Set<string>();
  for (const m of sentence.matchAll(tokenPattern)) {
    const word = m[0].toLowerCase();
    if (word.length < 3 || /^\p{N}+$/u.test(word) || stopWords.has(word)) continue;
    seen.add(word);
    if (seen.size === sentWords) break;
  }
  return [...seen].join(' ');
}

export function libraryRequest(text: string): LibraryRequest {
  const draft = parseDraft(text);
  const figures = new Map<string, { families: string[]; words: string }>();
  const quotes = new Set<string>();
  for (const block of draft.blocks) {
    if (block.inFootnote) continue;
    for (const claim of extractClaims(block.prose, 0, block.prose.length, { citations: [] })) {
      if (claim.quote) {
        const words = sentenceWords(claim.quote.text);
        if (words) quotes.add(words);
        continue;
      }
      if (!claim.figure) continue;
      const words = sentenceWords(block.prose.slice(claim.sentence.start, claim.sentence.end));
      if (!words) continue;
      const family = familyOf(claim.figure.kind, claim.figure.unit);
      const sentence = figures.get(words);
      if (!sentence) figures.set(words, { families: [family], words });
      else if (!sentence.families.includes(family)) sentence.families.push(family);
    }
  }
  const cited = new Set<string>();
  for (const c of draft.citations) cited.add(c.key);
  for (const m of text.matchAll(/https?:\/\/[^\s)<>\]"]+/g)) cited.add(m[0].replace(/[.,;]+$/, ''));
  for (const m of text.matchAll(/\b10\.\d{4,9}\/[^\s)<>\]"]+/g)) cited.add(m[0].replace(/[.,;]+$/, '').toLowerCase());
  return { figures: [...figures.values()], quotes: [...quotes], cited: [...cited] };
}

/** Claims and quotations asked for per draft at most. */
export const maxClaims = 300;

/**
 * The lookup, one statement for every draft: its parameters are arrays (a claim per element),
 * so the server prepares it once per connection. A claim is a sentence with figures (its
 * candidates need a figure of the same family) or a quotation. A quotation's long words (as
 * long as the local check's spelling variants) stand for the library's words spelt like them
 * (pg_trgm's `%` on attest_terms, through its trigram index: "harbor" is also "harbour"),
 * since a misquotation often is one; a word the library holds too often to be among the
 * rarest is not spelt out. A claim's words are the rarest five the library holds
 * (past the two rarest, only while the passages holding them add up to postingsShare of the
 * library). Its candidates hold two of those words; the first `screened` times as many as
 * are kept are ranked by the weight of the words they hold (the rarer the weightier), then
 * by place. Only words of letters and digits are used, so quote_literal makes each a lexeme.
 */
const lookupSql = `
WITH claim AS (
  SELECT c.n, string_to_array(c.families, ' ') AS families, c.words, $7::int AS take
  FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS c(families, words, n)
  UNION ALL
  SELECT -q.n, NULL, q.words, $8::int FROM unnest($3::text[]) WITH ORDINALITY AS q(words, n)
),
budget AS (
  SELECT greatest($10::float8 * (SELECT max(passages) FROM attest_terms WHERE word = ''), $13) AS passages
),
own AS (
  SELECT c.n, v.word, c.families IS NULL AND length(v.word) >= $12
         AND coalesce((SELECT t.passages FROM attest_terms t WHERE t.word = v.word), 0) <= (SELECT passages FROM budget) AS spelt
  FROM claim c CROSS JOIN LATERAL unnest(tsvector_to_array(to_tsvector('english', c.words))) AS v(word)
),
spelling AS (
  SELECT o.n, o.word AS own, t.word, t.passages FROM own o JOIN attest_terms t ON t.word = o.word AND t.passages > 0 WHERE NOT o.spelt
  UNION ALL
  SELECT o.n, o.word, t.word, t.passages FROM own o JOIN attest_terms t ON t.word % o.word AND t.word !~ '[^[:alnum:]]' AND t.passages > 0 WHERE o.spelt
),
word AS (
  SELECT n, own, array_agg(word) AS spellings, sum(passages) AS passages,
         row_number() OVER (PARTITION BY n ORDER BY sum(passages), own) AS r,
         sum(sum(passages)) OVER (PARTITION BY n ORDER BY sum(passages), own) AS reach
  FROM spelling GROUP BY n, own
),
chosen AS (
  SELECT w.n, w.own, w.spellings, w.r, ln(greatest(w.passages, (SELECT max(passages) FROM attest_terms WHERE word = ''))::float8 / w.passages) AS weight,
         '(' || (SELECT string_agg(quote_literal(x), ' | ') FROM unnest(w.spellings) AS x) || ')' AS query
  FROM word w WHERE w.r <= $6 AND (w.r <= 2 OR w.reach <= (SELECT passages FROM budget))
),
ask AS (
  SELECT c.n, c.families, c.take,
         (SELECT array_agg(x) FROM chosen h, unnest(h.spellings) AS x WHERE h.n = c.n) AS spellings,
         (SELECT array_agg(h.weight) FROM chosen h, unnest(h.spellings) AS x WHERE h.n = c.n) AS weights,
         coalesce((SELECT string_agg(a.query || ' & ' || b.query, ' | ') FROM chosen a JOIN chosen b ON a.n = c.n AND b.n = c.n AND a.r < b.r),
                  (SELECT h.query FROM chosen h WHERE h.n = c.n))::tsquery AS query
  FROM claim c WHERE EXISTS (SELECT FROM chosen h WHERE h.n = c.n)
),
hit AS (
  SELECT found.source_key FROM ask a CROSS JOIN LATERAL (
    SELECT m.source_key FROM (
      SELECT p.source_key, p.idx, tsvector_to_array(p.tsv) AS words FROM attest_passages p
      WHERE p.tsv @@ a.query AND (a.families IS NULL OR p.families && a.families) LIMIT $11::int * a.take
    ) AS m
    ORDER BY (SELECT sum(u.weight) FROM unnest(a.spellings, a.weights) AS u(word, weight) WHERE u.word = ANY (m.words)) DESC, m.source_key, m.idx
    LIMIT a.take
  ) AS found
),
cited AS (
  SELECT key AS source_key FROM attest_sources WHERE id = ANY ($4::text[]) OR meta->>'url' = ANY ($4::text[]) OR lower(meta->>'doi') = ANY ($4::text[])
)
SELECT s.key, s.sha256, CASE WHEN (s.key::text || ':' || s.sha256) = ANY ($5::text[]) THEN NULL ELSE s.source END AS source
FROM attest_sources s
WHERE s.key IN (SELECT source_key FROM hit UNION SELECT source_key FROM cited)
ORDER BY s.key LIMIT $9`;

export interface LookupRow {
  /** The stored version: the row's key and the file's hash. */
  version: string;
  /** The source, unless the caller said it holds this version. */
  source?: Source;
}

/** The lookup's statement and values for a request; `held` are versions the caller has already. */
export function lookupQuery(request: LibraryRequest, held: readonly string[] = []): { name: string; text: string; values: unknown[] } {
  const figures = request.figures.slice(0, maxClaims);
  return {
    name: 'attest-lookup-2',
    text: lookupSql,
    values: [figures.map((f) => f.families.join(' ')), figures.map((f) => f.words), request.quotes.slice(0, maxClaims), request.cited, held, rareWords, perClaim, perQuote, perDraft, postingsShare, screened, spellingVariantLength, postingsFloor],
  };
}

/** The library's candidate sources for a request; `held` are versions the caller has already. */
export async function lookup(client: pg.Pool | pg.PoolClient, request: LibraryRequest, held: readonly string[] = []): Promise<LookupRow[]> {
  if (!request.figures.length && !request.quotes.length && !request.cited.length) return [];
  const rows = await client.query<{ key: string; sha256: string; source: Source | null }>(lookupQuery(request, held));
  return rows.rows.map((r) => ({ version: `${r.key}:${r.sha256}`, ...(r.source && { source: r.source }) }));
}
