// Turns an article already in Markdown into corpus blocks: the masthead before the first
// heading of the body is dropped, links whose targets were lost ("(#)") become plain text,
// and the reference list is kept as a list under its heading.
import type { Block, Conversion } from './blocks';

export interface MarkdownArticleOptions {
  /** The first heading of the body ("Abstract"); what comes before it is masthead. */
  bodyStartsAt: RegExp;
}

export function convertMarkdownArticle(raw: string, options: MarkdownArticleOptions): Conversion {
  const problems: string[] = [];
  const blocks: Block[] = [];
  const lines = raw.replace(/\r\n?/g, '\n').split('\n');
  const start = lines.findIndex((l) => /^#{1,6}\s/.test(l) && options.bodyStartsAt.test(l.replace(/^#+\s*/, '')));
  if (start < 0) problems.push('the heading where the body starts was not found; the whole file was converted');
  let placeholders = 0;
  let paragraph: string[] = [];
  const flush = (): void => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
    paragraph = [];
  };
  const clean = (text: string): string =>
    text
      .replace(/\[([^\]]+)\]\((#?|mailto:[^)]*)\)/g, (_, words: string, target: string) => {
        if (target === '#' || target === '') placeholders++;
        return words;
      })
      .replace(/\s+$/, '')
      .replace(/\s+/g, ' ');

  for (const line of lines.slice(Math.max(start, 0))) {
    const trimmed = line.trim();
    const heading = /^#{1,6}\s+(.+?)\s*#*$/.exec(trimmed);
    const item = /^[-*+]\s+(.*)$/.exec(trimmed);
    if (!trimmed) flush();
    else if (/^\*\*Keywords:\*\*/.test(trimmed)) flush();
    else if (heading) {
      flush();
      blocks.push({ kind: 'heading', text: clean(heading[1]!) });
    } else if (item) {
      flush();
      blocks.push({ kind: 'list-item', text: clean(item[1]!) });
    } else paragraph.push(clean(trimmed));
  }
  flush();
  if (placeholders) problems.push(`${placeholders} links pointed to "#" (their targets were lost); their words are kept as plain text`);
  return { blocks, keywords: keywordsOf(lines), problems, stats: { placeholders } };
}

function keywordsOf(lines: string[]): string[] {
  const line = lines.find((l) => /^\*\*Keywords:\*\*/.test(l.trim()));
  return line ? line.replace(/^\s*\*\*Keywords:\*\*\s*/, '').split(/;\s*/).map((k) => k.trim()).filter(Boolean) : [];
}
