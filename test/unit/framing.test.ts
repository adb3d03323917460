// What frames a news sentence rather than states its claim: the dateline and who said it.
import { describe, expect, it } from 'vitest';
import { framingSpans } from '../../server/src/core/claims/framing';

function framing(sentence: string): string[] {
  return framingSpans(sentence, { start: 0, end: sentence.length }).map((s) => sentence.slice(s.start, s.end));
}

describe('the framing of a sentence', () => {
  it.each([
    ['ISLAMABAD, Dec 10 (Asia Wire) - Russia has offered $1 billion, Pakistani officials said on Tuesday, as talks ended.', ['ISLAMABAD, Dec 10 (Asia Wire) - ', ', Pakistani officials said on Tuesday']],
    ['ISLAMABAD, September 18. /TASS/. Russia supports the bid.', ['ISLAMABAD, September 18. /TASS/. ']],
    ['Trade stood at $700 million the previous year, RT said in December 2019.', [', RT said in December 2019']],
    ['The line will cost $1.2 billion, the ministry added.', [', the ministry added']],
    ['Russia said it would invest $14 billion in the energy sector.', []],
    ['The plant, officials say, is 85 percent complete.', [', officials say']],
  ])('%s', (sentence, spans) => {
    expect(framing(sentence)).toEqual(spans);
  });
});
