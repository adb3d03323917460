// The team library's connection string in settings: a postgres:// URL without a password.
import { describe, expect, it } from 'vitest';
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
