// HTML elements to the blocks of source Markdown that parseSource reads: headings as "## …",
// paragraphs, list items ("- …") and block quotes ("> …") one line each, the text escaped so
// that none of it becomes a link, emphasis, a footnote marker or a heading in the source.

/** The part of the DOM the walk needs; linkedom's elements and text nodes have it. */
export interface HtmlNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<HtmlNode>;
  getAttribute?(name: string): string | null;
}

/** An element with the look-ups the readers use. */
export interface HtmlElement extends HtmlNode {
  getAttribute(name: string): string | null;
  querySelector(selector: string): HtmlElement | null;
  querySelectorAll(selector: string): ArrayLike<HtmlElement>;
  remove(): void;
}

/** linkedom's document, as far as the readers use it (the DOM library is not in this project's types). */
export interface HtmlDocument {
  body: HtmlElement;
  querySelector(selector: string): HtmlElement | null;
  querySelectorAll(selector: string): ArrayLike<HtmlElement>;
}

export interface BlockOptions {
  /** Markdown written as is for an element (a footnote marker), or undefined to read it as text. */
  raw?: (element: HtmlNode) => string | undefined;
}

const elementNode = 1;
const textNode = 3;
const headings = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
/** Blocks whose text is one paragraph. */
const paragraphs = new Set(['P', 'PRE', 'FIGCAPTION', 'CAPTION', 'DT', 'DD', 'TR', 'ADDRESS']);
/** Containers of blocks, and blocks that may hold text of their own between them. */
const containers = new Set(['BODY', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'FOOTER', 'ASIDE', 'UL', 'OL', 'DL', 'TABLE', 'THEAD', 'TBODY', 'TFOOT', 'FIGURE', 'DETAILS', 'SUMMARY', 'CENTER', 'FORM', 'FIELDSET', 'HTML']);
const dropped = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'SVG', 'BUTTON', 'SELECT', 'TEXTAREA', 'HEAD', 'NAV']);
/** Inside a paragraph, elements whose text is set apart from its neighbours by spaces. */
const separated = new Set(['BR', 'TD', 'TH', 'LI']);

/** The Markdown lines of `root`'s content, one block a line. */
export function htmlBlocks(root: HtmlNode, options: BlockOptions = {}): string[] {
  const out: string[] = [];
  walk(root, '', out, options);
  return out;
}

function walk(parent: HtmlNode, prefix: string, out: string[], options: BlockOptions): void {
  let inline = '';
  const flush = (): void => {
    push(out, prefix, inline);
    inline = '';
  };
  let table: string | undefined;
  for (const node of Array.from(parent.childNodes)) {
    const name = node.nodeName.toUpperCase();
    const raw = node.nodeType === elementNode ? options.raw?.(node) : undefined;
    if (node.nodeType === textNode) inline += escapeText(node.textContent ?? '');
    else if (node.nodeType !== elementNode || dropped.has(name)) continue;
    else if (raw !== undefined) inline += raw;
    else if (headings.has(name)) {
      flush();
      const title = oneLine(inlineText(node, options));
      if (title) out.push(`## ${title}`);
    } else if (paragraphs.has(name)) {
      flush();
      push(out, prefix, inlineText(node, options));
    } else if (name === 'LI') {
      flush();
      walk(node, prefix || '- ', out, options);
    } else if (name === 'BLOCKQUOTE') {
      flush();
      walk(node, '> ', out, options);
    } else if (name === 'TABLE' && !prefix && (table = tableLines(node, options))) {
      flush();
      out.push(table);
    } else if (containers.has(name)) {
      flush();
      walk(node, prefix, out, options);
    } else if (name === 'BR') inline += ' ';
    else inline += inlineText(node, options);
  }
  flush();
}

/**
 * A table of two rows or more as a GFM table, its first row the header, so that parseSource
 * reads each cell under its row and column as it reads a Markdown source's table; undefined
 * for a table of one row or one column (a layout table), which is read as paragraphs.
 */
function tableLines(table: HtmlNode, options: BlockOptions): string | undefined {
  const rows: string[][] = [];
  const visit = (node: HtmlNode): void => {
    for (const child of Array.from(node.childNodes)) {
      const name = child.nodeName.toUpperCase();
      if (name === 'TR') rows.push(Array.from(child.childNodes).filter((c) => /^T[DH]$/i.test(c.nodeName)).map((c) => oneLine(inlineText(c, options)).replace(/\|/g, '\\|')));
      else if (name === 'THEAD' || name === 'TBODY' || name === 'TFOOT') visit(child);
    }
  };
  visit(table);
  const width = Math.max(0, ...rows.map((r) => r.length));
  if (rows.length < 2 || width < 2) return undefined;
  const line = (cells: string[]): string => `| ${Array.from({ length: width }, (_, i) => cells[i] ?? '').join(' | ')} |`;
  return [line(rows[0]!), line(Array<string>(width).fill('---')), ...rows.slice(1).map(line)].join('\n');
}

/** The text of an element read as one paragraph: nested blocks become spaces. */
function inlineText(element: HtmlNode, options: BlockOptions): string {
  let text = '';
  for (const node of Array.from(element.childNodes)) {
    const name = node.nodeName.toUpperCase();
    const raw = node.nodeType === elementNode ? options.raw?.(node) : undefined;
    if (node.nodeType === textNode) text += escapeText(node.textContent ?? '');
    else if (node.nodeType !== elementNode || dropped.has(name)) continue;
    else if (raw !== undefined) text += raw;
    else if (separated.has(name) || headings.has(name) || paragraphs.has(name) || containers.has(name)) text += ` ${inlineText(node, options)} `;
    else text += inlineText(node, options);
  }
  return text;
}

function push(out: string[], prefix: string, text: string): void {
  const line = oneLine(text);
  // After "- " or "> " the rest of the line is text; without one, its start could be syntax.
  if (line) out.push(prefix + (prefix ? line : line.replace(/^[#>+-]/, '\\$&').replace(/^(\d+)([.)])/, '$1\\$2')));
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Text kept literal in the source Markdown: every character parseSource reads as inline syntax
 * is escaped ("<" for comments and autolinks). What would start a heading, list item or quote
 * is escaped where a block's line is written.
 */
export function escapeText(text: string): string {
  return text.replace(/[\\[\]*_`<]/g, '\\$&');
}
