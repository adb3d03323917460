// The works a source cites, in its footnotes and its reference list: the date each appeared is
// what a draft's "was published in", "went online on" or "ran in" is checked against.
import { describe, expect, it } from 'vitest';
import { createChecker } from '../../server/src/core/checker';
import { buildCorpus } from '../../server/src/corpus/index';
import { parseSource } from '../../server/src/corpus/parseSource';
import { eventOf } from '../../server/src/core/facts/event';
import { extractFigures } from '../../server/src/core/claims/figures';
import { isDate } from '../../server/src/core/claims/claims';
import { createVocabulary, termsOf } from '../../server/src/core/claims/terms';
import type { Source, Verdict } from '../../server/src/core/types';
import { lines } from './helpers';

/** A source file of `body` lines, with front matter of `id`. */
function source(id: string, ...body: string[]): Source {
  return parseSource({ location: `${id}.md`, bundled: false, text: lines('---', `id: ${id}`, `title: ${id}`, 'year: 2025', '---', '', ...body, '') });
}

const paper = source(
  'paper',
  'Lissovolik set out the idea of trans-regional integration.[^1] Earlier work traced the axis between China and Pakistan.',
  '',
  '[^1]: Lissovolik Ya. On the Paradox of Global Economic Integration. – Valdai International Discussion Club. 30.10.2017. URL: http://valdaiclub.com/a/highlights/on-the-paradox/ (accessed 10.03.2020).',
  '',
  '### References',
  '',
  '- Khan, Rashid Ahmad. "Pakistan–Russia Relations in the Changing Regional Scenario." *Pakistan Horizon* 68, no. 2 (2015): 87–104.',
  '- Small, Andrew. *The China–Pakistan Axis: Asia\'s New Geopolitics*. London: Hurst & Co., 2015.',
);

/** "claim verdict (source value, locator)" for each claim of `kind` in `draft`, against `within`. */
function judged(draft: string, within: Source, kind: Verdict['claim']['kind'] = 'date'): string[] {
  const render = (v: Verdict): string => `${v.claim.text} ${v.verdict}${v.evidence[0] ? ` (${v.evidence[0].sourceValue}, ${v.evidence[0].locator})` : ''}`;
  return createChecker({ corpus: buildCorpus([within]) }).analyse(draft).verdicts.filter((v) => v.claim.kind === kind).map(render);
}

const verdicts = (draft: string): string[] => judged(draft, paper);

describe("a source's reference list", () => {
  it('gives each entry a passage of its own, led by the year the work appeared', () => {
    expect(paper.passages.filter((p) => p.locator.startsWith('reference ')).map((p) => [p.locator, p.text])).toEqual([
      ['reference 1', '2015: Khan, Rashid Ahmad – "Pakistan–Russia Relations in the Changing Regional Scenario" – Pakistan Horizon 68, no. 2: 87–104'],
      ['reference 2', "2015: Small, Andrew – The China–Pakistan Axis: Asia's New Geopolitics – London: Hurst & Co"],
    ]);
  });

  it('supports the year a draft gives for a work it lists, and contradicts another', () => {
    expect(verdicts("Andrew Small's The China–Pakistan Axis was brought out in London by Hurst & Co. in 2015.")).toEqual(['2015 supported (2015, reference 2)']);
    expect(verdicts("Rashid Ahmad Khan's article on Pakistan–Russia relations in the changing regional scenario ran in Pakistan Horizon in 2016.")).toEqual(['2016 contradicted (2015, reference 1)']);
  });
});

describe('a work named by its author and title', () => {
  const eurasia = source(
    'eurasia',
    'Bruno Maçães wrote in his 2018 article titled “Supercontinent Eurasia” that Russia looks east.[^1]',
    '',
    '[^1]: Maçães B. Supercontinent Eurasia. – Valdai International Discussion Club. 15.10.2018.',
    '',
    '## References',
    '',
    '- Blank, Stephen. *Russia and the Future of Eurasia*. Carlisle: Strategic Studies Institute, 2019.',
  );

  it('is not supported by another work of that year whose sentence names the same country', () => {
    expect(judged("Stephen Blank's Russia and the Future of Eurasia, listed in the paper's references, came out in 2018.", eurasia)).toEqual(['2018 contradicted (2019, reference 1)']);
  });
});

describe("a source's footnote", () => {
  it('reads its author and title as one sentence, so a draft that names the title meets both', () => {
    expect(paper.passages.find((p) => p.locator === 'note 1')!.text).toBe('30.10.2017: Lissovolik Ya – On the Paradox of Global Economic Integration – Valdai International Discussion Club');
  });

  it('dates the work it cites, whatever words of writing the draft uses', () => {
    expect(verdicts('His essay “On the Paradox of Global Economic Integration” was posted at the end of October 2018.')).toEqual(['October 2018 contradicted (30.10.2017, note 1)']);
    expect(verdicts('Lissovolik’s “On the Paradox of Global Economic Integration” went online on 30 October 2017.')).toEqual(['30 October 2017 supported (30.10.2017, note 1)']);
  });

  it('is known by what the sentences that cite it say the work reports', () => {
    expect(verdicts('The Valdai Club piece cited for the idea of trans-regional integration appeared in 2018.')).toEqual(['2018 contradicted (30.10.2017, note 1)']);
    expect(verdicts('The Valdai Club piece cited for the idea of trans-regional integration appeared in October 2017.')).toEqual(['October 2017 supported (30.10.2017, note 1)']);
  });
});

describe('a quoted title', () => {
  // Many passages share the title's one word before the footnote that gives it.
  const orders = source(
    'orders',
    ...Array.from({ length: 12 }, (_, i) => `The order of item ${i + 1} was kept in order by orders.\n`),
    'Paikin wrote on the region.[^1]',
    '',
    '[^1]: Paikin Z. Orders Within Orders: A New Paradigm for Greater Eurasia. Russian International Affairs Council, 24.04.2019.',
  );

  it('is found in the footnote that lists it, however common its words', () => {
    expect(judged('Paikin’s “Orders Within Orders” set out the idea.', orders, 'quote')).toEqual(['Orders Within Orders supported (Orders Within Orders, note 1)']);
    expect(judged('Paikin’s “Orders Beyond Orders” set out the idea.', orders, 'quote')[0]).toMatch(/^Orders Beyond Orders misquoted/);
  });
});

describe('the date of a telling', () => {
  const vocabulary = createVocabulary();
  const action = (s: string): string | undefined => eventOf(s, extractFigures(s).filter(isDate)[0]!, { start: 0, end: s.length }, termsOf(s, vocabulary), vocabulary).action;

  it('is a publication when the date leads a clause whose verb tells, before what was told', () => {
    expect(action("On 9 January 2020 Sputnik relayed Islamabad's announcement that 13 projects had been completed.")).toBe('publication');
    expect(action('The essay went online on 7 February 2017.')).toBe('publication');
    // What was done on the day is still what the date dates.
    expect(action('On 9 January 2020 the projects were completed, Sputnik reported.')).toBe('completion');
  });

  it('is a publication when a telling stands between an event word and the date, or the date is a report\'s', () => {
    expect(action("Bordachev's piece calling the SCO the foundation of Greater Eurasia came out in July 2018.")).toBe('publication');
    expect(action("A Sputnik report dated 9 January 2020 carried the government's announcement that the projects had been completed.")).toBe('publication');
    expect(action('In an RT report of 15 December 2019, the analyst said the deal was signed.')).toBe('publication');
    expect(action('The foundation of the SCO in 2001 came out of talks on borders.')).toBe('founding');
  });
});
