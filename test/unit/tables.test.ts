// Tables, in drafts and in sources: a cell's figure is of its row and under its column's header,
// a header's unit is a bare number's, a footnote anywhere in a row backs the row, and an edit
// proposed for a cell stays inside it.
import { describe, expect, it } from 'vitest';
import { createChecker } from '../../server/src/core/checker';
import { buildCorpus } from '../../server/src/corpus/index';
import { parseSource } from '../../server/src/corpus/parseSource';
import type { Source, Verdict } from '../../server/src/core/types';
import { bodyOf, lines } from './helpers';

function source(id: string, ...body: string[]): Source {
  return parseSource({ location: `${id}.md`, bundled: false, text: lines('---', `id: ${id}`, 'title: Corridor report', 'year: 2024', '---', '', ...body, '') });
}

const prose = source(
  'report',
  'The tariff on the Aktau–Baku ferry is $1,480 per container.',
  '',
  'The tariff on the Alat–Kars rail leg is $1,240 per container.',
  '',
  'Kazakhstan set a target of $10 million a year for its trade with Pakistan in May 2018.',
);

/** "cell verdict (source value)" for each claim of `draft` against `sources`. */
function verdicts(draft: string, ...sources: Source[]): string[] {
  const render = (v: Verdict): string => `${draft.slice(v.claim.start, v.claim.end)} ${v.verdict}${v.evidence[0] ? ` (${v.evidence[0].sourceValue})` : ''}`;
  return createChecker({ corpus: buildCorpus(sources) }).analyse(draft).verdicts.map(render);
}

describe('a table in a draft', () => {
  it('judges each cell as of its row and under its column, with the header’s unit for a bare number', () => {
    const draft = lines(
      '| Route | Tariff per container (US$) |',
      '|---|---|',
      '| Aktau–Baku | 1,480 |',
      '| Alat–Kars | 1,480 |',
    );
    // The second row's value is the first row's: only its row label tells them apart.
    expect(verdicts(draft, prose)).toEqual(['1,480 supported ($1,480)', '1,480 contradicted ($1,240)']);
  });

  it('reads no claim in the header row', () => {
    const draft = lines('| Country | 2018 | 2019 |', '|---|---|---|', '| Kazakhstan | | |');
    expect(createChecker({ corpus: buildCorpus([prose]) }).analyse(draft).verdicts).toEqual([]);
  });

  it('dates a row’s figures with its date cell', () => {
    const draft = lines('| Partner | Trade target | Announced |', '|---|---|---|', '| Kazakhstan | $10m a year | May 2018 |');
    expect(verdicts(draft, prose)).toEqual(['$10m supported ($10 million)', 'May 2018 supported (May 2018)']);
  });

  it('takes a footnote in any cell of a row as backing the whole row', () => {
    const draft = lines('| Route | Tariff | Source |', '|---|---|---|', '| Aktau–Baku | $1,480 per container | [@report] |', '| Alat–Kars | $1,240 per container | |');
    const findings = createChecker({ corpus: buildCorpus([prose]) }).analyse(draft).findings;
    const uncited = findings.filter((f) => f.code === 'claim.uncited').map((f) => draft.slice(f.start, f.end));
    expect(uncited).toEqual(['$1,240']);
  });

  it('reads the heading or "Table N" line right above it as whose figures its cells give', () => {
    const trade = source('trade', "Pakistan's trade with Kyrgyzstan was $3.5 million in 2019.", '', "Uzbekistan's trade with Kyrgyzstan reached $900 million in 2019.");
    const table = (caption: string): string => lines(caption, '', '| Partner | Trade |', '|---|---|', '| Kyrgyzstan | $3.5 million |', '| Kyrgyzstan | $9 million |');
    expect(verdicts(table("Table 2. Pakistan's trade, 2019"), trade)).toEqual(['2019 supported (2019)', '$3.5 million supported ($3.5 million)', '$9 million contradicted ($3.5 million)']);
    expect(verdicts(table("## Uzbekistan's trade in 2019"), trade)).toEqual(['2019 supported (2019)', '$3.5 million unsourced', '$9 million contradicted ($900 million)']);
  });

  it('marks only the cell’s own number, and proposes no edit that would write the header’s unit into the cell', () => {
    const draft = lines('| Route | Tariff per container (US$) |', '|---|---|', '| Aktau–Baku | 1,840 |');
    const [finding] = createChecker({ corpus: buildCorpus([prose]) }).analyse(draft).findings.filter((f) => f.code === 'figure.mismatch');
    expect(draft.slice(finding!.start, finding!.end)).toBe('1,840');
    expect(finding!.message).toBe('Draft says US$1,840; Corridor report 2024 says $1,480.');
    expect(finding!.fix).toBeUndefined();
  });
});

describe('a table in a source', () => {
  const tariffs = source(
    'tariffs',
    'Rates on the corridor in March:',
    '',
    '| Segment | Mode | Tariff per container (US$) | Transit time (days) |',
    '|---|---|---|---|',
    '| Aktau–Baku | ferry | 1,480 | 2 |',
    '| Alat–Kars | rail | 1,240 | 3 |',
    '',
    '| Port | 2022 | 2023 |',
    '|---|---|---|',
    '| Aktau | 21.9% | 33.7% |',
  );

  it('reads each row as sentences of its cells under their headers', () => {
    expect(bodyOf(tariffs).map((p) => p.text)).toEqual([
      'Rates on the corridor in March:',
      'Aktau–Baku, Tariff per container: US$1,480. Aktau–Baku, Transit time: 2 days.',
      'Alat–Kars, Tariff per container: US$1,240. Alat–Kars, Transit time: 3 days.',
      'Aktau, 2022: 21.9%. Aktau, 2023: 33.7%.',
    ]);
  });

  it('takes the heading right above a table as its caption: its words lead each row, its unit is a bare number’s', () => {
    const note = source('note', '## Table 1. Transit containers at Caspian ports (TEU)', '', '| Port | 2022 | 2023 |', '|---|---|---|', '| Kuryk | 6,840 | 11,260 |');
    expect(bodyOf(note).map((p) => p.text)).toEqual(['Transit containers at Caspian ports: Kuryk, 2022: 6,840 TEU. Transit containers at Caspian ports: Kuryk, 2023: 11,260 TEU.']);
    expect(verdicts('At Kuryk the transit count was 6,480 TEU in 2022.\n\nKuryk handled 11,260 TEU of transit containers in 2023.', note)).toEqual([
      '6,480 TEU contradicted (6,840 TEU)',
      '2022 supported (2022)',
      '11,260 TEU supported (11,260 TEU)',
      '2023 supported (2023)',
    ]);
  });

  it('reads a column of imports or exports as a flow, so a tonnage given the other way round is contradicted', () => {
    const freight = source('freight', '## Table 1. Freight carried (thousand tonnes)', '', '| Year | Imports (to Ethiopia) | Exports (from Ethiopia) |', '|---|---|---|', '| 2022 | 1,742 | 366 |');
    expect(verdicts('In 2022 the line carried 1,742 thousand tonnes of Ethiopian exports and 366 thousand tonnes of imports.', freight)).toEqual([
      '2022 supported (2022)',
      '1,742 thousand tonnes contradicted (366 thousand tonnes)',
      '366 thousand tonnes contradicted (1,742 thousand tonnes)',
    ]);
    expect(verdicts('In 2022 Ethiopia imported 1,742 thousand tonnes by rail and exported 366 thousand tonnes.', freight)).toEqual([
      '2022 supported (2022)',
      '1,742 thousand tonnes supported (1,742 thousand tonnes)',
      '366 thousand tonnes supported (366 thousand tonnes)',
    ]);
  });

  it('supports and contradicts a draft’s prose with a cell', () => {
    expect(verdicts('The Alat–Kars tariff is $1,240 per container.\n\nThe Aktau–Baku tariff is $1,840 per container.', tariffs)).toEqual([
      '$1,240 supported (US$1,240)',
      '$1,840 contradicted (US$1,480)',
    ]);
  });
});
