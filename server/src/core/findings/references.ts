// A source's full reference in the writer's chosen style: Chicago author-date (the default)
// and Chicago notes and bibliography are written here, since every hover needs them; APA,
// Vancouver, Harvard and any CSL file the writer names come from citation-js's CSL engine,
// loaded the first time one of them is asked for (built for bibliography entries only,
// except a writer's style, whose citation is the note Attest inserts).
import type { SourceMeta } from '../types';
import { chicagoBibliography, chicagoReference } from './citation';
import { httpUrl, validDoi } from './sourceLinks';

export const citationStyles = ['chicago-author-date', 'chicago-notes', 'apa', 'vancouver', 'harvard1'] as const;
/** A named style, or "csl:" and the name a writer's CSL file was registered under (registerCslStyle). */
export type CitationStyle = (typeof citationStyles)[number] | `csl:${string}`;

export function isCitationStyle(value: string): value is CitationStyle {
  return (citationStyles as readonly string[]).includes(value);
}

export function isCustomStyle(style: CitationStyle): style is `csl:${string}` {
  return style.startsWith('csl:');
}

interface CiteConstructor {
  new (data: object[]): { format(kind: 'bibliography' | 'citation', options: { format: 'text'; template: string; lang: string; entry?: object[] }): string };
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
  if (template === undefined && isCustomStyle(style)) return style;
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

/** Registers a writer's CSL style under "csl:" + `name`; a problem, in plain words, when `xml` is not a CSL style with a citation layout. */
export function registerCslStyle(name: string, xml: string): { style: CitationStyle } | { problem: string } {
  if (!/<style\b[^>]*xmlns="http:\/\/purl\.org\/net\/xbiblio\/csl"/.test(xml)) return { problem: 'it is not a CSL style (no <style> element in the CSL namespace)' };
  if (!/<citation\b[\s\S]*<layout\b[\s\S]*<\/citation>/.test(xml)) return { problem: 'the style has no <citation> layout, which is what a footnote is written with' };
  const style: CitationStyle = `csl:${name}`;
  try {
    const loaded = engine();
    const styles = loaded.plugins.config.get('@csl').styles;
    styles.add(style, xml);
    // A style the engine cannot run is found now, not when the writer inserts a footnote.
    new loaded.Cite([{ id: 'x', type: 'article-journal', title: 'Title', author: [{ family: 'Author' }], issued: { 'date-parts': [[2020]] } }]).format('citation', { format: 'text', template: style, lang: 'en-US', entry: [{ id: 'x', locator: '1', label: 'page' }] });
  } catch (error) {
    return { problem: `the CSL engine could not use it (${error instanceof Error ? error.message : String(error)})` };
  }
  for (const key of [...formatted.keys()]) if (key.startsWith(`${style}\u0000`)) formatted.delete(key);
  return { style };
}

function engine(): CitationJs {
  // Loaded on first use: the CSL engine is large and most writers keep the default style.
  if (!citationJs) {
    citationJs = require('@citation-js/core') as CitationJs;
    require('@citation-js/plugin-csl');
  }
  return citationJs;
}

/** The writer's CSL style's citation of the source at `page` (none when empty): the note as the style writes it; undefined if the engine fails. */
export function cslCitation(meta: SourceMeta, page: string, style: `csl:${string}`): string | undefined {
  try {
    const entry = page ? [{ id: meta.id, locator: page, label: 'page' }] : [{ id: meta.id }];
    return new (engine().Cite)([toCsl(meta)]).format('citation', { format: 'text', template: style, lang: 'en-US', entry }).trim();
  } catch {
    return undefined;
  }
}

export function formatReference(meta: SourceMeta, style: CitationStyle = 'chicago-author-date'): string {
  if (style === 'chicago-author-date') return chicagoReference(meta);
  if (style === 'chicago-notes') return chicagoBibliography(meta);
  const key = `${style}\u0000${JSON.stringify(meta)}`;
  let reference = formatted.get(key);
  if (reference === undefined) {
    try {
      const citationJs = engine();
      reference = new citationJs.Cite([toCsl(meta)]).format('bibliography', { format: 'text', template: templateFor(style, citationJs), lang: 'en-US' }).trim();
    } catch {
      reference = '';
    }
    // A note style may have no bibliography: its reference is then Chicago's.
    if (!reference) reference = chicagoReference(meta);
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
