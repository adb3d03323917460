// Parses a Markdown draft once and exposes what every check needs: prose blocks
// whose offsets are the draft's own, footnote references and definitions, pandoc
// citations, links and ignore comments.
import { maxNesting, withoutDeepNesting, type TooDeep } from './nesting';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import { remarkGfmWithoutAutolinks } from './gfm';
import type { Root, Nodes, Parents, Link, FootnoteDefinition, FootnoteReference, Html, Table } from 'mdast';

/**
 * A paragraph, heading, list item or table cell of prose. `prose` has the same length
 * as the block's slice of the draft: everything that is not prose (link targets,
 * footnote labels, code, HTML, emphasis marks) is blanked with spaces, so an offset
 * into `prose` plus `start` is an offset into the draft.
 */
export interface ProseBlock {
  start: number;
  end: number;
  prose: string;
  /** Heading depth when the block is a heading. */
  heading?: number;
  /** True inside a footnote definition. */
  inFootnote: boolean;
  /** A stable key for re-use between versions: the block's raw text. */
  key: string;
  /** For a table cell: where it sits in its table, which says what its figures are of. */
  table?: TableCell;
}

export interface TableCell {
  /** A cell of the header row: a label, not a claim. */
  header: boolean;
  /** Which cell of its row it is (a row's cells are blocks in order; an empty cell is none). */
  index: number;
  /** Where its table starts, and its whole row: a footnote in any of a row's cells backs each of them. */
  tableStart: number;
  rowStart: number;
  rowEnd: number;
}

export interface FootnoteRef {
  label: string;
  start: number;
  end: number;
}

export interface FootnoteDef {
  label: string;
  start: number;
  end: number;
  /** Offsets of the label inside `[^label]:`. */
  labelStart: number;
  labelEnd: number;
  /** The definition's text, Markdown stripped to prose. */
  text: string;
}

export interface Citation {
  key: string;
  /** Offsets of the key (without `@`). */
  start: number;
  end: number;
  /** Offsets of the whole bracketed citation. */
  groupStart: number;
  groupEnd: number;
}

export interface DraftLink {
  text: string;
  url: string;
  start: number;
  end: number;
  /** Offsets of the URL inside `(...)`; equal when the URL is empty. */
  urlStart: number;
  urlEnd: number;
}

export interface IgnoreDirective {
  kind: 'ignore-next-line' | 'disable' | 'enable';
  codes: string[];
  start: number;
  end: number;
}

/** A link reference definition, `[label]: url`: its label as Markdown compares labels. */
export interface LinkDefinition {
  label: string;
  start: number;
}


export interface Draft {
  text: string;
  blocks: ProseBlock[];
  footnoteRefs: FootnoteRef[];
  footnoteDefs: FootnoteDef[];
  citations: Citation[];
  links: DraftLink[];
  directives: IgnoreDirective[];
  linkDefinitions: LinkDefinition[];
  tooDeep: TooDeep[];
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfmWithoutAutolinks);
// A first line `---` or `+++` that nothing closes is text: with front matter enabled, remark
// would then drop every footnote definition in the draft.
const withoutFrontMatter = unified().use(remarkParse).use(remarkGfmWithoutAutolinks);


/** Pandoc citation groups: `[@key]`, `[see @key, p. 12; @other]`. */
const citationGroup = /\[([^\[\]]*?@[^\[\]]*)\]/g;
const citationKey = /(^|[\s;,\[(-])@([A-Za-z0-9_][\w:.#$%&+?<>~/-]*[\w])/g;
const directivePattern = /^<!--\s*attest-(ignore-next-line|disable|enable)\b([^>]*?)-->/;

export function parseDraft(text: string): Draft {
  const { readable, tooDeep } = withoutDeepNesting(text);
  const tree = (frontMatterEnd(readable) === undefined ? withoutFrontMatter : processor).parse(readable) as Root;
  if (readable.startsWith('\uFEFF')) afterByteOrderMark(tree);
  const blocks: ProseBlock[] = [];
  const footnoteRefs: FootnoteRef[] = [];
  const footnoteDefs: FootnoteDef[] = [];
  const links: DraftLink[] = [];
  const directives: IgnoreDirective[] = [];
  const linkDefinitions: LinkDefinition[] = [];

  walk(tree, (node, parent) => {
    switch (node.type) {
      case 'table':
        tableBlocks(text, node, parent?.type === 'footnoteDefinition', blocks);
        collectInline(text, node, footnoteRefs, links);
        return false;
      case 'paragraph':
      case 'heading': {
        const inFootnote = parent?.type === 'footnoteDefinition';
        const block = proseBlock(text, node, inFootnote);
        if (block) blocks.push(block);
        collectInline(text, node, footnoteRefs, links);
        return false;
      }
      case 'footnoteDefinition':
        footnoteDefs.push(footnoteDefinition(text, node));
        return undefined;
      case 'html':
        directive(node, directives);
        return false;
      case 'definition': {
        const r = offsets(node);
        if (r) linkDefinitions.push({ label: normalizeIdentifier(node.label ?? node.identifier), start: r[0] });
        return false;
      }
      case 'code':
      case 'yaml':
        return false;
      default:
        return undefined;
    }
  });

  // Footnote definitions are visited before their paragraphs; the inner visit finds blocks in
  // them. Both come in document order, so one pass over the two lists finds which blocks are
  // in one: a block is if a definition that starts before it ends after it.
  let def = 0;
  let furthestEnd = -1;
  for (const block of blocks) {
    while (def < footnoteDefs.length && footnoteDefs[def]!.start <= block.start) furthestEnd = Math.max(furthestEnd, footnoteDefs[def++]!.end);
    block.inFootnote ||= furthestEnd >= block.end;
  }

  return {
    text,
    blocks,
    footnoteRefs,
    footnoteDefs,
    citations: findCitations(blocks),
    links,
    directives,
    linkDefinitions,
    tooDeep,
  };
}

/**
 * Where front matter (a first line `---` or `+++`, up to the same fence on a line of its
 * own) ends, as remark-frontmatter reads it; undefined when the draft has none.
 */
export function frontMatterEnd(text: string): number | undefined {
  const open = /^(---|\+\+\+)[ \t]*(?:\r\n|\r|\n)/.exec(text);
  if (!open) return undefined;
  const close = new RegExp(`(?:^|\\r\\n|\\r|\\n)${open[1] === '---' ? '---' : '\\+\\+\\+'}[ \\t]*(?:\\r\\n|\\r|\\n|$)`, 'g');
  close.lastIndex = open[0].length - 1;
  const m = close.exec(text);
  return m ? m.index + m[0].length : undefined;
}

/** Visits a tree in document order without recursion, so that any depth of nesting is safe; `enter` returns false to skip a node's children. */
function walk(root: Nodes, enter: (node: Nodes, parent: Parents | undefined) => boolean | void): void {
  const stack: [Nodes, Parents | undefined][] = [[root, undefined]];
  while (stack.length) {
    const [node, parent] = stack.pop()!;
    if (enter(node, parent) === false || !('children' in node)) continue;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push([node.children[i]!, node]);
  }
}

/**
 * The Markdown parser skips a byte order mark at the start and counts offsets from the
 * character after it; the draft's offsets count it. New position objects, in case the
 * parser shares one between nodes.
 */
function afterByteOrderMark(tree: Root): void {
  type Point = NonNullable<Nodes['position']>['start'];
  const moved = (p: Point): Point => ({ ...p, offset: p.offset === undefined ? undefined : p.offset + 1 });
  walk(tree, (node) => {
    if (node.position) node.position = { start: moved(node.position.start), end: moved(node.position.end) };
  });
}

function offsets(node: Nodes): [number, number] | undefined {
  const s = node.position?.start.offset;
  const e = node.position?.end.offset;
  return s === undefined || e === undefined ? undefined : [s, e];
}

function proseBlock(text: string, node: Nodes, inFootnote: boolean): ProseBlock | undefined {
  const range = offsets(node);
  if (!range) return undefined;
  const [start, end] = range;
  const chars = new Array<string>(end - start).fill(' ');
  walk(node, (child) => {
    if (child.type === 'inlineCode' || child.type === 'html' || child.type === 'footnoteReference') return false;
    if (child.type === 'text') {
      const r = offsets(child);
      if (r) for (let i = r[0]; i < r[1]; i++) chars[i - start] = text[i]!;
    }
    return undefined;
  });
  // Keep line breaks so that a line offset is still a line offset.
  for (let i = start; i < end; i++) if (text[i] === '\n') chars[i - start] = '\n';
  const prose = chars.join('');
  if (!/\S/.test(prose)) return undefined;
  return {
    start,
    end,
    prose,
    heading: node.type === 'heading' ? node.depth : undefined,
    inFootnote,
    key: text.slice(start, end),
  };
}

/** A table's cells as blocks, each told where it sits: the checker reads it with its row and header. */
function tableBlocks(text: string, table: Table, inFootnote: boolean, blocks: ProseBlock[]): void {
  const tableStart = offsets(table)?.[0] ?? 0;
  table.children.forEach((row, r) => {
    const range = offsets(row);
    if (!range) return;
    row.children.forEach((cell, index) => {
      const block = proseBlock(text, cell, inFootnote);
      if (!block) return;
      block.table = { header: r === 0, index, tableStart, rowStart: range[0], rowEnd: range[1] };
      blocks.push(block);
    });
  });
}

function collectInline(text: string, node: Nodes, refs: FootnoteRef[], links: DraftLink[]): void {
  walk(node, (child) => {
    if (child.type === 'footnoteReference') {
      const r = offsets(child);
      if (r) refs.push({ label: (child as FootnoteReference).label ?? child.identifier, start: r[0], end: r[1] });
    } else if (child.type === 'link') {
      const link = draftLink(text, child as Link);
      if (link) links.push(link);
    }
  });
}

function draftLink(text: string, node: Link): DraftLink | undefined {
  const r = offsets(node);
  if (!r) return undefined;
  const raw = text.slice(r[0], r[1]);
  const linkText = node.children.map((c) => ('value' in c ? c.value : '')).join('');
  // Only inline links `[text](url)` have a URL we can point at; autolinks and references do not.
  let urlStart = r[1];
  let urlEnd = r[1];
  if (raw.endsWith(')')) {
    const open = raw.lastIndexOf('](');
    if (open >= 0) {
      let inner = raw.slice(open + 2, -1);
      const lead = inner.length - inner.trimStart().length;
      inner = inner.trim();
      // A title ("…") may follow the URL.
      const url = inner.split(/\s+/)[0] ?? '';
      urlStart = r[0] + open + 2 + lead;
      urlEnd = urlStart + url.length;
    }
  }
  return { text: linkText, url: node.url, start: r[0], end: r[1], urlStart, urlEnd };
}

function footnoteDefinition(text: string, node: FootnoteDefinition): FootnoteDef {
  const [start, end] = offsets(node) ?? [0, 0];
  const label = node.label ?? node.identifier;
  const labelStart = text.indexOf('[^', start) + 2;
  const parts: string[] = [];
  walk(node, (child) => {
    if (child.type === 'text' || child.type === 'inlineCode') parts.push(child.value);
    else if (child.type === 'link' && child.url && !child.children.length) parts.push(child.url);
  });
  return {
    label,
    start,
    end,
    labelStart,
    labelEnd: labelStart + label.length,
    text: parts.join('').replace(/\s+/g, ' ').trim(),
  };
}

function directive(node: Html, out: IgnoreDirective[]): void {
  const m = directivePattern.exec(node.value.trim());
  const r = offsets(node);
  if (!m || !r) return;
  const codes = (m[2] ?? '').trim().split(/[\s,]+/).filter(Boolean);
  out.push({ kind: m[1] as IgnoreDirective['kind'], codes, start: r[0], end: r[1] });
}

function findCitations(blocks: ProseBlock[]): Citation[] {
  const out: Citation[] = [];
  for (const block of blocks) {
    for (const group of block.prose.matchAll(citationGroup)) {
      const groupStart = block.start + group.index;
      const inner = group[1]!;
      for (const key of inner.matchAll(citationKey)) {
        const keyStart = groupStart + 1 + key.index + key[1]!.length + 1;
        out.push({ key: key[2]!, start: keyStart, end: keyStart + key[2]!.length, groupStart, groupEnd: groupStart + group[0].length });
      }
    }
  }
  return out;
}

export { maxNesting, type TooDeep };
