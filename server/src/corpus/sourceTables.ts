// GFM tables in a source's Markdown (and in what the web and Word readers turn into it): each
// row becomes a passage of the sentences its cells read as (rowSentences), so that a figure in
// a cell is of the row's first cell and under its column's header, as in a draft's table.
import { rowSentences } from '../core/claims/tableCells';

const separator = /^\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?$/;

export interface SourceTable {
  /** Each body row's sentences, joined, and its 0-based line. */
  rows: { line: number; text: string }[];
  /** The line after the table. */
  end: number;
}

/** The table that starts at line `at` (its header row, then the separator row), if one does; `caption` is the heading right above it. */
export function tableAt(lines: readonly string[], at: number, caption?: string): SourceTable | undefined {
  const head = lines[at]!.trim();
  if (!head.startsWith('|') || !separator.test(lines[at + 1]?.trim() ?? '') || !lines[at + 1]!.includes('-')) return undefined;
  const columns = cells(head);
  const rows: SourceTable['rows'] = [];
  let i = at + 2;
  for (; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line.startsWith('|')) break;
    const text = rowSentences(cells(line), columns, caption).map((s) => (/[.!?]$/.test(s) ? s : `${s}.`)).join(' ');
    if (text) rows.push({ line: i, text });
  }
  return { rows, end: i };
}

/** A row's cells: split at pipes that are not escaped, the outer ones dropped. */
function cells(line: string): string[] {
  const parts = line.replace(/^\|/, '').replace(/(?<!\\)\|$/, '').split(/(?<!\\)\|/);
  return parts.map((p) => p.trim());
}
