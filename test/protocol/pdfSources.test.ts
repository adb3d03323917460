// A draft checked against a sources folder of PDFs, by the built CLI and by the server over
// stdio: the PDF reader is a bundle of its own beside theirs, pdf.js writes nothing on the
// protocol's stdout, and a wrong figure is reported citing the PDF's page.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { distDir, repoRoot, startStdio } from './harness';

const run = promisify(execFile);
const draftText = '# Brief\n\nPakistan and Russia signed an agreement for the $3 billion North–South gas pipeline in 2015.\n';

/** A project folder with a sources/ folder holding the named PDF fixtures, and draft.md. */
function project(...pdfs: string[]): string {
  const root = mkdtempSync(path.join(tmpdir(), 'attest-pdf-'));
  mkdirSync(path.join(root, 'sources'));
  for (const name of pdfs) copyFileSync(path.join(repoRoot, 'test', 'fixtures', 'library', 'pdf', name), path.join(root, 'sources', name));
  writeFileSync(path.join(root, 'draft.md'), draftText);
  return root;
}

describe('a sources folder of PDFs', () => {
  it('is read by a bundle of its own, so that pdf.js is not compiled when the server or the CLI starts', () => {
    const holdsPdfJs = (bundle: string) => readFileSync(path.join(distDir, bundle), 'utf8').includes('getTextContent');
    expect(['server-main.js', 'cli.js', 'reader-pdf.js'].map(holdsPdfJs)).toEqual([false, false, true]);
  });

  it('is read by attest check --sources, which reports a wrong figure citing the page of the PDF and names the PDFs it cannot read', async () => {
    const result = await run(process.execPath, [path.join(distDir, 'cli.js'), 'check', 'draft.md', '--sources', 'sources', '--no-bundled'], { cwd: project('two-column.pdf', 'no-text.pdf') }).catch((error: { code: number; stdout: string; stderr: string }) => error);
    expect([result.stderr, result.stdout.split('\n').filter((l) => l.includes('figure.mismatch'))]).toEqual([
      'attest: sources/no-text.pdf: Skipped: the PDF has no text layer (a scan?); Attest reads only PDFs with text.\n',
      ['  3:49    warning Draft says $3 billion; Abbasi & Korybko (p. 9, fn. 1) says $2 billion.  figure.mismatch'],
    ]);
    expect('code' in result && result.code).toBe(1);
  });

  it('is read by the server over stdio, which reports the mismatch with the page', async () => {
    const root = project('two-column.pdf', 'damaged.pdf');
    // The workspace is the sources folder, under the .attestrc.json that names it.
    writeFileSync(path.join(root, '.attestrc.json'), JSON.stringify({ sources: [path.join(root, 'sources')], bundledCorpus: false }));
    const client = await startStdio({ rootUri: pathToFileURL(path.join(root, 'sources')).href });
    try {
      const uri = pathToFileURL(path.join(root, 'draft.md')).href;
      // The first check may come before the sources are read; the server checks again after.
      let { diagnostics } = await client.open(uri, draftText);
      while (!diagnostics.some((d) => d.code === 'figure.mismatch')) ({ diagnostics } = await client.diagnostics(uri));
      expect(diagnostics.filter((d) => d.code === 'figure.mismatch').map((d) => d.message)).toEqual([
        'Draft says $3 billion; Abbasi & Korybko (p. 9, fn. 1) says $2 billion.',
      ]);
    } finally {
      await client.close();
    }
  });
});
