// Which of a source's own footnotes backs one of its statements: the footnote a checker cites
// as the source's evidence for a figure or a quotation.
import type { Span } from '../types';

/**
 * The source's own footnote behind a statement: the first marker after it in its sentence,
 * or the last one before it there; for a sentence that quotes a report without a marker of
 * its own, the nearest marker earlier in the paragraph (the report being quoted).
 */
export function footnoteFor(markers: readonly { label: string; offset: number }[], sentence: Span, after: number, sentenceText: string): string | undefined {
  const inSentence = markers.filter((m) => m.offset > sentence.start && m.offset <= sentence.end + 2);
  const next = inSentence.find((m) => m.offset >= after);
  if (next) return next.label;
  const before = inSentence.filter((m) => m.offset < after).at(-1);
  if (before) return before.label;
  if (/[“”"]/.test(sentenceText)) return markers.filter((m) => m.offset <= sentence.start).at(-1)?.label;
  return undefined;
}
