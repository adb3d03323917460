// Parses a draft piece by piece so that a keystroke re-parses one stretch of text, not the
// whole draft. The draft is cut at blank lines where Markdown cannot carry a block across
// (outside fences, HTML comments and front matter, before an unindented line); each piece
// is parsed on its own and remembered by its text. Footnote and link definitions elsewhere
// in the draft are added to each piece as stand-ins, so that references parse as they would
// in the whole draft. The result equals parseDraft on the whole text.
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import { ByteLru, detached } from '../byteLru';
import { frontMatterEnd, parseDraft, type Draft } from './draft';
import { footnoteLabel } from './footnoteIndex';
import { withoutDeepNesting } from './nesting';

export interface DraftParser {
  parse(text: string): Draft;
  /** What the remembered pieces weigh, in bytes (UTF-16, as a JavaScript string holds them). */
  readonly cachedBytes: number;
}

type Piece = Omit<Draft, 'text'>;

/** A stretch of the draft, the stand-in definitions it is parsed with, and its cache key. */
interface Part {
  start: number;
  end: number;
  piece: string;
  standIns: StandIns;
  key: string;
}

/** By default the pieces of a few dozen long drafts. */
const defaultCacheBytes = 32 * 1024 * 1024;

export function createDraftParser(cacheBytes = defaultCacheBytes): DraftParser {
  const cache = new ByteLru<string, { piece: Piece; bytes: number }>(cacheBytes, (_, entry) => entry.bytes);

  // A cached piece is a copy, so that it keeps no slice of the draft it came from alive: V8's
  // substrings point into the whole text, and every version the writer typed would stay in memory.
  const remember = (key: string, piece: Piece): void => {
    const json = JSON.stringify(piece);
    cache.set(detached(key), { piece: JSON.parse(json) as Piece, bytes: 2 * (key.length + json.length) });
  };

  const parsePiece = ({ piece, standIns, key }: Part): Piece => {
    const cached = cache.get(key)?.piece;
    if (cached) return cached;
    const from = standIns.before.length;
    const parsed = shifted(within(parseDraft(standIns.before + piece + standIns.after), from, from + piece.length), -from);
    remember(key, parsed);
    return parsed;
  };

  return Object.freeze({
    parse(text: string): Draft {
      const { cuts, markdownLines } = scan(text);
      const defined = definitions(markdownLines);
      const parts = groups(text, cuts).map(({ start, end }, _, all): Part => {
        const piece = text.slice(start, end);
        // A draft of one piece defines every label it uses itself.
        const standIns = all.length > 1 ? standInsFor(piece, defined, start === 0) : { before: '', after: '' };
        return { start, end, piece, standIns, key: `${standIns.before}\u0000${piece}\u0000${standIns.after}` };
      });
      // A draft seen for the first time (or mostly changed) is parsed whole, which costs less
      // than its pieces one by one; its pieces are remembered for the edits that follow.
      const unknown = parts.reduce((sum, p) => sum + (cache.has(p.key) ? 0 : p.end - p.start), 0);
      if (parts.length > 1 && unknown > text.length / 2) {
        const whole = parseDraft(text);
        // Stand-ins guessed from the wrong definitions would make a remembered piece wrong in the next draft.
        if (agrees(defined, whole)) for (const p of parts) if (!cache.has(p.key)) remember(p.key, shifted(within(whole, p.start, p.end), -p.start));
        return whole;
      }
      const draft: Draft = { text, blocks: [], footnoteRefs: [], footnoteDefs: [], citations: [], links: [], directives: [], linkDefinitions: [], tooDeep: [] };
      for (const p of parts) {
        const piece = shifted(parsePiece(p), p.start);
        // One at a time: a spread of a table's 100,000 cells would overflow the call stack.
        for (const field of pieceFields) for (const item of piece[field]) (draft[field] as unknown[]).push(item);
      }
      // The definitions were guessed line by line; where Markdown read others, the stand-ins were wrong.
      return agrees(defined, draft) ? draft : parseDraft(text);
    },
    get cachedBytes() {
      return cache.bytes;
    },
  });
}

const pieceFields = ['blocks', 'footnoteRefs', 'footnoteDefs', 'citations', 'links', 'directives', 'linkDefinitions', 'tooDeep'] as const satisfies readonly (keyof Piece)[];

/** Whether the definitions guessed from the lines are those the parse found. */
function agrees(defined: Definitions, parsed: Piece): boolean {
  const same = (a: Set<string>, b: Set<string>): boolean => a.size === b.size && [...a].every((x) => b.has(x));
  return same(defined.footnotes, new Set(parsed.footnoteDefs.map((d) => normalizeIdentifier(d.label)))) && same(defined.links, new Set(parsed.linkDefinitions.map((d) => d.label)));
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
    linkDefinitions: inside(draft.linkDefinitions),
    tooDeep: inside(draft.tooDeep),
  };
}

/** A piece with every offset moved by `by`. */
function shifted(piece: Piece, by: number): Piece {
  if (by === 0) return piece;
  return {
    blocks: piece.blocks.map((b) => ({ ...b, start: b.start + by, end: b.end + by, ...(b.table && { table: { ...b.table, tableStart: b.table.tableStart + by, rowStart: b.table.rowStart + by, rowEnd: b.table.rowEnd + by } }) })),
    footnoteRefs: piece.footnoteRefs.map((r) => ({ ...r, start: r.start + by, end: r.end + by })),
    footnoteDefs: piece.footnoteDefs.map((d) => ({ ...d, start: d.start + by, end: d.end + by, labelStart: d.labelStart + by, labelEnd: d.labelEnd + by })),
    citations: piece.citations.map((c) => ({ ...c, start: c.start + by, end: c.end + by, groupStart: c.groupStart + by, groupEnd: c.groupEnd + by })),
    links: piece.links.map((l) => ({ ...l, start: l.start + by, end: l.end + by, urlStart: l.urlStart + by, urlEnd: l.urlEnd + by })),
    directives: piece.directives.map((d) => ({ ...d, start: d.start + by, end: d.end + by })),
    linkDefinitions: piece.linkDefinitions.map((d) => ({ ...d, start: d.start + by })),
    tooDeep: piece.tooDeep.map((d) => ({ start: d.start + by, end: d.end + by })),
  };
}

const footnoteDefinitionLine = new RegExp(String.raw`^ {0,3}(?:> ?)*\[\^(${footnoteLabel})\]:`);
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
    if (footnote) footnotes.add(normalizeIdentifier(footnote[1]!));
    const link = footnote ? undefined : linkDefinitionLine.exec(line);
    if (link) links.add(normalizeIdentifier(link[1]!));
  }
  return { footnotes, links };
}

const footnoteCall = new RegExp(String.raw`\[\^(${footnoteLabel})\]`, 'g');
const bracketed = /\[((?:[^[\]\\]|\\.)+)\]/g;

interface StandIns {
  before: string;
  after: string;
}

/**
 * Empty definitions for the labels the piece uses but defines elsewhere: few per piece, so
 * the piece parses as fast as alone and its cache entry lasts until one of its own
 * references changes. They go before the piece, since a fence or HTML block that nothing
 * closes runs on to the end of the text and would take in any line after it; the first
 * piece, where front matter and a byte order mark can only stand at the very start, has
 * them after it, which is safe because a draft of several pieces ends its first piece at a
 * cut, where nothing is left open.
 */
function standInsFor(piece: string, defined: Definitions, first: boolean): StandIns {
  const lines: string[] = [];
  for (const label of new Set([...piece.matchAll(footnoteCall)].map((m) => m[1]!))) if (defined.footnotes.has(normalizeIdentifier(label))) lines.push(`[^${label}]: -`);
  if (defined.links.size) {
    for (const label of new Set([...piece.matchAll(bracketed)].map((m) => m[1]!))) {
      if (!label.startsWith('^') && defined.links.has(normalizeIdentifier(label))) lines.push(`[${label}]: #`);
    }
  }
  if (!lines.length) return { before: '', after: '' };
  // A blank line between each: a definition cannot interrupt the paragraph of the one before.
  const standIns = lines.join('\n\n');
  return first ? { before: '', after: `\n\n${standIns}\n` } : { before: `${standIns}\n\n`, after: '' };
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

// `[^]`, not `.`: a fence's info string may hold a U+2028 or U+2029, which `.` does not match but
// Markdown, whose only line endings are CR and LF, reads as any other character.
const fence = /^( {0,3})(`{3,}|~{3,})([^]*)$/;
const listItem = /^ {0,3}(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/;
const indentedCode = /^(?: {4}| {0,3}\t)/;
/** A list item that may interrupt a paragraph: a bullet or `1.` with text on its line. */
const interruptingItem = /^ {0,3}(?:[-+*]|1[.)])[ \t]+\S/;
const lineBreak = /\r\n|\r|\n/g;

/**
 * The HTML blocks that a blank line does not end (CommonMark's kinds 1 to 5): how each
 * starts, at the start of a line, and what ends it, on the same line or a later one.
 */
const rawHtml: { start: RegExp; end: RegExp; from: number }[] = [
  { start: /^ {0,3}<(?:pre|script|style|textarea)(?=[ \t>]|$)/i, end: /<\/(?:pre|script|style|textarea)>/i, from: 0 },
  // `<!-->` and `<!--->` end where they start.
  { start: /^ {0,3}<!--/, end: /-->/, from: -2 },
  { start: /^ {0,3}<\?/, end: /\?>/, from: 0 },
  { start: /^ {0,3}<!\[CDATA\[/, end: /\]\]>/, from: 0 },
  { start: /^ {0,3}<![A-Za-z]/, end: />/, from: -1 },
];

/** Where the draft can be cut: after blank lines, before an unindented line, outside fences, HTML blocks and front matter. */
export function pieces(text: string): { start: number; end: number }[] {
  return scan(text).cuts;
}

/**
 * The pieces, and the lines that are Markdown rather than code, HTML or front matter (where
 * definitions can stand). A cut is made only where every block that could go on past a blank
 * line has ended, so that the text after it parses alone as it does in the whole draft. Where
 * the scan cannot tell (a fence or HTML block indented under what may be a list item, or one
 * inside an HTML block that may have started), it makes no further cut: one long piece costs
 * time, a wrong cut a wrong result. It reads the text as the parser does, with the part of a
 * line nested too deep blanked: a fence or a comment's end there is not one.
 */
function scan(draft: string): { cuts: { start: number; end: number }[]; markdownLines: string[] } {
  const text = withoutDeepNesting(draft).readable;
  const starts = [0];
  const markdownLines: string[] = [];
  let openFence: { marker: string } | undefined;
  let openHtml: RegExp | undefined;
  let inLooseHtml = false;
  let mayBeInList = false;
  let cutting = true;
  let blankBefore = false;
  let afterIndentedCode = false;
  const frontMatter = frontMatterEnd(text) ?? 0;
  let at = frontMatter;
  lineBreak.lastIndex = at;
  while (at < text.length) {
    const m = lineBreak.exec(text);
    const lineEnd = m ? m.index : text.length;
    const next = m ? m.index + m[0].length : text.length;
    const line = text.slice(at, lineEnd);
    const blank = /^[ \t]*$/.test(line);
    if (openFence) {
      const f = fence.exec(line);
      if (f && f[2]![0] === openFence.marker[0] && f[2]!.length >= openFence.marker.length && /^[ \t]*$/.test(f[3]!)) openFence = undefined;
    } else if (openHtml) {
      if (openHtml.test(line)) openHtml = undefined;
    } else {
      // A piece must not start with what only the draft's first line can be (front matter, a byte order mark).
      // After indented code and a blank line, Markdown reads a line as interrupting the code,
      // where a list that starts at another number than 1, or with an empty item, is text.
      const readsAlone = !afterIndentedCode || !listItem.test(line) || interruptingItem.test(line);
      if (blankBefore && cutting && readsAlone && /^\S/.test(line) && !/^(?:---|\+\+\+)[ \t]*$|^\uFEFF/.test(line)) {
        starts.push(at);
        mayBeInList = false;
      }
      const f = fence.exec(line);
      const opensFence = f && !(f[2]![0] === '`' && f[3]!.includes('`'));
      const html = rawHtml.find((h) => h.start.test(line));
      const indented = /^ /.test(line);
      if ((opensFence || html) && (inLooseHtml || (indented && mayBeInList))) cutting = false;
      // A fence or HTML block that opens a footnote's text on its definition's line ("[^A]:<style>")
      // ends with the footnote, which the scan does not follow: no cut after it.
      const afterLabel = footnoteDefinitionLine.exec(line);
      if (afterLabel) {
        const content = line.slice(afterLabel[0].length).replace(/^[ \t]*/, '');
        if (fence.test(content) || rawHtml.some((h) => h.start.test(content))) cutting = false;
      }
      if (opensFence) openFence = { marker: f[2]! };
      else if (html) {
        const opener = html.start.exec(line)!;
        if (!html.end.test(line.slice(opener[0].length + html.from))) openHtml = html.end;
      } else {
        if (/^ {0,3}</.test(line)) inLooseHtml = true;
        if (listItem.test(line)) mayBeInList = true;
        markdownLines.push(line);
      }
    }
    if (blank) inLooseHtml = false;
    else afterIndentedCode = !openFence && !openHtml && indentedCode.test(line);
    blankBefore = blank && !openFence && !openHtml;
    at = next;
  }
  return { cuts: starts.map((start, i) => ({ start, end: starts[i + 1] ?? text.length })), markdownLines };
}
