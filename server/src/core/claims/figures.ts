// Finds the figures, years and dates in prose — "$60 billion", "over 200 million people",
// "600-megawatt", "20%", "in 2016", "November 2017" — each with the interval of values it asserts.
import { monthPattern, plausibleYear, readDateAtDigit, readDateAtMonth, readYearPartBefore, type WrittenDate } from './dates';
import { inIdentifier, malformedAfter, namesOrRefers, numberWordPattern, readNumber, rescale, tokenEnd, wordBefore, type WrittenNumber } from './numbers';
import { findHedge, hedges, hedgeWindow } from './hedges';
import type { CalendarDate, Figure, FigureKind } from '../types';
import { extractRanks } from './ranks';
import { readShares } from './shares';
import { fractionRanges, vagueAmounts } from './moneyInWords';
import { currencyPrefixPattern, durationUnit, partitive, readCountedNoun, readCurrencyPrefix, readHyphenNoun, readUnit, type CountedNoun } from './units';

// ---------------------------------------------------------------------------
// Rounding (the hedges are in hedges.ts)

/**
 * An unhedged figure is read as rounded to its last written digit, but never by more than 5%:
 * "$1 billion" is not a way of writing $1.4 billion.
 */
const maxRoundingShare = 0.05;

function roundingSlack(value: number, step: number): number {
  return Math.min(step / 2, Math.abs(value) * maxRoundingShare) || step / 2;
}

const populationOf = new RegExp(`\\bpopulations?\\s+of\\s+(?:(?:${hedges.flatMap((h) => h.phrases).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\s+)?$`, 'i');

/** A hedged year or date ("around 2015") allows a year either side. */
export const hedgedYearSlack = 1;

const yearHedgeBefore = /(?:^|[^\p{L}\p{N}])(around|about|circa|c\.|ca\.|approximately|roughly)\s*$/iu;

// ---------------------------------------------------------------------------
// Context words

/** Before these, "two" or "three" points back at things already named ("the two nations"): not a count. */
const determiners = new Set('the these those its their our his her my your both all whose which'.split(' '));
/** Before these a four-digit number is a year even when a plural noun follows ("in 2017 projects …"). */
const yearWords = new Set('fiscal financial calendar fy in by since until till from to during before after of for around about circa between early late mid end'.split(' '));

// ---------------------------------------------------------------------------
// Scanning

const candidate = new RegExp(`(?<![A-Za-z])${currencyPrefixPattern}|\\d|\\b(?:${numberWordPattern})|\\b${monthPattern}`, 'g');
const rangeConnector = /\s*[-–]\s*|\s+to\s+|\s+and\s+/y;
const perYear = /,?\s+(?:a|per|each|every)\s+year(?![A-Za-z])|\s+(?:annually|yearly|per\s+annum)(?![A-Za-z])|\s*\/\s*(?:year|yr)(?![A-Za-z])|\s+p\.a\./y;
const ofMaterial = /\s+of\s+[a-z]+/y;
const yearSuffix = /[-–](\d{2})(?!\d)/y;

/** One unit of time after a word that asks how long ("for a week"); not "a year", which mostly means per year. */
const singleDuration = /\b(?:for|lasting|lasted|spent|within|over)\s+((?:a|one)\s+(week|month|decade))\b/gi;

/** A number's unit: one of the units.ts units, or a counted noun. */
interface Unit {
  kind: Exclude<FigureKind, 'year' | 'date'>;
  unit: string;
  factor: number;
  end: number;
}

interface Range {
  low: WrittenNumber;
  high: WrittenNumber;
  /** Where the second number's text starts, a repeated currency symbol included ("$10 and $20 million"). */
  highStart: number;
  connector: 'dash' | 'to' | 'and';
}

/**
 * Every figure, year and date in text[from, to), sorted by start and non-overlapping, with
 * offsets into `text`. Bare numbers without a unit or noun ("the 25th", "one of the two") are not figures.
 */
export function extractFigures(text: string, from = 0, to = text.length): Figure[] {
  return new FigureScan(text.slice(from, to), from).run();
}

/** Words right before the value a change starts from or a figure is set against: "up from", "against", "compared with". */
export const baseWords = String.raw`\b(?:from|against|compared\s+(?:with|to)|versus)\s+`;
/** The same before a bare number, with its hedge: "up from some 200". */
const changeBaseBefore = new RegExp(`${baseWords}(?:(?:about|around|some|nearly|almost|roughly|just|only|over|more\\s+than|fewer\\s+than|less\\s+than)\\s+)?$`, 'i');

class FigureScan {
  private readonly figures: Figure[] = [];

  constructor(
    private readonly s: string,
    private readonly offset: number,
  ) {}

  run(): Figure[] {
    candidate.lastIndex = 0;
    for (let m = candidate.exec(this.s); m; m = candidate.exec(this.s)) {
      const at = m.index;
      const c = this.s[at]!;
      let next: number;
      const date = c >= 'A' && c <= 'Z' ? readDateAtMonth(this.s, at) : undefined;
      if (c >= '0' && c <= '9') next = this.atDigit(at);
      else if (date) next = this.addDate(date);
      else if (readCurrencyPrefix(this.s, at)) next = this.atCurrency(at);
      else next = this.atNumber(at, false);
      candidate.lastIndex = Math.max(next, at + m[0].length, at + 1);
    }
    fractionRanges(this.s, this.offset, this.figures);
    this.shares();
    this.singleDurations();
    this.figures.push(...vagueAmounts(this.s, this.offset, this.figures));
    this.figures.push(...extractRanks(this.s, this.offset, this.figures));
    return this.figures.sort((a, b) => a.start - b.start);
  }

  /** "stayed for a week", "within a month": one unit of time, written without a number. */
  private singleDurations(): void {
    singleDuration.lastIndex = 0;
    for (let m = singleDuration.exec(this.s); m; m = singleDuration.exec(this.s)) {
      const start = m.index + m[0].length - m[1]!.length;
      const end = m.index + m[0].length;
      if (this.figures.some((f) => f.start - this.offset < end && f.end - this.offset > start)) continue;
      const unit = durationUnit(m[2]!.toLowerCase())!;
      this.add(start, end, 'duration', { start, end, value: 1, step: 1, word: true, plain: false, scale: 1 }, undefined, { kind: 'duration', ...unit, end });
    }
  }

  /** "rose by a fifth", "a quarter of the total": a share written as a fraction is a percentage. */
  private shares(): void {
    for (const { start, end, percent } of readShares(this.s)) {
      if (this.figures.some((f) => f.start - this.offset < end && f.end - this.offset > start)) continue;
      // A fraction is a round share: a fifth is 20% give or take a point (a step of 2).
      this.add(start, end, 'percent', { start, end, value: percent, step: 2, word: true, plain: false, scale: 1 }, undefined, { kind: 'percent', unit: '%', factor: 1, end });
    }
  }

  private atDigit(at: number): number {
    const s = this.s;
    if (inIdentifier(s, at)) return tokenEnd(s, at);
    const date = readDateAtDigit(s, at);
    if (date) return this.addDate(date);
    const before = wordBefore(s, at);
    if (before && namesOrRefers(before)) return tokenEnd(s, at);
    return this.atNumber(at, true);
  }

  private atCurrency(at: number): number {
    const s = this.s;
    const currency = readCurrencyPrefix(s, at)!;
    const first = readNumber(s, currency.end, true);
    if (!first || first.word || malformedAfter(s, first.end)) return tokenEnd(s, at);
    const range = this.readRange(at, first, currency.unit);
    const last = range?.high ?? first;
    const unit: Unit = { kind: 'money', unit: currency.unit, factor: 1, end: last.end };
    if (range && this.splitsFromTo(at, range)) {
      this.add(at, first.end, 'money', rescale(first, range.high), undefined, unit);
      return this.add(range.highStart, unit.end, 'money', range.high, undefined, unit);
    }
    return this.add(at, unit.end, 'money', range?.low ?? first, range?.high, unit);
  }

  private atNumber(at: number, digit: boolean): number {
    const s = this.s;
    const first = readNumber(s, at);
    if (!first) return digit ? tokenEnd(s, at) : at + 1;
    if (digit && malformedAfter(s, first.end)) return tokenEnd(s, at);
    const range = this.readRange(at, first);
    let unit = range && this.readUnitOrNoun(range.low, range.high);
    const low = unit ? range!.low : first;
    const high = unit ? range!.high : undefined;
    unit ??= this.readUnitOrNoun(first, first);
    // Letters glued to digits that are not a unit: "25th", "1990s", "4G".
    if (digit && /[A-Za-z]/.test(s[first.end] ?? '') && !(unit && unit.end > first.end)) return tokenEnd(s, at);
    if (!unit) return this.atBareNumber(first) ?? this.atChangeBase(at, first) ?? (digit ? tokenEnd(s, at) : first.end);
    const sign = unit.kind === 'percent' && /[-−]/.test(s[at - 1] ?? '') && /^$|[\s(]/.test(s[at - 2] ?? '') ? at - 1 : at;
    if (sign < at && !high) {
      const negative = (n: WrittenNumber): WrittenNumber => ({ ...n, value: -n.value });
      return this.add(sign, unit.end, unit.kind, negative(low), undefined, unit);
    }
    if (range && high && this.splitsFromTo(at, range)) {
      this.add(at, first.end, unit.kind, rescale(first, high), undefined, unit);
      return this.add(range.highStart, unit.end, unit.kind, high, undefined, unit);
    }
    return this.add(at, unit.end, unit.kind, low, high, unit);
  }

  /**
   * A bare number a count changed from or is set against counts what that count counts: "300
   * scholarships for 2025-26, up from 200 the year before"; "eight plants, against five before";
   * "1.1 billion threat events …, against 339 million".
   */
  private atChangeBase(at: number, n: WrittenNumber): number | undefined {
    let count: Figure | undefined;
    for (let i = this.figures.length - 1; i >= 0 && !count; i--) if (this.figures[i]!.kind !== 'year' && this.figures[i]!.kind !== 'date') count = this.figures[i];
    // A scaled number only against a scaled count: "1.1 billion threat events …, against 339 million".
    if (!count || count.kind !== 'count' || count.unit === 'count' || (n.scale !== 1 && count.value < 1e6)) return undefined;
    const between = this.s.slice(count.end - this.offset, at);
    if (between.length > 120 || /[.;!?]/.test(between) || !changeBaseBefore.test(between)) return undefined;
    return this.add(at, n.end, 'count', n, undefined, { kind: 'count', unit: count.unit, factor: 1, end: n.end });
  }

  /** A plain four-digit number in 1800–2100 is a year; "2017-21" is two, "2023-24" one year written with the next (a fiscal year). */
  private atBareNumber(n: WrittenNumber): number | undefined {
    if (!isYearShaped(this.s, n)) return undefined;
    yearSuffix.lastIndex = n.end;
    const m = yearSuffix.exec(this.s);
    let second = m ? n.value - (n.value % 100) + Number(m[1]) : 0;
    if (m && second <= n.value) second += 100;
    if (second === n.value + 1) return this.addYear(n.start, yearSuffix.lastIndex, { year: n.value, through: second });
    const end = this.addYear(n.start, n.end, { year: n.value });
    if (!m || second - n.value > 10) return end;
    return this.addYear(end + 1, yearSuffix.lastIndex, { year: second });
  }

  private readRange(at: number, first: WrittenNumber, currency?: string): Range | undefined {
    const s = this.s;
    rangeConnector.lastIndex = first.end;
    const m = rangeConnector.exec(s);
    if (!m) return undefined;
    const connector = m[0].includes('to') ? 'to' : m[0].includes('and') ? 'and' : 'dash';
    if (connector === 'and' && wordBefore(s, at)?.toLowerCase() !== 'between') return undefined;
    const highStart = rangeConnector.lastIndex;
    let next = highStart;
    if (currency) {
      const repeated = readCurrencyPrefix(s, next);
      if (repeated && repeated.unit !== currency) return undefined;
      if (repeated) next = repeated.end;
    }
    const high = readNumber(s, next, currency !== undefined);
    if (!high || high.word !== first.word || malformedAfter(s, high.end)) return undefined;
    if (first.scale !== 1 && (high.scale === 1 || connector === 'to')) return undefined;
    const low = first.scale === 1 ? rescale(first, high) : first;
    if (!(high.value > low.value)) return undefined;
    return { low, high, highStart, connector };
  }

  /** "from 10 to 15 percent" states two figures, not a range; the first borrows the second's unit and scale. */
  private splitsFromTo(at: number, range: Range): boolean {
    return range.connector === 'to' && wordBefore(this.s, at)?.toLowerCase() === 'from';
  }

  private readUnitOrNoun(first: WrittenNumber, last: WrittenNumber): Unit | undefined {
    const s = this.s;
    const before = wordBefore(s, first.start)?.toLowerCase();
    const hyphen = s[last.end] === '-';
    // Small number words are pronouns as often as counts: "one day", "the two nations".
    const one = first.word && first.value === 1 && first.scale === 1;
    const small = first.word && first.value <= 3 && first.scale === 1 && !hyphen;
    if (one && !hyphen) return undefined;
    if (small && before && determiners.has(before)) return undefined;
    const unit = readUnit(s, last.end);
    if (unit) return unit;
    if (hyphen) return asUnit(readHyphenNoun(s, last.end, first.word));
    const yearShaped = isYearShaped(s, first);
    if (yearShaped && ((before && (yearWords.has(before) || determiners.has(before))) || s[first.start - 1] === '-')) return undefined;
    return asUnit(readCountedNoun(s, last.end, yearShaped ? 0 : small ? 1 : 3)) ?? (yearShaped || small ? undefined : this.partOf(last)) ?? this.population(first, last);
  }

  /** "About 90 of the analysts": a number of the things named after "of the" counts them. */
  private partOf(last: WrittenNumber): Unit | undefined {
    partitive.lastIndex = last.end;
    const noun = partitive.test(this.s) ? readCountedNoun(this.s, partitive.lastIndex, 2) : undefined;
    return noun && !noun.duration ? { kind: 'count', unit: noun.unit, factor: 1, end: noun.end } : undefined;
  }

  /** "a population of over 200 million": a count of people with the noun left unsaid. */
  private population(first: WrittenNumber, last: WrittenNumber): Unit | undefined {
    if (first.word || last.scale < 1e3) return undefined;
    const before = this.s.slice(Math.max(0, first.start - 60), first.start);
    return populationOf.test(before) ? { kind: 'count', unit: 'person', factor: 1, end: last.end } : undefined;
  }

  private add(start: number, end: number, kind: Unit['kind'], low: WrittenNumber, high: WrittenNumber | undefined, unit: Unit): number {
    const value = low.value * unit.factor;
    const highValue = high && high.value * unit.factor;
    const top = highValue ?? value;
    const hedge = findHedge(this.s, start);
    let interval: [number, number];
    // "about $60 million" is round and allows a tenth; "about $750 million", rounded to fifty, a
    // twentieth; "about $61 million" is as precise as it is written. So is a maximum: "up to 12.4
    // billion cubic metres" is a capacity of 12.4, not anything below it.
    const digits = Math.round(low.value / low.step);
    const specific = (hedge?.qualifier === 'about' || hedge?.qualifier === 'at-most') && high === undefined && digits >= 10 && digits % 5 !== 0;
    let significant = digits;
    while (significant >= 10 && significant % 10 === 0) significant /= 10;
    const halfRound = hedge?.qualifier === 'about' && high === undefined && significant >= 10;
    if (hedge && halfRound && !specific) interval = [value * (1 + hedge.low) / 2, top * (1 + hedge.high) / 2];
    else if (hedge && !specific) interval = [value * hedge.low, top * hedge.high];
    else interval = [value - roundingSlack(value, low.step * unit.factor), top + roundingSlack(top, (high ?? low).step * unit.factor)];
    const figure: Figure = {
      kind,
      start: start + this.offset,
      end: end + this.offset,
      text: this.s.slice(start, end),
      value,
      unit: unit.unit,
      qualifier: hedge?.qualifier ?? 'exact',
      low: Math.min(...interval),
      highBound: Math.max(...interval),
    };
    if (highValue !== undefined) figure.high = highValue;
    if (hedge) figure.qualifierStart = hedge.start + this.offset;
    if (kind === 'money' || kind === 'quantity' || kind === 'count') {
      // "33 billion cubic metres of gas a year": the material may come between.
      ofMaterial.lastIndex = end;
      perYear.lastIndex = kind === 'quantity' && ofMaterial.exec(this.s) ? ofMaterial.lastIndex : end;
      if (perYear.exec(this.s)) figure.perYear = true;
    }
    this.figures.push(figure);
    return end;
  }

  private addDate(written: WrittenDate): number {
    return this.addYear(written.start, written.end, written.date, 'date');
  }

  private addYear(start: number, end: number, date: CalendarDate, kind: 'year' | 'date' = 'year'): number {
    const year = date.year;
    // "early 2019", "mid-2020", "by the end of 2018": a part of the year, written as part of the date.
    const part = kind === 'year' ? readYearPartBefore(this.s, start) : undefined;
    if (part) {
      start -= part.length;
      date = { ...date, part: part.part };
    }
    const window = this.s.slice(Math.max(0, start - hedgeWindow), start);
    const m = yearHedgeBefore.exec(window);
    const figure: Figure = {
      kind,
      start: start + this.offset,
      end: end + this.offset,
      text: this.s.slice(start, end),
      value: year,
      unit: kind,
      qualifier: m ? 'about' : 'exact',
      low: m ? year - hedgedYearSlack : year,
      highBound: m ? year + hedgedYearSlack : year,
      date,
    };
    if (m) figure.qualifierStart = start - window.length + m.index + m[0].indexOf(m[1]!) + this.offset;
    this.figures.push(figure);
    return end;
  }
}

function asUnit(noun: CountedNoun | undefined): Unit | undefined {
  if (noun?.duration) return { kind: 'duration', ...durationUnit(noun.unit)!, end: noun.end };
  return noun && { kind: 'count', unit: noun.unit, factor: 1, end: noun.end };
}

function isYearShaped(s: string, n: WrittenNumber): boolean {
  return n.plain && n.scale === 1 && n.end - n.start === 4 && plausibleYear(n.value) && s[n.start - 1] !== '$';
}
