// The words that say what a figure measures, which way it moved and whether it happened:
// data, not rules, so that a writer's configuration can extend it. A word also stands for
// the words that share its stem (terms.ts): "export" for exports, "invest" for investment.

import type { FigureKind } from '../types';

/**
 * Measures and the words that name them. A measure in the same `group` as another is a
 * different quantity of the same kind (a country's exports are not its trade), so a figure
 * for one says nothing of the other. Measures in no group conflict only for a contradiction:
 * a value for a measure the draft's clause does not name contradicts nothing, but the words
 * near a figure name its measure too loosely to rule out support.
 */
export interface Measure {
  name: string;
  words: string[];
  group?: string;
  /** The kinds of figure it measures, when not every kind (a share is a percentage, not money). */
  kinds?: FigureKind[];
}

/** What trade, money put in or owed can be counted in: not a time ("spent five days", "the Minister of Industry and Trade's four-day visit"). */
const amounts: FigureKind[] = ['money', 'percent', 'count'];
// Money put in, lent or owed is money, or a share of it: "allocated 300 scholarships" counts scholarships.
const sums: FigureKind[] = ['money', 'percent'];

export const measures: Measure[] = [
  { name: 'exports', words: ['export', 'shipment', 'sold', 'sales', 'sell', 'selling'], group: 'trade', kinds: amounts },
  { name: 'imports', words: ['import', 'purchase', 'bought', 'buy', 'buying'], group: 'trade', kinds: amounts },
  { name: 'trade', words: ['trade', 'turnover', 'commerce', 'two-way', 'bilateral'], group: 'trade', kinds: amounts },
  { name: 'surplus', words: ['surplus'], group: 'balance', kinds: amounts },
  { name: 'deficit', words: ['deficit'], group: 'balance', kinds: amounts },
  // Money put into something: invested, pledged, allocated, or what it costs.
  { name: 'investment', words: ['investment', 'investor', 'invest', 'outlay', 'fdi', 'pledge', 'promise', 'allocate', 'allocated', 'allocation', 'earmark', 'earmarked', 'cost', 'costs', 'costing'], kinds: sums },
  // "a $46 billion project": money a project is worth is what is invested in it.
  { name: 'investment', words: ['project', 'projects'], kinds: ['money'] },
  // "Its price tag has risen to $1.35 billion", "a valuation of $5 billion": what a thing costs or is worth.
  { name: 'investment', words: ['price', 'valuation'], kinds: ['money'] },
  // "Russia's commitment to the pipeline", "committed $2.5 billion": money promised.
  { name: 'investment', words: ['commitment', 'commitments', 'committed'], kinds: ['money'] },
  // "Russia has offered one billion dollars to revive …", "financial assistance worth $1 billion": money given for something.
  { name: 'investment', words: ['offer', 'assistance', 'aid'], kinds: ['money'] },
  { name: 'loan', words: ['loan', 'credit', 'lend', 'lent', 'borrow'], kinds: sums },
  { name: 'debt', words: ['debt', 'arrears', 'owed', 'repay', 'repaid', 'repayment', 'settlement', 'settled', 'paid', 'payment'], kinds: sums },
  { name: 'spending', words: ['spend', 'spent', 'spending', 'expenditure'], kinds: sums },
  // Money earned: "tourism earnings", "revenue from the toll", "receipts".
  { name: 'revenue', words: ['earnings', 'earned', 'revenue', 'revenues', 'receipts', 'income', 'proceeds'], kinds: sums },
  { name: 'members', words: ['members', 'delegation', 'strong'], kinds: ['count'] },
  { name: 'population', words: ['population', 'people', 'inhabitants', 'citizens', 'residents'], kinds: ['count'] },
  { name: 'share', words: ['share', 'stake'], kinds: ['percent'] },
  // What a thing or a service is charged at: "a levelised tariff of $0.412 per cubic metre", "tuition of $9,500 a year", "a 35% tariff on rice".
  { name: 'price', words: ['tariff', 'tariffs', 'fee', 'fees', 'fare', 'tuition'], kinds: ['money', 'percent'] },
  // "Output fell 8.5 percent", "production rose": a change in what is produced (a quantity says so by its unit).
  { name: 'output', words: ['output', 'produce'], kinds: ['percent'] },
];

/** What a physical quantity measures (a length, a capacity) its canonical unit says (units.ts); other units name themselves. */
export const measureOfUnit: Record<string, string> = { km: 'length', m: 'length', MW: 'capacity', kW: 'capacity', m3: 'volume', bcm: 'volume', t: 'weight', bpd: 'output' };

/** A rise and a fall, as terms.ts folds their words ("grew", "higher"; "fell", "lower"). */
export const riseTerm = 'increas';
export const fallTerm = 'decreas';

/**
 * Words that make a figure a plan, goal or expectation rather than what happened. A verb of
 * intent counts with its infinitive ("aims to carry", "plans to raise"): "the planned link"
 * and "plans for a plant" name a thing, they do not make its figure a goal. An expectation or
 * projection ("an expected total of") is always one.
 */
export const goalWords =
  /\b(?:(?:plan(?:s|ned|ning)?|aim(?:s|ed|ing)?|intend(?:s|ed)?|hop(?:e|es|ed|ing)|seek(?:s|ing)?|sought|want(?:s|ed)?|is|are|was|were|meant|set|designed)\s+to|want(?:s|ed)?\s+(?:[\w'-]+\s+){1,5}to|should|targets?|targeted|goals?|ambitio\w*|aspir\w*|expect(?:s|ed|ation|ations)?|projected|projections?|call(?:s|ed|ing)?\s+for|work(?:s|ed|ing)?\s+towards?|aim(?:s|ed|ing)?\s+(?:for|at)|envisag\w*|forecast\w*|eventual(?:ly)?|one day|soon|in the future|in (?:the )?next)\b/i;
/** "agreed to raise it to $10 million", "has spoken of lifting it to $500 million": the figure an infinitive, or a gerund after "of", "on" or "towards", aims at. */
export const raiseTo = /\b(?:to\s+(?:try\s+to\s+)?(?:increase|raise|grow|boost|expand|lift|triple|double|bring|take)|(?:of|on|towards?)\s+(?:increas|rais|grow|boost|expand|lift|tripl|doubl|bring|tak)ing)\b[^.;]{0,45}\bto\s*$/i;
