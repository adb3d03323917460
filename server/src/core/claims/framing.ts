// The parts of a news sentence that frame its claim rather than state it: the dateline that
// opens a report ("ISLAMABAD, Dec 10 (Asia Wire) -") and the clause that says who said it
// ("…, Pakistani officials said on Tuesday, as …"; "…, RT said in December 2019."). Their words
// are not the claim's subject, and a date in them is the day of the telling, not a figure's.
import type { Span } from '../types';

const months = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec';

/**
 * "KAROT, June 29", "ISLAMABAD (Reuters), 3 March", "TASHKENT, March 14 (CATM)", "SAHIWAL,
 * Pakistan, July 4 (Reuters)", before a colon or dash; "ISLAMABAD, September 18. /TASS/.".
 * The match ends before the colon, dash or stop.
 */
export const dateline = new RegExp(
  String.raw`^\p{Lu}[\p{Lu}\p{M}.'’ -]{1,40}(?:\s*\([^()\n]{1,40}\))?(?:,\s+\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+)?)?,\s+(?:(?:${months})\.?\s+\d{1,2}|\d{1,2}\s+(?:${months})\.?)(?:\s\[\d{4}\])?(?=(?:\s*\([^()\n]{1,40}\))?\s*[:–—-]|\.\s*\/[^/\n]{1,20}\/)`,
  'u',
);
/** What follows a dateline up to the report's first word: the agency in brackets and the colon or dash, or ". /TASS/.". */
const datelineTail = /^(?:\s*\([^()\n]{1,40}\))?\s*[:–—-]\s*|^\.\s*\/[^/\n]{1,20}\/\.?\s*/u;

/** Verbs of telling, in the forms a reporting clause uses; "told" with whom ("told reporters"). */
const tellingVerbs = 'said|says|say|reported|reports|added|noted|stated|announced|confirmed|explained|insisted|claimed|estimated|wrote';
const telling = String.raw`(?:${tellingVerbs}|told\s+(?:\p{L}+\s+){0,3}?\p{L}+)`;
const tellingWord = new RegExp(String.raw`\b(?:${tellingVerbs}|told)\b`, 'i');
/** When it was told: "on Tuesday", "in December 2019", "last week", "in a statement". */
const when = String.raw`(?:\s+(?:on|in|at|last|this|earlier|late|early)\s+[^,.;:!?"“”]{1,30}?)?`;
/**
 * ", Pakistani officials said on Tuesday," or ", RT said in December 2019." or ", the ministry
 * added." — a speaker of up to six words set off by a comma, its verb of telling, perhaps when,
 * and then the sentence's end or another comma. "…, officials said, and …" ends there too.
 */
const reportingClause = new RegExp(String.raw`,\s+(?:[\p{L}\p{N}'’.-]+\s+){0,6}?${telling}${when}(?=\s*(?:[,.;:!?]|$))`, 'giu');

/** The last sentence's spans: a sentence's figures each ask for them in turn (periodOf). */
let last: { text: string; start: number; end: number; spans: Span[] } | undefined;

/** The framing spans of a sentence: its dateline, if it opens with one, and each reporting clause. */
export function framingSpans(text: string, sentence: Span): Span[] {
  if (last && last.text === text && last.start === sentence.start && last.end === sentence.end) return last.spans;
  const spans = findFraming(text, sentence);
  last = { text, start: sentence.start, end: sentence.end, spans };
  return spans;
}

function findFraming(text: string, sentence: Span): Span[] {
  const slice = text.slice(sentence.start, sentence.end);
  const spans: Span[] = [];
  // Most sentences have neither: a dateline opens with two capitals, a reporting clause needs its verb.
  const opening = /^\p{Lu}[\p{Lu}\p{M}.'’ -]/u.test(slice) ? dateline.exec(slice) : null;
  if (opening) {
    const tail = datelineTail.exec(slice.slice(opening[0].length));
    spans.push({ start: sentence.start, end: sentence.start + opening[0].length + (tail?.[0].length ?? 0) });
  }
  if (!tellingWord.test(slice)) return spans;
  reportingClause.lastIndex = 0;
  for (let m = reportingClause.exec(slice); m; m = reportingClause.exec(slice)) spans.push({ start: sentence.start + m.index, end: sentence.start + m.index + m[0].length });
  return spans;
}

/** Whether the span lies inside one of the framing spans. */
export function inFraming(spans: readonly Span[], at: Span): boolean {
  return spans.some((s) => at.start >= s.start && at.end <= s.end);
}
