// The footnote Attest writes citing a passage, in the writer's style: Chicago notes and
// bibliography (a full note the first time a source is cited, a short note after it), a CSL
// style the writer names (its citation, with the page where the style puts it), or a
// bibliography style's reference followed by the page.
import type { Draft } from '../draft/draft';
import type { Corpus } from '../retrieval/corpus';
import { citedSources } from '../retrieval/citedSource';
import type { Author, Evidence, SourceFootnote, SourceMeta } from '../types';
import { footnoteText, citingTail } from './citation';
import { inertBlockStart, inlineLink, inlineText } from './markdownText';
import { cslCitation, formatReference, isCustomStyle, type CitationStyle } from './references';
import { sourceLink } from './sourceLinks';

export interface NoteOptions {
  style?: CitationStyle;
  /** The draft already cites the source in an earlier note: Chicago notes then write the short note. */
  citedBefore?: boolean;
}

/** A footnote definition's Markdown citing `evidence` of the source. */
export function noteText(meta: SourceMeta, evidence: Pick<Evidence, 'locator'>, sourceFootnote: SourceFootnote | undefined, { style = 'chicago-author-date', citedBefore = false }: NoteOptions = {}): string {
  if (style === 'chicago-notes') return inertBlockStart(`${citedBefore ? shortNote(meta, evidence.locator) : fullNote(meta, evidence.locator)}${citingTail(sourceFootnote)}`.trim());
  if (isCustomStyle(style)) {
    const note = cslCitation(meta, pageOf(evidence.locator), style);
    if (note !== undefined) return inertBlockStart(`${inlineText(note.replace(/\.?$/, '.'))}${citingTail(sourceFootnote)}`.trim());
  }
  return footnoteText(meta, evidence, sourceFootnote, formatReference(meta, style));
}

/** Whether a footnote referenced before `at` cites the source. */
export function citedBefore(draft: Draft, corpus: Pick<Corpus, 'sources'>, sourceId: string, at: number): boolean {
  const cited = citedSources(draft, corpus);
  return draft.footnoteRefs.some((r) => r.start < at && cited.get(r.label)?.includes(sourceId));
}

/** Andrew Korybko and Vladimir M. Morozov, “Pakistan’s Role in Russia’s Greater Eurasian Partnership,” Polis. Political Studies, no. 3 (2020): 19, https://doi.org/…. */
function fullNote(meta: SourceMeta, locator: string): string {
  const who = names(meta.authors.map((a) => (a.given ? `${a.given} ${a.family}` : a.family)));
  const title = inlineText(meta.title.replace(/[.,]$/, ''));
  const page = pageOf(locator);
  let container = meta.container ? inlineText(meta.container) : '';
  if (meta.volume) container += `${container ? ' ' : ''}${inlineText(meta.volume)}`;
  if (meta.issue) container += `${container ? ', ' : ''}no. ${inlineText(meta.issue)}`;
  if (meta.year) container += `${container ? ' ' : ''}(${meta.year})`;
  if (page) container += container ? `: ${inlineText(page)}` : inlineText(page);
  const link = sourceLink(meta);
  const rest = [container, link && inlineLink(link, '.')].filter(Boolean);
  const start = who ? `${inlineText(who)}, ` : '';
  return rest.length ? `${start}“${title},” ${rest.join(', ')}.` : `${start}“${title}.”`;
}

/** Korybko and Morozov, “Pakistan’s Role,” 19. */
function shortNote(meta: SourceMeta, locator: string): string {
  const who = meta.authors.length > 3 ? `${meta.authors[0]!.family} et al.` : names(meta.authors.map((a: Author) => a.family));
  const page = pageOf(locator);
  const title = `“${inlineText(shortTitle(meta.title))}${page ? ',”' : '.”'}`;
  return `${who ? `${inlineText(who)}, ` : ''}${title}${page ? ` ${inlineText(page)}.` : ''}`;
}

/** "A", "A and B", "A, B, and C", "A et al." */
function names(list: string[]): string {
  if (list.length > 3) return `${list[0]} et al.`;
  if (list.length <= 2) return list.join(' and ');
  return `${list.slice(0, -1).join(', ')}, and ${list.at(-1)}`;
}

/** The title's words before a subtitle or its first preposition, at most four, without a leading article: “Pakistan’s Role”. */
export function shortTitle(title: string): string {
  const main = title.split(/[:.?!]\s/)[0]!.replace(/^(?:the|a|an)\s+/i, '').trim();
  const words = main.split(/\s+/);
  const cut = words.findIndex((w, i) => i >= 2 && /^(?:in|of|on|for|between|to|from|with|and|at|as|by|during|under|after)$/i.test(w));
  return words.slice(0, Math.min(cut < 0 ? words.length : cut, 4)).join(' ').replace(/[,;]$/, '');
}

/** "p. 19" → "19", "pp. 9–10" → "9–10"; a section heading is no page. */
export function pageOf(locator: string): string {
  const m = /^pp?\. (.+)$/.exec(locator.trim());
  return m ? m[1]! : '';
}
