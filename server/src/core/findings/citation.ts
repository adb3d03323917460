// Formats sources for people: a short label ("Korybko & Morozov 2020"), a full reference
// in Chicago author-date style, and the Markdown of a footnote citing a passage.
import { inertBlockStart, inlineLink, inlineText, inlineTextWithLinks } from './markdownText';
import { httpUrl, sourceLink } from './sourceLinks';
import type { Evidence, SourceFootnote, SourceMeta } from '../types';

export function shortLabel(meta: SourceMeta): string {
  const names = meta.authors.map((a) => a.family);
  // An unsigned report goes by its outlet, as author-date citations name it ("Pothohar Times 2022").
  const who = names.length === 0 ? (meta.container ?? meta.title) : names.length === 1 ? names[0] : names.length === 2 ? `${names[0]} & ${names[1]}` : `${names[0]} et al.`;
  return meta.year ? `${who} ${meta.year}` : `${who}`;
}

/** Chicago author-date: Korybko, Andrew, and Vladimir M. Morozov. 2020. “Title.” Container, no. 3: 9–22. https://doi.org/…. */
export function chicagoReference(meta: SourceMeta): string {
  const authors = meta.authors.map((a, i) => (i === 0 ? (a.given ? `${a.family}, ${a.given}` : a.family) : a.given ? `${a.given} ${a.family}` : a.family));
  const who = authors.length <= 1 ? (authors[0] ?? '') : `${authors.slice(0, -1).join(', ')}, and ${authors.at(-1)}`;
  const parts: string[] = [];
  if (who) parts.push(`${who.replace(/\.$/, '')}.`);
  if (meta.year) parts.push(`${meta.year}.`);
  parts.push(`“${meta.title.replace(/\.$/, '')}.”`);
  if (meta.container) {
    let container = meta.container;
    if (meta.volume) container += ` ${meta.volume}`;
    if (meta.issue) container += meta.volume ? ` (${meta.issue})` : `, no. ${meta.issue}`;
    if (meta.pages) container += `: ${meta.pages.replace('-', '–')}`;
    parts.push(`${container}.`);
  }
  const link = sourceLink(meta);
  if (link) parts.push(`${link}.`);
  return parts.join(' ');
}

/** Chicago notes and bibliography's entry: Korybko, Andrew, and Vladimir M. Morozov. “Title.” Container, no. 3 (2020): 9–22. https://doi.org/…. */
export function chicagoBibliography(meta: SourceMeta): string {
  const authors = meta.authors.map((a, i) => (i === 0 ? (a.given ? `${a.family}, ${a.given}` : a.family) : a.given ? `${a.given} ${a.family}` : a.family));
  const who = authors.length <= 1 ? (authors[0] ?? '') : `${authors.slice(0, -1).join(', ')}, and ${authors.at(-1)}`;
  const parts: string[] = [];
  if (who) parts.push(`${who.replace(/\.$/, '')}.`);
  parts.push(`“${meta.title.replace(/\.$/, '')}.”`);
  let container = meta.container ?? '';
  if (meta.volume) container += `${container ? ' ' : ''}${meta.volume}`;
  if (meta.issue) container += `${container ? ', ' : ''}no. ${meta.issue}`;
  if (meta.year) container += `${container ? ' ' : ''}(${meta.year})`;
  if (meta.pages) container += `${container ? ': ' : ''}${meta.pages.replace('-', '–')}`;
  if (container) parts.push(`${container}.`);
  const link = sourceLink(meta);
  if (link) parts.push(`${link}.`);
  return parts.join(' ');
}

/**
 * A footnote definition's Markdown citing evidence: "Korybko & Morozov 2020, p. 10 (citing …)".
 * Everything from the source is escaped and only its checked link is a link, so a source's
 * metadata can never put HTML, a link or formatting of its own into the draft.
 */
export function footnoteText(meta: SourceMeta, evidence: Pick<Evidence, 'locator'>, sourceFootnote?: SourceFootnote, reference = chicagoReference(meta)): string {
  const link = sourceLink(meta);
  let text = inlineTextWithLinks(reference.replace(/\.$/, ''), link ? [link] : []);
  if (evidence.locator && /^pp?\. /.test(evidence.locator)) text += `, ${inlineText(evidence.locator)}`;
  text += '.';
  return inertBlockStart(`${text}${citingTail(sourceFootnote)}`.trim());
}

/** " Citing: Title, Outlet, date, URL." for the source's own footnote, if it names a work. */
export function citingTail(sourceFootnote: SourceFootnote | undefined): string {
  if (!sourceFootnote?.title) return '';
  const cited = [sourceFootnote.title, sourceFootnote.outlet, sourceFootnote.date].filter(Boolean).map((part) => inlineText(part!)).join(', ');
  const url = httpUrl(sourceFootnote.url);
  return ` Citing: ${cited}${url ? `, ${inlineLink(url, '.')}` : ''}.`;
}

/** "Korybko & Morozov 2020 (p. 10, fn. 4)", or just the label when the passage has no locator. */
export function citedAs(meta: SourceMeta, evidence: Pick<Evidence, 'locator' | 'footnote'>): string {
  const where = locatorLabel(evidence, meta);
  return where ? `${shortLabel(meta)} (${where})` : shortLabel(meta);
}

/**
 * "p. 10, fn. 4" for messages. A section named as the source is (a web page's only heading is
 * its title) locates nothing, nor does "note 4" beside "fn. 4".
 */
export function locatorLabel(evidence: Pick<Evidence, 'locator' | 'footnote'>, meta: Pick<SourceMeta, 'title'>): string {
  const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();
  const locator = same(evidence.locator, meta.title) || (evidence.footnote && evidence.locator === `note ${evidence.footnote}`) ? '' : evidence.locator;
  return [locator, evidence.footnote ? `fn. ${evidence.footnote}` : ''].filter(Boolean).join(', ');
}
