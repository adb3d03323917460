// A draft checked against a folder of a saved web page and a Word file, by the CLI and by
// the server as editors start it: the draft's wrong figures are mismatches against each,
// named as the writer's own sources are. Both read the two files with reader bundles of
// their own, which neither bundle holds.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { distDir, repoRoot, startStdio } from './harness';
import { lines } from '../unit/helpers';

const draft = lines('# Energy', '', 'Under the revised deal, Russian companies will hold a 36 per cent stake in the project.', '', 'The port of Gwadar handled 1.5 million tonnes of cargo in 2021.', '');

function project(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'attest-web-word-'));
  mkdirSync(path.join(root, 'sources'));
  copyFileSync(path.join(repoRoot, 'test/fixtures/library/html/dawn-gas-pipeline.html'), path.join(root, 'sources/dawn-gas-pipeline.html'));
  copyFileSync(path.join(repoRoot, 'test/fixtures/library/docx/briefing-energy.docx'), path.join(root, 'sources/briefing-energy.docx'));
  writeFileSync(path.join(root, 'draft.md'), draft);
  return root;
}

describe('a draft checked against a saved web page and a Word file', () => {
  it('names the page and the Word file in the CLI’s mismatches of the figures they state', () => {
    const root = project();
    const run = (format: string) => spawnSync(process.execPath, [path.join(distDir, 'cli.js'), 'check', 'draft.md', '--sources', 'sources', '--no-bundled', '--format', format], { cwd: root, encoding: 'utf8' });

    const stylish = run('stylish');
    expect(stylish.status).toBe(1);
    expect(stylish.stdout.split('\n').filter((l) => l.includes('figure.mismatch'))).toEqual([
      '  3:55    warning Draft says 36 per cent; Kiani 2019 (Financing) says 26 per cent.  figure.mismatch',
      '  5:28    warning Draft says 1.5 million tonnes; Lopez 2021 (Ports, fn. 2) says 1.2 million tonnes.  figure.mismatch',
    ]);

    const report = JSON.parse(run('json').stdout) as { files: { claims: { text: string; verdict: string; evidence: { source: string; reference: string }[] }[] }[] };
    const mismatches = report.files[0]!.claims.filter((c) => c.verdict === 'contradicted');
    expect(mismatches.map((c) => [c.text, c.evidence[0]!.source, c.evidence[0]!.reference])).toEqual([
      ['36 per cent', 'dawn-gas-pipeline', 'Kiani, Khaleeq. 2019. “Pakistan, Russia sign deal for $2bn North–South gas pipeline.” DAWN.COM. https://www.dawn.com/news/1500000/pakistan-russia-sign-deal-for-north-south-gas-pipeline.'],
      ['1.5 million tonnes', 'briefing-energy', 'Lopez, Maria. 2021. “Briefing: Pakistan–Russia energy & ports.”'],
    ]);
  });

  it('names them in the editor’s diagnostics too', async () => {
    const root = project();
    const client = await startStdio({ rootUri: pathToFileURL(root).href, settings: { sources: ['sources'], bundledCorpus: false }, env: { XDG_CACHE_HOME: mkdtempSync(path.join(tmpdir(), 'attest-cache-')) } });
    try {
      const uri = pathToFileURL(path.join(root, 'draft.md')).href;
      const opened = client.open(uri, draft);
      // The first check may come before the sources are read; the server checks again once they are.
      let published = await client.diagnostics(uri);
      while (!published.diagnostics.some((d) => d.code === 'figure.mismatch')) published = await client.diagnostics(uri);
      await opened;
      expect(published.diagnostics.filter((d) => d.code === 'figure.mismatch').map((d) => [d.range.start.line, d.message])).toEqual([
        [2, 'Draft says 36 per cent; Kiani 2019 (Financing) says 26 per cent.'],
        [4, 'Draft says 1.5 million tonnes; Lopez 2021 (Ports, fn. 2) says 1.2 million tonnes.'],
      ]);
    } finally {
      await client.close();
    }
  });

  it('is read by reader bundles that the server and CLI bundles leave out', () => {
    for (const bundle of ['server-main.js', 'cli.js']) {
      const text = readFileSync(path.join(distDir, bundle), 'utf8');
      expect([bundle, text.includes('_grabArticle'), text.includes('unrecognisedStyleWarning')]).toEqual([bundle, false, false]);
    }
    expect(readFileSync(path.join(distDir, 'reader-html.js'), 'utf8')).toContain('_grabArticle');
    expect(readFileSync(path.join(distDir, 'reader-docx.js'), 'utf8')).toContain('unrecognisedStyleWarning');
  });
});
