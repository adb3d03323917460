// The converted form of a source before it is written out: headings, paragraphs, page
// locators and footnote definitions, rendered as the corpus's Markdown with front matter.
import { stringify } from 'yaml';

export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list-item'; text: string }
  | { kind: 'page'; page: string }
  | { kind: 'footnote'; label: string; text: string };

export interface Conversion {
  blocks: Block[];
  keywords: string[];
  /** What the conversion could not do cleanly, for the import log and `attest sources`. */
  problems: string[];
  stats: Record<string, number>;
}

export function renderSource(meta: Record<string, unknown>, blocks: readonly Block[]): string {
  const out: string[] = ['---', stringify(meta, { lineWidth: 0 }).trimEnd(), '---', ''];
  blocks.forEach((block, i) => {
    const previous = blocks[i - 1];
    // List items stay together; everything else is its own block.
    if (previous && !(block.kind === 'list-item' && previous.kind === 'list-item') && !(block.kind === 'footnote' && previous.kind === 'footnote')) out.push('');
    if (block.kind === 'heading') out.push(`## ${block.text}`);
    else if (block.kind === 'paragraph') out.push(block.text);
    else if (block.kind === 'list-item') out.push(`- ${block.text}`);
    else if (block.kind === 'page') out.push(`<!-- page ${block.page} -->`);
    else out.push(`[^${block.label}]: ${block.text}`);
  });
  return out.join('\n') + '\n';
}

const small = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'with']);

/** "RUSSIA’S TRANS-REGIONAL INTEGRATION STRATEGY" → "Russia’s Trans-Regional Integration Strategy". */
export function titleCase(heading: string): string {
  if (/\p{Ll}/u.test(heading)) return heading;
  return heading
    .toLowerCase()
    .split(' ')
    .map((word, i) => (i > 0 && small.has(word) ? word : word.replace(/(^|-)(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase())))
    .join(' ');
}
