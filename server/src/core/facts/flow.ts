// Who sells and who buys in a flow of goods: "Pakistan's exports to Russia" and "Russia's imports
// from Pakistan" are the same flow, exports from Pakistan to Russia.
import { stem, type Term, type Vocabulary } from '../claims/terms';
import type { Fact } from './fact';
import { measures } from './lexicon';

const exportsMeasure = measures.find((m) => m.name === 'exports')!;
const stemsOf = (name: string): Set<string> => new Set(measures.filter((m) => m.name === name).flatMap((m) => m.words.map(stem)));
const exportStems = stemsOf('exports');
const importStems = stemsOf('imports');
const flowStems = new Set([...exportStems, ...importStems]);

/** A word of a flow of goods ("exports", "imported"), as a term. */
export function isFlowTerm(t: Term): boolean {
  return flowStems.has(t.term);
}

/**
 * The word that makes an amount of a material a flow: the nearest word of exports or imports in
 * its clause ("1,742 thousand tonnes of Ethiopian exports", "Imports (to Ethiopia): 1,742"), when
 * the clause names one of the two only: "import and export freight" is both.
 */
export function quantityFlow(inClause: readonly Term[], nearestOf: (keep: (t: Term) => boolean) => Term | undefined): Term | undefined {
  const flows = inClause.filter(isFlowTerm);
  if (!flows.length || (flows.some((t) => exportStems.has(t.term)) && flows.some((t) => importStems.has(t.term)))) return undefined;
  return nearestOf(isFlowTerm);
}

/**
 * Reads a flow's seller and buyer into `fact` from the terms of its clause and of its sentence
 * before the clause: `named` is the word of exports or imports. A flow whose clause names
 * neither side has the sides of the sentence's flow before it: in "Pakistani exports to Russia
 * of $250 million and imports of $150 million" the imports are Pakistan's, from Russia. A sum of
 * money (its measure exports or imports) becomes exports; an amount of a material keeps its
 * measure (a weight), the sides alone saying which way it went.
 */
export function flowRoles(fact: Fact, text: string, named: Term, inClause: readonly Term[], before: readonly Term[], vocabulary: Vocabulary): void {
  const exports = exportStems.has(named.term);
  let holder = countryBefore(text, named, inClause, vocabulary) ?? countryBefore(text, named, before, vocabulary, true);
  let other = partnerAfter(text, named, inClause, vocabulary);
  if (!holder && !other) {
    const earlier = before.filter(isFlowTerm).at(-1);
    const home = earlier && countryBefore(text, earlier, before, vocabulary);
    const partner = earlier && partnerAfter(text, earlier, before, vocabulary);
    // "Ethiopian exports … and 366 thousand tonnes of imports": the imports are Ethiopia's too.
    if (home) holder = home;
    if (home && partner) other = { country: partner.country, role: exports ? 'to' : 'from' };
  }
  if (fact.measure?.name === 'exports' || fact.measure?.name === 'imports') fact.measure = exportsMeasure;
  const seller = exports ? holder : other?.role === 'from' ? other.country : undefined;
  const buyer = exports ? (other?.role === 'to' ? other.country : undefined) : holder;
  if (seller) fact.from = seller;
  if (buyer) fact.to = buyer;
  // "Imports (to Ethiopia)" came into Ethiopia; "Exports (from Ethiopia)" went out of it.
  if (!exports && other?.role === 'to') fact.to = other.country;
  if (exports && !seller && other?.role === 'from') fact.from = other.country;
  // "against imports of $150 million", in a sentence about Pakistan: Pakistan holds them.
  for (const side of [fact.from, fact.to]) if (side && !fact.holders.includes(side)) fact.holders.push(side);
}

/**
 * The country that holds a measure: the nearest before its word ("Pakistan's exports"), else,
 * with `subject`, the sentence's subject: its first country that is not a partner ("to Russia").
 */
function countryBefore(text: string, word: Term, terms: readonly Term[], vocabulary: Vocabulary, subject = false): string | undefined {
  const before = terms.filter((t) => t.end <= word.start && vocabulary.countries.has(t.term));
  // "exports to Russia" names a partner, "with Pakistan's exports" a holder: a possessive is whose the flow is (a term's span holds its "'s").
  const possessive = (t: Term): boolean => /['’]s?$/.test(text.slice(t.start, t.end));
  const after = (t: Term, words: RegExp): boolean => words.test(text.slice(Math.max(0, t.start - 12), t.start));
  // The partner of the flow before is not this one's holder: in "exporting goods worth $150 million to Russia and importing $250 million", Pakistan imports.
  if (!subject) return before.filter((t) => possessive(t) || !after(t, partnerWord)).at(-1)?.term;
  // "with Pakistan exporting goods …": the country before the participle is its subject, not a partner.
  const absolute = (t: Term): boolean => after(t, /\bwith\s+$/i) && /^\s+[a-z]+ing\b/.test(text.slice(t.end, t.end + 20));
  return (before.filter((t) => absolute(t)).at(-1) ?? before.find((t) => possessive(t) || !after(t, partnerOrWith)))?.term;
}

const partnerWord = /\b(?:to|from|into)\s+(?:the\s+)?$/i;
const partnerOrWith = /\b(?:to|from|into|with|and)\s+(?:the\s+)?$/i;

/** "exports to Russia", "imports from China": the partner country and its role. */
function partnerAfter(text: string, word: Term, terms: readonly Term[], vocabulary: Vocabulary): { country: string; role: 'to' | 'from' } | undefined {
  const next = terms.find((t) => t.start > word.end && vocabulary.countries.has(t.term));
  if (!next) return undefined;
  const between = text.slice(word.end, next.start);
  // "Pakistan sold Russia $150 million worth": the country right after a verb of selling buys.
  if (/^\s+$/.test(between) && /^(?:sold|sell|sells|selling|shipped|exported)$/i.test(text.slice(word.start, word.end))) return { country: next.term, role: 'to' };
  const m = /\b(to|from|into)\s+(?:the\s+)?$/i.exec(between);
  if (!m || between.length > 40) return undefined;
  return { country: next.term, role: m[1]!.toLowerCase() === 'from' ? 'from' : 'to' };
}
