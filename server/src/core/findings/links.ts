// Placeholder links: `[text](#)` or `[text]()`, whose target was never filled in.
import type { Draft, DraftLink } from '../draft/draft';

export function isPlaceholderLink(link: DraftLink): boolean {
  const url = link.url.trim();
  return url === '' || url === '#';
}

export function placeholderLinks(draft: Draft): DraftLink[] {
  return draft.links.filter(isPlaceholderLink);
}

export function placeholderMessage(linkText: string, url = '#'): string {
  const what = url.trim() === '' ? "add the source's URL or DOI" : `replace "${url.trim()}" with the source's URL or DOI`;
  // On one line: a link's text may wrap.
  return `Link "${linkText.replace(/\s+/g, ' ').trim()}" has no target: ${what}.`;
}
