// Restyling the notes Attest inserted: each becomes the new style's note for its source and
// page, the first citation of a source a full note and later ones short; hand-written notes stay.
import { describe, expect, it } from 'vitest';
import { parseDraft } from '../../server/src/core/draft/draft';
import { applyEdits } from '../../server/src/core/findings/footnoteEdit';
import { restyleNotes } from '../../server/src/core/findings/restyle';
import { bundledCorpus } from './corpus';
import { lines } from './helpers';

const corpus = bundledCorpus();
const rt = ' Citing: Russia Looks to Invest in Pakistan in a Big Way, RT, 09.12.2019, https://www.rt.com/business/475368-russia-pakistan-investments-energy/.';
const authorDate = 'Korybko, Andrew, and Vladimir M. Morozov. 2020. “Pakistan’s Role in Russia’s Greater Eurasian Partnership.” Polis. Political Studies, no. 3: 9–22. https://doi.org/10.17976/jpps/2020.03.02';
const draft = lines(
  'Russia pledged $1 billion.[^1] The delegation had 64 members.[^2] Trade grew.[^3] Pakistan joined the SCO.[^4]',
  '',
  `[^1]: ${authorDate}, p. 19.${rt}`,
  `[^2]: ${authorDate}, pp. 19–20.`,
  '[^3]: RT, 9 December 2019.',
  '[^4]: Korybko and Morozov, my reading of p. 13.',
  '',
);

describe('restyling inserted notes', () => {
  it('rewrites Attest’s notes into Chicago notes, a full note first and a short one after, and leaves the writer’s own', () => {
    const { edits, labels } = restyleNotes(parseDraft(draft), corpus, 'chicago-notes');
    expect(labels).toEqual(['1', '2']);
    expect(applyEdits(draft, edits)).toBe(
      lines(
        'Russia pledged $1 billion.[^1] The delegation had 64 members.[^2] Trade grew.[^3] Pakistan joined the SCO.[^4]',
        '',
        `[^1]: Andrew Korybko and Vladimir M. Morozov, “Pakistan’s Role in Russia’s Greater Eurasian Partnership,” Polis. Political Studies, no. 3 (2020): 19, https://doi.org/10.17976/jpps/2020.03.02.${rt}`,
        '[^2]: Korybko and Morozov, “Pakistan’s Role,” 19–20.',
        '[^3]: RT, 9 December 2019.',
        '[^4]: Korybko and Morozov, my reading of p. 13.',
        '',
      ),
    );
  });

  it('rewrites them back, and changes nothing when they are already in the style', () => {
    const notes = applyEdits(draft, restyleNotes(parseDraft(draft), corpus, 'chicago-notes').edits);
    expect(applyEdits(notes, restyleNotes(parseDraft(notes), corpus, 'chicago-author-date').edits)).toBe(draft);
    expect(restyleNotes(parseDraft(draft), corpus, 'chicago-author-date')).toEqual({ edits: [], labels: [] });
  });
});
