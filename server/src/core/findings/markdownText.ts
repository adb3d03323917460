// Escapes text for Markdown so that source text shown to the writer, or written into the
// draft, cannot create links, images, HTML, commands or formatting.
import { httpUrl } from './sourceLinks';

const special = /[\\`*_{}[\]()#+\-.!|<>~:&"'=]/g;

/** For text Attest shows (hovers, completion details): every punctuation mark that Markdown reads is escaped. */
export function escapeMarkdown(text: string): string {
  return text.replace(special, (c) => `\\${c}`).replace(/\n/g, ' ');
}

/** A URL shown as a link only if it is plain http(s); anything else is shown as text. */
export function safeLink(url: string | undefined): string | undefined {
  const checked = httpUrl(url);
  return checked && `<${checked}>`;
}

// Written into the writer's draft, text should read as if typed by hand: only the marks
// that could start a construct inline are escaped, and it stays on one line.
const inlineSpecial = /[\\`*_[\]<>&~|]/g;

/** Source text as Markdown for the draft: renders as the same words, and is never a link, HTML, code or emphasis. */
export function inlineText(text: string): string {
  return text
    .replace(/[\s\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
    .replace(inlineSpecial, (c) => `\\${c}`);
}

/** A checked URL as Markdown for the draft: bare when nothing around or in it could be read as Markdown, else as an autolink `<…>`. */
export function inlineLink(url: string, next = ''): string {
  const bare = /^https?:\/\/[A-Za-z0-9\-.:/?#@!$&'+,;=%]+$/.test(url) && !/[.,:;!?'&]$/.test(url) && /^(?:$|\s|[.,;:](?:\s|$))/.test(next);
  return bare ? url : `<${url}>`;
}

/** A checked URL as a link destination: `(url)` or `(<url>)`. */
export function linkDestination(url: string): string {
  return /[()\s]/.test(url) ? `<${url}>` : url;
}

/**
 * Text with links in it (a formatted reference) as Markdown for the draft: each occurrence of
 * one of `links` (already checked) is written as a link, the rest as inert text.
 */
export function inlineTextWithLinks(text: string, links: readonly string[]): string {
  const found = links.filter(Boolean).sort((a, b) => b.length - a.length);
  let out = '';
  let from = 0;
  while (from < text.length) {
    let at = -1;
    let link = '';
    for (const l of found) {
      const i = text.indexOf(l, from);
      if (i >= 0 && (at < 0 || i < at)) [at, link] = [i, l];
    }
    if (at < 0) break;
    out += inlineText(text.slice(from, at)) + inlineLink(link, text.slice(at + link.length, at + link.length + 2));
    from = at + link.length;
  }
  return out + inlineText(text.slice(from));
}

/** Escapes a mark at the start of a footnote's text that would make it a heading, quote, list or rule. */
export function inertBlockStart(markdown: string): string {
  const listNumber = /^(\d{1,9})([.)])/.exec(markdown);
  if (listNumber) return `${listNumber[1]}\\${listNumber[2]}${markdown.slice(listNumber[0].length)}`;
  return /^[#>+=\-]/.test(markdown) ? `\\${markdown}` : markdown;
}
