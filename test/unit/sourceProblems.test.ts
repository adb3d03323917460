import { describe, expect, it } from 'vitest';
import { sourceProblemsMessage } from '../../server/src/sourceProblems';

const problem = (file: string, message = 'Skipped: the file looks binary (it contains NUL bytes), not a text source.', line?: number) => ({ file, message, ...(line !== undefined ? { line } : {}) });

describe('the window message for source problems', () => {
  it('tells a single problem in full, with its line', () => {
    expect(sourceProblemsMessage([problem('/notes/bad.md', 'The front matter is not valid YAML: Missing closing "quote', 2)], new Set())).toBe(
      'Attest source problem in /notes/bad.md:3: The front matter is not valid YAML: Missing closing "quote',
    );
  });

  it('names the skipped files apart from the sources in use that have problems', () => {
    const loaded = new Set(['/notes/gwadar.md']);
    const problems = [problem('/notes/a.md'), problem('/notes/b.md'), problem('/notes/gwadar.md', 'gwadar: footnote 3 cited but not defined.'), problem('/notes/gwadar.md', 'gwadar: footnote 4 cited but not defined.')];
    expect(sourceProblemsMessage(problems, loaded)).toBe(
      'Attest could not use 2 source files: a.md and b.md; it found problems in 1 source it uses: gwadar.md. The Attest Sources view gives the reason for each.',
    );
  });

  it('names the first few of many files and counts the rest', () => {
    const problems = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((name) => problem(`/notes/${name}.md`));
    expect(sourceProblemsMessage(problems, new Set())).toBe('Attest could not use 7 source files: a.md, b.md, c.md, d.md and 3 more. The Attest Sources view gives the reason for each.');
  });
});
