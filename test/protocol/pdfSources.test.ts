// A draft checked by the built CLI against a sources folder of PDFs: the PDF reader is its
// own bundle beside the CLI's, and a wrong figure is reported citing the PDF's page.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { distDir, repoRoot } from './harness';

const run = promisify(execFile);

describe('attest check --sources with a folder of PDFs', () => {
  it('reports a wrong figure as a mismatch citing the page of the PDF, and names the PDFs it cannot read', async () => {
    const project = mkdtempSync(path.join(tmpdir(), 'attest-pdf-'));
    mkdirSync(path.join(project, 'sources'));
    for (const name of ['two-column.pdf', 'no-text.pdf']) copyFileSync(path.join(repoRoot, 'test', 'fixtures', 'library', 'pdf', name), path.join(project, 'sources', name));
    writeFileSync(path.join(project, 'draft.md'), '# Brief\n\nPakistan and Russia signed an agreement for the $3 billion North–South gas pipeline in 2015.\n');
    const result = await run(process.execPath, [path.join(distDir, 'cli.js'), 'check', 'draft.md', '--sources', 'sources', '--no-bundled'], { cwd: project }).catch((error: { code: number; stdout: string; stderr: string }) => error);
    expect([result.stderr, result.stdout.split('\n').filter((l) => l.includes('figure.mismatch'))]).toEqual([
      'attest: sources/no-text.pdf: Skipped: the PDF has no text layer (a scan?); Attest reads only PDFs with text.\n',
      ['  3:49    warning Draft says $3 billion; Abbasi & Korybko (p. 9, fn. 1) says $2 billion: “Pakistan and Russia signed an agreement for the $2 billion North–South gas pipeline in 2015.”  figure.mismatch'],
    ]);
    expect('code' in result && result.code).toBe(1);
  });
});
