// Reading the writer's source folders: only regular files, each once, never more than the
// size limit, and every file that cannot be used named with the reason.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findSourceFiles, loadSourceFiles, maxSourceBytes, readSourceBytes } from '../../server/src/corpus/loader';
import { lines } from './helpers';

const source = (id: string, sentence: string) => lines('---', `id: ${id}`, `title: ${id}`, '---', '', sentence);

/** A source folder with two good sources and one of each kind of file that must not be read. */
function hostileFolder(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'attest-loader-'));
  const folder = path.join(root, 'sources');
  mkdirSync(folder);
  writeFileSync(path.join(folder, 'gwadar.md'), source('gwadar', 'The port handled 1.2 million tonnes in 2021.'));
  writeFileSync(path.join(folder, 'trade.md'), source('trade', 'Trade stood at $700 million in 2019.'));
  symlinkSync('/dev/zero', path.join(folder, 'zero.md'));
  execFileSync('mkfifo', [path.join(root, 'pipe')]);
  symlinkSync(path.join(root, 'pipe'), path.join(folder, 'pipe.md'));
  // A link back to the folder itself: every file is reachable again under loop/.
  symlinkSync('.', path.join(folder, 'loop'));
  writeFileSync(path.join(folder, 'junk.md'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 3]));
  writeFileSync(path.join(folder, 'huge.md'), '');
  truncateSync(path.join(folder, 'huge.md'), maxSourceBytes + 1);
  return root;
}

describe('loading the writer’s source folders', () => {
  it('loads the good sources once each and names every file it could not use', async () => {
    const root = hostileFolder();
    const files = await findSourceFiles(root, ['sources']);
    expect(files.map((f) => path.relative(root, f))).toEqual(['sources/gwadar.md', 'sources/huge.md', 'sources/junk.md', 'sources/pipe.md', 'sources/trade.md', 'sources/zero.md']);

    const loaded = await loadSourceFiles(files);
    expect(loaded.sources.map((s) => s.meta.id)).toEqual(['gwadar', 'trade']);
    expect(loaded.problems.map((p) => `${path.relative(root, p.file)}: ${p.message}`)).toEqual([
      'sources/huge.md: Skipped: the file is 20.0 MB, over the 20 MB limit for a source.',
      'sources/junk.md: Skipped: the file looks binary (it contains NUL bytes), not a text source.',
      `sources/pipe.md: Skipped: it links to ${path.join(root, 'pipe')}, a named pipe, not a regular file; only regular files are read as sources.`,
      'sources/zero.md: Skipped: it links to /dev/zero, a device, not a regular file; only regular files are read as sources.',
    ]);
  });

  it('stops reading at the limit when the file holds more than its size says', async () => {
    // /proc files are regular files whose stat size is 0, like a file that grows while it is read.
    expect(await readSourceBytes('/proc/self/maps', 16)).toBe('Skipped: the file grew past the 16 bytes limit for a source while it was read.');
    const small = path.join(mkdtempSync(path.join(tmpdir(), 'attest-loader-')), 'small.md');
    writeFileSync(small, 'A short source.');
    expect(String(await readSourceBytes(small, 15))).toBe('A short source.');
  });
});
