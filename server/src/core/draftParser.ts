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

  const remember = (key: string, piece: Piece): void => {
    cache.set(key, piece);
    if (cache.size > cacheSize) cache.delete(cache.keys().next().value!);
  };

  const parsePiece = (piece: string, standIns: string, key: string): Piece => {
    const cached = cache.get(key);
    if (cached) {
      cache.delete(key);
      cache.set(key, cached);
      return cached;
    }
    const parsed = within(parseDraft(piece + standIns), 0, piece.length);
    remember(key, parsed);
    return parsed;
  };

  return Object.freeze({
    parse(text: string): Draft {
      const { cuts, markdownLines } = scan(text);
      const defined = definitions(markdownLines);
      const parts = groups(text, cuts).map(({ start, end }) => {
        const piece = text.slice(start, end);
        const standIns = standInsFor(piece, defined);
        return { start, end, piece, standIns, key: `${standIns}\u0000${piece}` };
      });
      // A draft seen for the first time (or mostly changed) is parsed whole, which costs less
      // than its pieces one by one; its pieces are remembered for the edits that follow.
      const unknown = parts.reduce((sum, p) => sum + (cache.has(p.key) ? 0 : p.end - p.start), 0);
      if (parts.length > 1 && unknown > text.length / 2) {
        const whole = parseDraft(text);
        for (const p of parts) if (!cache.has(p.key)) remember(p.key, shifted(within(whole, p.start, p.end), -p.start));
        return whole;
      }
      const draft: Draft = { text, blocks: [], footnoteRefs: [], footnoteDefs: [], citations: [], links: [], directives: [] };
      for (const p of parts) {
        const piece = shifted(parsePiece(p.piece, p.standIns, p.key), p.start);
        draft.blocks.push(...piece.blocks);
        draft.footnoteRefs.push(...piece.footnoteRefs);
        draft.footnoteDefs.push(...piece.footnoteDefs);
        draft.citations.push(...piece.citations);
        draft.links.push(...piece.links);
        draft.directives.push(...piece.directives);
      }
      return draft;
    },
  });
}

/** What of a parse starts in [from, to). */
function within(draft: Piece, from: number, to: number): Piece {
  const inside = <T extends { start: number }>(items: T[]): T[] => items.filter((i) => i.start >= from && i.start < to);
  return {
    blocks: inside(draft.blocks),
    footnoteRefs: inside(draft.footnoteRefs),
    footnoteDefs: inside(draft.footnoteDefs),
    citations: inside(draft.citations),
    links: inside(draft.links),
    directives: inside(draft.directives),
  };
}

/** A piece with every offset moved by `by`. */
function shifted(piece: Piece, by: number): Piece {
  if (by === 0) return piece;
  return {
    blocks: piece.blocks.map((b) => ({ ...b, start: b.start + by, end: b.end + by })),
    footnoteRefs: piece.footnoteRefs.map((r) => ({ ...r, start: r.start + by, end: r.end + by })),
    footnoteDefs: piece.footnoteDefs.map((d) => ({ ...d, start: d.start + by, end: d.end + by, labelStart: d.labelStart + by, labelEnd: d.labelEnd + by })),
    citations: piece.citations.map((c) => ({ ...c, start: c.start + by, end: c.end + by, groupStart: c.groupStart + by, groupEnd: c.groupEnd + by })),
    links: piece.links.map((l) => ({ ...l, start: l.start + by, end: l.end + by, urlStart: l.urlStart + by, urlEnd: l.urlEnd + by })),
    directives: piece.directives.map((d) => ({ ...d, start: d.start + by, end: d.end + by })),
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
  // A blank line after each: a definition cannot interrupt the paragraph of the one before.
  return lines.length ? `\n\n${lines.join('\n\n')}\n` : '';
}

/** Link labels match case-insensitively, with runs of spaces folded. */
function normaliseLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Each parse has a fixed cost (about a third of a millisecond, for building the parser), so
 * the cuts are gathered into groups of a few blocks. Where a group ends depends only on the
 * text there, never on what comes before: about one cut in `groupEvery`, chosen by a hash of
 * the line after it, and every heading. An edit then changes the group it falls in and
 * leaves the others as they were, cached. A group also ends at the first cut past
 * `groupChars`, so that one is never long.
 */
const groupEvery = 8;
const groupChars = 16384;

export function groups(text: string, cuts: readonly { start: number; end: number }[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = cuts[0]?.start ?? 0;
  for (let i = 1; i < cuts.length; i++) {
    const at = cuts[i]!.start;
    if (text[at] === '#' || lineHash(text, at) % groupEvery === 0 || at - start >= groupChars) {
      out.push({ start, end: at });
      start = at;
    }
  }
  if (cuts.length) out.push({ start, end: cuts.at(-1)!.end });
  return out;
}

/** FNV-1a of the line starting at `at` (its first 80 characters), its bits mixed so that the low ones vary too. */
function lineHash(text: string, at: number): number {
  let hash = 0x811c9dc5;
  for (let i = at; i < text.length && i < at + 80 && text[i] !== '\n'; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
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
