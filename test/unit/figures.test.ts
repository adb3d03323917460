import { describe, expect, it } from 'vitest';
import { formatFigure, intervalsOverlap, sameUnit } from '../../server/src/core/claims/figureFormat';
import { extractFigures } from '../../server/src/core/claims/figures';
import { hedges } from '../../server/src/core/claims/hedges';
import { formatScaled, readNumber } from '../../server/src/core/claims/numbers';
import type { Figure } from '../../server/src/core/types';

/** 13e9 → "13e9", 3450000 → "3.45e6", 2016 → "2016": values read at a glance. */
function num(x: number): string {
  for (const k of [12, 9, 6]) if (Math.abs(x) >= 10 ** k) return `${Number((x / 10 ** k).toFixed(6))}e${k}`;
  return String(Number(x.toPrecision(10)));
}

/** "5-16 money $13 billion =13e9 USD [12.5e9,13.5e9]", with "over@47" for a hedge and "per-year". */
function render(f: Figure): string {
  const value = f.high === undefined ? num(f.value) : `${num(f.value)}..${num(f.high)}`;
  const hedge = f.qualifier === 'exact' ? '' : ` ${f.qualifier}@${f.qualifierStart}`;
  const date = f.kind === 'date' && f.date ? ` ${f.date.year}-${f.date.month ?? ''}-${f.date.day ?? ''}` : '';
  return `${f.start}-${f.end} ${f.kind} ${f.text} =${value} ${f.unit}${hedge} [${num(f.low)},${num(f.highBound)}]${f.perYear ? ' per-year' : ''}${f.vague ? ' vague' : ''}${date}`;
}

function expectFigures(text: string, expected: string[]): void {
  const figures = extractFigures(text);
  expect(figures.map(render)).toEqual(expected);
  for (const f of figures) expect(text.slice(f.start, f.end)).toBe(f.text);
}

function only(text: string): Figure {
  const figures = extractFigures(text);
  expect(figures).toHaveLength(1);
  return figures[0]!;
}

describe('extractFigures on sentences from the sources', () => {
  it('CPEC investment: completed and expected totals, and the month', () => {
    expectFigures(
      "with $13 billion worth of projects completed in January 2020 out of an expected eventual total investment of $60 billion (thus making it China's largest BRI infrastructure investment anywhere in the world)",
      ['5-16 money $13 billion =13e9 USD [12.5e9,13.5e9]', '48-60 date January 2020 =2020 date [2020,2020] 2020-1-', '109-120 money $60 billion =60e9 USD [59.5e9,60.5e9]', '145-152 rank largest =1 rank:size [1,1]'],
    );
  });

  it('"up to" a round value opens the interval downwards, by a quarter; "up to" a precise value is that value', () => {
    const round = only('the line could carry up to $500 million of goods');
    expect([round.low, round.highBound]).toEqual([375e6, 500e6]);
    const precise = only('the full line would carry up to 12.4 billion cubic metres of gas a year');
    expect([precise.qualifier, num(precise.low), num(precise.highBound)]).toEqual(['at-most', '12.35e9', '12.45e9']);
  });

  it('"at least" opens the interval upwards', () => {
    expectFigures('the project has already secured at least $46 billion in “commitment of investment and concessional loans”', [
      '41-52 money $46 billion =46e9 USD at-least@32 [46e9,69e9]',
    ]);
  });

  it('a 64-member delegation and a four-day visit; "several billion dollars" is a vague figure, two to ten billion', () => {
    expectFigures(
      'a 64-member delegation of Russian businessmen led by Russian Minister of Industry and Trade Denis Manturov traveled to Pakistan for a four-day visit and signed several billion dollars’ worth of mostly unspecified agreements',
      ['2-11 count 64-member =64 member [63.5,64.5]', '134-142 duration four-day =4 day [3.8,4.2]', '160-183 money several billion dollars =2e9 USD about@undefined [2e9,10e9] vague'],
    );
  });

  it('money written without a number: "billions of dollars", "tens of billions", "hundreds of millions"', () => {
    expectFigures('It brings billions of dollars, tens of billions of dollars and hundreds of millions of dollars.', [
      '10-29 money billions of dollars =2e9 USD about@undefined [2e9,1e12] vague',
      '31-58 money tens of billions of dollars =10e9 USD about@undefined [10e9,100e9] vague',
      '63-94 money hundreds of millions of dollars =100e6 USD about@undefined [100e6,1e9] vague',
    ]);
  });

  it('a 600-megawatt plant', () => {
    expectFigures('establish a 600-megawatt coal-fired power plant at Jamshoro.', ['12-24 quantity 600-megawatt =600 MW [599.5,600.5]']);
  });

  it('"for a week" is seven days, as "a seven-day visit" is; "for a year" is left alone (it mostly means per year)', () => {
    expect(only('The delegation stayed for a week.')).toMatchObject({ kind: 'duration', value: 7, unit: 'day', text: 'a week' });
    expect(only('a two-week visit')).toMatchObject({ value: 14, unit: 'day' });
    expect(extractFigures('They stayed for a year.')).toEqual([]);
  });

  it('a small number word counts a noun after one adjective, but not after a determiner', () => {
    expect(only('countries into three great spaces:')).toMatchObject({ kind: 'count', value: 3, unit: 'space' });
    expect(extractFigures('the three great powers')).toEqual([]);
  });

  it('a capitalised plural in a title counts, as a lowercase one does, but a name before a lowercase word does not', () => {
    expect(only('Completion of 13 Projects Worth a Fortune')).toMatchObject({ kind: 'count', value: 13, unit: 'project' });
    expect(only('Pakistan receives 5 Mi-35 Helicopters')).toMatchObject({ kind: 'count', value: 5, unit: 'helicopter' });
    expect(extractFigures('He met 12 Members of Parliament')).toEqual([]);
  });

  it('a demonym in the plural counts people ("810 Pakistanis"), but a country named twice ("the two Koreas") does not', () => {
    expect(only('810 Pakistanis and many others lost their lives')).toMatchObject({ kind: 'count', value: 810, unit: 'person' });
    expect(only('some 3,000 Afghans crossed')).toMatchObject({ kind: 'count', value: 3000, unit: 'person' });
    expect(extractFigures('the leaders of two Koreas met')).toEqual([]);
  });

  it('"a 64-strong delegation" counts its members, as "a 64-member delegation" does', () => {
    expect(only('a 64-strong delegation')).toMatchObject({ kind: 'count', value: 64, unit: 'member' });
    // Without its hyphen too, before the group's name or after it; "two strong allies" count allies.
    expect(only('a 64 strong delegation')).toMatchObject({ kind: 'count', value: 64, unit: 'member', text: '64 strong' });
    expect(only('the delegation, 64 strong, arrived')).toMatchObject({ kind: 'count', value: 64, unit: 'member' });
    expect(only('Pakistan has 2 strong allies')).toMatchObject({ kind: 'count', value: 2, unit: 'ally' });
  });

  it('a share written as a fraction is a percentage: "rose by a fifth", "a quarter of the total", but not "a third party"', () => {
    expect(only('Trade rose by a fifth in the first half').value).toBe(20);
    expect(only('a quarter of the total').unit).toBe('%');
    expect(extractFigures('a third party')).toEqual([]);
    expect(only('a quarter of a century').kind).toBe('duration');
    // Any numerator: "two-thirds", "three-quarters of the total", "almost two-fifths".
    expect(Math.round(only('Sales climbed by two-thirds').value)).toBe(67);
    expect(only('three-quarters of the total').value).toBe(75);
    // Before "of a" and after "at least": "must contribute at least a fifth of a film's budget".
    expect(only("must contribute at least a fifth of a film's budget")).toMatchObject({ unit: '%', value: 20, qualifier: 'at-least' });
    expect(only('a third of each shipment').value).toBeCloseTo(33.3, 1);
    expect([only('almost two-fifths').text, only('almost two-fifths').value]).toEqual(['two-fifths', 40]);
    // "between a quarter and half a billion dollars": the low end borrows the scale of the high end.
    const range = only('could grow to between a quarter and half a billion dollars');
    expect([range.text, range.low, range.highBound]).toEqual(['a quarter and half a billion dollars', 250e6, 500e6]);
  });

  it('a fraction after a hedge is a share with that hedge: "roughly a ninth", "almost a third"', () => {
    const ninth = only('roughly a ninth of all its crude imports');
    expect([ninth.text, ninth.qualifier, Math.round(ninth.value * 10) / 10]).toEqual(['a ninth', 'about', 11.1]);
    expect(only('almost a third').qualifier).toBe('nearly');
    expect(extractFigures('a third country')).toEqual([]);
  });

  it('a hyphen between the number and its scale word: "USD10-billion", "a $14-billion plan"', () => {
    expect(only('a USD10-billion credit line').value).toBe(10e9);
    expect(only('a $14-billion plan').text).toBe('$14-billion');
  });

  it('a currency word after a hyphen: "a 14-billion-dollar package" is money, not a count of dollars', () => {
    expectFigures('part of a 14-billion-dollar package', ['10-27 money 14-billion-dollar =14e9 USD [13.5e9,14.5e9]']);
  });

  it('pounds after a scale word are sterling; a thousand written in words takes the hundreds after it', () => {
    expect([only('The campus cost forty-five million pounds.')].map((f) => `${f.kind} ${f.text} ${f.unit} ${num(f.value)}`)).toEqual(['money forty-five million pounds GBP 45e6']);
    expect([only('He weighed 300 pounds.')].map((f) => `${f.kind} ${f.unit} ${num(f.value)}`)).toEqual(['count pound 300']);
    expect([only('Annual tuition is set at nine thousand five hundred dollars.')].map((f) => `${f.kind} ${f.text} ${f.unit} ${num(f.value)}`)).toEqual(['money nine thousand five hundred dollars USD 9500']);
    expect([only('Two thousand and forty students came.')].map((f) => `${f.kind} ${f.unit} ${num(f.value)}`)).toEqual(['count student 2040']);
  });

  it('bilateral trade, exports and imports; "the two nations" points back, it does not count', () => {
    expectFigures(
      'the two nations aim to increase bilateral trade which last year stood at $700 million. Pakistan’s exports to Russia reached $150 million while imports from Russia are worth $250 million.',
      ['73-85 money $700 million =700e6 USD [699.5e6,700.5e6]', '124-136 money $150 million =150e6 USD [149.5e6,150.5e6]', '173-185 money $250 million =250e6 USD [249.5e6,250.5e6]'],
    );
  });

  it('"slightly more than" is a narrow "over"; "a year" marks a yearly figure', () => {
    expectFigures(
      'Pakistani-Kyrgyzstani trade was practically non-existent at only slightly more than $3.5 million in 2016, which is why both sides agreed in May 2019 to try to raise it to $10 million a year',
      [
        '84-96 money $3.5 million =3.5e6 USD over@65 [3.5e6,4.025e6]',
        '100-104 year 2016 =2016 year [2016,2016]',
        '140-148 date May 2019 =2019 date [2019,2019] 2019-5-',
        '171-182 money $10 million =10e6 USD [9.5e6,10.5e6] per-year',
      ],
    );
  });

  it('a range shares its scale; "Strategy 2050" is a name, and "one day" is not a duration', () => {
    expectFigures(
      'at less than $25 million a year in 2018, but that didn’t stop the latter’s ambassador in Islamabad from hoping that it could one day grow to $250-500 million as part of his country’s “Strategy 2050”',
      ['13-24 money $25 million =25e6 USD under@3 [12.5e6,25e6] per-year', '35-39 year 2018 =2018 year [2018,2018]', '141-157 money $250-500 million =250e6..500e6 USD [249.5e6,500.5e6]'],
    );
  });

  it('"from $36 million … to over $90 million" and "$100 million to $300 million" are two figures each, not ranges', () => {
    expectFigures(
      'more than doubling from $36 million in 2017 to over $90 million in 2018, with an eye towards tripling its 2019 amount of around $100 million to $300 million “very soon”',
      [
        '24-35 money $36 million =36e6 USD [35.5e6,36.5e6]',
        '39-43 year 2017 =2017 year [2017,2017]',
        '52-63 money $90 million =90e6 USD over@47 [90e6,135e6]',
        '67-71 year 2018 =2018 year [2018,2018]',
        '106-110 year 2019 =2019 year [2019,2019]',
        '128-140 money $100 million =100e6 USD about@121 [90e6,110e6]',
        '144-156 money $300 million =300e6 USD [299.5e6,300.5e6]',
      ],
    );
  });

  it('"around" and a percentage', () => {
    expectFigures('which sat at around $1 billion in 2018 (representing a 20% decrease from the year prior', [
      '20-30 money $1 billion =1e9 USD about@13 [900e6,1.1e9]',
      '34-38 year 2018 =2018 year [2018,2018]',
      '55-58 percent 20% =20 % [19.5,20.5]',
    ]);
  });

  it('a count with a modifier between number and noun', () => {
    expectFigures('Kazakhstan and Kyrgyzstan could obtain a new market of over 200 million potential customers', [
      '60-91 count 200 million potential customers =200e6 customer over@55 [200e6,300e6]',
    ]);
  });

  it('"billion of dollars" is vague; "3000kms" is a distance', () => {
    expectFigures(
      'CPEC touted by Premier Xi Jinping in 2013 now brings billion of dollars of investment in Pakistan with its plan of connecting Gwadar to Kashghar that covers 3000kms.',
      ['37-41 year 2013 =2013 year [2013,2013]', '157-164 quantity 3000kms =3000 km [2999.5,3000.5]'],
    );
  });

  it('seventy-five years is a duration', () => {
    expectFigures('In 2024, Russia and China have celebrated seventy-five years of diplomacy.', [
      '3-7 year 2024 =2024 year [2024,2024]',
      '42-60 duration seventy-five years =75 year [74.5,75.5]',
    ]);
  });

  it('years of events', () => {
    expectFigures('Pakistan became a friendly country on the directive of Mao in 1951', ['62-66 year 1951 =1951 year [1951,1951]']);
    expectFigures('In 1966, the Karakoram Highway connected Xinjiang to Gilgit Pakistan', ['3-7 year 1966 =1966 year [1966,1966]']);
    expectFigures('its admission in United Nations in 1971.', ['35-39 year 1971 =1971 year [1971,1971]']);
  });

  it('an investment and a part of it', () => {
    expectFigures('Russia promised a $14 billion investment in Pakistan’s energy sector, including $2.5 billion for the North-South pipeline project', [
      '18-29 money $14 billion =14e9 USD [13.5e9,14.5e9]',
      '80-92 money $2.5 billion =2.5e9 USD [2.45e9,2.55e9]',
    ]);
  });

  it('model names are not counts', () => {
    expectFigures('Russia’s Sukhoi Superjet 100 (SSJ-100) planes will be supplied', []);
  });

  it('years after "the end of" and months; an ordinal is the place of its event in a series, not an amount', () => {
    expectFigures('approved by President Putin at the end of 2016', ['31-46 year the end of 2016 =2016 year [2016,2016]']);
    expectFigures('in an article published before the APEC Summit in November 2017', ['50-63 date November 2017 =2017 date [2017,2017] 2017-11-']);
    expectFigures('The 25th APEC Economic Leaders’ Meeting', ['4-8 rank 25th =25 ordinal:meeting [25,25]']);
  });

  it('the unsourced claims of the evaluation set', () => {
    expectFigures('Russia delivered four Mi-35 attack helicopters to Pakistan in 2017.', [
      '17-46 count four Mi-35 attack helicopters =4 helicopter [3.8,4.2]',
      '62-66 year 2017 =2017 year [2017,2017]',
    ]);
    expectFigures('CPEC has created more than 75,000 jobs for Pakistani workers.', ['27-38 count 75,000 jobs =75000 job over@17 [75000,112500]']);
    expectFigures('The Gwadar port handled 1.2 million tonnes of cargo in 2021.', [
      '24-42 quantity 1.2 million tonnes =1.2e6 t [1.15e6,1.25e6]',
      '55-59 year 2021 =2021 year [2021,2021]',
    ]);
    expectFigures("Pakistan's GDP grew by 5.8% in 2018.", ['23-27 percent 5.8% =5.8 % [5.75,5.85]', '31-35 year 2018 =2018 year [2018,2018]']);
    expectFigures('The TAPI pipeline will carry 33 billion cubic metres of gas a year.', ['29-52 quantity 33 billion cubic metres =33e9 m3 [32.5e9,33.5e9] per-year']);
    expectFigures('Russia and Pakistan held their first joint military exercise in 2016 with 200 troops.', [
      '64-68 year 2016 =2016 year [2016,2016]',
      '74-84 count 200 troops =200 troop [199.5,200.5]',
    ]);
  });
});

describe('money', () => {
  it('reads the currencies of other countries by code, local symbol or name, and shillings of no country as no other currency', () => {
    const read = (text: string): string[] => extractFigures(text).map((f) => `${f.unit} ${formatFigure(f)}`);
    expect(read('UGX 1.3 trillion, KZT 500 million, 2 billion AZN')).toEqual(['UGX UGX 1.3 trillion', 'KZT KZT 500 million', 'AZN AZN 2 billion']);
    expect(read('TSh 780 billion, KSh 5 billion, 1.3 trillion Ugandan shillings, 500 million tenge')).toEqual(['TZS TZS 780 billion', 'KES KES 5 billion', 'UGX UGX 1.3 trillion', 'KZT KZT 500 million']);
    expect(read('Shs3.5 million, 4 million shillings')).toEqual(['shilling 3.5 million shillings', 'shilling 4 million shillings']);
  });

  it('reads currency symbols, codes and scale abbreviations', () => {
    expectFigures('US$13bn, USD 5 million, $10mn, $10 million, $500m, $1 trillion, US $5 million, $ 5 million', [
      '0-7 money US$13bn =13e9 USD [12.5e9,13.5e9]',
      '9-22 money USD 5 million =5e6 USD [4.75e6,5.25e6]',
      '24-29 money $10mn =10e6 USD [9.5e6,10.5e6]',
      '31-42 money $10 million =10e6 USD [9.5e6,10.5e6]',
      '44-49 money $500m =500e6 USD [499.5e6,500.5e6]',
      '51-62 money $1 trillion =1e12 USD [950e9,1.05e12]',
      '64-77 money US $5 million =5e6 USD [4.75e6,5.25e6]',
      '79-90 money $ 5 million =5e6 USD [4.75e6,5.25e6]',
    ]);
    // A wire service's "mln" and "bln".
    expectFigures('$1 bln, $250 mln', ['0-6 money $1 bln =1e9 USD [950e6,1.05e9]', '8-16 money $250 mln =250e6 USD [249.5e6,250.5e6]']);
  });

  it('reads other currencies, rupees as PKR unless Indian', () => {
    expectFigures('Rs 5 billion, PKR 7bn, €2bn, £3bn, ₹500 crore, 5 million Indian rupees, 50 lakh rupees, 3 billion roubles, 10 billion yuan', [
      '0-12 money Rs 5 billion =5e9 PKR [4.75e9,5.25e9]',
      '14-21 money PKR 7bn =7e9 PKR [6.65e9,7.35e9]',
      '23-27 money €2bn =2e9 EUR [1.9e9,2.1e9]',
      '29-33 money £3bn =3e9 GBP [2.85e9,3.15e9]',
      '35-45 money ₹500 crore =5e9 INR [4.995e9,5.005e9]',
      '47-70 money 5 million Indian rupees =5e6 INR [4.75e6,5.25e6]',
      '72-86 money 50 lakh rupees =5e6 PKR [4.95e6,5.05e6]',
      '88-105 money 3 billion roubles =3e9 RUB [2.85e9,3.15e9]',
      '107-122 money 10 billion yuan =10e9 CNY [9.5e9,10.5e9]',
    ]);
  });

  it('reads rupees written against the number ("Rs401 billion", "Rs3bn"), not inside a word', () => {
    expectFigures('dues of Rs401 billion and a subsidy of Rs3bn', ['8-21 money Rs401 billion =401e9 PKR [400.5e9,401.5e9]', '39-44 money Rs3bn =3e9 PKR [2.85e9,3.15e9]']);
    expect(extractFigures('XRs401 billion')).toEqual([]);
  });

  it('reads a currency written after the amount', () => {
    expectFigures('60 billion dollars and two million US dollars', [
      '0-18 money 60 billion dollars =60e9 USD [59.5e9,60.5e9]',
      '23-45 money two million US dollars =2e6 USD [1.9e6,2.1e6]',
    ]);
  });

  it('normalises scale: $0.7 billion is $700 million', () => {
    const f = only('$0.7 billion');
    expect(f.value).toBe(700e6);
    expect(formatFigure(f)).toBe('$700 million');
  });

  it('tolerates rounding as written: half a unit of the last digit, at most 5%', () => {
    expect(render(only('$3.5 million'))).toBe('0-12 money $3.5 million =3.5e6 USD [3.45e6,3.55e6]');
    expect(render(only('$1 billion'))).toBe('0-10 money $1 billion =1e9 USD [950e6,1.05e9]');
    expect(render(only('$60 billion'))).toBe('0-11 money $60 billion =60e9 USD [59.5e9,60.5e9]');
    expect(render(only('$5.50'))).toBe('0-5 money $5.50 =5.5 USD [5.495,5.505]');
  });

  it('reads vague money only where it says dollars, and no other vague amount', () => {
    expectFigures('several billion dollars, billions of dollars, billion of dollars, hundreds of millions, tens of thousands of troops', [
      '0-23 money several billion dollars =2e9 USD about@undefined [2e9,10e9] vague',
      '25-44 money billions of dollars =2e9 USD about@undefined [2e9,1e12] vague',
    ]);
    expect(render(only('agreements worth several hundred million dollars'))).toBe('17-48 money several hundred million dollars =200e6 USD about@undefined [200e6,1e9] vague');
  });

  it('reads a figure across a line break', () => {
    expectFigures('projects worth\n$13 billion had been completed; raise it to $10\nmillion a year', [
      '15-26 money $13 billion =13e9 USD [12.5e9,13.5e9]',
      '59-70 money $10\nmillion =10e6 USD [9.5e6,10.5e6] per-year',
    ]);
  });
});

describe('ranges', () => {
  it('a dash range applies the scale to both ends', () => {
    expectFigures('$250-500 million, $250–500 million, $250 million–$500 million', [
      '0-16 money $250-500 million =250e6..500e6 USD [249.5e6,500.5e6]',
      '18-34 money $250–500 million =250e6..500e6 USD [249.5e6,500.5e6]',
      '36-61 money $250 million–$500 million =250e6..500e6 USD [249.5e6,500.5e6]',
    ]);
  });

  it('"between … and …" and "… to …" before a unit', () => {
    expectFigures('between $10 and $20 million; 10 to 15 percent', [
      '8-27 money $10 and $20 million =10e6..20e6 USD [9.5e6,20.5e6]',
      '29-45 percent 10 to 15 percent =10..15 % [9.5,15.5]',
    ]);
  });

  it('"from 10 to 15 percent" is two figures, the first borrowing the unit', () => {
    expectFigures('rose from 10 to 15 percent', ['10-12 percent 10 =10 % [9.5,10.5]', '16-26 percent 15 percent =15 % [14.5,15.5]']);
  });

  it('ranges of percentages, counts, durations and distances', () => {
    expectFigures('a 5-10% range; 20-25 troops; 5–10 years; 10–15 km; 1,000-2,000 km', [
      '2-7 percent 5-10% =5..10 % [4.75,10.5]',
      '15-27 count 20-25 troops =20..25 troop [19.5,25.5]',
      '29-39 duration 5–10 years =5..10 year [4.75,10.5]',
      '41-49 quantity 10–15 km =10..15 km [9.5,15.5]',
      '51-65 quantity 1,000-2,000 km =1000..2000 km [999.5,2000.5]',
    ]);
  });

  it('a hedge widens the whole range', () => {
    expect(render(only('about $250-500 million'))).toBe('6-22 money $250-500 million =250e6..500e6 USD about@0 [225e6,550e6]');
  });
});

describe('percentages', () => {
  it('reads %, percent, per cent, percentage points and a sign', () => {
    expectFigures('20%, 20 percent, 20 per cent, 5.8%, 20 %, a 3.2 percentage point rise, it fell -5% and −2.5%', [
      '0-3 percent 20% =20 % [19.5,20.5]',
      '5-15 percent 20 percent =20 % [19.5,20.5]',
      '17-28 percent 20 per cent =20 % [19.5,20.5]',
      '30-34 percent 5.8% =5.8 % [5.75,5.85]',
      '36-40 percent 20 % =20 % [19.5,20.5]',
      '44-64 percent 3.2 percentage point =3.2 pp [3.15,3.25]',
      '79-82 percent -5% =-5 % [-5.25,-4.75]',
      '87-92 percent −2.5% =-2.5 % [-2.55,-2.45]',
    ]);
  });
});

describe('quantities', () => {
  it('canonical symbols for power, distance, mass and volume', () => {
    expectFigures('600 MW, 600 megawatts, 1.2 GW, 3,000 km, 3000kms, 3,000 kilometres, 3000 kilometers, 33 bcm, 2 million tonnes, 10,000 barrels', [
      '0-6 quantity 600 MW =600 MW [599.5,600.5]',
      '8-21 quantity 600 megawatts =600 MW [599.5,600.5]',
      '23-29 quantity 1.2 GW =1200 MW [1150,1250]',
      '31-39 quantity 3,000 km =3000 km [2999.5,3000.5]',
      '41-48 quantity 3000kms =3000 km [2999.5,3000.5]',
      '50-66 quantity 3,000 kilometres =3000 km [2999.5,3000.5]',
      '68-83 quantity 3000 kilometers =3000 km [2999.5,3000.5]',
      '85-91 quantity 33 bcm =33e9 m3 [32.5e9,33.5e9]',
      '93-109 quantity 2 million tonnes =2e6 t [1.9e6,2.1e6]',
      '111-125 quantity 10,000 barrels =10000 bbl [9999.5,10000.5]',
    ]);
  });

  it('counts containers in twenty-foot equivalents, a forty-foot box as two', () => {
    expectFigures('61,300 TEU, one million TEUs, 25,000 twenty-foot equivalent units, 900 FEU', [
      '0-10 quantity 61,300 TEU =61300 TEU [61299.5,61300.5]',
      '12-28 quantity one million TEUs =1e6 TEU [950000,1.05e6]',
      '30-65 quantity 25,000 twenty-foot equivalent units =25000 TEU [24999.5,25000.5]',
      '67-74 quantity 900 FEU =1800 TEU [1799,1801]',
    ]);
  });

  it('converts miles to km, so a distance in miles compares with one in km', () => {
    const miles = only('2,000 miles');
    expect(miles.unit).toBe('km');
    expect(miles.value).toBeCloseTo(3218.688, 6);
    expect(formatFigure(miles)).toBe('3,219 km');
  });

  it('reads cubic feet of gas in cubic metres: "1.2 billion cubic feet", "1.2 bcf" and "1,200 mmcfd" are each about 34 million', () => {
    for (const text of ['1.2 billion cubic feet', '1.2 bcf', '1,200 mmcfd']) expect(only(`Pakistan needs ${text} of gas`).value, text).toBeCloseTo(33980160, 0);
    expect(only('Pakistan needs 1.2 billion cubic feet of gas').unit).toBe('m3');
    expectFigures('the wall is 12 feet high', []);
  });

  it('"500m" is neither million nor metres outside money', () => {
    expectFigures('a 500m wall', []);
  });

  it('a rate is not a measure: "5 km/h"', () => {
    expectFigures('at 5 km/h along a 3,000-km corridor', ['18-26 quantity 3,000-km =3000 km [2999.5,3000.5]']);
  });
});

describe('counts', () => {
  it('a number and a plural noun, singular unit', () => {
    expectFigures('13 projects, 200 troops, 75,000 jobs, 2016 people, 64 Russian businessmen, 1,000 Russian troops', [
      '0-11 count 13 projects =13 project [12.5,13.5]',
      '13-23 count 200 troops =200 troop [199.5,200.5]',
      '25-36 count 75,000 jobs =75000 job [74999.5,75000.5]',
      '38-49 count 2016 people =2016 person [2015.5,2016.5]',
      '51-73 count 64 Russian businessmen =64 businessman [63.5,64.5]',
      '75-95 count 1,000 Russian troops =1000 troop [999.5,1000.5]',
    ]);
  });

  it('up to three words between a number and its plural noun', () => {
    expect(render(only('Russia allocated 300 fully funded government scholarships.'))).toBe('17-57 count 300 fully funded government scholarships =300 scholarship [299.5,300.5]');
  });

  it('a bare number a count changed from or is set against counts the same things', () => {
    expectFigures('300 scholarships in 2025-26, up from 200 the year before', [
      '0-16 count 300 scholarships =300 scholarship [299.5,300.5]',
      '20-27 year 2025-26 =2025 year [2025,2025]',
      '37-40 count 200 =200 scholarship [199.5,200.5]',
    ]);
    expect(extractFigures('Eight plants are cleared, against five before the talks.').map((f) => `${f.text} ${f.unit}`)).toEqual(['Eight plants plant', 'five plant']);
    // Not a year, not a number after another amount, not past the sentence.
    expect(extractFigures('It has 12 branches, from 2019 on.').map((f) => f.unit)).toEqual(['branch', 'year']);
    expect(extractFigures('It has 12 branches and $5 million, up from 3.').map((f) => f.unit)).toEqual(['branch', 'USD']);
    expect(extractFigures('It has 12 branches. Up from 3 in all.').map((f) => f.unit)).toEqual(['branch']);
    // A number in millions against a count in millions or billions counts the same things; not against a count of hundreds.
    expect(extractFigures('It detected 1.1 billion threat events in 2024, against 339 million in 2023.').map((f) => `${f.text} ${f.unit}`)).toEqual(['1.1 billion threat events event', '2024 year', '339 million event', '2023 year']);
    expect(extractFigures('It has 12 branches, against 3 million in 2023.').map((f) => f.unit)).toEqual(['branch', 'year']);
  });

  it('an acronym in the plural is what a number counts: "1.32 million ATMs"', () => {
    expect(extractFigures('The bank ran 1.32 million ATMs in 2023 and 40 SUVs.').map((f) => `${f.text} ${f.unit}`)).toEqual(['1.32 million ATMs atm', '2023 year', '40 SUVs suv']);
  });

  it('a hyphened plural noun, and the things after "of the", are what a number counts', () => {
    expect(extractFigures('Officials hope to see at least five co-productions a year.').map((f) => `${f.text} ${f.unit} ${f.qualifier}`)).toEqual(['five co-productions co-production at-least']);
    expect(extractFigures('three cross-border projects').map((f) => f.unit)).toEqual(['project']);
    expect(extractFigures('About 90 of the analysts will come from county governments.').map((f) => `${f.text} ${f.unit} ${f.qualifier}`)).toEqual(['90 of the analysts analyst about']);
    // Not a year, not "two of the", not a span of time.
    expect(extractFigures('In 2019 of the projects, two of the ships and 10 of the last 12 years.').map((f) => f.text)).toEqual(['2019', '12 years']);
  });

  it('model names between the number and the noun are modifiers, not numbers', () => {
    expectFigures('four Su-35 fighters and 12 JF-17 Thunder aircraft', [
      '0-19 count four Su-35 fighters =4 fighter [3.8,4.2]',
      '24-49 count 12 JF-17 Thunder aircraft =12 aircraft [11.5,12.5]',
    ]);
  });

  it('scaled counts', () => {
    expectFigures('two million people, 1.5bn people, 200mn people, 5 lakh people, a hundred troops', [
      '0-18 count two million people =2e6 person [1.9e6,2.1e6]',
      '20-32 count 1.5bn people =1.5e9 person [1.45e9,1.55e9]',
      '34-46 count 200mn people =200e6 person [199.5e6,200.5e6]',
      '48-61 count 5 lakh people =500000 person [475000,525000]',
      '63-79 count a hundred troops =100 troop [95,105]',
    ]);
  });

  it('dozens: "five dozen" is sixty, "a dozen" twelve; "dozens of" is no number', () => {
    expectFigures('five dozen businessmen, a dozen firms, dozens of banks', ['0-22 count five dozen businessmen =60 businessman [57,63]', '24-37 count a dozen firms =12 firm [11.4,12.6]']);
  });

  it('one to three in words count only right before a plural noun, never after "the"', () => {
    expectFigures('one of the two newest members; the two nations; two former Cold War adversaries; He stayed one day. three countries', [
      '100-115 count three countries =3 country [2.85,3.15]',
    ]);
  });

  it('hyphenated counts: "64-member", "five-nation"; not "two-fold", "30-odd", "two-state"', () => {
    expectFigures('a 64-member team, a 12-point plan, a five-nation tour, two-fold, 30-odd members, a two-state solution, a one-sided deal', [
      '2-11 count 64-member =64 member [63.5,64.5]',
      '20-28 count 12-point =12 point [11.5,12.5]',
      '37-48 count five-nation =5 nation [4.75,5.25]',
    ]);
  });

  it('a bare number, a verb or a multiplier after it is no count', () => {
    expectFigures('he said 5 were killed; 20 times more; 100 per year; nearly 4 million; the figure 64', []);
  });

  it('a year before a plural noun stays a year after "in", "the" or "post-"', () => {
    expectFigures('In 2017 projects were launched. The 2018 elections. post-2014 sanctions', [
      '3-7 year 2017 =2017 year [2017,2017]',
      '36-40 year 2018 =2018 year [2018,2018]',
      '57-61 year 2014 =2014 year [2014,2014]',
    ]);
  });
});

describe('shares and unsaid nouns', () => {
  it('reads "half a billion", "three-quarters of a century" and "a quarter of a century"', () => {
    expectFigures('half a billion dollars; three-quarters of a century; a quarter of a century', [
      '0-22 money half a billion dollars =500e6 USD [475e6,525e6]',
      '24-51 duration three-quarters of a century =75 year [71.25,78.75]',
      '53-75 duration a quarter of a century =25 year [23.75,26.25]',
    ]);
  });

  it('counts people in "a population of over 200 million"', () => {
    expectFigures('a combined population of over 200 million', ['30-41 count 200 million =200e6 person over@25 [200e6,300e6]']);
  });

  it('reads "exceeded" and "barely exceeded" as hedges', () => {
    expectFigures('trade exceeded $50 million; it barely exceeded $3.5 million', [
      '15-26 money $50 million =50e6 USD over@6 [50e6,75e6]',
      '47-59 money $3.5 million =3.5e6 USD over@31 [3.5e6,4.025e6]',
    ]);
  });
});

describe('durations and number words', () => {
  it('digits and words, spaced or hyphenated', () => {
    expectFigures('25 years, a 10-year plan, seventy-five years, a four-day visit, twenty-one days, a one-day visit, two decades', [
      '0-8 duration 25 years =25 year [24.5,25.5]',
      '12-19 duration 10-year =10 year [9.5,10.5]',
      '26-44 duration seventy-five years =75 year [74.5,75.5]',
      '48-56 duration four-day =4 day [3.8,4.2]',
      '64-79 duration twenty-one days =21 day [20.5,21.5]',
      '83-90 duration one-day =1 day [0.95,1.05]',
      '98-109 duration two decades =20 year [19,21]',
    ]);
  });

  it('reads number words', () => {
    const value = (text: string): number | undefined => readNumber(text, 0)?.value;
    expect(value('ten')).toBe(10);
    expect(value('Twenty-one')).toBe(21);
    expect(value('ninety nine')).toBe(99);
    expect(value('nineteen')).toBe(19);
    expect(value('a hundred')).toBe(100);
    expect(value('two hundred and fifty')).toBe(250);
    expect(value('two million')).toBe(2e6);
    expect(value('often')).toBeUndefined();
  });
});

describe('qualifiers', () => {
  const interval = (text: string): string => {
    const f = only(text);
    return `${f.qualifier}@${f.qualifierStart} [${num(f.low)},${num(f.highBound)}]`;
  };

  it('each hedge gives its interval around $100 million', () => {
    expect(interval('over $100 million')).toBe('over@0 [100e6,150e6]');
    expect(interval('more than $100 million')).toBe('over@0 [100e6,150e6]');
    expect(interval('in excess of $100 million')).toBe('over@0 [100e6,150e6]');
    expect(interval('above $100 million')).toBe('over@0 [100e6,150e6]');
    expect(interval('under $100 million')).toBe('under@0 [50e6,100e6]');
    expect(interval('below $100 million')).toBe('under@0 [50e6,100e6]');
    expect(interval('about $100 million')).toBe('about@0 [90e6,110e6]');
    expect(interval('approximately $100 million')).toBe('about@0 [90e6,110e6]');
    expect(interval('some $100 million')).toBe('about@0 [90e6,110e6]');
    expect(interval('an estimated $100 million')).toBe('about@0 [90e6,110e6]');
    expect(interval('circa $100 million')).toBe('about@0 [90e6,110e6]');
    expect(interval('~$100 million')).toBe('about@0 [90e6,110e6]');
    // Rounded to fifty, not to a hundred: a twentieth.
    expect(interval('about $750 million')).toBe('about@0 [712.5e6,787.5e6]');
    expect(interval('at least $100 million')).toBe('at-least@0 [100e6,150e6]');
    expect(interval('at most $100 million')).toBe('at-most@0 [50e6,100e6]');
    expect(interval('up to $100 million')).toBe('at-most@0 [75e6,100e6]');
    expect(interval('no more than $100 million')).toBe('at-most@0 [50e6,100e6]');
    expect(interval('nearly $100 million')).toBe('nearly@0 [85e6,100e6]');
    expect(interval('almost $100 million')).toBe('nearly@0 [85e6,100e6]');
    expect(interval('close to $100 million')).toBe('nearly@0 [85e6,100e6]');
    expect(interval('just under $100 million')).toBe('nearly@0 [85e6,100e6]');
    expect(interval('just over $100 million')).toBe('over@0 [100e6,115e6]');
    expect(interval('slightly more than $100 million')).toBe('over@0 [100e6,115e6]');
  });

  it('the qualifier starts at its first word, and words before it are not part of it', () => {
    expect(interval('at only slightly more than $3.5 million')).toBe('over@8 [3.5e6,4.025e6]');
    expect(interval('grew to $10 million')).toBe('exact@undefined [9.5e6,10.5e6]');
  });

  it('hedges apply to counts, percentages and measures alike', () => {
    expect(interval('almost 20%')).toBe('nearly@0 [17,20]');
    expect(interval('up to 30,000 troops')).toBe('at-most@0 [22500,30000]');
    expect(interval('some 3,000 km')).toBe('about@0 [2700,3300]');
  });

  it('keeps its factors in one table', () => {
    expect(hedges.find((h) => h.phrases.includes('over'))).toMatchObject({ qualifier: 'over', low: 1, high: 1.5 });
    expect(hedges.find((h) => h.phrases.includes('about'))).toMatchObject({ qualifier: 'about', low: 0.9, high: 1.1 });
  });
});

describe('yearly figures', () => {
  it('"a year", "per year", "annually", "per annum" after money; "a month" is not yearly', () => {
    const yearly = (text: string): boolean => extractFigures(text)[0]!.perYear === true;
    expect(yearly('$10 million a year')).toBe(true);
    expect(yearly('$10 million per year')).toBe(true);
    expect(yearly('$10 million annually')).toBe(true);
    expect(yearly('$10 million per annum')).toBe(true);
    expect(yearly('$10 million a month')).toBe(false);
    expect(yearly('$10 million in 2019')).toBe(false);
  });
});

describe('what is not a figure', () => {
  it('identifiers, references, codes, times and versions', () => {
    expectFigures(
      'pp. 9–22, no. 3, Vol 3 Issue 1, 10.17976/jpps/2020.03.02, ISSN (Online): 3006-4740, G20, COVID-19, 4G, FY2019x, 10:30, version 1.2.3, v2.0, https://example.org/2019/report, c_138569964',
      [],
    );
  });

  it('names with numbers', () => {
    expectFigures('Vision 2030, Strategy 2050, Superjet 100, Boeing 737 planes, Article 5', []);
  });

  it('ordinals that place no event, decades, thousands-grouped non-years and out-of-range years', () => {
    expectFigures('the 21st century, the 1990s, 2,016, 1799, 2101, 10', []);
  });

  it('Markdown emphasis is not an identifier', () => {
    expectFigures('in _2016_ and **$80 billion**', ['4-8 year 2016 =2016 year [2016,2016]', '16-27 money $80 billion =80e9 USD [79.5e9,80.5e9]']);
  });

  it('list and heading numbers', () => {
    expectFigures('1. Introduction\n2.1 Background\n3) Findings', []);
  });
});

describe('extractFigures over a range', () => {
  it('returns offsets into the whole text and looks only inside the range', () => {
    const text = 'It was $5 million. In 2016 trade was over $90 million. Then 20% more.';
    const from = text.indexOf('In 2016');
    const to = text.indexOf(' Then');
    expect(extractFigures(text, from, to).map(render)).toEqual(['22-26 year 2016 =2016 year [2016,2016]', '42-53 money $90 million =90e6 USD over@37 [90e6,135e6]']);
  });

  it('does not see a hedge before the range', () => {
    const text = 'more than $5 million';
    expect(extractFigures(text, 10)[0]!.qualifier).toBe('exact');
  });
});

describe('formatFigure', () => {
  it('writes the canonical form, qualifier left out', () => {
    const formatted = (text: string): string[] => extractFigures(text).map(formatFigure);
    expect(formatted('about $60 billion, US$3.5mn, $0.7 billion, $1 trillion, €2bn, Rs 5 billion, $250-500 million, $75,000')).toEqual([
      '$60 billion',
      '$3.5 million',
      '$700 million',
      '$1 trillion',
      '€2 billion',
      'PKR 5 billion',
      '$250–500 million',
      '$75,000',
    ]);
    expect(formatted('600-megawatt, 3000kms, 20 per cent, a 64-member team, 1.2 million tonnes, 33 bcm, over 200 million people, one helicopter')).toEqual([
      '600 MW',
      '3,000 km',
      '20%',
      '64 members',
      '1.2 million tonnes',
      '33 billion cubic metres',
      '200 million people',
    ]);
    expect(formatted('seventy-five years, a four-day visit, in 2016, in December 2019, on 30 November 2016')).toEqual([
      '75 years',
      '4 days',
      '2016',
      'December 2019',
      '30 November 2016',
    ]);
  });

  it('scales large numbers only when the mantissa stays short', () => {
    expect(formatScaled(700e6)).toBe('700 million');
    expect(formatScaled(1_234_567)).toBe('1,234,567');
    expect(formatScaled(75_000)).toBe('75,000');
  });
});

describe('sameUnit and intervalsOverlap', () => {
  const figure = (text: string): Figure => only(text);

  it('compares after normalising scale', () => {
    expect(intervalsOverlap(figure('$0.7 billion'), figure('$700 million'))).toBe(true);
    expect(intervalsOverlap(figure('$60 billion'), figure('$80 billion'))).toBe(false);
    expect(intervalsOverlap(figure('$13 billion'), figure('$31 billion'))).toBe(false);
  });

  it('holds "about" to a tenth of a round figure, and to the written precision of a specific one', () => {
    expect(intervalsOverlap(figure('some $72 million'), figure('$62 million'))).toBe(false);
    expect(intervalsOverlap(figure('about $60 million'), figure('$62 million'))).toBe(true);
    expect(intervalsOverlap(figure('about $61m'), figure('$62 million'))).toBe(false);
    expect(intervalsOverlap(figure('around $120 million'), figure('about $100 million'))).toBe(false);
    expect(intervalsOverlap(figure('around $1 billion'), figure('about $1.05 billion'))).toBe(true);
  });

  it('compares two ranges end to end', () => {
    expect(intervalsOverlap(figure('$150-300 million'), figure('$250-500 million'))).toBe(false);
    expect(intervalsOverlap(figure('$250–500 million'), figure('$250-500 million'))).toBe(true);
    expect(intervalsOverlap(figure('a range of $250-500 million'), figure('$400 million'))).toBe(true);
  });

  it('tells neighbouring values apart: each rounds to where the other ends, but they differ', () => {
    expect(intervalsOverlap(figure('12.4%'), figure('12.3%'))).toBe(false);
    expect(intervalsOverlap(figure('$61 million'), figure('$62 million'))).toBe(false);
    expect(intervalsOverlap(figure('$2.6 billion'), figure('$2.5 billion'))).toBe(false);
    expect(intervalsOverlap(figure('$2.5 billion'), figure('$2,500 million'))).toBe(true);
  });

  it('lets "about" allow a tenth on a round value, a twentieth on one rounded to fifty', () => {
    expect(intervalsOverlap(figure('about $750 million'), figure('$700 million'))).toBe(false);
    expect(intervalsOverlap(figure('about $740 million'), figure('$750 million'))).toBe(true);
    expect(intervalsOverlap(figure('$690 million'), figure('about $700 million'))).toBe(true);
    expect(intervalsOverlap(figure('$750 million'), figure('$700 million'))).toBe(false);
    // A bound is not a value: "topped $25 million" is not "less than $25 million".
    expect(intervalsOverlap(figure('topped $25 million'), figure('less than $25 million'))).toBe(false);
  });

  it('lets a hedge widen the comparison', () => {
    expect(intervalsOverlap(figure('around $1 billion'), figure('$1.1 billion'))).toBe(true);
    expect(intervalsOverlap(figure('over $90 million'), figure('$95 million'))).toBe(true);
    expect(intervalsOverlap(figure('some 3,000 km'), figure('3000kms'))).toBe(true);
    expect(intervalsOverlap(figure('about 5,000 km'), figure('3000kms'))).toBe(false);
    expect(intervalsOverlap(figure('slightly more than $3.5 million'), figure('$3.6 million'))).toBe(true);
    expect(intervalsOverlap(figure('a range of $250-500 million'), figure('$400 million'))).toBe(true);
  });

  it('treats customers as people, miles as km, and dates as years', () => {
    expect(sameUnit(figure('over 200 million people'), figure('over 200 million potential customers'))).toBe(true);
    expect(intervalsOverlap(figure('over 200 million people'), figure('over 200 million potential customers'))).toBe(true);
    expect(sameUnit(figure('1,864 miles'), figure('3,000 km'))).toBe(true);
    expect(intervalsOverlap(figure('1,864 miles'), figure('3,000 km'))).toBe(true);
    expect(sameUnit(figure('in 2019'), figure('December 2019'))).toBe(true);
  });

  it('keeps different units and kinds apart', () => {
    expect(sameUnit(figure('$5 million'), figure('€5 million'))).toBe(false);
    expect(sameUnit(figure('20%'), figure('20 troops'))).toBe(false);
    expect(sameUnit(figure('25 years'), figure('in 2016'))).toBe(false);
    expect(intervalsOverlap(figure('64 members'), figure('46 members'))).toBe(false);
  });
});
