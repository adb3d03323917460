// Where a footnote label is used and defined, for go-to-definition, references and rename.
import type { Draft } from './draft';
import type { Span } from '../types';

/**
 * A footnote label as Markdown reads one inside `[^…]`: no brackets or white space, except
 * escaped. A `[` ends a label, so `[^no[^rt]` calls `rt`; every pattern that looks for
 * labels in the text uses this one, or would find labels the parser does not.
 */
export const footnoteLabel = String.raw`(?:[^\[\]\\\s]|\\\S)+`;

export interface FootnoteOccurrences {
  label: string;
  /** Offsets of the label text (inside `[^…]`) in every reference. */
  references: Span[];
  /** Offsets of the label text in its definitions. */
  definitions: Span[];
}

/** The footnote whose reference or definition label contains `offset`. */
export function footnoteAt(draft: Draft, offset: number): FootnoteOccurrences | undefined {
  const ref = draft.footnoteRefs.find((r) => offset >= r.start && offset <= r.end);
  const def = draft.footnoteDefs.find((d) => offset >= d.labelStart - 2 && offset <= d.labelEnd + 1);
  const label = ref?.label ?? def?.label;
  return label === undefined ? undefined : occurrences(draft, label);
}

export function occurrences(draft: Draft, label: string): FootnoteOccurrences {
  const key = label.toLowerCase();
  return {
    label,
    references: draft.footnoteRefs.filter((r) => r.label.toLowerCase() === key).map((r) => ({ start: r.start + 2, end: r.end - 1 })),
    definitions: draft.footnoteDefs.filter((d) => d.label.toLowerCase() === key).map((d) => ({ start: d.labelStart, end: d.labelEnd })),
  };
}
