// What a draft asks of the team library: per figure claim its unit family and key words, its
// quotations, and what it cites.
import { describe, expect, it } from 'vitest';
import { libraryRequest, sentenceQuery } from '../../server/src/team/lookup';

describe('libraryRequest', () => {
  it('asks for each figure by family and at least two of its sentence\'s key words, names first', () => {
    // "Port" is a name (a capital inside the sentence); "Gwadar" opens it, so it ranks with the longest words.
    expect(sentenceQuery('Gwadar Port handled 1.5 million tonnes of cargo in 2020.')).toBe(
      '(port & handled) | (port & million) | (port & gwadar) | (port & tonnes) | (port & cargo) | (handled & million) | (handled & gwadar) | (handled & tonnes) | (handled & cargo) | (million & gwadar) | (million & tonnes) | (million & cargo) | (gwadar & tonnes) | (gwadar & cargo) | (tonnes & cargo)',
    );
    // Punctuation and SQL are not words: only letters and digits reach the query.
    expect(sentenceQuery("Robert'); DROP TABLE attest_sources; -- said so.")).toBe(
      '(table & drop) | (table & sources) | (table & robert) | (table & attest) | (drop & sources) | (drop & robert) | (drop & attest) | (sources & robert) | (sources & attest) | (robert & attest)',
    );
    expect(sentenceQuery('It rose 5%.')).toBe('rose');
  });

  it('collects the quotations and the cited keys, URLs and DOIs', () => {
    const request = libraryRequest('The chairman said the port "will become the gateway of Asia".[^1] See [@baloch-2021].\n\n[^1]: https://example.org/gwadar, doi:10.1234/ABC.5.\n');
    expect(request).toEqual({ figures: [], quotes: ['will become the gateway of Asia'], cited: ['baloch-2021', 'https://example.org/gwadar', '10.1234/abc.5'] });
  });
});
