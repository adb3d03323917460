// The units a figure can carry — currencies, measures, durations and counted nouns — read from
// the words after (or the symbol before) a number, and written back for people.
import type { Figure } from '../types';
import { countries } from './countries';

export interface WrittenUnit {
  kind: 'money' | 'percent' | 'quantity' | 'duration';
  /** Canonical unit: "USD", "%", "km", "year". */
  unit: string;
  /** Multiplies the written value into the canonical unit (miles → km, GW → MW, bcm → m3). */
  factor: number;
  end: number;
}

// ---------------------------------------------------------------------------
// Currencies

/** "$", "US$", "USD ", "Rs " … written before the amount. */
/** ISO 4217 codes a news report writes beside an amount ("UGX 1.3 trillion", "KZT 500 million"). */
const isoCodes = 'USD|EUR|GBP|PKR|INR|RUB|CNY|RMB|JPY|AED|AFN|AUD|AZN|BDT|BRL|CAD|CHF|EGP|ETB|GEL|HKD|IDR|IRR|KES|KGS|KRW|KZT|LKR|MYR|NGN|NPR|PHP|QAR|SAR|SGD|THB|TJS|TMT|TRY|TZS|UAH|UGX|UZS|VND|ZAR';
export const currencyPrefixPattern = String.raw`(?:US ?\$|A\$|C\$|HK\$|S\$|[$€£₹₽₨]|(?:${isoCodes}|USh|TSh|KSh)(?![A-Za-z])|(?<![A-Za-z])(?:Rs|Shs)(?![A-Za-z])\.?)`;
const currencyPrefix = new RegExp(`${currencyPrefixPattern}\\s?(?=\\d)`, 'y');
const symbolCodes: Record<string, string> = {
  $: 'USD', US$: 'USD', A$: 'AUD', C$: 'CAD', HK$: 'HKD', S$: 'SGD', '€': 'EUR', '£': 'GBP', '₹': 'INR', '₽': 'RUB', '₨': 'PKR', Rs: 'PKR', RMB: 'CNY',
  USh: 'UGX', TSh: 'TZS', KSh: 'KES', Shs: 'shilling',
};

/** Whose shillings: a shilling of no country named is compared with no other currency. */
const shillingsOf: Record<string, string> = { Ugandan: 'UGX', Tanzanian: 'TZS', Kenyan: 'KES' };

/** The currency written before an amount at `at`, and where the amount starts. Rupees are Pakistani unless written "₹"/"INR". */
export function readCurrencyPrefix(text: string, at: number): { unit: string; end: number } | undefined {
  currencyPrefix.lastIndex = at;
  const m = currencyPrefix.exec(text);
  if (!m) return undefined;
  const symbol = m[0].replace(/[\s.]/g, '');
  return { unit: symbolCodes[symbol] ?? symbol, end: currencyPrefix.lastIndex };
}

/** "600 million dollars", "a 14-billion-dollar package". */
const currencySuffix =
  new RegExp(String.raw`(?:\s*|-)(?:(US|U\.S\.|American|Pakistani|Indian|Russian|Chinese|Ugandan|Tanzanian|Kenyan)\s+)?(dollars?|euros?|rupees?|roubles?|rubles?|yuan|renminbi|pounds sterling|yen|shillings?|tenge|lari|dirhams?|naira|rand|taka|${isoCodes})(?![A-Za-z])`, 'y');
const currencyWords: Record<string, string> = {
  dollar: 'USD', dollars: 'USD', euro: 'EUR', euros: 'EUR', rupee: 'PKR', rupees: 'PKR', rouble: 'RUB', roubles: 'RUB', ruble: 'RUB', rubles: 'RUB',
  yuan: 'CNY', renminbi: 'CNY', RMB: 'CNY', 'pounds sterling': 'GBP', yen: 'JPY', tenge: 'KZT', lari: 'GEL', dirham: 'AED', dirhams: 'AED', naira: 'NGN', rand: 'ZAR', taka: 'BDT',
};

// ---------------------------------------------------------------------------
// Percentages, measures and durations

const percent = /\s*(?:%|per\s?cent(?![A-Za-z])|pct(?![A-Za-z]))|\s+(percentage\s+points?)(?![A-Za-z])/y;

/** Canonical symbol and factor for each way of writing a measure; longer spellings first. */
const measures: [pattern: string, unit: string, factor: number][] = [
  ['megawatt[- ]hours?|MWh', 'MWh', 1],
  ['gigawatt[- ]hours?|GWh', 'MWh', 1e3],
  ['terawatt[- ]hours?|TWh', 'MWh', 1e6],
  ['kilowatt[- ]hours?|kWh', 'MWh', 1e-3],
  ['megawatts?|MW', 'MW', 1],
  ['gigawatts?|GW', 'MW', 1e3],
  ['kilowatts?|kW', 'MW', 1e-3],
  ['square (?:kilometres?|kilometers?)|sq\\.? ?km|km2|km²', 'km2', 1],
  ['kilometres?|kilometers?|kms?', 'km', 1],
  ['miles?', 'km', 1.609344],
  ['cubic (?:metres?|meters?)|m3|m³', 'm3', 1],
  ['bcm', 'm3', 1e9],
  // Gas in cubic feet: "1.2 billion cubic feet", "40 bcf", "500 mmcfd" (million cubic feet a day).
  ['cubic (?:feet|foot)|cu\\.? ?ft', 'm3', 0.0283168],
  ['bcf', 'm3', 0.0283168e9],
  ['(?:mmcfd|MMcfd|mmscfd|MMscfd)', 'm3', 0.0283168e6],
  ['metres?|meters?', 'm', 1],
  ['(?:metric )?(?:tonnes?|tons?)', 't', 1],
  ['kilograms?|kg', 'kg', 1],
  ['barrels?|bbl', 'bbl', 1],
  // Containers, counted in twenty-foot equivalents: a forty-foot box is two.
  ['twenty-foot equivalent units?|TEUs?', 'TEU', 1],
  ['forty-foot equivalent units?|FEUs?', 'TEU', 2],
  ['hectares?', 'ha', 1],
  ['acres?', 'acre', 1],
];
// A measure followed by "/h" or "/year" is a rate ("5 km/h"), not that measure.
const measure = new RegExp(`(?:${measures.map(([p]) => `(${p})`).join('|')})(?![A-Za-z0-9]|\\/[A-Za-z])`, 'y');

const durationWords: Record<string, string> = {
  year: 'year', years: 'year', yr: 'year', yrs: 'year', month: 'month', months: 'month', week: 'week', weeks: 'week',
  day: 'day', days: 'day', hour: 'hour', hours: 'hour', decade: 'decade', decades: 'decade', century: 'century', centuries: 'century',
};
/** Decades and centuries are counted in years, so "three-quarters of a century" meets "seventy-five years". */
const yearsIn: Record<string, number> = { decade: 10, century: 100 };
/** Weeks are counted in days, so "a week" meets "a four-day visit". */
const daysIn: Record<string, number> = { week: 7 };

/** The unit and factor a duration word is compared in. */
export function durationUnit(word: string): { unit: string; factor: number } | undefined {
  const unit = durationWords[word];
  if (!unit) return undefined;
  if (yearsIn[unit]) return { unit: 'year', factor: yearsIn[unit] };
  return daysIn[unit] ? { unit: 'day', factor: daysIn[unit] } : { unit, factor: 1 };
}
const poundsSuffix = /\s+pounds?(?![A-Za-z])/y;
const scaleBefore = /(?:million|billion|trillion|bn)$/i;
const duration = /(years?|yrs?|months?|weeks?|days?|hours?|decades?|century|centuries)(?![A-Za-z])/y;

/** The unit written right after a number ending at `at`: "%", "dollars", "km", "-megawatt", "years". */
export function readUnit(text: string, at: number): WrittenUnit | undefined {
  percent.lastIndex = at;
  let m = percent.exec(text);
  if (m) return { kind: 'percent', unit: m[1] ? 'pp' : '%', factor: 1, end: percent.lastIndex };
  currencySuffix.lastIndex = at;
  m = currencySuffix.exec(text);
  if (m) {
    const word = m[2]!;
    const unit = /rupee/.test(word) && m[1] === 'Indian' ? 'INR' : /^shilling/.test(word) ? (shillingsOf[m[1] ?? ''] ?? 'shilling') : (currencyWords[word] ?? word);
    return { kind: 'money', unit, factor: 1, end: currencySuffix.lastIndex };
  }
  // "forty-five million pounds": after a scale word, pounds are sterling, not a weight ("300 pounds").
  poundsSuffix.lastIndex = at;
  if (scaleBefore.test(text.slice(Math.max(0, at - 9), at)) && poundsSuffix.exec(text)) return { kind: 'money', unit: 'GBP', factor: 1, end: poundsSuffix.lastIndex };
  const start = unitStart(text, at);
  measure.lastIndex = start;
  m = measure.exec(text);
  if (m) {
    const [, unit, factor] = measures[m.findIndex((g, i) => i > 0 && g !== undefined) - 1]!;
    return { kind: 'quantity', unit, factor, end: measure.lastIndex };
  }
  duration.lastIndex = start;
  m = duration.exec(text);
  if (m) return { kind: 'duration', ...durationUnit(m[1]!)!, end: duration.lastIndex };
  return undefined;
}

/** A unit follows its number glued ("3000kms"), after spaces ("600 MW") or a hyphen ("600-megawatt"). */
function unitStart(text: string, at: number): number {
  let i = at;
  if (text[i] === '-') return i + 1;
  while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\t' || text[i] === '\u00a0')) i++;
  return i;
}

// ---------------------------------------------------------------------------
// Counted nouns

const irregular: Record<string, string> = {
  people: 'person', persons: 'person', men: 'man', women: 'woman', children: 'child', aircraft: 'aircraft', personnel: 'personnel', staff: 'staff',
};
/** Words ending in "s" that are not plural nouns, or plurals that do not count things. */
const notPlural = new Set([
  'is', 'was', 'has', 'does', 'goes', 'says', 'as', 'us', 'its', 'his', 'this', 'thus', 'plus', 'gas', 'yes', 'perhaps', 'always', 'towards',
  'afterwards', 'besides', 'whereas', 'news', 'series', 'species', 'times', 'cents', 'percents', 'others', 'ones', 'lens', 'bus', 'means',
]);
const singularMen = new Set(['specimen', 'regimen', 'abdomen', 'omen', 'stamen', 'amen']);

/** The singular of a lowercase plural noun ("helicopters" → "helicopter", "people" → "person"), or undefined. */
export function singularOf(word: string): string | undefined {
  const irregularForm = irregular[word];
  if (irregularForm) return irregularForm;
  if (word.length < 3 || notPlural.has(word)) return undefined;
  // Businesspeople, townspeople: people.
  if (word.endsWith('people')) return 'person';
  if (word.endsWith('men') && word.length > 4 && !singularMen.has(word)) return `${word.slice(0, -3)}man`;
  if (!word.endsWith('s') || /(?:ss|us|is|ous|ics)$/.test(word)) return undefined;
  if (/[^aeiou]ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(?:ch|sh|x|z)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('sses')) return word.slice(0, -2);
  return word.slice(0, -1);
}

export interface CountedNoun {
  /** The singular noun: "helicopter", "person". */
  unit: string;
  /** "five long years" counts years: a duration. */
  duration: boolean;
  end: number;
}

/** Words that cannot sit between a number and its counted noun. */
const notModifiers = new Set(
  (
    'the a an of in on at by for from to with and or but nor as than that which who whom whose this these those it its their his her our ' +
    'were was is are be been being had have has will would could should may might must can shall did do not no per each every more less ' +
    'most least over under about into onto upon while when where if so yet also only just still even already then now after before since ' +
    'until during between among through across against within without worth later earlier ago apiece respectively combined altogether'
  ).split(' '),
);
/** After "64-": counted nouns. These make something else: "two-fold", "30-odd", "200-strong". */
const notHyphenNouns = new Set('fold odd plus something ish style like based related way sided off time'.split(' '));
/** Number words count "X-noun" only for these nouns ("five-nation tour"); "two-state solution" is a name. */
const hyphenNounsForWords = new Set(['member', 'nation', 'country', 'point']);

const countWord = /[ \t\n\u00a0]+([A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)(?![A-Za-z0-9'’-])/y;
/** What follows a word in title case: another capitalised word, a sign of money, or the end of the title. */
const titleCaseAfter = /^(?:[ \t\u00a0]+[A-Z$€£]|[ \t\u00a0]*(?:$|[–—:.,;)]))/;
const hyphenNoun = /-([a-z]{3,})(?![A-Za-z0-9-])/y;
/** The demonyms whose plural counts people: "810 Pakistanis", "3,000 Afghans" (not "the two Koreas"). */
const demonyms = new Set(countries.flatMap(([name, names]) => names.filter((n) => /^[a-z]+$/.test(n) && !n.endsWith('a') && n !== name)));

/**
 * The counted noun after a number: "75,000 jobs", "200 million potential customers", "four
 * Mi-35 attack helicopters", "five EAEU member states". Up to `modifiers` words may stand
 * between; the noun must be a lowercase plural.
 */
export function readCountedNoun(s: string, at: number, modifiers: number): CountedNoun | undefined {
  let next = at;
  let before: string | undefined;
  let titled: string | undefined;
  for (let seen = 0; seen <= modifiers; seen++) {
    countWord.lastIndex = next;
    const m = countWord.exec(s);
    if (!m) return undefined;
    const word = m[1]!;
    next = countWord.lastIndex;
    if (/^[a-z]+$/.test(word)) {
      // "a 64 strong delegation", "a force 5,000 strong": the group's members, as "64-strong" counts them ("two strong allies" count allies).
      if (seen === 0 && word === 'strong') {
        countWord.lastIndex = next;
        const after = countWord.exec(s)?.[1];
        if (!after || !/^[a-z]+$/.test(after) || !singularOf(after)) return { unit: 'member', duration: false, end: next };
      }
      const noun = singularOf(word);
      // "the five EAEU member states" count the union's members, as "its five members" do.
      if (noun && before === 'member' && memberBodies.has(noun)) return { unit: 'member', duration: false, end: next };
      if (noun) return { unit: noun, duration: durationWords[noun] !== undefined, end: next };
      before = word;
      if (notModifiers.has(word)) return undefined;
    } else if (/^[A-Z][a-z]+s$/.test(word) && demonyms.has(word.slice(0, -1).toLowerCase())) {
      return { unit: 'person', duration: false, end: next };
    } else if (/^[A-Z][a-z]+$/.test(word) && titleCaseAfter.test(s.slice(next, next + 3)) && (titled = singularOf(word.toLowerCase()))) {
      // A headline or a title in title case: "Completion of 13 Projects Worth $11 Billion".
      return { unit: titled, duration: durationWords[titled] !== undefined, end: next };
    } else if (/^[A-Z]{2,6}s$/.test(word)) {
      // "1.32 million TEUs", "40 SUVs": an acronym's plural is the thing it counts.
      return { unit: word.slice(0, -1).toLowerCase(), duration: false, end: next };
    } else if (/^[a-z]+(?:-[a-z]+)+$/.test(word)) {
      // "five co-productions a year": a hyphened noun counts as its last word would.
      const last = word.slice(word.lastIndexOf('-') + 1);
      const noun = notPlural.has(word) ? undefined : singularOf(last);
      if (noun && last.length > 3) return { unit: `${word.slice(0, word.lastIndexOf('-') + 1)}${noun}`, duration: false, end: next };
    } else if (!/^[A-Z][a-z]+$|^[A-Z]{2,6}$|^[A-Z][A-Za-z]*-?\d+[A-Za-z]*$/.test(word)) {
      return undefined;
    }
  }
  return undefined;
}

/** "of the", "of its": what stands between a number and the things it is a part of. */
const partitiveWords = '[ \\t\\n\\u00a0]+of[ \\t\\n\\u00a0]+(?:the|its|their|these|those|our|his|her)(?=[ \\t\\n\\u00a0])';
export const partitive = new RegExp(partitiveWords, 'y');
const partitiveWithin = new RegExp(partitiveWords);

/** A count of some of the things ("90 of the analysts"), read through "of the" (figures.ts). */
export function countsSome(figure: Figure): boolean {
  return figure.kind === 'count' && partitiveWithin.test(figure.text);
}

/** What a union's or a body's members are: "member states", "member countries". */
const memberBodies = new Set(['state', 'country', 'nation', 'economy', 'government']);

/** The noun after "64-" or "five-": "64-member delegation", "five-nation tour". */
export function readHyphenNoun(s: string, at: number, spelledOut: boolean): CountedNoun | undefined {
  hyphenNoun.lastIndex = at;
  const m = hyphenNoun.exec(s);
  if (!m || notHyphenNouns.has(m[1]!)) return undefined;
  // "a 64-strong delegation" counts its members.
  const noun = m[1] === 'strong' ? 'member' : (singularOf(m[1]!) ?? m[1]!);
  if (spelledOut && !hyphenNounsForWords.has(noun)) return undefined;
  return { unit: noun, duration: false, end: hyphenNoun.lastIndex };
}

/** Counted nouns that speak of the same things: 200 million customers are 200 million people, 28 vessels are 28 ships. */
const families: Record<string, string> = {
  customer: 'person', consumer: 'person', resident: 'person', citizen: 'person', inhabitant: 'person', individual: 'person', people: 'person',
  // A 64-member delegation is 64 people; member states are counted as states.
  member: 'person', man: 'person', woman: 'person', businessman: 'person', businesswoman: 'person',
  // "64 Russian business leaders", "64 delegates": the members of a delegation, counted as people.
  leader: 'person', delegate: 'person', representative: 'person', executive: 'person', entrepreneur: 'person', businessperson: 'person', participant: 'person',
  soldier: 'troop', serviceman: 'troop',
  // "38 ships called" and "28 vessels berthed" count the same thing.
  vessel: 'ship', boat: 'ship', carrier: 'ship', tanker: 'ship',
  // "13 schemes" and "13 projects".
  scheme: 'project',
  company: 'firm', enterprise: 'firm',
  date: 'year',
};

/** The unit a figure is compared under: counted people are persons, dates are years. */
export function unitFamily(unit: string): string {
  return families[unit] ?? unit;
}

/** Every unit compared under `family`: "person" takes in customers, members and residents. */
export function unitsInFamily(family: string): string[] {
  return [family, ...Object.keys(families).filter((u) => families[u] === family)];
}

// ---------------------------------------------------------------------------
// Writing units back

const measureNames: Record<string, [one: string, many: string]> = {
  t: ['tonne', 'tonnes'],
  m3: ['cubic metre', 'cubic metres'],
  bbl: ['barrel', 'barrels'],
  TEU: ['TEU', 'TEU'],
  ha: ['hectare', 'hectares'],
  acre: ['acre', 'acres'],
  km2: ['km²', 'km²'],
};
const pluralIrregular: Record<string, string> = { person: 'people', man: 'men', woman: 'women', child: 'children', aircraft: 'aircraft', personnel: 'personnel', staff: 'staff', century: 'centuries' };

/** The unit as written after a number: "km", "tonnes", "members", "people", "years". */
export function unitLabel(unit: string, value: number): string {
  const one = value === 1;
  const named = measureNames[unit];
  if (named) return one ? named[0] : named[1];
  if (/^[A-Z]|^(?:km|m|kg|m3)$/.test(unit)) return unit;
  if (one) return unit;
  return pluralIrregular[unit] ?? pluralOf(unit);
}

function pluralOf(noun: string): string {
  if (noun.endsWith('man')) return `${noun.slice(0, -3)}men`;
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  if (/(?:ch|sh|x|z|s)$/.test(noun)) return `${noun}es`;
  return `${noun}s`;
}
