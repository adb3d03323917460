// How deep a draft's block quotes and lists may nest before Attest stops reading a line: past
// that depth Markdown parsing time grows with the square of the depth.
import { footnoteLabel } from './footnoteIndex';

/** The part of a line Attest did not read, because its block quotes and lists nest too deep. */
export interface TooDeep {
  start: number;
  end: number;
}

/**
 * Block quotes and list items nested deeper than this on one line are not read: remark's
 * time grows with the square of the depth (a line of 50,000 `>` takes 16 s), and nothing a
 * writer means nests this deep.
 */
export const maxNesting = 100;

const lineBreak = /\r\n|\r|\n/g;
const containerMark = new RegExp(String.raw`[ \t]*(?:>|[-+*](?=[ \t\r\n]|$)|\d{1,9}[.)](?=[ \t\r\n]|$)|\[\^${footnoteLabel}\]:)`, 'y');

/**
 * The text with the part of each line past `maxNesting` block quotes and list items (each
 * two columns of indentation before a mark counting as one) blanked, and where that was.
 * Blanking keeps every offset, and depends on the line alone, as the piecewise parser needs.
 */
export function withoutDeepNesting(text: string): { readable: string; tooDeep: TooDeep[] } {
  const tooDeep: TooDeep[] = [];
  // Cheap test first: no line can be too deep unless the draft has that many marks in all.
  if (text.length < maxNesting) return { readable: text, tooDeep };
  let readable = '';
  let copied = 0;
  let lineStart = 0;
  const lineEnds = [...text.matchAll(lineBreak)].map((m) => [m.index, m.index + m[0].length] as const);
  lineEnds.push([text.length, text.length]);
  for (const [end, next] of lineEnds) {
    let depth = 0;
    let columns = 0;
    containerMark.lastIndex = lineStart;
    for (let m = containerMark.exec(text); m && containerMark.lastIndex <= end; m = containerMark.exec(text)) {
      const mark = m[0].trimStart();
      const space = m[0].slice(0, m[0].length - mark.length);
      columns += space.replace(/\t/g, '    ').length;
      depth = Math.max(depth + 1, Math.floor(columns / 2) + 1);
      if (depth > maxNesting) {
        const from = containerMark.lastIndex - mark.length;
        readable += text.slice(copied, from) + ' '.repeat(end - from);
        copied = end;
        tooDeep.push({ start: from, end });
        break;
      }
    }
    lineStart = next;
  }
  if (!tooDeep.length) return { readable: text, tooDeep };
  return { readable: readable + text.slice(copied), tooDeep };
}
