// Plans the text edits that add a footnote: the reference where the writer wants it, and a
// definition numbered after the existing ones, placed after the last definition (or at the
// end of the draft). Pure offsets in, insertions out; never replaces the writer's text.
import type { Draft } from './draft';

export interface Insertion {
  at: number;
  text: string;
}

export function nextFootnoteLabel(draft: Draft): string {
  const labels = [...draft.footnoteRefs.map((r) => r.label), ...draft.footnoteDefs.map((d) => d.label)];
  // Undefined references are plain text to remark; count them too so a label is never reused.
  for (const block of draft.blocks) for (const m of block.prose.matchAll(/\[\^([^\]\s]+)\]/g)) labels.push(m[1]!);
  const numbers = labels.map((l) => Number(l)).filter((n) => Number.isInteger(n));
  return String(numbers.length ? Math.max(...numbers) + 1 : 1);
}

export function addFootnote(draft: Draft, at: number, definition: string, label = nextFootnoteLabel(draft)): { label: string; insertions: Insertion[] } {
  const text = draft.text;
  const reference: Insertion = { at, text: `[^${label}]` };
  const lastDef = draft.footnoteDefs.reduce((end, d) => Math.max(end, d.end), -1);
  let definitionInsertion: Insertion;
  if (lastDef >= 0) {
    definitionInsertion = { at: lastDef, text: `\n[^${label}]: ${definition}` };
  } else {
    const trailing = text.endsWith('\n\n') ? '' : text.endsWith('\n') ? '\n' : '\n\n';
    definitionInsertion = { at: text.length, text: `${trailing}[^${label}]: ${definition}\n` };
  }
  return { label, insertions: [reference, definitionInsertion] };
}
