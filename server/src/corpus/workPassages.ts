// A source's own footnotes and the entries of its reference list, as passages after its body's:
// each describes a work the source cites, and the date that work appeared leads it.
import type { Passage, SourceFootnote } from '../core/types';

/**
 * An entry of the source's reference list is a passage of its own, as a footnote is, and read the
 * same way: the year the work appeared leads it, and the parts of the entry are joined as one
 * sentence ("2015: Lo, Bobo – Russia and the New World Disorder – Washington, DC: Brookings
 * Institution Press"), so that a draft's "Lo's book was published in 2016" meets the whole entry.
 * An entry with no year dates nothing and is no passage.
 */
export function referencePassage(entry: string, n: number, sourceId: string, line: number, section: string | undefined): Passage | undefined {
  const text = withoutLinks(entry);
  let year: RegExpExecArray | undefined;
  for (const m of text.matchAll(entryYear)) year = m;
  if (!year) return undefined;
  const rest = (text.slice(0, year.index) + text.slice(year.index + year[0].length))
    .replace(/\(\s*\)/g, '')
    .replace(/(?<!\b(?:no|vol|pp?|eds?|trans|al|[A-Z]))([.?!])(["”’]?)\s+(?=\S)/g, (_, end: string, quote: string) => `${end === '.' ? '' : end}${quote} – `)
    .replace(/\s+/g, ' ')
    .replace(/\s+([:,])/g, '$1')
    .replace(/[\s.,;:–-]+$/, '')
    .trim();
  const body = `${year[1]}: ${rest}`;
  return { index: -1, sourceId, locator: `reference ${n}`, text: body, line, footnotes: [], section };
}

/** A year a work appeared in, as a reference list prints it: "2015", "(2014)", "2019a". */
const entryYear = /\(?\b((?:1[6-9]|20)\d\d)[a-z]?\b\)?/g;

/**
 * A source's own footnote is a passage of its own, after the body's: what it states is the
 * source's too ("Completion of 13 Projects Worth $11 Billion. – Sputnik. 09.01.2020." sizes
 * what the body calls "$13 billion"), and a claim it supports cites it. A reference's date
 * leads it, so that what its title states holds for that date, as a news report's dateline
 * does ("09.01.2020: CPEC: … Worth $11 Billion – Sputnik"); its link and the day it was
 * accessed are not statements and are left out.
 */
export function notePassage(footnote: SourceFootnote, sourceId: string, line: number, section: string | undefined): Passage | undefined {
  let text = withoutLinks(footnote.text).replace(/\s+/g, ' ').trim();
  const date = footnote.date ? text.indexOf(footnote.date.slice(0, 6)) : -1;
  let head = (date > 0 ? text.slice(0, date) : text).replace(/[\s.,;–-]+$/, '').replace(/\.\s+–\s+/g, ' – ');
  // "Lissovolik Ya. On the Paradox of … Integration. Valdai …": the author, the title and the outlet are one sentence, as in a reference (an initial's period ends none).
  const title = footnote.title ? head.indexOf(footnote.title) : -1;
  if (title >= 0) {
    const end = title + footnote.title!.length;
    head = head.slice(0, title).replace(/(?<!\b\p{Lu})\.\s+$/u, ' – ') + head.slice(title, end) + head.slice(end).replace(/^(["”’]?)\.(["”’]?)\s+(?=\p{Lu})/u, '$1$2 – ');
  }
  text = date > 0 ? `${footnote.date}: ${head}` : head;
  if (!/\p{L}/u.test(text)) return undefined;
  return { index: -1, sourceId, locator: `note ${footnote.label}`, text, line, footnotes: [{ label: footnote.label, offset: text.length }], section };
}

/** A link, a DOI and the day the work was accessed: not statements, left out of a work's passage. */
function withoutLinks(text: string): string {
  return text
    .replace(/\(accessed\s+[^)]*\)|\baccessed\s+[^.]*\./gi, '')
    .replace(/\bURL:\s*\S+/gi, '')
    .replace(/<?https?:\/\/\S+>?|\bdoi:\s*\S+/gi, '');
}
