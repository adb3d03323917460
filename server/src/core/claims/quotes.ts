// Finds quotations in prose: text between straight or curly double quotes (and curly
// single quotes used as outer quotes), with the speaker named nearby when there is one.
import type { Quote } from '../types';

const pairs: Record<string, string> = { '\u201c': '\u201d', '"': '"', '\u00ab': '\u00bb' };
/** Quotes shorter than this are scare quotes or titles, not quotations worth checking. */
const minWords = 2;

const speakerBefore =
  /([A-Z][\w\u2019'.-]+(?:\s+[A-Z][\w\u2019'.-]+){0,3})(?:\s+(?:has\s+|had\s+)?(?:said|says|stated|states|wrote|writes|declared|announced|noted|observed|argued|called|described|added|told|claimed|warned|insisted))\b[^.]{0,80}$/;
const accordingTo = /according to\s+([A-Z][\w\u2019'.-]+(?:\s+[A-Z][\w\u2019'.-]+){0,3})[^.]{0,60}$/i;

export function extractQuotes(text: string, from = 0, to = text.length): Quote[] {
  const quotes: Quote[] = [];
  let i = from;
  while (i < to) {
    const open = text[i]!;
    const close = pairs[open];
    if (!close || (open === '"' && !opensStraightQuote(text, i))) {
      i++;
      continue;
    }
    const end = text.indexOf(close, i + 1);
    if (end < 0 || end >= to) break;
    const inner = text.slice(i + 1, end);
    if (inner.trim().split(/\s+/).length >= minWords && !inner.includes('\n\n')) {
      quotes.push({
        start: i,
        end: end + 1,
        innerStart: i + 1,
        innerEnd: end,
        text: inner,
        speaker: findSpeaker(text, from, i),
      });
    }
    i = end + 1;
  }
  return quotes;
}

function opensStraightQuote(text: string, i: number): boolean {
  const before = text[i - 1];
  return before === undefined || /[\s(\[\u2014\u2013:-]/.test(before);
}

function findSpeaker(text: string, from: number, quoteStart: number): string | undefined {
  const before = text.slice(Math.max(from, quoteStart - 160), quoteStart);
  const m = speakerBefore.exec(before) ?? accordingTo.exec(before);
  return m?.[1];
}

/** Normalises quote marks, apostrophes, dashes and spacing so that only the words are compared. */
export function normaliseQuoteText(text: string): string {
  return text
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[\u201c\u201d\u00ab\u00bb]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}
