// Plans the text edits that add a footnote: the reference where the writer wants it, and a
// definition numbered after the existing ones, placed after the last definition (or at the
// end of the draft), in the draft's own line ending. A plan is kept only if the draft, parsed
// again with it applied, has the new reference resolving to the new definition and every
// footnote and link it had before; otherwise the writer is told why nothing was inserted.
import { parseDraft, type Draft } from '../draft/draft';
import { footnoteLabel } from '../draft/footnoteIndex';
import type { Span } from '../types';

/** Replaces `start`–`end` with `text`; an insertion when they are equal. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

export interface FootnotePlan {
  label: string;
  reference: Edit;
  definition: Edit;
}

export type FootnoteOutcome = FootnotePlan | { problem: string };

export interface FootnoteOptions {
  /** Other edits made with the footnote (turning a link into plain text). */
  alongside?: readonly Edit[];
  /** How many of the draft's links those edits remove on purpose. */
  linksRemoved?: number;
}

/** The draft's line ending, from its first line break: "\r\n", "\r" or "\n" (also for a draft of one line). */
export function lineEndingOf(text: string): '\n' | '\r\n' | '\r' {
  const m = /\r\n|\r|\n/.exec(text);
  return (m?.[0] as '\n' | '\r\n' | '\r' | undefined) ?? '\n';
}

const footnoteCall = new RegExp(String.raw`\[\^(${footnoteLabel})\]`, 'g');

/** One more than the largest label made only of digits, so it is never one already used; labels like "note" or "1e21" do not count. */
export function nextFootnoteLabel(draft: Draft): string {
  const labels = [...draft.footnoteRefs.map((r) => r.label), ...draft.footnoteDefs.map((d) => d.label)];
  // Undefined references are plain text to remark; count them too so a label is never reused.
  for (const block of draft.blocks) for (const m of block.prose.matchAll(footnoteCall)) labels.push(m[1]!);
  let max = 0n;
  for (const label of labels) if (/^\d+$/.test(label) && BigInt(label) > max) max = BigInt(label);
  return String(max + 1n);
}

/**
 * Plans a footnote whose reference goes at `where` (an offset, or a span the reference
 * replaces). `definition` is inline Markdown, as footnoteText writes it: the check that the
 * edits keep the draft whole stands in a plain text for it, so that suggestions citing
 * different sources at one spot share one check.
 */
export function addFootnote(draft: Draft, where: number | Span, definition: string, options: FootnoteOptions = {}): FootnoteOutcome {
  const span = typeof where === 'number' ? { start: where, end: where } : where;
  const onMarker = draft.footnoteDefs.find((d) => span.start >= d.start && span.start < contentStart(draft.text, d));
  if (onMarker) return { problem: `A footnote reference can’t go at the start of the definition of [^${onMarker.label}]: that would break it. Put the cursor in the sentence to cite.` };
  if (!inText(draft, span.start)) return { problem: 'A footnote reference goes in the text it cites, and the cursor is not in a sentence (it is on a blank line, a heading’s marks or after the footnotes). Put the cursor in the sentence to cite.' };
  const label = nextFootnoteLabel(draft);
  const reference: Edit = { ...span, text: `[^${label}]` };
  const line = `[^${label}]: ${definition.replace(/[\r\n\u2028\u2029]+/g, ' ').trim()}`;
  const standIn = definitionSpots(draft, `[^${label}]: A note.`);
  const spots = definitionSpots(draft, line);
  for (let i = 0; i < spots.length; i++) {
    if (holds(draft, [reference, standIn[i]!, ...(options.alongside ?? [])], label, options.linksRemoved ?? 0)) return { label, reference, definition: spots[i]! };
  }
  return { problem: 'A footnote reference can’t go here without breaking the Markdown around it (a link, code, or a footnote’s label). Put the cursor in the sentence to cite.' };
}

/**
 * Plans the definition of `label`, referenced in the draft but never defined, placed with the
 * other definitions. Kept only if, with it, the draft has one more definition and the
 * reference resolves to it.
 */
export function defineFootnote(draft: Draft, label: string, definition: string): Edit | { problem: string } {
  const line = `[^${label}]: ${definition.replace(/[\r\n\u2028\u2029]+/g, ' ').trim()}`;
  for (const spot of definitionSpots(draft, line)) {
    const after = parseDraft(applyEdits(draft.text, [spot]));
    if (after.footnoteDefs.length === draft.footnoteDefs.length + 1 && after.footnoteRefs.some((r) => r.label === label)) return spot;
  }
  return { problem: `A definition of [^${label}] can’t be added without breaking the Markdown around it.` };
}

/** The text with the edits made; edits at the same offset keep their order. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = edits.map((e, i) => ({ ...e, i })).sort((a, b) => a.start - b.start || a.i - b.i);
  let out = '';
  let from = 0;
  for (const e of sorted) {
    out += text.slice(from, e.start) + e.text;
    from = Math.max(from, e.end);
  }
  return out + text.slice(from);
}

/** Where the end of `edit` lands once all `edits` (it among them) are made: the cursor after a new reference. */
export function offsetAfter(edits: readonly Edit[], edit: Edit): number {
  const index = edits.indexOf(edit);
  const shift = edits.reduce((sum, e, i) => (e.start < edit.start || (e.start === edit.start && i < index) ? sum + e.text.length - (e.end - e.start) : sum), 0);
  return edit.start + shift + edit.text.length;
}

/**
 * Whether `at` is in the text of a paragraph, heading or table cell (its edges included, a
 * heading's marks excluded): anywhere else a reference would join or split the writer's
 * paragraphs, or land in a footnote above.
 */
function inText(draft: Draft, at: number): boolean {
  return draft.blocks.some((b) => {
    const first = b.prose.search(/\S/);
    const last = b.prose.trimEnd().length;
    return at >= b.start + first && at <= (b.heading ? b.start + last : b.end);
  });
}

/** Where a definition's text begins, after "[^label]:" and its spaces. */
export function contentStart(text: string, def: Draft['footnoteDefs'][number]): number {
  let at = def.labelEnd + 2;
  while (at < def.end && (text[at] === ' ' || text[at] === '\t')) at++;
  return at;
}

/** After the last definition that starts a line (not one inside a quote or list), then at the end of the draft after a blank line. */
function definitionSpots(draft: Draft, line: string): Edit[] {
  const { text } = draft;
  const eol = lineEndingOf(text);
  let breaks = 0;
  for (let i = text.length - 1; i >= 0 && breaks < 2 && (text[i] === '\n' || text[i] === '\r'); i--) if (text[i] === '\r' || text[i - 1] !== '\r') breaks++;
  const before = text.length === 0 || breaks >= 2 ? '' : breaks === 1 ? eol : `${eol}${eol}`;
  const atEnd: Edit = { start: text.length, end: text.length, text: `${before}${line}${eol}` };
  const startsLine = (at: number) => at === 0 || text[at - 1] === '\n' || text[at - 1] === '\r';
  const lastDef = draft.footnoteDefs.reduce((end, d) => (startsLine(d.start) ? Math.max(end, d.end) : end), -1);
  return lastDef >= 0 ? [{ start: lastDef, end: lastDef, text: `${eol}${line}` }, atEnd] : [atEnd];
}

/** Checks already made on a draft, by their edits. */
const checked = new WeakMap<Draft, Map<string, boolean>>();

/** The edited draft has one more reference and definition, both the new label's, and lost no link it was not meant to. */
function holds(draft: Draft, edits: readonly Edit[], label: string, linksRemoved: number): boolean {
  let known = checked.get(draft);
  if (!known) checked.set(draft, (known = new Map()));
  const key = JSON.stringify([edits, linksRemoved]);
  let result = known.get(key);
  if (result === undefined) known.set(key, (result = parsedWhole(draft, edits, label, linksRemoved)));
  return result;
}

/** The draft as given is the baseline: the checker's parser gives what parseDraft gives on the whole text. */
function parsedWhole(draft: Draft, edits: readonly Edit[], label: string, linksRemoved: number): boolean {
  const after = parseDraft(applyEdits(draft.text, edits));
  return (
    after.footnoteRefs.length === draft.footnoteRefs.length + 1 &&
    after.footnoteDefs.length === draft.footnoteDefs.length + 1 &&
    after.links.length === draft.links.length - linksRemoved &&
    after.footnoteRefs.some((r) => r.label === label) &&
    after.footnoteDefs.some((d) => d.label === label)
  );
}
