// Rewrites the notes Attest inserted into the writer's current style. A note is Attest's when
// its text is, word for word, what one of the styles writes for the source it names (at some
// page, with or without the source's own footnote cited after it); notes the writer wrote or
// changed by hand are left alone.
import type { Draft } from '../draft/draft';
import type { Corpus } from '../retrieval/corpus';
import { citedSources } from '../retrieval/citedSource';
import type { SourceMeta } from '../types';
import { contentStart, type Edit } from './footnoteEdit';
import { noteText } from './notes';
import { citationStyles, type CitationStyle } from './references';

/** A page no source has, standing for the note's page while its text is matched. */
const pageMark = '987654321';

export interface Restyled {
  edits: Edit[];
  /** Labels of the notes rewritten. */
  labels: string[];
}

export function restyleNotes(draft: Draft, corpus: Pick<Corpus, 'sources'>, style: CitationStyle): Restyled {
  const cited = citedSources(draft, corpus);
  const firstRef = new Map<string, number>();
  for (const ref of draft.footnoteRefs) if (!firstRef.has(ref.label)) firstRef.set(ref.label, ref.start);
  const seen = new Set<string>();
  const edits: Edit[] = [];
  const labels: string[] = [];
  // Notes in the order the text refers to them: whether a source was cited before is the new style's question.
  const defs = draft.footnoteDefs.filter((d) => !seen.has(d.label) && seen.add(d.label)).sort((a, b) => (firstRef.get(a.label) ?? a.start) - (firstRef.get(b.label) ?? b.start));
  const citedSoFar = new Set<string>();
  for (const def of defs) {
    // A note Attest inserted cites one source.
    const named = cited.get(def.label);
    const id = named?.length === 1 ? named[0] : undefined;
    const source = id ? corpus.sources.get(id) : undefined;
    if (!id || !source) continue;
    const before = citedSoFar.has(id);
    citedSoFar.add(id);
    const start = contentStart(draft.text, def);
    const old = draft.text.slice(start, def.end).trimEnd();
    const found = insertedNote(source.meta, old, style);
    if (!found) continue;
    const locator = found.page ? `${/[–-]/.test(found.page) ? 'pp.' : 'p.'} ${found.page}` : '';
    const text = `${noteText(source.meta, { locator }, undefined, { style, citedBefore: before })}${found.tail}`;
    if (text === old) continue;
    edits.push({ start, end: start + old.length, text });
    labels.push(def.label);
  }
  return { edits: edits.sort((a, b) => a.start - b.start), labels };
}

/** The page and the "Citing: …" tail of a note one of the styles wrote for the source; undefined when no style writes it so. */
function insertedNote(meta: SourceMeta, note: string, current: CitationStyle): { page: string; tail: string } | undefined {
  const styles: CitationStyle[] = [...citationStyles, ...(citationStyles.includes(current as never) ? [] : [current])];
  for (const style of styles) {
    for (const citedBefore of style === 'chicago-notes' ? [false, true] : [false]) {
      for (const locator of [`p. ${pageMark}`, '']) {
        const written = noteText(meta, { locator }, undefined, { style, citedBefore });
        const pattern = new RegExp(`^${escape(written).replace(`p\\. ${pageMark}`, 'pp?\\. ' + pageMark).replace(pageMark, '(\\S+?)')}( Citing: .*)?$`, 'u');
        const m = pattern.exec(note);
        if (m) return { page: locator ? m[1]! : '', tail: (locator ? m[2] : m[1]) ?? '' };
      }
    }
  }
  return undefined;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
