// Reads a draft as remark with GFM does (what a Markdown preview renders), to check what
// Attest wrote into it: HTML, links, footnote references and what each definition shows.
import type { Nodes, Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);

export interface MarkdownTree {
  /** Raw HTML anywhere. */
  html: string[];
  /** Every link's URL, autolinks included. */
  links: string[];
  references: string[];
  definitions: string[];
  /** A definition's text as rendered: what the reader sees. */
  shown(label: string): string;
}

function shownText(node: Nodes): string {
  let out = '';
  visit(node, (child) => {
    if (child.type === 'text' || child.type === 'inlineCode') out += child.value;
  });
  return out;
}

export function markdownTree(text: string): MarkdownTree {
  const tree = processor.parse(text) as Root;
  const found: MarkdownTree = { html: [], links: [], references: [], definitions: [], shown: () => '' };
  const shown = new Map<string, string>();
  visit(tree, (node) => {
    if (node.type === 'html') found.html.push(node.value);
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') found.links.push(node.url);
    if (node.type === 'footnoteReference') found.references.push(node.identifier);
    if (node.type === 'footnoteDefinition') {
      found.definitions.push(node.identifier);
      shown.set(node.identifier, shownText(node));
    }
  });
  found.shown = (label) => shown.get(label.toLowerCase()) ?? '';
  return found;
}
