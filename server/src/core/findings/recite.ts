// The edits that make a sentence cite another source: a key is replaced by the other's key; a
// footnote cited only here gets the other source's note as its text; a footnote other
// sentences cite too stays theirs, and this sentence gets a new footnote instead.
import { parseDraft, type Draft } from '../draft/draft';
import { applyEdits, contentStart, defineFootnote, nextFootnoteLabel, type Edit } from './footnoteEdit';

/** `label` is the citation to change ("3" or "@key"), `from` the claim's offset (the citation follows it), `note` the new footnote's Markdown. */
export function reciteEdits(draft: Draft, label: string, from: number, key: string, note: string): Edit[] | undefined {
  if (label.startsWith('@')) {
    const mine = draft.citations.filter((c) => c.key === label.slice(1));
    const citation = mine.find((c) => c.start >= from) ?? mine.at(-1);
    return citation ? [{ start: citation.start, end: citation.end, text: key }] : undefined;
  }
  const def = draft.footnoteDefs.find((d) => d.label === label);
  const refs = draft.footnoteRefs.filter((r) => r.label === label);
  if (!def || !refs.length) return undefined;
  if (refs.length === 1) {
    const start = contentStart(draft.text, def);
    const end = start + draft.text.slice(start, def.end).trimEnd().length;
    return [{ start, end, text: note.replace(/[\r\n\u2028\u2029]+/g, ' ').trim() }];
  }
  const ref = refs.find((r) => r.start >= from) ?? refs.at(-1)!;
  const newLabel = nextFootnoteLabel(draft);
  const reference: Edit = { start: ref.start, end: ref.end, text: `[^${newLabel}]` };
  // The definition is planned on the draft with the reference changed, then placed in the draft's own offsets.
  const definition = defineFootnote(parseDraft(applyEdits(draft.text, [reference])), newLabel, note);
  if ('problem' in definition) return undefined;
  const shift = definition.start >= ref.end + reference.text.length - (ref.end - ref.start) ? reference.text.length - (ref.end - ref.start) : 0;
  return [reference, { ...definition, start: definition.start - shift, end: definition.end - shift }];
}
