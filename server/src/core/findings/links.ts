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
  return `Link "${linkText}" has no target: ${what}.`;
}
