// The front matter that readers of web pages and Word files write: the metadata keys
// parseSource reads, from what the file says about itself.
import * as path from 'node:path';
import { stringify } from 'yaml';

export interface PageMeta {
  title?: string;
  authors: string[];
  /** The outlet, site or journal. */
  container?: string;
  /** "2019-12-10", "2019-12" or as the file gives it. */
  date?: string;
  doi?: string;
  url?: string;
  type?: string;
}

/** "---\nid: …\n---\n": the id is the file's name without its extension. */
export function frontMatter(file: string, meta: PageMeta): string {
  const year = /\b(1[5-9]\d\d|20\d\d)\b/.exec(meta.date ?? '')?.[1];
  const fields: Record<string, unknown> = {
    id: path.basename(file).replace(/\.[^.]+$/, ''),
    ...(meta.title && { title: meta.title }),
    ...(meta.authors.length && { authors: meta.authors }),
    ...(meta.container && { container: meta.container }),
    ...(meta.date && { date: meta.date }),
    ...(year && { year: Number(year) }),
    ...(meta.doi && { doi: meta.doi }),
    ...(meta.url && { url: meta.url }),
    ...(meta.type && { type: meta.type }),
  };
  return `---\n${stringify(fields, { lineWidth: 0 })}---\n`;
}

/** Words in the blocks that are not headings. */
export function wordCount(blocks: readonly string[]): number {
  return blocks.filter((b) => !b.startsWith('## ')).reduce((n, b) => n + b.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length, 0);
}
