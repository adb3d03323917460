// Parses a Markdown draft once and exposes what every check needs: prose blocks
// whose offsets are the draft's own, footnote references and definitions, pandoc
// citations, links and ignore comments.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { visit, SKIP } from 'unist-util-visit';
import { remarkGfmWithoutAutolinks } from './gfm';
import type { Root, Nodes, Link, FootnoteDefinition, FootnoteReference, Html } from 'mdast';

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

export interface Draft {
  text: string;
  blocks: ProseBlock[];
  footnoteRefs: FootnoteRef[];
  footnoteDefs: FootnoteDef[];
  citations: Citation[];
  links: DraftLink[];
  directives: IgnoreDirective[];
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfmWithoutAutolinks);

/** Pandoc citation groups: `[@key]`, `[see @key, p. 12; @other]`. */
const citationGroup = /\[([^\[\]]*?@[^\[\]]*)\]/g;
const citationKey = /(^|[\s;,\[(-])@([A-Za-z0-9_][\w:.#$%&+?<>~/-]*[\w])/g;
const directivePattern = /^<!--\s*attest-(ignore-next-line|disable|enable)\b([^>]*?)-->/;

export function parseDraft(text: string): Draft {
  const tree = processor.parse(text) as Root;
  const blocks: ProseBlock[] = [];
  const footnoteRefs: FootnoteRef[] = [];
  const footnoteDefs: FootnoteDef[] = [];
  const links: DraftLink[] = [];
  const directives: IgnoreDirective[] = [];

  visit(tree, (node, _index, parent) => {
    switch (node.type) {
      case 'paragraph':
      case 'heading':
      case 'tableCell': {
        const inFootnote = parent?.type === 'footnoteDefinition';
        const block = proseBlock(text, node, inFootnote);
        if (block) blocks.push(block);
        collectInline(text, node, footnoteRefs, links);
        return SKIP;
      }
      case 'footnoteDefinition':
        footnoteDefs.push(footnoteDefinition(text, node));
        return undefined;
      case 'html':
        directive(node, directives);
        return SKIP;
      case 'code':
      case 'yaml':
        return SKIP;
      default:
        return undefined;
    }
  });

  // Footnote definitions are visited before their paragraphs; the inner visit finds blocks in them.
  const inFootnoteDefs = footnoteDefs.length > 0;
  if (inFootnoteDefs) {
    for (const block of blocks) {
      block.inFootnote ||= footnoteDefs.some((d) => block.start >= d.start && block.end <= d.end);
    }
  }

  return {
    text,
    blocks,
    footnoteRefs,
    footnoteDefs,
    citations: findCitations(blocks),
    links,
    directives,
  };
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
  visit(node, (child) => {
    if (child.type === 'inlineCode' || child.type === 'html' || child.type === 'footnoteReference') return SKIP;
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

function collectInline(text: string, node: Nodes, refs: FootnoteRef[], links: DraftLink[]): void {
  visit(node, (child) => {
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
  visit(node, (child) => {
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
