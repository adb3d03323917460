// A source's full reference in the writer's chosen style: Chicago author-date (the default)
// is written here, since every hover needs it; APA, Vancouver and Harvard come from
// citation-js's CSL engine, loaded the first time one of them is asked for, and built for
// bibliography entries only.
import type { SourceMeta } from '../types';
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

interface CitationJs {
  Cite: CiteConstructor;
  plugins: { config: { get(name: '@csl'): { styles: { get(name: string): string | undefined; add(name: string, xml: string): void } } } };
}

let citationJs: CitationJs | undefined;
const templates = new Map<CitationStyle, string>();
const formatted = new Map<string, string>();

/**
 * The citation-js template to format `style` with: the style reduced to its bibliography.
 * Building a CSL engine expands every macro the style's citation layout and sort keys call,
 * which for APA takes most of a second and about 120 MB; a reference is one bibliography
 * entry, which neither the in-text citation nor the sort order (of one item) changes.
 */
function templateFor(style: CitationStyle, loaded: CitationJs): string {
  let template = templates.get(style);
  if (template === undefined) {
    const styles = loaded.plugins.config.get('@csl').styles;
    const reduced = bibliographyOnly(styles.get(style) ?? '');
    template = reduced ? `attest-bibliography-${style}` : style;
    if (reduced) styles.add(template, reduced);
    templates.set(style, template);
  }
  return template;
}

/** The CSL style with a trivial citation layout and no bibliography sort; undefined when it has not the expected shape. */
export function bibliographyOnly(xml: string): string | undefined {
  const citation = /<citation\b([^>]*)>[\s\S]*?<\/citation>/;
  const bibliography = /<bibliography\b[^>]*>[\s\S]*?<\/bibliography>/;
  if (!citation.test(xml) || !bibliography.test(xml)) return undefined;
  return xml
    .replace(citation, '<citation$1><layout><text variable="title"/></layout></citation>')
    .replace(bibliography, (element) => element.replace(/<sort>[\s\S]*?<\/sort>/, ''));
}

export function formatReference(meta: SourceMeta, style: CitationStyle = 'chicago-author-date'): string {
  if (style === 'chicago-author-date') return chicagoReference(meta);
  const key = `${style}\u0000${JSON.stringify(meta)}`;
  let reference = formatted.get(key);
  if (reference === undefined) {
    try {
      // Loaded on first use: the CSL engine is large and most writers keep the default style.
      if (!citationJs) {
        citationJs = require('@citation-js/core') as CitationJs;
        require('@citation-js/plugin-csl');
      }
      reference = new citationJs.Cite([toCsl(meta)]).format('bibliography', { format: 'text', template: templateFor(style, citationJs), lang: 'en-US' }).trim();
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
