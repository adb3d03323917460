// Compares figures (same unit, overlapping ranges) and writes them back in a canonical
// form ("$60 billion", "600 MW", "December 2019") for messages, fixes and completions.
import { isDate } from './claims';
import { formatDate } from './dates';
import { formatNumber, scaledParts } from './numbers';
import type { Figure } from '../types';
import { unitFamily, unitLabel } from './units';

/** Figures measured in the same unit: years with dates, customers with people, km with miles (miles are read as km). */
export function sameUnit(a: Figure, b: Figure): boolean {
  if (isDate(a) || isDate(b)) return isDate(a) && isDate(b);
  if ((a.kind === 'duration') !== (b.kind === 'duration')) return false;
  return unitFamily(a.unit) === unitFamily(b.unit);
}

/**
 * True when the two figures can both be right: same unit and intervals that share more than
 * an end. Two values written to the same precision are equal only when they are the same:
 * 12.4 is not 12.3, and $61 million is not $62 million, though each rounds to where the
 * other's rounding ends.
 */
export function intervalsOverlap(a: Figure, b: Figure): boolean {
  if (!sameUnit(a, b)) return false;
  // Two approximate figures ("around $120 million", "about $100 million") agree only when both lie within the wider one's hedge.
  if (a.qualifier === 'about' && b.qualifier === 'about' && a.high === undefined && b.high === undefined) {
    const wider = a.highBound - a.low >= b.highBound - b.low ? a : b;
    return [a.value, b.value].every((v) => v >= wider.low && v <= wider.highBound);
  }
  // Two ranges agree end to end: "$150-300 million" is not "$250-500 million".
  if (a.high !== undefined && b.high !== undefined) return near(a.value, b.value) && near(a.high, b.high);
  const overlap = Math.min(a.highBound, b.highBound) - Math.max(a.low, b.low);
  // Rounding ends computed in floating point may overlap by a hair.
  const hair = Math.max(Math.abs(a.highBound), Math.abs(b.highBound)) * 1e-9;
  return overlap > hair || (overlap >= -hair && (a.low === a.highBound || b.low === b.highBound));
}

/** Two ends of ranges written the same way: within a twentieth of each other. */
function near(x: number, y: number): boolean {
  return Math.abs(x - y) <= Math.max(Math.abs(x), Math.abs(y)) * 0.05;
}

const currencySymbols: Record<string, string> = { USD: '$', EUR: '€', GBP: '£' };

/** The canonical form of a figure, qualifier left out: "$60 billion", "600 MW", "20%", "64 members", "December 2019". */
export function formatFigure(f: Figure): string {
  switch (f.kind) {
    case 'year':
    case 'date':
      return f.date ? formatDate(f.date) : String(f.value);
    case 'money': {
      const symbol = currencySymbols[f.unit];
      // A currency without a code (the shillings of no country named) is written as a word after the amount.
      if (!symbol && /^[a-z]/.test(f.unit)) return `${formatAmount(f.value, f.high, '')} ${f.unit}s`;
      return symbol ? formatAmount(f.value, f.high, symbol) : `${f.unit} ${formatAmount(f.value, f.high, '')}`;
    }
    case 'percent':
      return `${formatAmount(f.value, f.high, '')}${f.unit === 'pp' ? ' percentage points' : '%'}`;
    case 'rank':
      return f.text;
    default:
      return `${formatAmount(f.value, f.high, '', f.kind === 'quantity')} ${unitLabel(f.unit, f.high ?? f.value)}`;
  }
}

/** "$250–500 million" shares one scale; "$500 million–$1.2 billion" cannot. Converted measures are rounded. */
function formatAmount(value: number, high: number | undefined, prefix: string, measure = false): string {
  const decimals = (v: number): number => (measure && Math.abs(v) >= 100 ? 0 : 3);
  const low = scaledParts(value, decimals(value));
  const whole = (p: ReturnType<typeof scaledParts>): string => `${prefix}${p.number}${p.scale ? ` ${p.scale}` : ''}`;
  if (high === undefined) return whole(low);
  const top = scaledParts(high, decimals(high));
  if (low.scale === top.scale) return `${prefix}${low.number}–${top.number}${top.scale ? ` ${top.scale}` : ''}`;
  if (top.scale && !low.scale && value >= top.factor / 1000) return `${prefix}${formatNumber(value / top.factor)}–${top.number} ${top.scale}`;
  return `${whole(low)}–${whole(top)}`;
}
