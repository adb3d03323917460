// The fact model: what a figure measures, for whom, which way, in what modality and when,
// read the same way from a draft's sentence and a source's.
import { describe, expect, it } from 'vitest';
import { clauseOf, isDate, periodOf } from '../../server/src/core/claims';
import { describeFact, differences, factOf, type Fact } from '../../server/src/core/facts/fact';
import { extractFigures } from '../../server/src/core/figures';
import { createVocabulary, termsOf } from '../../server/src/core/terms';

const vocabulary = createVocabulary();

/** The facts of a sentence's amounts, in order. */
function facts(sentence: string): Fact[] {
  const found = extractFigures(sentence, 0, sentence.length);
  const amounts = found.filter((f) => !isDate(f));
  const dates = found.filter(isDate);
  const span = { start: 0, end: sentence.length };
  const terms = termsOf(sentence, vocabulary);
  return amounts.map((f) => factOf(sentence, f, clauseOf(sentence, f, amounts, span), span, terms, vocabulary, periodOf(sentence, f, amounts, dates, span)));
}
const described = (sentence: string): string[] => facts(sentence).map(describeFact);

describe('a fact', () => {
  it('names the measure its own clause gives, not the one of another clause', () => {
    expect(described("Pakistan's exports to Russia reached $150 million while imports from Russia are worth $250 million.")).toEqual([
      'exports pakistan→russia = $150 million',
      'exports russia→pakistan = $250 million',
    ]);
  });

  it('reads a flow the same whichever side names it', () => {
    expect(described("Russia's imports from Pakistan were $150 million.")).toEqual(['exports pakistan→russia = $150 million']);
    expect(described('At the time Pakistan sold goods worth $250 million a year, against imports of $150 million.')).toEqual([
      'exports pakistan→? = $250 million',
      'exports ?→pakistan = $150 million',
    ]);
  });

  it('keeps the year it holds for, and a rise or a fall said beside it', () => {
    expect(described('Trade between Pakistan and Afghanistan rose by 20% in 2018.')).toEqual(['trade pakistan+afghanistan rise 2018 = 20%']);
    expect(described('Bilateral trade fell to $700 million in 2019.')).toEqual(['trade fall 2019 = $700 million']);
  });

  it('tells a goal from what happened', () => {
    expect(described('Both sides agreed to try to raise trade to $10 million a year.')).toEqual(['trade rise = $10 million (goal)']);
    expect(described('Trade stood at $3.5 million in 2016.')).toEqual(['trade 2016 = $3.5 million']);
  });

  it('gives both levels of a change "from X to Y" the subject and the years in order', () => {
    expect(described('Pakistan–Uzbekistan trade more than doubled between 2017 and 2018, from $36 million to above $90 million.')).toEqual([
      'trade pakistan+uzbekistan rise 2017 = $36 million',
      'trade pakistan+uzbekistan 2018 = $90 million',
    ]);
  });
});

describe('two facts speak to each other', () => {
  const [exports, imports] = facts("Pakistan's exports to Russia reached $150 million while imports from Russia are worth $250 million.");
  const differ = (draft: string, source: Fact): string[] => differences(facts(draft)[0]!, source);

  it('when measure, roles, direction and modality agree', () => {
    expect(differ("Russia's imports from Pakistan came to $150 million.", exports!)).toEqual([]);
    expect(differ("Pakistan's exports to Russia were $250 million.", exports!)).toEqual([]);
  });

  it('not when the flow runs the other way, or the measure is another of its kind', () => {
    expect(differ("Pakistan's exports to Russia were $250 million.", imports!)).toEqual(['roles']);
    expect(differ('Trade between the two countries was $150 million.', exports!)).toEqual(['measure']);
  });

  it('not when one is a goal, and as a reversal when one rises where the other falls', () => {
    const [goal] = facts('They plan to raise trade to $150 million.');
    expect(differ('Trade reached $150 million.', goal!)).toEqual(['modality']);
    const [fall] = facts('Trade fell by 20% in 2018.');
    expect(differ('Trade was 20% higher in 2018.', fall!)).toEqual(['direction']);
  });
});
