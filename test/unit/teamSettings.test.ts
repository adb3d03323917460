// The team library in settings (a postgres:// URL without a password) and in the status bar.
import { describe, expect, it } from 'vitest';
import { statusText, statusTooltip } from '../../client/src/labels';
import { validateSettings } from '../../server/src/settings';

describe('the library setting', () => {
  it('takes a connection string without a password', () => {
    expect(validateSettings({ library: ' postgres://reader@db.example.org:5432/library?sslmode=require ' })).toEqual({
      settings: expect.objectContaining({ library: 'postgres://reader@db.example.org:5432/library?sslmode=require' }),
      problems: [],
    });
  });

  it('refuses a password in it, and anything that is not PostgreSQL, saying what to do', () => {
    expect(validateSettings({ library: 'postgres://reader:secret@db/library' }, undefined, '.attestrc.json').problems).toEqual([
      '.attestrc.json: "library": The library\'s connection string holds a password; remove it and set the ATTEST_LIBRARY_PASSWORD environment variable instead, so that it is not stored in settings. Checking without the team library.',
    ]);
    const other = validateSettings({ library: 'mysql://db/library' }, undefined, '.attestrc.json');
    expect([other.settings.library, other.problems]).toEqual(['', ['.attestrc.json: "library": "mysql://db/library" is not a PostgreSQL connection string; it should start with postgres://. Checking without the team library.']]);
  });
});

describe('the status bar while the team library is down', () => {
  const status = { uri: 'file:///d.md', version: 3, counts: { claims: 2, supported: 1, contradicted: 1, misquoted: 0, unsourced: 0 }, disagree: 1, accepted: 0, library: 'The library at db:5432/library cannot be reached.' };

  it('says the library is offline, and why in the tooltip', () => {
    expect(statusText(status)).toBe('$(warning) Attest: 2 claims, 1 disagree, $(warning) library offline');
    expect(statusTooltip(status)).toBe(
      'Attest: claims in this draft by verdict\n\nSupported: 1\nContradicted: 1\nMisquoted: 0\nUnsourced: 0\n\nThe library at db:5432/library cannot be reached. Checked against your own and the bundled sources until it is back.\n\nClick to open the Problems panel.',
    );
  });
});
