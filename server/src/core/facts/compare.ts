// Two facts side by side: the parts in which they differ (each a reason they are about
// different things), the parts they share, and both said as a writer reads them.
import type { Fact } from './fact';

/** The parts in which two facts about the same kind of figure disagree: each a reason they are about different things. */
export type Difference = 'measure' | 'goods' | 'roles' | 'pair' | 'people' | 'place' | 'direction' | 'modality' | 'before' | 'some' | 'compared';

export function differences(draft: Fact, source: Fact): Difference[] {
  const found: Difference[] = [];
  const a = draft.measure;
  const b = source.measure;
  if (a && b && a !== b && a.group && a.group === b.group) found.push('measure');
  // Tonnes of chickpeas are not tonnes of lentils: an amount of another material is another fact.
  if (draft.goods && source.goods && !draft.goods.terms.some((g) => source.goods!.terms.includes(g))) found.push('goods');
  // The same flow the other way round: another seller or buyer, or the draft's seller the source's buyer ("Ethiopian exports" against "imports to Ethiopia").
  const swapped = (draft.from !== undefined && draft.from === source.to && draft.from !== source.from) || (draft.to !== undefined && draft.to === source.from && draft.to !== source.to);
  if ((draft.from && source.from && draft.from !== source.from) || (draft.to && source.to && draft.to !== source.to) || swapped) found.push('roles');
  if (draft.place && source.place && draft.place !== source.place) found.push('place');
  // One country of the pair in place of another: India–Afghanistan trade is not Pakistan–Afghanistan's.
  const [p, q] = [draft.pair, source.pair];
  if (p && q && p.some((c) => !q.includes(c)) && q.some((c) => !p.includes(c))) found.push('pair');
  // Trade of a pair the draft's countries leave one of out: "bilateral trade", after a sentence on
  // Pakistan, Russia and India, is not Pakistani-Afghanistani trade.
  // Not where the draft says it is a pair's without naming the pair and names one country only ("Trade between the two countries …, most of it Russian goods").
  else if (!p && q && a?.name === 'trade' && b?.name === 'trade' && !(draft.unnamedPair && draft.holders.length < 2) && draft.holders.length > 0 && q.some((c) => !draft.holders.includes(c))) found.push('pair');
  // A population is one country's: another's is another fact ("the EAEU's … over 200 million" against "Pakistan's over 200 million people").
  if (a?.name === 'population' && b?.name === 'population' && draft.holders.length === 1 && source.holders.length === 1 && draft.holders[0] !== source.holders[0]) found.push('people');
  if (draft.direction !== 'level' && source.direction !== 'level' && draft.direction !== source.direction) found.push('direction');
  // The value a change started from is of another time than the value it reached: "three" in "eight plants, up from three".
  if (Boolean(draft.before) !== Boolean(source.before)) found.push('before');
  // Some of the things is not all of them: "90 of the analysts" against "the 300 analysts".
  if (Boolean(draft.some) !== Boolean(source.some)) found.push('some');
  // The value a thing is set against is another thing's: "lower than the $0.463 … agreed for the Barka East plant".
  if (Boolean(draft.compared) !== Boolean(source.compared)) found.push('compared');
  // A commitment ("Russia will provide $1 billion") is neither a mere aim nor yet an outcome: only a goal against an outcome differs.
  if ((draft.modality === 'goal' && source.modality === 'achieved') || (draft.modality === 'achieved' && source.modality === 'goal')) found.push('modality');
  else if ((draft.modality === 'possible') !== (source.modality === 'possible')) found.push('modality');
  return found;
}

/** Another measure, or the same flow the other way round: a different fact, not a different value of this one. */
export function isOtherFact(difference: Difference): boolean {
  return difference === 'measure' || difference === 'goods' || difference === 'roles' || difference === 'pair' || difference === 'people' || difference === 'before' || difference === 'some' || difference === 'compared';
}

/**
 * One says it was done where the other says it was promised or only planned: "Russia has already
 * invested $14 billion" against "Russia promised a $14 billion investment"; "has built a 600 MW
 * plant" against "developed a project to … establish a 600-megawatt plant".
 */
export function promiseAgainstDeed(draft: Fact, source: Fact): boolean {
  const unmet = (fact: Fact): boolean => fact.modality === 'future' || fact.planned === true;
  return Boolean((draft.done && unmet(source)) || (source.done && unmet(draft)));
}

/** The draft says happened what the source gives only as a goal: "trade reached $10 million a year" against "agreed … to try to raise it to $10 million a year". */
export function goalAsDone(draft: Fact, source: Fact): boolean {
  return draft.modality === 'achieved' && source.modality === 'goal';
}

/** The fact as a line a person reads: "exports pakistan→russia 2018 = $150 million (achieved)". */
export function describeFact(fact: Fact): string {
  const parts: string[] = [];
  if (fact.measure) parts.push(fact.measure.name);
  if (fact.from || fact.to) parts.push(`${fact.from ?? '?'}→${fact.to ?? '?'}`);
  else if (fact.holders.length) parts.push(fact.holders.join('+'));
  if (fact.direction !== 'level') parts.push(fact.direction);
  if (fact.before) parts.push('before');
  if (fact.time) parts.push(fact.time.text);
  else if (fact.context) parts.push(`(${fact.context.text})`);
  return `${parts.join(' ')} = ${fact.figure.text}${fact.modality === 'goal' ? ' (goal)' : fact.modality === 'future' ? ' (future)' : fact.modality === 'possible' ? ' (possible)' : fact.planned ? ' (planned)' : ''}`;
}

/** The parts two facts share, as a writer reads them: ["goods from Pakistan to Russia", "2018"], ["trade", "Pakistan and Uzbekistan", "2017"]. */
export function agreement(draft: Fact, source: Fact): string[] {
  const parts: string[] = [];
  const flow = draft.from && draft.to && draft.from === source.from && draft.to === source.to;
  if (flow) parts.push(`goods from ${title(draft.from!)} to ${title(draft.to!)}`);
  else if (draft.measure && draft.measure.name === source.measure?.name) parts.push(draft.measure.name);
  if (!flow) {
    const shared = draft.holders.filter((h) => source.holders.includes(h));
    if (shared.length) parts.push(shared.map(title).join(' and '));
  }
  const a = draft.time ?? draft.context;
  const b = source.time ?? source.context;
  if (a && b && (a.date?.year ?? a.value) === (b.date?.year ?? b.value)) parts.push(a.text);
  if (draft.modality === 'goal' && source.modality === 'goal') parts.push('as a goal');
  return parts;
}

/** How the source fact differs, in the reader's terms: "for imports", "for a goal". */
export function describeDifference(difference: Difference, source: Fact): string {
  switch (difference) {
    case 'measure':
      return `for ${source.measure!.name}`;
    case 'pair':
      return `for trade between ${(source.pair ?? []).map(title).join(' and ')}`;
    case 'roles':
      return source.from && source.to ? `for goods going from ${title(source.from)} to ${title(source.to)}` : source.from ? `for ${title(source.from)}'s exports` : `for ${title(source.to ?? '?')}'s imports`;
    case 'people':
      return `for the people of ${title(source.holders[0]!)}`;
    case 'place':
      return `at ${source.place}`;
    case 'before':
      return source.before ? 'for the time before the change' : 'for the time after the change';
    case 'some':
      return source.some ? 'for some of them' : 'for all of them';
    case 'compared':
      return source.compared ? 'for what it is compared with' : 'for the thing compared';
    case 'goods':
      return `for ${source.goods!.text}`;
    case 'direction':
      return `for a ${source.direction}`;
    case 'modality':
      if (source.modality === 'possible') return 'as what could be';
      return source.modality === 'goal' ? 'as a goal, not as what happened' : 'as what happened';
  }
}

function title(term: string): string {
  return term.replace(/(^|_)(\p{L})/gu, (_, sep: string, c: string) => (sep ? ' ' : '') + c.toUpperCase());
}

/** Each names a measure and none of the other's: "trade" against "investment", not "investment and loans" against "investment". */
export function otherMeasures(draft: Fact, source: Fact): boolean {
  return draft.named.length > 0 && source.named.length > 0 && !draft.named.some((m) => source.named.includes(m));
}
