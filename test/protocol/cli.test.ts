// The `attest` command as CI runs it: exit codes, the JSON contract, SARIF, the sources
// listing, and the Abbasi paper checked as a draft against the other source alone.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { distDir, repoRoot } from './harness';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI with stdout and stderr as pipes, as CI reads it, and collects all of both. */
function attest(...args: string[]): Promise<Run> {
  return attestIn(repoRoot, ...args);
}

function attestIn(cwd: string, ...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(distDir, 'cli.js'), ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') }));
  });
}

function draft(text: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'attest-cli-')), 'draft.md');
  writeFileSync(file, text);
  return file;
}

/** A folder of `count` drafts, each with `claims` sentences that contradict a bundled source. */
function draftFolder(count: number, claims: number): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'attest-cli-folder-'));
  const sentence = "CPEC's eventual total investment is expected to reach $80 billion.\n\n";
  for (let i = 0; i < count; i++) writeFileSync(path.join(folder, `draft-${String(i).padStart(3, '0')}.md`), `# Brief ${i}\n\n${sentence.repeat(claims)}`);
  return folder;
}

describe('attest check', () => {
  it('delivers the whole report through a pipe, in every format, with its exit code', async () => {
    const folder = draftFolder(40, 20);
    const json = await attest('check', folder, '--format', 'json');
    expect(json.code).toBe(1);
    expect(Buffer.byteLength(json.stdout)).toBeGreaterThan(1024 * 1024);
    const report = JSON.parse(json.stdout) as { files: { claims: unknown[] }[] };
    expect(report.files.map((f) => f.claims.length)).toEqual(Array(40).fill(20));
    const sarif = await attest('check', folder, '--format', 'sarif');
    expect(sarif.code).toBe(1);
    expect((JSON.parse(sarif.stdout) as { runs: { results: unknown[] }[] }).runs[0]!.results).toHaveLength(40 * 20);
    const stylish = await attest('check', folder);
    expect(stylish.code).toBe(1);
    expect(stylish.stdout.split('\n').filter((l) => l.includes('figure.mismatch'))).toHaveLength(40 * 20);
    expect(stylish.stdout.trimEnd().split('\n').at(-1)).toMatch(/^✖ 800 problems \(0 errors, 800 warnings\)/);
  });

  it('stops quietly, with its exit code, when the reader closes the pipe early', async () => {
    const child = spawn(process.execPath, [path.join(distDir, 'cli.js'), 'check', draftFolder(40, 20), '--format', 'json'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    const stderr: Buffer[] = [];
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect([code, Buffer.concat(stderr).toString('utf8')]).toEqual([1, '']);
  });

  it('lists every claim with its verdict and evidence in the JSON contract, 0-based like LSP', async () => {
    const file = draft('# Brief\n\nCPEC\'s eventual total investment is expected to reach $80 billion.\n');
    const run = await attest('check', file, '--format', 'json');
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { files: { path: string; claims: unknown[]; diagnostics: unknown[] }[] };
    expect(report.files).toHaveLength(1);
    expect(report.files[0]!.claims).toEqual([
      {
        range: { start: { line: 2, character: 54 }, end: { line: 2, character: 65 } },
        kind: 'figure',
        text: '$80 billion',
        verdict: 'contradicted',
        evidence: [
          {
            source: 'korybko-morozov-2020',
            locator: 'pp. 9–10',
            footnote: 4,
            quote: expect.stringContaining('an expected eventual total investment of $60 billion'),
            reference: 'Korybko, Andrew, and Vladimir M. Morozov. 2020. “Pakistan’s Role in Russia’s Greater Eurasian Partnership.” Polis. Political Studies, no. 3: 9–22. https://doi.org/10.17976/jpps/2020.03.02.',
          },
        ],
      },
    ]);
    expect(report.files[0]!.diagnostics).toEqual([
      {
        range: { start: { line: 2, character: 54 }, end: { line: 2, character: 65 } },
        severity: 'warning',
        code: 'figure.mismatch',
        message: 'Draft says $80 billion; Korybko & Morozov 2020 (pp. 9–10, fn. 4) says $60 billion.',
      },
    ]);
  });

  it('exits 0 when nothing is at warning level, 2 with a message on bad input', async () => {
    expect((await attest('check', draft('Nothing here to check.\n'))).code).toBe(0);
    const missing = await attest('check', 'no-such-draft.md');
    expect([missing.code, missing.stderr.trim()]).toEqual([2, 'attest: no-such-draft.md: no such file or folder.']);
    const format = await attest('check', draft('x'), '--format', 'xml');
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/^attest: Unknown format "xml": use stylish, json or sarif\./);
    const binary = draft('\u0000\u0001binary');
    const junk = await attest('check', binary, '--format', 'json');
    expect([junk.code, junk.stderr.trim()]).toEqual([2, `attest: ${path.relative(repoRoot, binary)}: not checked: the file looks binary (it contains NUL bytes), not a text source.`]);
  });

  it('reports a draft the checker fails on as not checked, and checks the drafts beside it', async () => {
    const folder = draftFolder(2, 1);
    // Deep enough to overflow a recursive Markdown walk; once the parser copes, it is simply checked.
    writeFileSync(path.join(folder, 'draft-000-deep.md'), '>'.repeat(10000) + ' deep\n');
    const deep = path.relative(repoRoot, path.join(folder, 'draft-000-deep.md'));
    const run = await attest('check', folder, '--format', 'json');
    const report = JSON.parse(run.stdout) as { files: { path: string; error?: string; claims: unknown[] }[] };
    expect(report.files.map((f) => path.basename(f.path))).toEqual(['draft-000-deep.md', 'draft-000.md', 'draft-001.md']);
    expect(report.files.slice(1).map((f) => [f.error, f.claims.length])).toEqual([
      [undefined, 1],
      [undefined, 1],
    ]);
    const failed = report.files[0]!.error;
    if (failed !== undefined) {
      expect(failed).toMatch(/^Attest failed on this draft \(.+\); please report it with the draft\.$/);
      expect([run.code, run.stderr]).toEqual([2, `attest: ${deep}: not checked: ${failed}\n`]);
      const sarif = await attest('check', folder, '--format', 'sarif');
      const invocation = (JSON.parse(sarif.stdout) as { runs: { invocations: { executionSuccessful: boolean; toolExecutionNotifications: { message: { text: string } }[] }[] }[] }).runs[0]!.invocations[0]!;
      expect([sarif.code, invocation.executionSuccessful, invocation.toolExecutionNotifications.map((n) => n.message.text)]).toEqual([2, false, [`${deep}: not checked: ${failed}`]]);
      const stylish = await attest('check', folder);
      expect(stylish.code).toBe(2);
      expect(stylish.stdout).toContain(`${deep}  not checked: ${failed}\n`);
      expect(stylish.stdout.trimEnd().split('\n').at(-1)).toBe('✖ 1 draft not checked');
    } else {
      expect(run.code).toBe(1);
    }
  });

  it('writes SARIF 2.1.0 with 1-based positions and a rule per code', async () => {
    const run = await attest('check', draft('See [the report](#).\n'), '--format', 'sarif');
    const sarif = JSON.parse(run.stdout) as { version: string; runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; level: string; locations: { physicalLocation: { region: unknown } }[] }[] }[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.tool.driver.rules.map((r) => r.id)).toEqual(['link.placeholder']);
    expect(sarif.runs[0]!.results.map((r) => [r.ruleId, r.level, r.locations[0]!.physicalLocation.region])).toEqual([
      ['link.placeholder', 'warning', { startLine: 1, startColumn: 5, endLine: 1, endColumn: 20 }],
    ]);
  });

  it('checks the Abbasi paper against Korybko & Morozov alone and flags each placeholder link', async () => {
    const run = await attest('check', 'corpus/raw/abbasi-2025.md', '--exclude-source', 'abbasi-2025', '--format', 'json');
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as { files: { diagnostics: { code: string; message: string }[]; claims: { evidence: { source: string }[] }[] }[] };
    const links = report.files[0]!.diagnostics.filter((d) => d.code === 'link.placeholder');
    expect(links).toHaveLength(23);
    expect(links[0]!.message).toBe('Link "Alexander Dugin" has no target: replace "#" with the source\'s URL or DOI.');
    expect(report.files[0]!.claims.flatMap((c) => c.evidence.map((e) => e.source))).not.toContain('abbasi-2025');
  });
});

describe('the example brief', () => {
  it('finds the disagreements planted in it, and no others', async () => {
    const run = await attest('check', 'examples/brief.md', '--format', 'json');
    const report = JSON.parse(run.stdout) as { files: { diagnostics: { range: { start: { line: number } }; code: string }[] }[] };
    expect(report.files[0]!.diagnostics.map((d) => `${d.range.start.line + 1} ${d.code}`)).toEqual([
      '10 quote.misquoted',
      '16 figure.mismatch',
      // One hint for the sentence from "December 2019" to "$1 billion": one footnote would cite both.
      '16 claim.uncited',
      '22 figure.mismatch',
      '27 figure.mismatch',
      '28 claim.uncited',
      '30 claim.unsourced',
      '35 claim.uncited',
      '36 link.placeholder',
    ]);
  });
});

describe('misconfiguration', () => {
  it('warns about a mistyped setting, a source folder that finds nothing and an excluded id no source has', async () => {
    const project = mkdtempSync(path.join(tmpdir(), 'attest-cli-rc-'));
    const rc = path.join(project, '.attestrc.json');
    writeFileSync(rc, JSON.stringify({ severty: { 'link.placeholder': 'off' }, sources: ['sourcs'], excludeSources: ['abbasi-2052'] }));
    writeFileSync(path.join(project, 'draft.md'), 'See [the report](#).\n');
    const run = await attestIn(project, 'check', 'draft.md', '--sources', 'empty-folder');
    expect(run.code).toBe(1);
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      `attest: ${rc}: "severty" is not an Attest setting and is ignored; did you mean "severity"?`,
      `attest: ${rc}: the source folder or glob "sourcs" matches no .md, .markdown, .txt, .pdf, .html, .htm, .xhtml or .docx file; no sources are read from it.`,
      'attest: --sources: the source folder or glob "empty-folder" matches no .md, .markdown, .txt, .pdf, .html, .htm, .xhtml or .docx file; no sources are read from it.',
      `attest: ${rc}: "excludeSources" names "abbasi-2052", which no source has; the sources are abbasi-2025, korybko-morozov-2020.`,
    ]);
  });

  it('refuses to exclude a source id that no source has, naming the ids there are', async () => {
    const run = await attest('check', 'examples/brief.md', '--exclude-source', 'abbasi-2052');
    expect([run.code, run.stdout, run.stderr]).toEqual([2, '', 'attest: --exclude-source: no source has the id "abbasi-2052"; the sources are abbasi-2025, korybko-morozov-2020.\n']);
  });
});

describe('attest sources', () => {
  it('lists the sources as JSON', async () => {
    const run = await attest('sources', '--format', 'json');
    expect(run.code).toBe(0);
    const listing = JSON.parse(run.stdout) as { sources: { id: string; bundled: boolean; passages: number; footnotesDefined: number; problems: string[] }[] };
    expect(listing.sources.map((s) => [s.id, s.bundled])).toEqual([
      ['abbasi-2025', true],
      ['korybko-morozov-2020', true],
    ]);
    const korybko = listing.sources[1]!;
    expect([korybko.passages, korybko.footnotesDefined, korybko.problems]).toEqual([30, 30, ['korybko-morozov-2020: footnotes 31, 32 and 33 cited but not defined.']]);
  });

  it('lists the sources with their counts and import problems', async () => {
    const run = await attest('sources');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('korybko-morozov-2020 (bundled)');
    expect(run.stdout).toContain('30 passages, 30 footnotes defined');
    expect(run.stdout).toContain('problem: korybko-morozov-2020: footnotes 31, 32 and 33 cited but not defined.');
    expect(run.stdout).toContain('abbasi-2025 (bundled)');
  });
});
