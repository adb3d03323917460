// A block's prose as claims are read from it: citation groups and raw footnote labels blanked,
// and a table row's cells as the words each of its cells is read with.
import { footnoteLabel } from './footnoteIndex';
import type { ProseBlock } from './draft';

const notClaims = new RegExp(String.raw`\[[^\[\]]*@[^\[\]]*\]|\[\^${footnoteLabel}\]`, 'g');

/** Blanks pandoc citation groups and raw footnote labels, which are not claims. */
export function claimProse(prose: string): string {
  return prose.replace(notClaims, (m) => ' '.repeat(m.length));
}

/** A table cell's place: which cell of its row it is, the prose of the row's cells and of its table's header row's. */
export interface TableContext {
  index: number;
  row: readonly string[];
  columns: readonly string[];
}

/** The prose of each cell of the row whose first block is `blocks[at]`, by its place in the row ('' for an empty cell), citations blanked. */
export function rowLabels(blocks: readonly ProseBlock[], at: number): string[] {
  const labels: string[] = [];
  const rowStart = blocks[at]!.table!.rowStart;
  for (let i = at; i < blocks.length && blocks[i]!.table?.rowStart === rowStart; i++) labels[blocks[i]!.table!.index] = claimProse(blocks[i]!.prose).replace(/\s+/g, ' ').trim();
  return Array.from(labels, (l) => l ?? '');
}
