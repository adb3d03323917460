// How a table cell reads as a sentence, in a draft and in a source alike. A cell alone says
// nothing of what its figure is of: "| Kyrgyzstan | $10m a year |" under "Target announced"
// reads "Kyrgyzstan, Target announced: $10m a year". A unit in the column's header,
// "Cost ($ million)" or "Capacity, MW", is the unit of a cell that gives a bare number.
import { extractFigures } from './figures';
import { currencyPrefixPattern } from './units';
import { ByteLru, detached, stringBytes } from '../byteLru';

export interface CellReading {
  /** The sentence the cell reads as. */
  prose: string;
  /** Where the cell's own prose starts in `prose`, and the part of it that is text, not spaces (offsets into the cell). */
  at: number;
  text: { start: number; end: number };
}

const currency = new RegExp(`^(${currencyPrefixPattern})\\s*`);
const bareNumber = /^(?:about|around|approximately|nearly|almost|over|under|some|~|≈|<|>)?\s*[+-]?\d[\d,]*(?:\.\d+)?$/i;
/** A unit in brackets at a header's or caption's end: "Cost ($ million)". */
const bracketedUnit = /^(.*?)[\s,]*\(([^()]+)\)\s*$/;
const periodHeader = /^(?:FY\s?)?\d{4}(?:[-–/]\d{2,4})?$|^(?:Q[1-4]|H[12])\s+\d{4}$/i;

type Cell = 'figure' | 'date' | 'text' | 'empty';

/**
 * Each cell of a row is read with the others, and each column's header with every cell under it:
 * what a cell holds and what unit a header gives are remembered, within a bound. The keys are
 * copies, so that a cell's text does not keep the draft it was cut from alive.
 */
function remembered<T>(read: (text: string) => T): (text: string) => T {
  const known = new ByteLru<string, { value: T }>(1 << 20, (key) => 2 * stringBytes(key) + 64);
  return (text) => {
    const found = known.get(text);
    if (found) return found.value;
    const value = read(text);
    known.set(detached(text), { value });
    return value;
  };
}

/** What a cell holds: a figure (other than a date), only dates, words, or nothing. */
const cellKind = remembered(readCellKind);

function readCellKind(text: string): Cell {
  if (!/[\p{L}\p{N}]/u.test(text)) return 'empty';
  const figures = extractFigures(text);
  if (!figures.length) return bareNumber.test(text.trim()) ? 'figure' : 'text';
  return figures.every((f) => f.kind === 'year' || f.kind === 'date') ? 'date' : 'figure';
}

/**
 * The sentence cell `index` of a row reads as, given the prose of each of the row's cells and of
 * the header row's (`own` is the cell's own prose, offsets kept, when it is not `row[index]`).
 * The row's first cell names what the row is of. A figure reads with its column's header and
 * the row's dates ("Jamshoro, 2019, Capacity: 600 MW"); a date with the row's figures, which it
 * dates ("Kyrgyzstan, $10m a year, May 2018"). Other words of the row are left out: each word
 * the source does not share counts against the match.
 */
export function readCell(row: readonly string[], columns: readonly string[], index: number, own = row[index] ?? '', caption?: string): CellReading {
  const ownKind = cellKind(own);
  const parts: string[] = [];
  row.forEach((cell, i) => {
    if (i === index || !cell) return;
    if (i === 0 || (ownKind !== 'date' && cellKind(cell) === 'date' && !periodHeader.test(columns[i] ?? ''))) parts.push(cell);
    else if (ownKind === 'date' && cellKind(cell) === 'figure' && !periodHeader.test(columns[i] ?? '')) parts.push(labelled(cell, columns[i], caption));
  });
  const trimmed = own.trim();
  const { label, before, after } = underHeader(trimmed, index > 0 && ownKind !== 'date' ? columns[index] : undefined, caption);
  const all = label ? [...parts, label] : parts;
  const prefix = captionLead(caption) + (all.length ? `${all.join(', ')}${label ? ':' : ','} ` : '');
  const start = own.length - own.trimStart().length;
  return { prose: `${prefix}${before}${trimmed}${after}`, at: prefix.length + before.length - start, text: { start, end: start + trimmed.length } };
}

/** Another cell with its column's header and unit: "Cost: $2.5 billion". */
function labelled(cell: string, column: string | undefined, caption: string | undefined): string {
  const trimmed = cell.trim();
  const { label, before, after } = underHeader(trimmed, column, caption);
  return label ? `${label}: ${before}${trimmed}${after}` : `${before}${trimmed}${after}`;
}

/**
 * The sentences a source's table row reads as: one for each cell that holds a figure, or the
 * whole row when none does.
 */
export function rowSentences(row: readonly string[], columns: readonly string[], caption?: string): string[] {
  const figures = row.flatMap((cell, i) => (i > 0 && cellKind(cell) === 'figure' ? [i] : []));
  if (!figures.length) return row.some((c) => c) ? [readCell(row, columns, Math.max(1, row.findIndex((c, i) => i > 0 && c)), undefined, caption).prose] : [];
  return figures.map((i) => readCell(row, columns, i, undefined, caption).prose);
}

/** A caption leads each cell's sentence, without its number or its unit: "Transit containers at Caspian ports: ". */
function captionLead(caption: string | undefined): string {
  return caption ? `${splitUnit(caption).label}: ` : '';
}

/**
 * A cell under a header: the header's unit around a bare number, "Cost ($ million)" making "7"
 * "$7 million" under the label "Cost"; the whole header as its label otherwise.
 */
function underHeader(cell: string, column: string | undefined, caption?: string): { label?: string; before: string; after: string } {
  if (!bareNumber.test(cell)) return { label: column, before: '', after: '' };
  // "Cost ($ million)", "Capacity, MW", or a last word that is a unit of measure: "Transit days".
  for (const [pattern, counts] of [[bracketedUnit, true], [/^(.*?),\s*([^,]+)$/, true], [/^(.*?)\s*\b(\p{L}+)$/u, false]] as const) {
    const m = column ? pattern.exec(column) : null;
    const unit = m && unitOf(m[2]!.trim(), counts);
    if (unit) return { label: m[1]!.trim() || undefined, ...unit };
  }
  const captioned = caption ? splitUnit(caption).unit : undefined;
  return { label: column, before: captioned?.before ?? '', after: captioned?.after ?? '' };
}

/** A caption's label and the unit in brackets at its end: "Transit containers (TEU)". */
function splitUnit(caption: string): { label: string; unit?: { before: string; after: string } } {
  const m = bracketedUnit.exec(caption);
  const unit = m ? unitOf(m[2]!.trim(), true) : undefined;
  return unit ? { label: m![1]!.trim().replace(/^Table\s+\d+[.:]?\s*/i, ''), unit } : { label: caption.replace(/^Table\s+\d+[.:]?\s*/i, '') };
}

/** A unit as written in a header, if the figure reader reads a number with it as a figure with that unit (a count's noun only when `counts`). */
function unitOf(written: string, counts: boolean): { before: string; after: string } | undefined {
  return (counts ? unitCounting : unitMeasuring)(written);
}

const unitCounting = remembered((written) => readUnit(written, true));
const unitMeasuring = remembered((written) => readUnit(written, false));

function readUnit(written: string, counts: boolean): { before: string; after: string } | undefined {
  const sign = currency.exec(written);
  const before = sign ? (/[a-z.]$/i.test(sign[1]!) ? `${sign[1]} ` : sign[1]!) : '';
  // A header's capital ("Days") is not the unit's.
  const rest = written.slice(sign?.[0].length ?? 0).trim().replace(/^\p{Lu}(?=\p{Ll}+$)/u, (c) => c.toLowerCase());
  const after = !rest ? '' : rest.startsWith('%') ? rest : ` ${rest}`;
  const sample = `${before}7${after}`;
  const figures = extractFigures(sample);
  const f = figures[0];
  return figures.length === 1 && f!.start === 0 && f!.end === sample.length && (counts || f!.kind !== 'count') ? { before, after } : undefined;
}
