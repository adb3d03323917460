// Reading the writer's source folders: only regular files, each once, never more than the
// size limit, and every file that cannot be used named with the reason.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findSourceFiles, loadSourceFiles, readSourceBytes, searchSourceFiles } from '../../server/src/corpus/loader';
import { hostileFolder } from './sourceFolders';

describe('loading the writer’s source folders', () => {
  it('loads the good sources once each and names every file it could not use', async () => {
    const root = hostileFolder();
    const files = await findSourceFiles(root, ['sources']);
    expect(files.map((f) => path.relative(root, f))).toEqual(['sources/fifo.md', 'sources/gwadar.md', 'sources/huge.md', 'sources/junk.md', 'sources/pipe.md', 'sources/trade.md', 'sources/zero.md']);

    // Named as it is, a pipe is listed too; a folder that holds no source is told apart.
    expect(await searchSourceFiles(root, ['sources/fifo.md', 'sourcs'])).toEqual({ files: [path.join(root, 'sources/fifo.md')], unmatched: ['sourcs'] });

    const loaded = await loadSourceFiles(files);
    expect(loaded.sources.map((s) => s.meta.id)).toEqual(['gwadar', 'trade']);
    expect(loaded.problems.map((p) => `${path.relative(root, p.file)}: ${p.message}`)).toEqual([
      'sources/fifo.md: Skipped: it is a named pipe, not a regular file; only regular files are read as sources.',
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
