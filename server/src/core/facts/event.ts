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
  const word = before.at(-1) ?? words.find((t) => t.start >= date.end && !nearer(t));
  const event: Event = { holders, action: word && actionOf.get(word.term) };
  let named = namedByYear(text, date, vocabulary);
  // "Dawn reported the deal on 16 October 2015": verbs of writing are too common to be terms, so they are read as words.
  if (!event.action && !named && writingVerb.test(text.slice(clause.start, date.start))) named = 'wrote';
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
  if (!determinerBefore.test(before)) return undefined;
  const next = /^\s+([a-z]+)\b/.exec(text.slice(year.end, year.end + 30))?.[1];
  return next ? termsOf(next, vocabulary)[0]?.term : undefined;
}

const writingVerb = /\b(?:wrote|written|reported)\b/i;
const determinerBefore = /(?:\b(?:his|her|its|their|our|the|this|that|a|an)|['’]s)\s+$/i;
const saidIn = /\b(?:wrote|written|said|stated|argued|observed|noted|remarked|claimed|declared)\s+in\s+$/i;

/** The event of a source date speaks to the draft's: "same", another kind of event ("other"), or nothing to tell ("unknown"). */
export function compareEvents(draft: Event, source: Event): 'same' | 'other' | 'unknown' {
  if (!draft.action || !source.action) return 'unknown';
  return draft.action === source.action ? 'same' : 'other';
}
