// A block's prose as claims are read from it: citation groups and raw footnote labels blanked,
// and a table row's cells as the words each of its cells is read with.
import { footnoteLabel } from './footnoteIndex';
import type { ProseBlock } from './draft';

const notClaims = new RegExp(String.raw`\[[^\[\]]*@[^\[\]]*\]|\[\^${footnoteLabel}\]`, 'g');

/** Blanks pandoc citation groups and raw footnote labels, which are not claims. */
export function claimProse(prose: string): string {
  return prose.replace(notClaims, (m) => ' '.repeat(m.length));
}

/** A table cell's place: which cell of its row it is, the prose of the row's cells and of its table's header row's, and its table's caption. */
export interface TableContext {
  index: number;
  row: readonly string[];
  columns: readonly string[];
  caption?: string;
}

/**
 * The caption of the table whose first block is `blocks[at]`, as a source's is read: the heading
 * right above it, or a paragraph right above it that starts "Table 2" ("Table 2. Pakistan's
 * trade with Kyrgyzstan, 2019 ($ million)"), which says whose figures its cells give.
 */
export function tableCaption(blocks: readonly ProseBlock[], at: number): string | undefined {
  const before = blocks[at - 1];
  if (!before || before.inFootnote || before.table) return undefined;
  const caption = claimProse(before.prose).replace(/\s+/g, ' ').trim();
  return caption && (before.heading || /^Table\s+\d/i.test(caption)) ? caption : undefined;
}

/** The prose of each cell of the row whose first block is `blocks[at]`, by its place in the row ('' for an empty cell), citations blanked. */
export function rowLabels(blocks: readonly ProseBlock[], at: number): string[] {
  const labels: string[] = [];
  const rowStart = blocks[at]!.table!.rowStart;
  for (let i = at; i < blocks.length && blocks[i]!.table?.rowStart === rowStart; i++) labels[blocks[i]!.table!.index] = claimProse(blocks[i]!.prose).replace(/\s+/g, ' ').trim();
  return Array.from(labels, (l) => l ?? '');
}
