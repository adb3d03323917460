// A date read as the date of an event: what happened (an agreement signed, a body founded or
// joined, an invitation, a visit, a publication) and who took part; or, for a year that
// modifies a noun ("his 2015 article"), the thing it dates. Two dates speak to each other only
// when they date the same kind of event.
import { ownClauseBreak, parentheticalEnd } from '../claims/claims';
import { stem, termsOf, type Term, type Vocabulary } from '../claims/terms';
import type { Figure, Span } from '../types';

export interface Event {
  /** The kind of event, when a word of the sentence names one: "signing", "joining"… */
  action?: string;
  /** Countries and organisations the sentence names. */
  holders: string[];
  /** For a year that dates a thing ("his 2015 article", "Bordachev wrote in 2018"): that thing's term, or "wrote". */
  named?: string;
}

/** Kinds of event and the words that name them. */
const actions: [string, string[]][] = [
  // A document put in force, by a signature or a decree: "the Concept, approved by Putin on 30 November 2016" ("signed off").
  ['signing', ['sign', 'signed', 'signing', 'agreed', 'agreement', 'accord', 'deal', 'treaty', 'memorandum', 'pact', 'contract', 'approve', 'approved', 'approval', 'adopt', 'adopted', 'adoption']],
  ['founding', ['found', 'founded', 'founding', 'establish', 'established', 'establishment', 'create', 'created', 'formed', 'launch', 'launched']],
  ['joining', ['join', 'joined', 'joining', 'membership', 'accession', 'admitted']],
  ['invitation', ['invite', 'invited', 'invitation']],
  ['publication', ['publish', 'published', 'article', 'appeared', 'wrote', 'written']],
  // A plan or paper drawn up: "drafted a roadmap for achieving this in early 2019".
  ['drafting', ['draft', 'drafted', 'drafting', 'drew', 'drawn']],
  ['visit', ['visit', 'visited', 'trip', 'travelled', 'traveled', 'tour']],
  ['opening', ['open', 'opened', 'inaugurated', 'inauguration']],
  // Work begun is not work finished: "began in 2024" says nothing of "due in 2028".
  ['start', ['began', 'begin', 'begun', 'start', 'started', 'commence', 'commenced', 'groundbreaking']],
  ['completion', ['complete', 'completed', 'completion', 'finished', 'due']],
];
const actionOf = new Map<string, string>();
for (const [action, words] of actions) for (const word of words) actionOf.set(stem(word), action);

/** The event a date in `sentence` is the date of. `terms` are the sentence's terms. */
export function eventOf(text: string, date: Figure, sentence: Span, terms: readonly Term[], vocabulary: Vocabulary, dates: readonly Figure[] = []): Event {
  const inSentence = terms.filter((t) => t.start >= sentence.start && t.end <= sentence.end);
  const holders = [...new Set(inSentence.filter((t) => vocabulary.countries.has(t.term) || vocabulary.organisations.has(t.term)).map((t) => t.term))];
  // The event word nearest before the date is its event ("an article published … in November 2017"), but not
  // the infinitive after another ("invitations to join … in 2017" is an invitation); else the first after it.
  const clause = clauseAround(text, date, sentence);
  const words = inSentence.filter((t) => t.start >= clause.start && t.end <= clause.end && actionOf.has(t.term));
  const before = words.filter((t) => t.end <= date.start && !/\bto\s+$/i.test(text.slice(Math.max(0, t.start - 4), t.start)));
  // A word after the date is another date's when that one stands nearer it: "… $3.5 million in 2016, which is why both sides agreed in May 2019 …".
  const nearer = (t: Term): boolean => dates.some((d) => d !== date && Math.abs(d.start - t.end) < t.start - date.end);
  let word = before.at(-1) ?? words.find((t) => t.start >= date.end && !nearer(t));
  // A telling between the event word and the date is what the date dates: "his piece calling the SCO the foundation of Greater
  // Eurasia came out in July 2018"; so, for a date that leads its clause, "On 9 January 2020 Sputnik relayed … had been completed".
  if (word && (word.end <= date.start ? writingVerb.test(text.slice(word.end, date.start)) : opensClause(text, clause, date) && writingVerb.test(text.slice(date.end, word.start)))) word = undefined;
  const event: Event = { holders, action: word && actionOf.get(word.term) };
  let named = namedByYear(text, date, vocabulary);
  // "Dawn reported the deal on 16 October 2015": verbs of writing are too common to be terms, so they are read as words.
  // So are the ways a work comes out: "was brought out … in 2015", "went online on 7 February 2017", "On 9 January 2020 Sputnik relayed …".
  if (!event.action && !named && (writingVerb.test(text.slice(clause.start, date.start)) || (opensClause(text, clause, date) && writingVerb.test(text.slice(date.end, clause.end))))) named = 'wrote';
  if (named) event.named = named;
  // "in a 2015 essay", "Bordachev wrote in 2018": the date of a piece of writing, whatever else the sentence says ("the foundation of Greater Eurasia").
  if (named && (named === 'wrote' || isSaying(named))) event.action = 'publication';
  return event;
}

/** A date's clause: its sentence between the semicolons or ", and" / ", while" around it. */
export function clauseAround(text: string, date: Figure, sentence: Span): Span {
  let start = sentence.start;
  let end = sentence.end;
  for (const m of text.slice(sentence.start, sentence.end).matchAll(ownClauseBreak)) {
    const at = sentence.start + m.index;
    if (at < date.start) start = at;
    else if (at >= date.end) {
      end = at;
      break;
    }
  }
  const closing = parentheticalEnd(text, date, sentence);
  if (closing !== undefined && closing < end) end = closing;
  return { start, end };
}

/** Words of writing and saying (as stems): a draft that dates a statement uses one. */
const sayingWords = ['wrote', 'write', 'written', 'writes', 'appeared', 'appears', 'said', 'say', 'says', 'stated', 'states', 'argued', 'argues', 'observed', 'observes', 'remarked', 'claimed', 'claims', 'declared', 'described', 'describes', 'called', 'calls', 'article', 'articles', 'published', 'publish', 'report', 'reported', 'reports', 'paper', 'papers', 'piece', 'essay', 'essays', 'book', 'analysis', 'column', 'interview', 'speech'];
const sayingStems = new Set(sayingWords.map(stem));
export const isSaying = (term: string): boolean => sayingStems.has(term);

/**
 * The thing a year is the date of, as a subject term: the noun it modifies after a
 * determiner or possessive ("his 2015 article", "the Valdai Club's 2012 report"), or the
 * writing itself when it follows a verb of saying ("Bordachev wrote in 2018").
 */
function namedByYear(text: string, year: Figure, vocabulary: Vocabulary): string | undefined {
  const before = text.slice(Math.max(0, year.start - 30), year.start);
  if (saidIn.test(before)) return 'wrote';
  // "A Sputnik report dated 9 January 2020", "an RT report of 15 December 2019": the date of that piece of writing.
  const piece = pieceDated.exec(before);
  if (piece) return termsOf(piece[1]!, vocabulary)[0]?.term;
  if (!determinerBefore.test(before)) return undefined;
  const next = /^\s+([a-z]+)\b/.exec(text.slice(year.end, year.end + 30))?.[1];
  return next ? termsOf(next, vocabulary)[0]?.term : undefined;
}

/** A piece of writing and the word that gives its date: "report dated", "article of", "essay from". */
const pieceDate = /\b(report|article|essay|paper|piece|book|study|analysis|column|interview|speech|op-ed|editorial|commentary)\s+(?:dated|of|from|published\s+on)\s+(?:the\s+)?/i;
const pieceDated = new RegExp(`${pieceDate.source}$`, 'i');

const writingVerb = /\b(?:wrote|written|reported|relayed|(?:came|come|brought|put)\s+out|went\s+online|posted|ran\s+in|issued|released|printed)\b/i;

/**
 * The words of a sentence that say a work was written or came out ("his essay … was posted"):
 * for the date of a publication they say what kind of event it is, not which work, and a
 * footnote that lists the work has none of them.
 */
export function writingWords(text: string, sentence: Span, terms: readonly Term[]): Span[] {
  const spans: Span[] = terms.filter((t) => t.start >= sentence.start && t.end <= sentence.end && isSaying(t.term)).map((t) => ({ start: t.start, end: t.end }));
  for (const pattern of writingPhrases) for (const m of text.slice(sentence.start, sentence.end).matchAll(pattern)) spans.push({ start: sentence.start + m.index, end: sentence.start + m.index + m[0].length });
  return spans;
}

/** Every telling and every piece's date in a text (writingWords). */
const writingPhrases = [writingVerb, pieceDate].map((pattern) => new RegExp(pattern.source, 'gi'));

/** The date leads its clause, with at most a preposition before it: "On 9 January 2020 Sputnik relayed …". */
function opensClause(text: string, clause: Span, date: Figure): boolean {
  return /^\W*(?:(?:on|in|by|at)\s+)?$/i.test(text.slice(clause.start, date.start));
}
const determinerBefore = /(?:\b(?:his|her|its|their|our|the|this|that|a|an)|['’]s)\s+$/i;
const saidIn = /\b(?:wrote|written|said|stated|argued|observed|noted|remarked|claimed|declared)\s+in\s+$/i;

/** The event of a source date speaks to the draft's: "same", another kind of event ("other"), or nothing to tell ("unknown"). */
export function compareEvents(draft: Event, source: Event): 'same' | 'other' | 'unknown' {
  if (!draft.action || !source.action) return 'unknown';
  return draft.action === source.action ? 'same' : 'other';
}
