// Saved web pages (and Zotero snapshots): the article's text as Readability finds it, without
// menus, share boxes and comments, and its title, authors, outlet and date from the page's
// metadata (citation_*, Open Graph, JSON-LD), written as source Markdown, with the page's own
// footnotes as "[^n]" markers and "[^n]:" definitions (htmlNotes.ts).
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { Reader } from './reader';
import { frontMatter, wordCount, type PageMeta } from './sourceMarkdown';
import { htmlBlocks, type HtmlDocument, type HtmlNode } from './htmlBlocks';
import { takePageNotes } from './htmlNotes';
import { firstInvalidUtf8, lineAt } from './text';

export const readHtml: Reader = async (bytes, file) => {
  const html = decodePage(bytes);
  if (typeof html !== 'string') return html;
  const { document } = parseHTML(html) as unknown as { document: HtmlDocument };
  const meta = pageMeta(document);
  const notes = takePageNotes(document);
  const article = new Readability(document as never, { serializer: (node) => node }).parse();
  const marked = article?.content ? htmlBlocks(article.content as unknown as HtmlNode) : [];
  const blocks = notes.markers(marked);
  if (wordCount(blocks) < 20) return { message: 'Skipped: the page has no article text to read (no paragraphs outside menus, links and forms); save the page of the article itself.' };
  if (!meta.authors.length && article?.byline) meta.authors = bylineAuthors(article.byline);
  meta.title ??= article?.title?.trim() || undefined;
  meta.container ??= article?.siteName?.trim() || undefined;
  meta.date ??= isoDate(article?.publishedTime ?? undefined);
  return { text: `${frontMatter(file, meta)}\n${[...blocks, ...notes.definitions(marked)].join('\n\n')}\n` };
};

/**
 * The people a byline names: "By Sana Baloch and Omar Khan". A byline often carries more, set
 * off by a bar or a dot ("Recorder Report | November 28, 2024", "Omar Khan · 5 min read"): only
 * a part without digits names people, and a desk ("Staff Reporter", "Web Desk", "Our
 * Correspondent") names none.
 */
export function bylineAuthors(byline: string): string[] {
  const names: string[] = [];
  for (const part of byline.split(/\s*[|·•]\s*|\s+[–—-]\s+/)) {
    if (/\d/.test(part)) continue;
    for (const name of part.replace(/^\s*by\s+/i, '').split(/\s*(?:,|\band\b|&)\s*/)) {
      const words = name.trim().split(/\s+/).filter(Boolean);
      if (words.length && words.length <= 5 && !words.some((w) => desk.test(w))) names.push(words.join(' '));
    }
  }
  return names;
}

const desk = /^(?:staff|desk|report|reporter|reports|correspondents?|bureau|agencies|news|editorial|team|newsroom|monitoring|online)$/i;

/** The page's text in the charset it declares (a byte order mark first), UTF-8 when it declares none. */
function decodePage(bytes: Uint8Array): string | { message: string; line?: number } {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 'utf-8' : bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  // An XHTML file may declare it in its XML declaration instead.
  const declared = bom ?? /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1] ?? /^<\?xml\b[^>]*?encoding\s*=\s*["']([\w.:-]+)/.exec(head)?.[1];
  const label = declared ?? 'utf-8';
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    return { message: `Skipped: the page declares the charset "${declared}", which Attest does not know; save the page again as UTF-8.` };
  }
  try {
    const text = decoder.decode(bytes);
    return decoder.encoding === 'windows-1252' ? text.replace(/[\x80-\x9f]/g, (c) => windows1252[c.charCodeAt(0) - 0x80] ?? c) : text;
  } catch {
    const line = decoder.encoding === 'utf-8' ? lineAt(bytes, firstInvalidUtf8(bytes)) : undefined;
    const claim = declared ? `declares the charset "${declared}"` : 'declares no charset (so it is read as UTF-8)';
    return { ...(line !== undefined && { line }), message: `Skipped: the page ${claim}, but its bytes are not valid ${decoder.encoding.toUpperCase()}; save the page again from the browser, or correct its <meta charset>.` };
  }
}

/**
 * Bytes 0x80–0x9F in windows-1252 (which pages declaring ISO-8859-1 use too): curly quotes,
 * dashes, the euro. Node's decoder reads them as control characters, as ISO-8859-1 would.
 */
const windows1252 = '\u20ac\x81\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\x8d\u017d\x8f\x90\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\x9d\u017e\u0178';

/** Title, authors, outlet, date, DOI and address from the page's own metadata. */
function pageMeta(document: HtmlDocument): PageMeta {
  const metas = Array.from(document.querySelectorAll('meta'));
  const values = (...names: string[]): string[] =>
    names.flatMap((name) => metas.filter((m) => (m.getAttribute('name') ?? m.getAttribute('property'))?.toLowerCase() === name).map((m) => (m.getAttribute('content') ?? '').trim()).filter(Boolean));
  const first = (...names: string[]): string | undefined => values(...names)[0];
  const ld = jsonLdArticle(document);
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim();
  const base = document.querySelector('base')?.getAttribute('href')?.trim();
  const journal = first('citation_journal_title');
  const authors = values('citation_author');
  return {
    title: first('citation_title', 'og:title') ?? ld.headline,
    authors: authors.length ? authors : ld.authors.length ? ld.authors : values('author').filter((a) => !/^https?:/.test(a)),
    container: journal ?? first('og:site_name', 'citation_publisher') ?? ld.publisher,
    date: isoDate(first('citation_publication_date', 'citation_date', 'citation_online_date', 'article:published_time') ?? ld.datePublished),
    doi: first('citation_doi')?.replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:)/i, ''),
    url: canonical || first('og:url', 'citation_public_url', 'citation_abstract_html_url') || base || undefined,
    type: journal ? 'article-journal' : ld.news ? 'article-newspaper' : 'webpage',
  };
}

interface LdArticle {
  headline?: string;
  authors: string[];
  datePublished?: string;
  publisher?: string;
  news: boolean;
}

/** The first schema.org Article (NewsArticle, BlogPosting…) in the page's JSON-LD, if any. */
function jsonLdArticle(document: HtmlDocument): LdArticle {
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    let value: unknown;
    try {
      value = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const items = (Array.isArray(value) ? value : [value]).flatMap((v: unknown) => (isObject(v) && Array.isArray(v['@graph']) ? v['@graph'] : [v]));
    for (const item of items) {
      if (!isObject(item)) continue;
      const types = ([] as unknown[]).concat(item['@type']).filter((t): t is string => typeof t === 'string');
      if (!types.some((t) => /Article$|^BlogPosting$|^Report$/.test(t))) continue;
      const names = ([] as unknown[]).concat(item['author'] ?? []).map((a) => (typeof a === 'string' ? a : isObject(a) && typeof a['name'] === 'string' ? a['name'] : '')).map((n) => n.trim()).filter(Boolean);
      const publisher = item['publisher'];
      return {
        headline: typeof item['headline'] === 'string' ? item['headline'].trim() : undefined,
        authors: names,
        datePublished: typeof item['datePublished'] === 'string' ? item['datePublished'] : undefined,
        publisher: isObject(publisher) && typeof publisher['name'] === 'string' ? publisher['name'].trim() : undefined,
        news: types.some((t) => /NewsArticle$/.test(t)),
      };
    }
  }
  return { authors: [], news: false };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** "2019-12-10T08:00:00+05:00" or "2019/12/10" as "2019-12-10"; other dates as given. */
function isoDate(date: string | undefined): string | undefined {
  if (!date?.trim()) return undefined;
  const m = /^(\d{4})[-/](\d{1,2})(?:[-/](\d{1,2}))?/.exec(date.trim());
  if (!m) return date.trim();
  return [m[1], m[2]!.padStart(2, '0'), ...(m[3] ? [m[3].padStart(2, '0')] : [])].join('-');
}
