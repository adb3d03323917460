// A figure's modality: what happened, an aim or plan, a commitment, or what could be; and
// whether it is said in so many words to have been done. Read from the words around the figure.
import type { Figure, Span } from '../types';
import { goalWords, raiseTo } from './lexicon';
import { withJoin } from '../claims/claims';
import { extractFigures } from '../claims/figures';

/**
 * What happened, an aim or plan, what a party says it will do (a commitment, which either may
 * paraphrase), or what could be ("Russian firms could invest $8 billion"), which is none of them.
 */
export type Modality = 'achieved' | 'goal' | 'future' | 'possible';

/** "will provide", "shall pay": what a party commits to. */
const commitment = /\b(?:will|shall|promised|pledged|vowed|offered|committed)\b/i;

/** The modality of `figure` in `sentence`, from the words before and after it. */
export function modalityOf(text: string, figure: Figure, sentence: Span): Modality {
  const start = figure.qualifierStart ?? figure.start;
  // The end of a change "from X to Y" is said as its start is: "is expected to rise from about 1,050 gigawatt-hours to 1,260 GWh".
  const from = Math.max(sentence.start, start - 60);
  const change = /\bfrom\s[^.;]{1,40}?\bto\s+$/i.exec(text.slice(from, start));
  const base = change && extractFigures(text, from + change.index, start).find((f) => f.kind !== 'year' && f.kind !== 'date');
  if (base) return modalityOf(text, base, sentence);
  // A part of a sum is promised as the sum is: "Russia promised a $14 billion investment …, including $2.5 billion for the pipeline".
  const part = partOfSum(text, figure, sentence);
  const before = text.slice(part ? sentence.start : Math.max(sentence.start, start - 45), start);
  // "to increase trade up to $1 billion": the hedge is part of the aim.
  const withHedge = text.slice(Math.max(sentence.start, start - 45), figure.start);
  // The words after it, up to a break or the next figure: "$100 million to $300 million very soon" makes only the second a goal.
  const after = text.slice(figure.end, Math.min(sentence.end, figure.end + 30)).split(/[,;:(]|\s(?:to|and)\s+(?:[$€£₹]|US\$|\d)/)[0]!;
  // A goal word after the figure is the next figure's when one follows it: "the 1,100-km line is meant to carry 12.4 billion cubic metres".
  const later = goalWords.exec(after);
  const aimsAtNext = later !== null && /\d/.test(text.slice(figure.end + later.index + later[0].length, Math.min(sentence.end, figure.end + later.index + later[0].length + 25)));
  if (goalWords.test(before) || raiseTo.test(before) || raiseTo.test(withHedge) || (later && !aimsAtNext) || goalIsFor.test(text.slice(sentence.start, start))) return 'goal';
  if (possibility.test(before)) return 'possible';
  return commitment.test(before) ? 'future' : 'achieved';
}

/** "The target is for Aktau and Kuryk together to handle 300,000 TEU": a goal said as what it is for, however far before the figure. */
const goalIsFor = /\b(?:target|goal|aim|ambition)\s+(?:is|was|will be)\s+(?:for|that|to)\b[^.;]*$/i;

/** "could invest", "might grow to": what may be, not what was done, promised or aimed at; only for the figure the verb takes ("could give access to a market of 200 million customers" sizes the market). */
const possibility = /\b(?:could|might)\s+(?:(?:well|still|eventually|potentially|one day)\s+)?(?!not\b|never\b|have\b)\w+(?:\s+(?:to|by|up to|as much as|as many as))?\s*$/i;

/** "…, including $2.5 billion for the pipeline", "…, of which $2.5 billion is earmarked …", "…, earmarking $2.25 billion of that sum …": a part of the sum before it. */
export function partOfSum(text: string, figure: Figure, sentence: Span): boolean {
  const start = figure.qualifierStart ?? figure.start;
  const before = text.slice(Math.max(sentence.start, start - 16), start);
  // "…$14 billion for the energy sector, with $2.5 billion earmarked for the pipeline": after a sum, "with" gives a part of it.
  if (/\b(?:including|of which)\s+$/i.test(before)) return true;
  const earlierSum = (): boolean => extractFigures(text, sentence.start, start).some((f) => f.kind === 'money');
  // "Of the $14 billion Moscow promised for the energy sector, $5 billion was set aside for the pipeline": the sentence opens with the sum.
  if (sumOpening.test(text.slice(sentence.start, start)) && /,\s*$/.test(before) && earlierSum()) return true;
  // "…, with $2.5 billion earmarked for the pipeline"; "earmarking $2.25 billion of that sum for the pipeline".
  return ((withRightBefore.test(before) || ofThatSum.test(text.slice(figure.end, figure.end + 30))) && earlierSum());
}

const sumOpening = /^\s*(?:of|out\s+of)\s+(?:the|its|that|this|their)\s/i;
const withRightBefore = new RegExp(`${withJoin}\\s+$`, 'i');

/** Right after a part: "of that sum", "of the total", "of it". */
const ofThatSum = /^\s+(?:of\s+(?:that|this|the)\s+(?:sum|total|amount|package|money|pledge|figure)|of\s+it)\b/i;

/** Words that say a thing was done, right before the figure or its noun: "has already invested", "was spent". */
const doneWords = /\b(?:already|(?:has|have|had)\s+(?:now\s+)?(?:invested|spent|paid|disbursed|delivered|provided|lent|built|completed)|(?:was|were|been)\s+(?:invested|spent|paid|disbursed))\b/i;

export function saidDone(text: string, figure: Figure, sentence: Span): boolean {
  const start = figure.qualifierStart ?? figure.start;
  return doneWords.test(text.slice(Math.max(sentence.start, start - 45), start)) || doneWords.test(text.slice(figure.end, Math.min(sentence.end, figure.end + 25)));
}

/**
 * A plan or proposal to build the thing a figure sizes, earlier in its sentence and not closed
 * by a break: "has developed a project to convert the station to coal and establish a
 * 600-megawatt plant". The plant's size is stated; that it exists is not.
 */
const planToBuild = /\b(?:project|projects|plans?|proposals?|scheme|intends?|intention|aims?|decided|decision|wants?|agreed|agreement|deal)\s+to\s+(?:\w+\s+)?(?:build|construct|establish|set\s+up|develop|convert|install|lay|open|launch|create)\b[^.;:!?]*$/i;

export function plannedThing(text: string, figure: Figure, sentence: Span): boolean {
  const start = figure.qualifierStart ?? figure.start;
  return planToBuild.test(text.slice(Math.max(sentence.start, start - 160), start));
}
