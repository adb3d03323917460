// Which of a source's own footnotes backs one of its statements: the footnote a checker cites
// as the source's evidence for a figure or a quotation.
import type { Span } from '../types';

/**
 * The source's own footnote behind a statement: the first marker after it in its sentence,
 * or the last one before it there; for a sentence inside a quotation that goes on past it,
 * the marker where the quotation closes; for a sentence that quotes a report without a marker
 * of its own, the nearest marker earlier in the paragraph (the report being quoted).
 * `text` is the passage's text.
 */
export function footnoteFor(markers: readonly { label: string; offset: number }[], sentence: Span, after: number, text: string): string | undefined {
  const inSentence = markers.filter((m) => m.offset > sentence.start && m.offset <= sentence.end + 2);
  const next = inSentence.find((m) => m.offset >= after);
  if (next) return next.label;
  const before = inSentence.filter((m) => m.offset < after).at(-1);
  if (before) return before.label;
  const closing = quotationClosingAfter(text, sentence);
  if (closing !== undefined) {
    const atClose = markers.find((m) => m.offset >= closing && m.offset <= closing + 2);
    if (atClose) return atClose.label;
  }
  if (/[“”"]/.test(text.slice(sentence.start, sentence.end))) return markers.filter((m) => m.offset <= sentence.start).at(-1)?.label;
  return undefined;
}

/** Where a quotation that the sentence stands inside closes, after it: "“As long as … Russia is but a secondary actor … great power”[^12]". */
function quotationClosingAfter(text: string, sentence: Span): number | undefined {
  const before = text.slice(0, sentence.start);
  if (before.lastIndexOf('“') <= before.lastIndexOf('”')) return undefined;
  const close = text.indexOf('”', sentence.start);
  const reopened = text.indexOf('“', sentence.start);
  return close >= sentence.end - 1 && (reopened < 0 || reopened > close) ? close + 1 : undefined;
}
