// Places in a ranking or a series read as figures of kind 'rank'.
import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../server/src/core/claims/figures';

const ranks = (text: string): string[] => extractFigures(text).filter((f) => f.kind === 'rank').map((f) => `${f.text} =${f.value} ${f.unit}`);

describe('ranks', () => {
  it('read a superlative with its place, and without one as the first', () => {
    expect(ranks('Pakistan is the third most populous member of the SCO.')).toEqual(['third most populous =3 rank:population']);
    expect(ranks('The summit welcomed a second largest delegation of Russia after China.')).toEqual(['second largest =2 rank:size']);
    expect(ranks("Russia sent the summit's second-largest delegation.")).toEqual(['second-largest =2 rank:size']);
    // The largest population, or a member largest by headcount, ranks people.
    expect(ranks('Pakistan has the third-largest population of any SCO member.')).toEqual(['third-largest =3 rank:population']);
    expect(ranks("Pakistan is the SCO's second-largest member by headcount.")).toEqual(['second-largest =2 rank:population']);
    expect(ranks('Russia sent the largest delegation to the summit.')).toEqual(['largest =1 rank:size']);
    expect(ranks('Pakistan ranks third by population among SCO members.')).toEqual(['third =3 rank:population']);
  });

  it('read the place of an event in its series, leaving its name as words', () => {
    expect(ranks('at the close of the 11th session of the Intergovernmental Commission')).toEqual(['11th =11 ordinal:session']);
    expect(ranks('Putin spoke at the second Belt and Road Forum in April 2019.')).toEqual(['second =2 ordinal:forum']);
  });

  it('leave ordinals that place no event, and superlatives without an article', () => {
    expect(ranks('The first phase of the summit was short, and for the first time largest gains went to trade.')).toEqual([]);
  });
});
