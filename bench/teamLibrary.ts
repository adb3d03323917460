// The team library's benchmark: pushes N generated sources into a throwaway PostgreSQL
// cluster, then times a claim's lookup (one query, as a check makes it) alone, with the
// sources not yet held and held, a misquoted quotation's, and 20 writers looking up at once.
// Prints the figures, how often the claim's own source was among the candidates, and
// whether the quotation's lookup read the trigram index; it does not pass or fail.
//
//   npx tsx bench/teamLibrary.ts                      100,000 sources of about 400 words
//   npx tsx bench/teamLibrary.ts --sources=10000 --words=1000
import { createHash } from 'node:crypto';
import { splitSentences } from '../server/src/core/claims/sentences';
import { extractFigures } from '../server/src/core/claims/figures';
import { parseSource } from '../server/src/corpus/parseSource';
import { isWorkPassage } from '../server/src/core/types';
import { openPool } from '../server/src/team/connection';
import { libraryRequest, lookup, lookupQuery } from '../server/src/team/lookup';
import { pushItems } from '../server/src/team/push';
import type { PushItem } from '../server/src/team/pushItem';
import { createLibrary, startTestCluster, writerPassword, readerPassword } from '../test/team/pg';
import { perturbFigure } from './lib/material';
import { createRandom } from './lib/random';
import { generateSource } from './lib/sources';

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => Number(args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const count = option('sources', 100000);
const words = option('words', 400);
const writers = option('writers', 20);
const chunk = 2000;

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const ms = (n: number): string => `${n.toFixed(n >= 100 ? 0 : 2)} ms`;
const log = (line: string): void => void process.stderr.write(line + '\n');

async function main(): Promise<void> {
  const cluster = await startTestCluster();
  try {
    const { writerUrl, readerUrl } = await createLibrary(cluster);
    process.env.ATTEST_LIBRARY_PASSWORD = writerPassword;
    const writer = openPool(writerUrl, { timeoutMs: 600000, max: 1 });
    log(`Pushing ${count} generated sources of about ${words} words…`);
    let parseMs = 0;
    let pushMs = 0;
    for (let from = 0; from < count; from += chunk) {
      let t = performance.now();
      const items: PushItem[] = [];
      for (let i = from; i < Math.min(count, from + chunk); i++) {
        const generated = generateSource(i, words);
        const source = parseSource({ location: generated.location, text: generated.markdown, bundled: false });
        items.push({ file: generated.location, size: generated.markdown.length, mtimeMs: 0, sha256: createHash('sha256').update(generated.markdown).digest('hex'), source });
      }
      parseMs += performance.now() - t;
      t = performance.now();
      await pushItems(writer, items);
      pushMs += performance.now() - t;
      if ((from / chunk) % 5 === 4) log(`  ${from + chunk} pushed, ${((pushMs / (from + chunk)) * 1000).toFixed(0)} ms per 1,000 sources`);
    }
    await writer.query('ANALYZE');
    await writer.end();
    log(`push: ${count} sources in ${(pushMs / 1000).toFixed(1)} s (${((count / pushMs) * 1000).toFixed(0)} sources/s) plus ${(parseMs / 1000).toFixed(1)} s parsing`);

    process.env.ATTEST_LIBRARY_PASSWORD = readerPassword;
    const reader = openPool(readerUrl, { timeoutMs: 10000, max: writers });
    const claims = claimSentences(count);
    const keyOf = new Map((await reader.query<{ key: string; file: string }>('SELECT key, file FROM attest_sources')).rows.map((r) => [r.key, r.file]));
    const ownFound = (rows: { version: string }[], origin: string): boolean => rows.some((r) => keyOf.get(r.version.split(':')[0]!) === origin);
    for (const { text } of claims.slice(0, 10)) await lookup(reader, libraryRequest(text));
    // Cold: the writer holds none of the sources, so each comes over with its JSON. Warm: the
    // writer holds them already (the next keystroke's lookup), so only the index reads remain.
    const cold: number[] = [];
    const warm: number[] = [];
    const held: string[][] = [];
    let found = 0;
    let own = 0;
    for (const claim of claims) {
      const t = performance.now();
      const rows = await lookup(reader, libraryRequest(claim.text));
      cold.push(performance.now() - t);
      found += rows.length;
      if (ownFound(rows, claim.origin)) own++;
      held.push(rows.map((r) => r.version));
    }
    for (const [k, claim] of claims.entries()) {
      const t = performance.now();
      await lookup(reader, libraryRequest(claim.text), held[k]);
      warm.push(performance.now() - t);
    }
    log(`lookup, one writer, sources not yet held: ${claims.length} claims, median ${ms(percentile(cold, 50))}, p95 ${ms(percentile(cold, 95))}; ${(found / claims.length).toFixed(1)} sources per claim, the claim's own source among them for ${own}`);
    log(`lookup, one writer, sources held: median ${ms(percentile(warm, 50))}, p95 ${ms(percentile(warm, 95))} (target ≤ 10 ms)`);
    const together: number[] = [];
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        for (let k = 0; k < claims.length; k++) {
          const claim = claims[(k + w * 7) % claims.length]!;
          const t = performance.now();
          await lookup(reader, libraryRequest(claim.text), held[(k + w * 7) % claims.length]);
          together.push(performance.now() - t);
        }
      }),
    );
    const wall = performance.now() - t0;
    const quotes = misquotations(count);
    const quoted: number[] = [];
    let quoteOwn = 0;
    for (const quote of quotes) {
      const t = performance.now();
      const rows = await lookup(reader, libraryRequest(quote.text));
      quoted.push(performance.now() - t);
      if (ownFound(rows, quote.origin)) quoteOwn++;
    }
    const plan = (await reader.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${lookupQuery(libraryRequest(quotes[0]!.text)).text}`, lookupQuery(libraryRequest(quotes[0]!.text)).values)).rows.map((r) => r['QUERY PLAN']);
    log(`lookup of a misquoted quotation: ${quotes.length} quotations, median ${ms(percentile(quoted, 50))}, p95 ${ms(percentile(quoted, 95))}; its source among the candidates for ${quoteOwn}; ${plan.some((l) => /Index Scan on attest_terms_trgm/.test(l)) ? 'read through the trigram index' : 'the trigram index NOT read'}`);
    log(`lookup, ${writers} writers at once, sources held: median ${ms(percentile(together, 50))}, p95 ${ms(percentile(together, 95))}; ${((together.length / wall) * 1000).toFixed(0)} lookups/s`);
    await reader.end();
  } finally {
    cluster.stop();
    cluster.remove();
  }
}

/** Figure sentences from the generated sources, a third of them with the figure changed, and the file each came from. */
function claimSentences(count: number): { text: string; origin: string }[] {
  const random = createRandom(4242);
  const out: { text: string; origin: string }[] = [];
  for (let k = 0; k < 100; k++) {
    const generated = generateSource(random.int(0, count - 1), words);
    const source = parseSource({ location: generated.location, text: generated.markdown, bundled: false });
    const sentences = source.passages.filter((p) => !isWorkPassage(p)).flatMap((p) => splitSentences(p.text).map((s) => p.text.slice(s.start, s.end))).filter((s) => !/["“”]/.test(s) && extractFigures(s).length > 0);
    if (!sentences.length) continue;
    const s = sentences[random.int(0, sentences.length - 1)]!;
    out.push({ text: random.chance(0.3) ? perturbFigure(s, random.next) : s, origin: generated.location });
  }
  return out;
}

/** Ten-word stretches of the generated sources' passages in quotation marks, one word in three misspelt (a letter dropped). */
function misquotations(count: number): { text: string; origin: string }[] {
  const random = createRandom(777);
  const out: { text: string; origin: string }[] = [];
  for (let k = 0; k < 50; k++) {
    const generated = generateSource(random.int(0, count - 1), words);
    const source = parseSource({ location: generated.location, text: generated.markdown, bundled: false });
    const passage = source.passages[random.int(0, source.passages.length - 1)]!.text.replace(/["“”]/g, '');
    const all = passage.split(/\s+/).filter(Boolean);
    if (all.length < 12) continue;
    const from = random.int(0, all.length - 10);
    const quote = all.slice(from, from + 10).map((w, i) => (i % 3 === 1 && w.length > 4 ? w.slice(0, 2) + w.slice(3) : w)).join(' ');
    out.push({ text: `The report said "${quote}".`, origin: generated.location });
  }
  return out;
}

void main();
