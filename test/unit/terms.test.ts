import { describe, expect, it } from 'vitest';
import { createVocabulary, stem, termsOf } from '../../server/src/core/claims/terms';

const vocabulary = createVocabulary({ EAEU: 'Eurasian Economic Union' });
const terms = (text: string): string[] => termsOf(text, vocabulary).map((t) => t.term);

describe('termsOf', () => {
  it('folds demonyms onto their country', () => {
    expect(terms('Kazakh, Kazakhstani and Kazakhstan exports')).toEqual(['kazakhstan', 'kazakhstan', 'kazakhstan', 'export']);
    expect(terms('Pakistani-Kyrgyzstani trade')).toEqual(['pakistan', 'kyrgyzstan', stem('trade')]);
  });

  it('knows the Gulf states, South Asia and the world beyond the region as countries, with their capitals', () => {
    expect(terms('Qatari, Qatar, Doha; the UAE, Emirati, United Arab Emirates, Abu Dhabi; Sri Lankan, Colombo')).toEqual([
      'qatar', 'qatar', 'qatar', 'united_arab_emirates', 'united_arab_emirates', 'united_arab_emirates', 'united_arab_emirates', 'sri_lanka', 'sri_lanka',
    ]);
    expect(['qatar', 'oman', 'nepal', 'south_korea', 'italy', 'australia'].every((c) => vocabulary.countries.has(c))).toBe(true);
  });

  it('folds organisations and their acronyms, in either spelling', () => {
    expect(terms('the China-Pakistan Economic Corridor (CPEC)')).toEqual(['cpec', 'cpec']);
    expect(terms('Shanghai Cooperation Organization and Shanghai Cooperation Organisation and SCO')).toEqual(['sco', 'sco', 'sco']);
    expect(terms('the Eurasian Economic Union')).toEqual(['eaeu']);
    expect(terms('Russian LNG, or liquefied natural gas')).toEqual(['russia', 'lng', 'lng']);
  });

  it('folds the words writers use for the same thing onto one term', () => {
    expect(terms('schemes finished by a firm')).toEqual(terms('projects completed by a company'));
    expect(terms('Russia pledged')).toEqual(terms('Russia promised'));
    expect(terms('the factory')).toEqual(terms('the facility'));
    expect(terms('the facility')).toEqual(terms('the plant'));
    expect(terms('20% higher')).toEqual(terms('20% increase'));
    expect(terms('climbing, jumps, soaring')).toEqual(terms('rise rise rise'));
    expect(terms('sliding, tumbled, plummeting')).toEqual(terms('fall fall fall'));
  });

  it('reads a plural possessive as its noun: "Railways\'" is "Railways"', () => {
    expect(terms("Pakistan Railways' order")).toEqual(terms('Pakistan Railways order'));
  });

  it('drops stop words and numbers and keeps offsets', () => {
    const text = 'In 2019 the exports rose.';
    expect(termsOf(text, vocabulary).map((t) => [t.term, text.slice(t.start, t.end)])).toEqual([
      ['export', 'exports'],
      ['increas', 'rose'],
    ]);
  });

  it('does not read the pronoun "us" as the United States', () => {
    expect(terms('let us see the U.S. position')).toEqual(['let', 'see', 'united_states', stem('position')]);
  });
});

describe('stem', () => {
  it('brings related forms together', () => {
    expect(stem('rehabilitation')).toBe(stem('rehabilitate'));
    expect(stem('investment')).toBe(stem('invested'));
    expect(stem('diplomatic')).toBe(stem('diplomacy'));
    expect(stem('exports')).toBe('export');
    expect(stem('imports')).not.toBe(stem('exports'));
  });
});
