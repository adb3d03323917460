// Which links a source's metadata may put in front of the writer: only plain http(s) URLs
// and well-formed DOIs. Anything else (a `command:` URL, a DOI carrying Markdown) is dropped
// rather than written into a draft or offered as a link.
import type { SourceMeta } from '../types';

/** A DOI as registries issue them: "10." and a registrant code, "/", then no spaces, brackets or quotes. */
const doiPattern = /^10\.\d{4,9}\/[-._;/:a-z0-9]+$/i;

export function validDoi(doi: string | undefined): string | undefined {
  const trimmed = doi?.trim().replace(/^(?:doi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)/i, '');
  return trimmed && doiPattern.test(trimmed) ? trimmed : undefined;
}

/** The URL if it is an absolute http(s) URL with nothing that could end or escape a link (spaces, `<`, `>`, quotes, backslashes). */
export function httpUrl(url: string | undefined): string | undefined {
  const trimmed = url?.trim();
  if (!trimmed || !/^https?:\/\/[^\s<>"\\`{}|^\u0000-\u001f\u007f]+$/i.test(trimmed)) return undefined;
  try {
    const parsed = new URL(trimmed);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    // A doi.org link stands for its DOI: one that is not a real DOI is not a real link.
    if (/^(?:dx\.)?doi\.org$/i.test(parsed.hostname) && !validDoi(decodeURIComponent(parsed.pathname.slice(1)))) return undefined;
  } catch {
    return undefined;
  }
  return trimmed;
}

/** The link a source is cited by: its DOI at doi.org when it has a real one, else its http(s) URL. */
export function sourceLink(meta: Pick<SourceMeta, 'doi' | 'url'>): string | undefined {
  const doi = validDoi(meta.doi);
  return doi ? `https://doi.org/${doi}` : httpUrl(meta.url);
}

/** The metadata without a DOI or URL that fails the checks above, for whoever loads sources. */
export function withCheckedLinks(meta: SourceMeta): SourceMeta {
  const { doi, url, ...rest } = meta;
  const checkedDoi = validDoi(doi);
  const checkedUrl = httpUrl(url);
  return { ...rest, ...(checkedDoi ? { doi: checkedDoi } : {}), ...(checkedUrl ? { url: checkedUrl } : {}) };
}
