// Placeholder links: `[text](#)` or `[text]()`, whose target was never filled in.
import type { Draft, DraftLink } from './draft';

export function isPlaceholderLink(link: DraftLink): boolean {
  const url = link.url.trim();
  return url === '' || url === '#';
}

export function placeholderLinks(draft: Draft): DraftLink[] {
  return draft.links.filter(isPlaceholderLink);
}

export function placeholderMessage(linkText: string): string {
  return `Link "${linkText}" has no target: replace "#" with the source's URL or DOI.`;
}
