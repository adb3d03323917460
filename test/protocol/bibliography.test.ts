// Reference libraries through the real server and CLI: `[@key]` completion, hover and go to
// definition from a .bib, a draft whose `bibliography:` front matter names the library, and
// `attest check --sources references.bib` checking figures against an entry's attachment.
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CompletionItem, DocumentLink, Hover, Location, MarkupContent, PublishDiagnosticsParams } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { lines } from '../unit/helpers';
import { distDir, repoRoot, startInProcess, type TestClient } from './harness';

const fixtures = path.join(repoRoot, 'test/fixtures/library/bib');

let client: TestClient | undefined;
afterEach(async () => {
  await client?.close();
  client = undefined;
});

/** Awaits published diagnostics for `uri` until one set satisfies `done`. */
async function until(uri: string, done: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams> {
  for (;;) {
    const next = await client!.diagnostics(uri);
    if (done(next)) return next;
  }
}

const libraryLoaded = (p: PublishDiagnosticsParams) => p.diagnostics.some((d) => d.message === 'No entry has the key @nobody2020 in references.bib.');

/** The fixture library in a folder of its own, with a draft beside it. */
function workspace(draft: string): { root: string; uri: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'attest-bib-'));
  cpSync(fixtures, root, { recursive: true });
  writeFileSync(path.join(root, 'brief.md'), draft);
  return { root, uri: URI.file(path.join(root, 'brief.md')).toString() };
}

const at = (line: number, character: number) => ({ line, character });

describe('citation keys from a .bib named in the sources', () => {
  const draft = lines('The Pakistan Stream pipeline will carry gas [@khan2021] and [@ahmed2018].', '', 'See [@nobody2020].', '', 'The gas pipeline to Lahore [@');

  it('completes keys with author and year, the keys whose text fits the sentence first', async () => {
    const { root, uri } = workspace(draft);
    client = await startInProcess({ rootUri: URI.file(root).toString(), settings: { sources: ['references.bib'] } });
    const published = await client.open(uri, draft);
    if (!libraryLoaded(published)) await until(uri, libraryLoaded);
    const items = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: at(4, 29) })) as CompletionItem[];
    const sorted = [...items].sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1));
    expect(sorted.map((i) => `${i.label} | ${i.detail}`)).toEqual([
      'khan2021 | Khan & Malik 2021',
      'korybko-morozov-2020 | Korybko & Morozov 2020',
      'abbasi-2025 | Abbasi 2025',
      'ahmed2018 | Ahmed 2018',
      'iqbal2019 | Iqbal 2019',
      'korybko2020 | Korybko & Morozov 2020',
    ]);
    const resolved = (await client.connection.sendRequest('completionItem/resolve', sorted[0])) as CompletionItem;
    expect((resolved.documentation as MarkupContent).value).toBe('Khan, Sana, and Omar Malik\\. 2021\\. “The Pakistan Stream Gas Pipeline\\.” Journal of Pakistan and International Studies 12 \\(2\\)\\: 45–67\\. https\\://doi\\.org/10\\.5555/jpis\\.2021\\.045\\.');
  });

  it('shows the formatted reference over a key, escaped, and goes to the entry’s line', async () => {
    const { root, uri } = workspace(draft);
    client = await startInProcess({ rootUri: URI.file(root).toString(), settings: { sources: ['references.bib'] } });
    const published = await client.open(uri, draft);
    const loaded = libraryLoaded(published) ? published : await until(uri, libraryLoaded);
    expect(loaded.diagnostics.filter((d) => d.code === 'citation.unknown-key').map((d) => [d.range, d.message])).toEqual([[{ start: at(2, 5), end: at(2, 16) }, 'No entry has the key @nobody2020 in references.bib.']]);

    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: at(0, 62) })) as Hover;
    expect(hover.range).toEqual({ start: at(0, 61), end: at(0, 71) });
    expect((hover.contents as MarkupContent).value).toBe(
      lines('Ahmed, Farah\\. 2018\\. “Eurasian Corridors\\: \\[Links\\] and \\*Emphasis\\* in a Title\\.”', '', '_No text of this source is loaded (no readable attached file), so claims citing it cannot be checked._'),
    );

    const definition = (await client.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position: at(0, 48) })) as Location;
    expect(definition).toEqual({ uri: URI.file(path.join(root, 'references.bib')).toString(), range: { start: at(3, 0), end: at(3, 0) } });

    // Links open the attachment of an entry that has one, else the entry's line.
    const links = (await client.connection.sendRequest('textDocument/documentLink', { textDocument: { uri } })) as DocumentLink[];
    expect(links.map((l) => [l.range.start.character, l.target])).toEqual([
      [46, URI.file(path.join(root, 'files', 'khan-2021.md')).toString()],
      [62, `${URI.file(path.join(root, 'references.bib')).toString()}#L45`],
    ]);
  });
});

describe('a draft’s bibliography: front matter', () => {
  it('loads the library it names, relative to the draft, without any sources setting', async () => {
    const text = lines('---', 'title: Pipelines', 'bibliography: references.bib', '---', '', 'Russia and Pakistan agreed in 2021 that the pipeline would cost $3.5 billion [@khan2021]. See [@nobody2020].');
    const { root, uri } = workspace(text);
    client = await startInProcess({ rootUri: URI.file(root).toString() });
    const published = await client.open(uri, text);
    const loaded = libraryLoaded(published) ? published : await until(uri, libraryLoaded);
    expect(loaded.diagnostics.filter((d) => d.code === 'figure.mismatch').map((d) => d.message)).toEqual([
      'Draft says $3.5 billion; Khan & Malik 2021 says $2.5 billion.',
    ]);
  });

  it('checks only the draft that names it against its sources, not another open draft', async () => {
    const claim = 'Russia and Pakistan agreed in 2021 that the pipeline would cost $3.5 billion [@khan2021].';
    const named = lines('---', 'bibliography: references.bib', '---', '', claim);
    const { root, uri } = workspace(named);
    const other = URI.file(path.join(root, 'other.md')).toString();
    client = await startInProcess({ rootUri: URI.file(root).toString() });
    const rendered = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${String(d.code)}: ${d.message}`);
    const mismatch = (p: PublishDiagnosticsParams) => p.diagnostics.some((d) => d.code === 'figure.mismatch');
    const published = await client.open(uri, named);
    if (!mismatch(published)) await until(uri, mismatch);

    const plain = await client.open(other, claim);
    expect(rendered(plain)).toEqual([
      '0:64 claim.unsourced: No source states $3.5 billion for 2021 about this subject: add its source, or a footnote.',
      '0:78 citation.unknown-key: No source has the citation key "@khan2021".',
    ]);
    // The draft that names the library is still checked against it.
    const again = await client.change(uri, 2, named + '\n');
    expect(again.diagnostics.filter((d) => d.code === 'figure.mismatch').map((d) => d.message)).toEqual(['Draft says $3.5 billion; Khan & Malik 2021 says $2.5 billion.']);
  });

  it('tells the writer when it names a file that is not there', async () => {
    const text = lines('---', 'bibliography: [references.bib, refs/missing.bib]', '---', '', 'Text [@khan2021].');
    const { root, uri } = workspace(text);
    client = await startInProcess({ rootUri: URI.file(root).toString() });
    const told = new Promise<string>((resolve) => client!.connection.onNotification('window/showMessage', (m: { message: string }) => m.message.startsWith('brief.md') && resolve(m.message)));
    await client.open(uri, text);
    expect(await told).toBe(`brief.md: The bibliography refs/missing.bib named in the front matter does not exist (looked for ${path.join(root, 'refs', 'missing.bib')}).`);
  });
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
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

describe('attest check with a reference library', () => {
  const brokenEntries = [
    'attest: references.bib:25: The entry @article{rashid2022, … could not be read: a brace "{" is never closed; the other 4 entries are used.',
    'attest: references.bib:40: The entry @misc{, … could not be read: it has no citation key; the other 4 entries are used.',
    'attest: references.bib:31: The file attached to @korybko2020 could not be read (files/korybko-2020.pdf does not exist); the entry is used as a reference only, with no text to check against.',
  ];

  it('checks figures against an entry’s attachment and reports the broken entries once, with their lines', async () => {
    const run = await attestIn(fixtures, 'check', 'draft.md', '--sources', 'references.bib', '--format', 'json');
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { files: { claims: { text: string; verdict: string; evidence: { source: string }[] }[] }[] };
    expect(report.files[0]!.claims.map((c) => `${c.text}: ${c.verdict} by ${c.evidence.map((e) => e.source).join(', ')}`)).toEqual([
      '1,100 km: supported by khan2021',
      '2021: supported by khan2021',
      '$3.5 billion: contradicted by khan2021',
      '1.2 million tonnes: supported by iqbal2019',
      '2019: supported by iqbal2019',
    ]);
    expect(run.stderr.trim().split('\n')).toEqual(brokenEntries);
  });

  it('reads the library a draft’s front matter names', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'attest-bib-cli-'));
    cpSync(fixtures, root, { recursive: true });
    writeFileSync(path.join(root, 'fm.md'), lines('---', 'bibliography: [references.bib, missing.bib]', '---', '', 'Pakistan imported 1.5 million tonnes of wheat from Russia in 2019 [@iqbal2019].'));
    copyFileSync(path.join(root, 'draft.md'), path.join(root, 'plain.md'));
    const run = await attestIn(root, 'check', 'fm.md');
    expect(run.stdout.split('\n').filter((l) => l.includes('figure.mismatch'))).toEqual([
      '  5:19    warning Draft says 1.5 million tonnes; Iqbal 2019 says 1.2 million tonnes.  figure.mismatch',
    ]);
    expect(run.stderr.trim().split('\n')).toEqual([...brokenEntries, `attest: fm.md: The bibliography missing.bib named in the front matter does not exist (looked for ${path.join(root, 'missing.bib')}).`]);
  });

  it('checks a draft that names no library without the sources of the library another draft names', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'attest-bib-cli-'));
    cpSync(fixtures, root, { recursive: true });
    const claim = 'Pakistan imported 1.5 million tonnes of wheat from Russia in 2019 [@iqbal2019].';
    writeFileSync(path.join(root, 'fm.md'), lines('---', 'bibliography: references.bib', '---', '', claim));
    writeFileSync(path.join(root, 'plain.md'), claim);
    const run = await attestIn(root, 'check', 'fm.md', 'plain.md', '--format', 'json');
    const report = JSON.parse(run.stdout) as { files: { path: string; diagnostics: { code: string }[] }[] };
    expect(report.files.map((f) => `${f.path}: ${f.diagnostics.map((d) => d.code).join(', ')}`)).toEqual(['fm.md: figure.mismatch', 'plain.md: claim.unsourced, citation.unknown-key']);
  });
});
