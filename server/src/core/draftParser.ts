// Parses a draft piece by piece so that a keystroke re-parses one stretch of text, not the
// whole draft. The draft is cut at blank lines where Markdown cannot carry a block across
// (outside fences, HTML comments and front matter, before an unindented line); each piece
// is parsed on its own and remembered by its text. Footnote and link definitions elsewhere
// in the draft are added to each piece as stand-ins, so that references parse as they would
// in the whole draft. The result equals parseDraft on the whole text.
import { parseDraft, type Draft } from './draft';

export interface DraftParser {
  parse(text: string): Draft;
}

type Piece = Omit<Draft, 'text'>;

export function createDraftParser(cacheSize = 20000): DraftParser {
  const cache = new Map<string, Piece>();

  const parsePiece = (piece: string, defined: Definitions): Piece => {
    const standIns = standInsFor(piece, defined);
    const key = `${standIns}\u0000${piece}`;
    const cached = cache.get(key);
    if (cached) {
      cache.delete(key);
      cache.set(key, cached);
      return cached;
    }
    const parsed = withinPiece(parseDraft(piece + standIns), piece.length);
    cache.set(key, parsed);
    if (cache.size > cacheSize) cache.delete(cache.keys().next().value!);
    return parsed;
  };

  return Object.freeze({
    parse(text: string): Draft {
      const { cuts, markdownLines } = scan(text);
      const defined = definitions(markdownLines);
      const draft: Draft = { text, blocks: [], footnoteRefs: [], footnoteDefs: [], citations: [], links: [], directives: [] };
      for (const { start, end } of cuts) {
        const piece = parsePiece(text.slice(start, end), defined);
        draft.blocks.push(...piece.blocks.map((b) => ({ ...b, start: b.start + start, end: b.end + start })));
        draft.footnoteRefs.push(...piece.footnoteRefs.map((r) => ({ ...r, start: r.start + start, end: r.end + start })));
        draft.footnoteDefs.push(...piece.footnoteDefs.map((d) => ({ ...d, start: d.start + start, end: d.end + start, labelStart: d.labelStart + start, labelEnd: d.labelEnd + start })));
        draft.citations.push(...piece.citations.map((c) => ({ ...c, start: c.start + start, end: c.end + start, groupStart: c.groupStart + start, groupEnd: c.groupEnd + start })));
        draft.links.push(...piece.links.map((l) => ({ ...l, start: l.start + start, end: l.end + start, urlStart: l.urlStart + start, urlEnd: l.urlEnd + start })));
        draft.directives.push(...piece.directives.map((d) => ({ ...d, start: d.start + start, end: d.end + start })));
      }
      return draft;
    },
  });
}

/** Keeps what lies in the piece itself, dropping the stand-in definitions after it. */
function withinPiece(draft: Draft, length: number): Piece {
  const inside = <T extends { start: number }>(items: T[]): T[] => items.filter((i) => i.start < length);
  return {
    blocks: inside(draft.blocks),
    footnoteRefs: inside(draft.footnoteRefs),
    footnoteDefs: inside(draft.footnoteDefs),
    citations: inside(draft.citations),
    links: inside(draft.links),
    directives: inside(draft.directives),
  };
}

const footnoteDefinitionLine = /^ {0,3}(?:> ?)*\[\^([^\]\s]+)\]:/;
const linkDefinitionLine = /^ {0,3}(?:> ?)*\[((?:[^\]\\^\n]|\\.)(?:[^\]\\\n]|\\.)*)\]:[ \t]*\S/;

interface Definitions {
  footnotes: Set<string>;
  links: Set<string>;
}

/** The footnote and link labels the draft defines, wherever it defines them. */
function definitions(lines: readonly string[]): Definitions {
  const footnotes = new Set<string>();
  const links = new Set<string>();
  for (const line of lines) {
    const footnote = footnoteDefinitionLine.exec(line);
    if (footnote) footnotes.add(footnote[1]!);
    const link = footnote ? undefined : linkDefinitionLine.exec(line);
    if (link) links.add(normaliseLabel(link[1]!));
  }
  return { footnotes, links };
}

const footnoteCall = /\[\^([^\]\s]+)\]/g;
const bracketed = /\[((?:[^\]\\\n]|\\.)+)\]/g;

/**
 * Empty definitions, after the piece, for the labels the piece uses but defines elsewhere:
 * few per piece, so the piece parses as fast as alone and its cache entry lasts until one of
 * its own references changes.
 */
function standInsFor(piece: string, defined: Definitions): string {
  const lines: string[] = [];
  for (const label of new Set([...piece.matchAll(footnoteCall)].map((m) => m[1]!))) if (defined.footnotes.has(label)) lines.push(`[^${label}]: -`);
  if (defined.links.size) {
    for (const label of new Set([...piece.matchAll(bracketed)].map((m) => m[1]!))) {
      if (!label.startsWith('^') && defined.links.has(normaliseLabel(label))) lines.push(`[${label}]: #`);
    }
  }
  return lines.length ? `\n\n${lines.join('\n')}\n` : '';
}

/** Link labels match case-insensitively, with runs of spaces folded. */
function normaliseLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

const fence = /^ {0,3}(`{3,}|~{3,})/;

/** Where the draft can be cut: after blank lines, before an unindented line, outside fences, HTML comments and front matter. */
export function pieces(text: string): { start: number; end: number }[] {
  return scan(text).cuts;
}

/** The pieces, and the lines that are Markdown rather than code, comment or front matter (where definitions can stand). */
function scan(text: string): { cuts: { start: number; end: number }[]; markdownLines: string[] } {
  const starts = [0];
  const markdownLines: string[] = [];
  let at = 0;
  let openFence: string | undefined;
  let inComment = false;
  let inFrontMatter = /^---\r?\n/.test(text);
  let blankBefore = false;
  let first = true;
  while (at < text.length) {
    const newline = text.indexOf('\n', at);
    const lineEnd = newline < 0 ? text.length : newline + 1;
    const line = text.slice(at, lineEnd).replace(/\r?\n$/, '');
    if (inFrontMatter) {
      if (!first && /^(---|\.\.\.)\s*$/.test(line)) inFrontMatter = false;
    } else if (openFence) {
      const m = fence.exec(line);
      if (m && m[1]![0] === openFence[0] && m[1]!.length >= openFence.length && !line.slice(m[0].length).trim()) openFence = undefined;
    } else if (inComment) {
      if (line.includes('-->')) inComment = false;
    } else {
      if (blankBefore && /^\S/.test(line) && at > 0) starts.push(at);
      const m = fence.exec(line);
      if (m) openFence = m[1];
      else if (line.includes('<!--') && !line.slice(line.lastIndexOf('<!--')).includes('-->')) inComment = true;
      else markdownLines.push(line);
    }
    blankBefore = !line.trim() && !openFence && !inComment && !inFrontMatter;
    first = false;
    at = lineEnd;
  }
  return { cuts: starts.map((start, i) => ({ start, end: starts[i + 1] ?? text.length })), markdownLines };
}
