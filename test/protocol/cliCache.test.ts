// `attest check` shares the cache folder's index of the writer's sources: a second run takes
// an unchanged file from it without reading the file, and --no-cache reads every file.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lines } from '../unit/helpers';
import { distDir } from './harness';

function attestIn(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(distDir, 'cli.js'), ...args], { cwd, stdio: ['ignore', 'pipe', 'inherit'] });
    const stdout: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout: Buffer.concat(stdout).toString('utf8') }));
  });
}

const report = (tonnes: string) => lines('---', 'id: gwadar-2021', 'title: Gwadar Port Annual Report', 'authors: [{ family: Baloch, given: Sana }]', 'year: 2022', '---', '', `The Gwadar port handled ${tonnes} tonnes of cargo in 2021.`);

describe('attest check with the cache', () => {
  it('takes an unchanged source from the cache folder, and reads it again with --no-cache', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'attest-cli-cache-'));
    mkdirSync(path.join(root, 'sources'));
    writeFileSync(path.join(root, '.attestrc.json'), JSON.stringify({ sources: ['sources'], cacheFolder: 'cache', bundledCorpus: false }));
    const source = path.join(root, 'sources', 'gwadar.md');
    writeFileSync(source, report('1.2 million'));
    utimesSync(source, 1_700_000_000, 1_700_000_000);
    writeFileSync(path.join(root, 'brief.md'), 'The Gwadar port handled 1.2 million tonnes of cargo in 2021.\n');
    const verdicts = async (...args: string[]): Promise<string[]> => {
      const run = await attestIn(root, 'check', 'brief.md', '--format', 'json', ...args);
      return (JSON.parse(run.stdout) as { files: { diagnostics: { code: string }[] }[] }).files[0]!.diagnostics.map((f) => f.code);
    };
    expect(await verdicts()).toEqual(['claim.uncited']);

    // Other words of the same size and time: only a read of the file sees them.
    writeFileSync(source, report('9.2 million'));
    utimesSync(source, 1_700_000_000, 1_700_000_000);
    expect(await verdicts()).toEqual(['claim.uncited']);
    expect(await verdicts('--no-cache')).toEqual(['figure.mismatch']);
  });
});
