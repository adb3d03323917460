// A figure as one row of integers and one of floats in the corpus index (see indexFormat.ts
// for the columns), and back: the writer encodes, the reader decodes.
import { isYearPart } from '../core/claims/dates';
import type { Figure, Span } from '../core/types';
import { F, dateKeys, figureFields, figureFloats, figureInts, figureKeys } from './indexFormat';

/** Ids of the strings, key orders and date key orders a figure row refers to. */
export interface FigureTables {
  string(value: string): number;
  shape(keys: string): number;
  dateShape(keys: string): number;
}

/** The figure's integer and float rows; throws on a field the index does not store. */
export function encodeFigure(figure: Figure, sentence: Span, passage: number, tables: FigureTables): { ints: number[]; floats: number[] } {
  const keys = Object.keys(figure).filter((k) => (figure as unknown as Record<string, unknown>)[k] !== undefined);
  for (const key of keys) if (!figureKeys.has(key)) throw new Error(`serializeCorpus: a figure has the field "${key}", which the index does not store.`);
  const row = new Array<number>(figureInts).fill(-1);
  row[F.shape] = tables.shape(keys.join(','));
  row[F.start] = figure.start;
  row[F.end] = figure.end;
  row[F.text] = tables.string(figure.text);
  row[F.kind] = tables.string(figure.kind);
  row[F.unit] = tables.string(figure.unit);
  row[F.qualifier] = tables.string(figure.qualifier);
  row[F.qualifierStart] = figure.qualifierStart ?? -1;
  row[F.perYear] = figure.perYear ? 1 : 0;
  row[F.vague] = figure.vague ? 1 : 0;
  row[F.sentenceStart] = sentence.start;
  row[F.sentenceEnd] = sentence.end;
  row[F.passage] = passage;
  if (figure.date) {
    const dateKeyList = Object.keys(figure.date).filter((k) => (figure.date as unknown as Record<string, unknown>)[k] !== undefined);
    for (const key of dateKeyList) if (!dateKeys.has(key)) throw new Error(`serializeCorpus: a date has the field "${key}", which the index does not store.`);
    row[F.dateShape] = tables.dateShape(dateKeyList.join(','));
    row[F.year] = figure.date.year;
    row[F.month] = figure.date.month ?? 0;
    row[F.day] = figure.date.day ?? 0;
    if (figure.date.part) row[F.part] = tables.string(figure.date.part);
    row[F.through] = figure.date.through ?? 0;
  }
  for (const [i, key] of [F.start, F.end, F.qualifierStart, F.year, F.month, F.day, F.through].entries()) {
    if (!Number.isInteger(row[key]) || Math.abs(row[key]!) > 0x7fffffff) throw new Error(`serializeCorpus: figure field ${['start', 'end', 'qualifierStart', 'year', 'month', 'day', 'through'][i]} is not a 32-bit integer.`);
  }
  if (typeof figure.perYear !== 'undefined' && typeof figure.perYear !== 'boolean') throw new Error("serializeCorpus: a figure's perYear is not a boolean.");
  if (typeof figure.vague !== 'undefined' && typeof figure.vague !== 'boolean') throw new Error("serializeCorpus: a figure's vague is not a boolean.");
  return { ints: row, floats: [figure.value, figure.high ?? 0, figure.low, figure.highBound] };
}

/** The figure of row `r` of `rows` (figureInts integers each) and `values` (figureFloats each). */
export function decodeFigure(rows: Int32Array, values: Float64Array, r: number, shapes: readonly string[][], dateShapes: readonly string[][], string: (id: number) => string): Figure {
  const row = r * figureInts;
  const at = r * figureFloats;
  const out: Record<string, unknown> = {};
  for (const key of shapes[rows[row + F.shape]!]!) {
    if (key === 'date') {
      const date: Record<string, number | string> = {};
      for (const k of dateShapes[rows[row + F.dateShape]!]!) {
        if (k !== 'part') date[k] = rows[row + (k === 'year' ? F.year : k === 'month' ? F.month : k === 'through' ? F.through : F.day)]!;
        // A part of the year this version does not know (an index damaged or written by another version) leaves the whole year.
        else {
          const part = string(rows[row + F.part]!);
          if (isYearPart(part)) date.part = part;
        }
      }
      out.date = date;
      continue;
    }
    const field = figureFields[key];
    if (!field) continue;
    const [kind, column] = field;
    out[key] = kind === 'float' ? values[at + column] : kind === 'string' ? string(rows[row + column]!) : kind === 'flag' ? rows[row + column] === 1 : rows[row + column];
  }
  return out as unknown as Figure;
}
