// What a draft asks of the team library: per figure claim its unit family and key words, its
// quotations, and what it cites.
import { describe, expect, it } from 'vitest';
import { libraryRequest, sentenceWords } from '../../server/src/team/lookup';

describe('libraryRequest', () => {
  it('asks for each figure by family and its sentence\'s words, the library choosing the rarest', () => {
    expect(sentenceWords('Gwadar Port handled 1.5 million tonnes of cargo in 2020.')).toBe('gwadar port handled million tonnes cargo');
    // Punctuation and SQL are not words: only letters and digits reach the query.
    expect(sentenceWords("Robert'); DROP TABLE attest_sources; -- said so.")).toBe('robert drop table attest sources');
    expect(sentenceWords('It rose 5%.')).toBe('rose');
    expect(libraryRequest('Gwadar Port handled 1.5 million tonnes of cargo in 2020.\n').figures).toEqual([{ families: ['t', 'date'], words: 'gwadar port handled million tonnes cargo' }]);
  });

  it('collects the quotations and the cited keys, URLs and DOIs', () => {
    const request = libraryRequest('The chairman said the port "will become the gateway of Asia".[^1] See [@baloch-2021].\n\n[^1]: https://example.org/gwadar, doi:10.1234/ABC.5.\n');
    expect(request).toEqual({ figures: [], quotes: ['become gateway asia'], cited: ['baloch-2021', 'https://example.org/gwadar', '10.1234/abc.5'] });
  });
});
