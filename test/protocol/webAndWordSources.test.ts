// `attest check --sources` with a folder of a saved web page and a Word file: the draft's
// wrong figures are mismatches against each, named as the writer's own sources are.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { distDir, repoRoot } from './harness';
import { lines } from '../unit/helpers';

describe('a draft checked against a saved web page and a Word file', () => {
  it('names the page and the Word file in the mismatches of the figures they state', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'attest-web-word-'));
    mkdirSync(path.join(root, 'sources'));
    copyFileSync(path.join(repoRoot, 'test/fixtures/library/html/dawn-gas-pipeline.html'), path.join(root, 'sources/dawn-gas-pipeline.html'));
    copyFileSync(path.join(repoRoot, 'test/fixtures/library/docx/briefing-energy.docx'), path.join(root, 'sources/briefing-energy.docx'));
    writeFileSync(
      path.join(root, 'draft.md'),
      lines('# Energy', '', 'Under the revised deal, Russian companies will hold a 36 per cent stake in the project.', '', 'The port of Gwadar handled 1.5 million tonnes of cargo in 2021.', ''),
    );
    const run = (format: string) => spawnSync(process.execPath, [path.join(distDir, 'cli.js'), 'check', 'draft.md', '--sources', 'sources', '--no-bundled', '--format', format], { cwd: root, encoding: 'utf8' });

    const stylish = run('stylish');
    expect(stylish.status).toBe(1);
    expect(stylish.stdout.split('\n').filter((l) => l.includes('figure.mismatch'))).toEqual([
      '  3:55    warning Draft says 36 per cent; Kiani 2019 (Financing) says 26 per cent: “Under the revised deal, Russian companies will hold a 26 per cent stake in the project and Pakistan the remaining 74 per cent,…”  figure.mismatch',
      '  5:28    warning Draft says 1.5 million tonnes; Lopez 2021 (Ports, fn. 2) says 1.2 million tonnes: “The port of Gwadar handled 1.2 million tonnes of cargo in 2021.”  figure.mismatch',
    ]);

    const report = JSON.parse(run('json').stdout) as { files: { claims: { text: string; verdict: string; evidence: { source: string; reference: string }[] }[] }[] };
    const mismatches = report.files[0]!.claims.filter((c) => c.verdict === 'contradicted');
    expect(mismatches.map((c) => [c.text, c.evidence[0]!.source, c.evidence[0]!.reference])).toEqual([
      ['36 per cent', 'dawn-gas-pipeline', 'Kiani, Khaleeq. 2019. “Pakistan, Russia sign deal for $2bn North–South gas pipeline.” DAWN.COM. https://www.dawn.com/news/1500000/pakistan-russia-sign-deal-for-north-south-gas-pipeline.'],
      ['1.5 million tonnes', 'briefing-energy', 'Lopez, Maria. 2021. “Briefing: Pakistan–Russia energy & ports.”'],
    ]);
  });
});
