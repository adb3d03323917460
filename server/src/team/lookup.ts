// What a draft asks of the team library: for each claim, the unit family of its figure and
// its sentence's words; its quotations; the ids, URLs and DOIs it cites. One query answers it
// with the candidate sources, each a few index reads (figures' families and passages' words
// by GIN, quotations by trigrams), and sends a source's JSON only when the caller does not
// hold that version of it yet. Everything the writer typed is a bound parameter.
import type pg from 'pg';
import { extractClaims } from '../core/claims/claims';
import { parseDraft } from '../core/draft/draft';
import type { Source } from '../core/types';
import { familyOf } from './push';

export interface LibraryRequest {
  /** Per figure claim: the family its figure is compared in, and the words of its sentence. */
  figures: { family: string; words: string }[];
  quotes: string[];
  /** Source ids (citation keys), URLs and lower-case DOIs the draft cites. */
  cited: string[];
}

/** Candidate passages looked at per claim, and sources per draft at most. */
export const perClaim = 20;
export const perDraft = 400;

const wordPattern = /[\p{L}][\p{L}\p{N}'’-]{2,}/gu;

export function libraryRequest(text: string): LibraryRequest {
  const draft = parseDraft(text);
  const figures = new Map<string, { family: string; words: string }>();
  const quotes = new Set<string>();
  for (const block of draft.blocks) {
    if (block.inFootnote) continue;
    for (const claim of extractClaims(block.prose, 0, block.prose.length, { citations: [] })) {
      if (claim.quote) {
        quotes.add(claim.quote.text.slice(0, 500));
        continue;
      }
      if (!claim.figure) continue;
      const words = [...new Set(block.prose.slice(claim.sentence.start, claim.sentence.end).match(wordPattern) ?? [])].slice(0, 40).join(' or ');
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

const lookupSql = `
WITH fig AS (
  SELECT x.source_key FROM unnest($1::text[], $2::text[]) AS c(family, words)
  CROSS JOIN LATERAL (
    SELECT p.source_key FROM attest_passages p
    WHERE p.families @> ARRAY[c.family] AND p.tsv @@ websearch_to_tsquery('english', c.words)
    ORDER BY ts_rank(p.tsv, websearch_to_tsquery('english', c.words)) DESC
    LIMIT $5
  ) x
), quoted AS (
  SELECT x.source_key FROM unnest($3::text[]) AS q(text)
  CROSS JOIN LATERAL (
    SELECT p.source_key FROM attest_passages p
    WHERE p.tsv @@ plainto_tsquery('english', q.text) OR q.text <% p.text
    LIMIT $5
  ) x
), cited AS (
  SELECT key AS source_key FROM attest_sources
  WHERE id = ANY($4::text[]) OR meta->>'url' = ANY($4::text[]) OR lower(meta->>'doi') = ANY($4::text[])
)
SELECT s.key, s.sha256, CASE WHEN (s.key::text || ':' || s.sha256) = ANY($6::text[]) THEN NULL ELSE s.source END AS source
FROM attest_sources s
WHERE s.key IN (SELECT source_key FROM fig UNION SELECT source_key FROM quoted UNION SELECT source_key FROM cited)
ORDER BY s.key
LIMIT $7`;

export interface LookupRow {
  /** The stored version: the row's key and the file's hash. */
  version: string;
  /** The source, unless the caller said it holds this version. */
  source?: Source;
}

/** The library's candidate sources for a request; `held` are versions the caller has already. */
export async function lookup(client: pg.Pool | pg.PoolClient, request: LibraryRequest, held: readonly string[] = []): Promise<LookupRow[]> {
  if (!request.figures.length && !request.quotes.length && !request.cited.length) return [];
  const rows = await client.query<{ key: string; sha256: string; source: Source | null }>(lookupSql, [
    request.figures.map((f) => f.family),
    request.figures.map((f) => f.words),
    request.quotes,
    request.cited,
    perClaim,
    held,
    perDraft,
  ]);
  return rows.rows.map((r) => ({ version: `${r.key}:${r.sha256}`, ...(r.source && { source: r.source }) }));
}
