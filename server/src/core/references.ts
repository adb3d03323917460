// A source's full reference in the writer's chosen style: Chicago author-date (the default)
// is written here, since every hover needs it; APA, Vancouver and Harvard come from
// citation-js's CSL engine, loaded the first time one of them is asked for.
import type { SourceMeta } from './types';
import { chicagoReference } from './citation';
import { httpUrl, validDoi } from './sourceLinks';

export const citationStyles = ['chicago-author-date', 'apa', 'vancouver', 'harvard1'] as const;
export type CitationStyle = (typeof citationStyles)[number];

export function isCitationStyle(value: string): value is CitationStyle {
  return (citationStyles as readonly string[]).includes(value);
}

interface CiteConstructor {
  new (data: object[]): { format(kind: 'bibliography', options: { format: 'text'; template: string; lang: string }): string };
}

let Cite: CiteConstructor | undefined;
const formatted = new Map<string, string>();

export function formatReference(meta: SourceMeta, style: CitationStyle = 'chicago-author-date'): string {
  if (style === 'chicago-author-date') return chicagoReference(meta);
  const key = `${style}\u0000${JSON.stringify(meta)}`;
  let reference = formatted.get(key);
  if (reference === undefined) {
    try {
      // Loaded on first use: the CSL engine is large and most writers keep the default style.
      Cite ??= (require('@citation-js/core') as { Cite: CiteConstructor }).Cite;
      require('@citation-js/plugin-csl');
      reference = new Cite([toCsl(meta)]).format('bibliography', { format: 'text', template: style, lang: 'en-US' }).trim();
    } catch {
      reference = chicagoReference(meta);
    }
    formatted.set(key, reference);
  }
  return reference;
}

/** The source's metadata as a CSL-JSON item. */
export function toCsl(meta: SourceMeta): object {
  return {
    id: meta.id,
    type: meta.type ?? 'article-journal',
    title: meta.title,
    author: meta.authors.map((a) => ({ family: a.family, given: a.given })),
    'container-title': meta.container,
    volume: meta.volume,
    issue: meta.issue,
    page: meta.pages,
    issued: meta.year ? { 'date-parts': [[meta.year]] } : undefined,
    // Only a real DOI or an http(s) URL: the reference is shown in hovers and written into drafts.
    DOI: validDoi(meta.doi),
    URL: validDoi(meta.doi) ? undefined : httpUrl(meta.url),
    ISSN: meta.issn,
    language: meta.language,
  };
}
