// Turns prose into comparable subject terms: lower-cased light stems, with countries,
// demonyms and acronyms folded onto one canonical term so that "Kazakh", "Kazakhstani"
// and "Kazakhstan", or "CPEC" and "China-Pakistan Economic Corridor", match.

import { countries } from './countries';

const cityNames = new Set(countries.flatMap(([, , cities]) => cities));

/**
 * A country term written as a city after "in" or "at" is the venue of what the sentence tells
 * ("signed in Tashkent", "the summit in Islamabad"), not a party to it; "Moscow pledged" is.
 */
export function isVenue(text: string, term: Term): boolean {
  return cityNames.has(text.slice(term.start, term.end).toLowerCase()) && /\b(?:in|at)\s+$/i.test(text.slice(Math.max(0, term.start - 4), term.start));
}

/** Organisations and projects often named both ways; sources add their own acronyms. */
export const builtInAcronyms: Record<string, string> = {
  CPEC: 'China-Pakistan Economic Corridor',
  SCO: 'Shanghai Cooperation Organisation',
  EAEU: 'Eurasian Economic Union',
  EEU: 'Eurasian Economic Union',
  BRI: 'Belt and Road Initiative',
  OBOR: 'One Belt One Road',
  SAARC: 'South Asian Association for Regional Cooperation',
  GCC: 'Gulf Cooperation Council',
  CIS: 'Commonwealth of Independent States',
  ASEAN: 'Association of Southeast Asian Nations',
  TAPI: 'Turkmenistan-Afghanistan-Pakistan-India',
  GDP: 'gross domestic product',
  LNG: 'liquefied natural gas',
  EU: 'European Union',
  UN: 'United Nations',
  WTO: 'World Trade Organization',
  IMF: 'International Monetary Fund',
  NATO: 'North Atlantic Treaty Organization',
};

const stopwords = new Set(
  `a an the and or but if of to in on at by for with from into onto over under about around as is are was were be been being
  has have had do does did will would shall should can could may might must its it it's this that these those there their they them
  he she his her him we our us you your i me my which who whom whose what when where why how than then so such not no nor also
  very more most less least much many some any each every other another same both all only just even still yet while since until
  up down out off per via between among across through during before after above below again further once here own too
  one two three four five six seven eight nine ten billion million thousand hundred trillion bn mn percent per cent year years
  said says say stated wrote reported according also thus however although though whether because despite amid within without
  january february march april may june july august september october november december early late end mid
  worth about approximately roughly nearly almost around some least
  stood stand stands standing reached reach reaches reaching came come comes coming amounted amount amounts amounting
  totalled totaled totalling totaling put puts putting
  run runs running ran sat sit sits sitting remain remains remained remaining hover hovers hovered hovering valued
  goods annual annually yearly eventually eventual ultimately`.split(/\s+/),
);

/** Words for a rise, a fall or an intention, folded so that "grew" meets "increase", "fell" meets "decrease" and "hope" meets "plan". */
const trendWords = new Map<string, string>([
  ...'increase increased increases increasing increment grow grew grown grows growing growth rise rose risen rises rising raise raised raising lift lifted boost boosted expand expanded expansion climb climbed climbing climbs jump jumped jumping jumps surge surged surging surges soar soared soaring soars leap leapt leaped double doubled doubling triple tripled tripling higher'
    .split(' ')
    .map((w): [string, string] => [w, 'increas']),
  ...'decrease decreased decreases decreasing fall fell fallen falls falling decline declined declines declining drop dropped drops shrink shrank shrunk contraction contracted slump slumped plunge plunged plunging halve halved lower dip dipped dipping slid slide sliding tumble tumbled tumbling plummet plummeted plummeting'
    .split(' ')
    .map((w): [string, string] => [w, 'decreas']),
  // Words writers use for the same thing: "finished" projects are "completed", a "firm" is a
  // "company", a "scheme" a "project", a "vessel" a "ship", a "price" a "cost", a "pledge" a "promise".
  ...'complete completed completes completing completion finish finished finishes finishing'.split(' ').map((w): [string, string] => [w, 'complet']),
  ...'company companies firm firms enterprise enterprises'.split(' ').map((w): [string, string] => [w, 'compan']),
  ...'project projects scheme schemes'.split(' ').map((w): [string, string] => [w, 'project']),
  ...'ship ships vessel vessels'.split(' ').map((w): [string, string] => [w, 'ship']),
  // A "factory", a "facility" and a "plant" are one thing built.
  ...'plant plants factory factories facility facilities'.split(' ').map((w): [string, string] => [w, 'plant']),
  // "Its price tag came to $2.09bn": what it cost.
  ...'cost costs costing costed price prices priced'.split(' ').map((w): [string, string] => [w, 'cost']),
  ...'pledge pledged pledges pledging promise promised promises promising vow vowed'.split(' ').map((w): [string, string] => [w, 'promis']),
  ...'businessmen businessman businesspeople businesswomen entrepreneurs'.split(' ').map((w): [string, string] => [w, 'business']),
  ...'outlay outlays'.split(' ').map((w): [string, string] => [w, 'invest']),
  // Intentions: "hope to", "aim to", "plan to" say the same of a figure.
  ...'plan plans planned planning hope hopes hoped hoping aim aims aimed aiming intend intends intended intention target targets targeted goal goals ambition ambitions ambitious ambitiously aspire aspires aspiration'
    .split(' ')
    .map((w): [string, string] => [w, 'plan']),
]);

interface Fold {
  /** Lower-cased phrase as it appears in text (words separated by single spaces or hyphens). */
  phrase: string[];
  term: string;
}

export interface Vocabulary {
  /** Canonical terms that are countries, for entity conflict checks. */
  countries: ReadonlySet<string>;
  /** Canonical terms of organisations and projects (acronyms), also entities. */
  organisations: ReadonlySet<string>;
  folds: ReadonlyMap<string, Fold[]>;
}

/** Builds the vocabulary from the built-in lists plus acronyms defined in the sources. */
export function createVocabulary(acronyms: Record<string, string> = {}): Vocabulary {
  const folds = new Map<string, Fold[]>();
  const add = (phrase: string, term: string): void => {
    const words = splitWords(phrase.toLowerCase());
    if (!words.length) return;
    const list = folds.get(words[0]!) ?? [];
    if (!list.some((f) => f.phrase.join(' ') === words.join(' '))) list.push({ phrase: words, term });
    list.sort((a, b) => b.phrase.length - a.phrase.length);
    folds.set(words[0]!, list);
  };
  const countrySet = new Set<string>();
  for (const [canonical, names, cities] of countries) {
    const term = canonical.replace(/ /g, '_');
    countrySet.add(term);
    add(canonical, term);
    for (const name of [...names, ...cities]) add(name, term);
  }
  const organisations = new Set<string>();
  for (const [acronym, expansion] of Object.entries({ ...builtInAcronyms, ...acronyms })) {
    const term = acronym.toLowerCase();
    organisations.add(term);
    add(acronym, term);
    add(expansion, term);
    // "Organization" and "Organisation" are the same word.
    if (/is(e|ation)/i.test(expansion)) add(expansion.replace(/is(e|ation)/gi, 'iz$1'), term);
    if (/iz(e|ation)/i.test(expansion)) add(expansion.replace(/iz(e|ation)/gi, 'is$1'), term);
  }
  return { countries: countrySet, organisations, folds };
}

function splitWords(text: string): string[] {
  return text.split(/[^\p{L}\p{N}.+&']+/u).map((w) => w.replace(/^'+|'+$|\.$/g, '')).filter(Boolean);
}

/** Subject terms of a piece of prose, in order, with their offsets. */
export interface Term {
  term: string;
  start: number;
  end: number;
}

const wordPattern = /[\p{L}\p{N}][\p{L}\p{N}.+&'\u2019]*/gu;

export function termsOf(text: string, vocabulary: Vocabulary, from = 0, to = text.length): Term[] {
  const words: Term[] = [];
  wordPattern.lastIndex = from;
  for (let m = wordPattern.exec(text); m && m.index < to; m = wordPattern.exec(text)) {
    let word = m[0];
    let end = m.index + word.length;
    // Keep "U.S." whole but drop a sentence's final full stop.
    if (word.endsWith('.') && !/^(\p{L}\.)+$/u.test(word)) {
      word = word.replace(/\.+$/, '');
      end = m.index + word.length;
    }
    words.push({ term: word.toLowerCase().replace(/\u2019/g, "'"), start: m.index, end: Math.min(end, to) });
  }
  const out: Term[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const bare = word.term.replace(/'s$|(?<=s)'$/, '').replace(/\.$/, '');
    // "Soviet-era debt" dates the debt; it does not name a party to it.
    const fold = eraAfter(text, word) ? undefined : matchFold(words, i, bare, vocabulary);
    if (fold) {
      out.push({ term: fold.term, start: word.start, end: words[i + fold.length - 1]!.end });
      i += fold.length - 1;
      continue;
    }
    if (stopwords.has(bare) || /^\d/.test(bare) || bare.length < 2) continue;
    out.push({ term: trendWords.get(bare) ?? stem(bare), start: word.start, end: word.end });
  }
  return out;
}

function eraAfter(text: string, word: Term): boolean {
  return /^[-\u2010\u2011]era\b/i.test(text.slice(word.end, word.end + 5));
}

function matchFold(words: Term[], i: number, first: string, vocabulary: Vocabulary): { term: string; length: number } | undefined {
  const candidates = vocabulary.folds.get(first) ?? vocabulary.folds.get(words[i]!.term);
  if (!candidates) return undefined;
  for (const fold of candidates) {
    let ok = true;
    for (let k = 1; k < fold.phrase.length; k++) {
      const w = words[i + k]?.term.replace(/'s$|(?<=s)'$/, '');
      if (w !== fold.phrase[k]) {
        ok = false;
        break;
      }
    }
    if (ok) return { term: fold.term, length: fold.phrase.length };
  }
  return undefined;
}

/** Suffixes removed by the stemmer, longest first; a stem keeps at least four letters. */
const suffixes = ['ations', 'ation', 'ments', 'ment', 'ities', 'ity', 'atic', 'ings', 'ing', 'ions', 'ion', 'ated', 'ates', 'ate', 'acy', 'ies', 'ied', 'ed', 'es', 'er', 'al', 's', 'e', 'y'];

/**
 * A light English stemmer, enough to match "exports"/"export", "rehabilitate"/"rehabilitation"
 * and "diplomatic"/"diplomacy". It conflates more than Porter's; subject scoring tolerates that.
 */
export function stem(word: string): string {
  if (word.length <= 4 || /\d/.test(word)) return word;
  if (/(ss|us|is)$/.test(word)) return word;
  for (const suffix of suffixes) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 4) {
      return word.slice(0, -suffix.length).replace(/(.)\1$/, '$1');
    }
  }
  return word;
}
