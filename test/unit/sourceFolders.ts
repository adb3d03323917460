// Source folders for tests: good sources beside files that must not be read as sources.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { maxSourceBytes } from '../../server/src/corpus/loader';
import { lines } from './helpers';

export const source = (id: string, sentence: string) => lines('---', `id: ${id}`, `title: ${id}`, '---', '', sentence);

/** A source folder with two good sources and one of each kind of file that must not be read. */
export function hostileFolder(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'attest-loader-'));
  const folder = path.join(root, 'sources');
  mkdirSync(folder);
  writeFileSync(path.join(folder, 'gwadar.md'), source('gwadar', 'The port handled 1.2 million tonnes in 2021.'));
  writeFileSync(path.join(folder, 'trade.md'), source('trade', 'Trade stood at $700 million in 2019.'));
  symlinkSync('/dev/zero', path.join(folder, 'zero.md'));
  execFileSync('mkfifo', [path.join(root, 'pipe')]);
  symlinkSync(path.join(root, 'pipe'), path.join(folder, 'pipe.md'));
  // A pipe in the folder itself, which the file search never lists.
  execFileSync('mkfifo', [path.join(folder, 'fifo.md')]);
  // A link back to the folder itself: every file is reachable again under loop/.
  symlinkSync('.', path.join(folder, 'loop'));
  writeFileSync(path.join(folder, 'junk.md'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 3]));
  writeFileSync(path.join(folder, 'huge.md'), '');
  truncateSync(path.join(folder, 'huge.md'), maxSourceBytes + 1);
  return root;
}

