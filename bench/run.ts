// `npm run bench`: how fast Attest checks drafts and loads corpora, against the targets in
// the performance issue. Inputs are generated from corpus/ with fixed seeds (bench/lib/), so
// every run measures the same work. Each figure is the median of several runs after a
// warm-up, all in this one run; the large corpus is built once into .cache/bench/ and reused.
// Prints a table and writes bench/results.json.
//
//   npm run bench                       everything (a few minutes; the first run also builds the corpus)
//   npm run bench -- --only=edit,hover  entries whose name contains one of these
//   npm run bench -- --sources=2000     a smaller synthetic corpus
//   npm run bench -- --rebuild-corpus   rebuild the cached synthetic corpus
//   npm run bench -- --only=library --library-sources=2000 --library-pdfs=200   a smaller library of the writer's own sources
//   npm run bench -- --profile          also write a CPU profile of each in-process entry to .cache/bench/profiles/
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Session } from 'node:inspector';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkPresetLintRecommended from 'remark-preset-lint-recommended';
import { unified } from 'unified';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { CompletionItem, CompletionList, Hover, PublishDiagnosticsParams, ServerCapabilities } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startInProcess } from '../test/protocol/harness';
import { createChecker } from '../server/src/core/checker';
import { parseDraft } from '../server/src/core/draft/draft';
import { forgetPassageViews } from '../server/src/core/retrieval/passageView';
import { extractFigures } from '../server/src/core/claims/figures';
import { splitSentences } from '../server/src/core/claims/sentences';
import { loadBundledCorpus } from '../server/src/corpus/loader';
import { parseSource } from '../server/src/corpus/parseSource';
import { isWorkPassage } from '../server/src/core/types';
import { toDiagnostics } from '../server/src/features/diagnostics';
import { defaultSettings } from '../server/src/settings';
import { bundleProbe, cacheDir } from './lib/bundle';
import { ensureCorpusIndex, type CorpusIndexInfo } from './lib/corpusCache';
import { generateDraft, type GeneratedDraft } from './lib/drafts';
import { loadMaterial, perturbFigure, repoRoot } from './lib/material';
import { collectGarbage, measure, median, timing, type Timing } from './lib/measure';
import { createRandom } from './lib/random';
import { generateSource } from './lib/sources';
import { ensureLibrary, wordsPerSource } from './lib/library';
import { measureIndexOpen } from './lib/largeIndex';
import { sourceExtensions } from '../server/src/corpus/readers';
import { typingDraft } from '../test/unit/helpers';

// ---------------------------------------------------------------------------
// Options and results

const args = process.argv.slice(2);
const option = (name: string): string | undefined => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? (args.includes(`--${name}`) ? '' : undefined);
const only = option('only')?.split(',').filter(Boolean);
const sourceCount = Number(option('sources') ?? 10000);
const profiling = option('profile') !== undefined;
const wanted = (name: string): boolean => !only || only.some((o) => name.includes(o));
const distDir = path.join(repoRoot, 'dist');

interface Result {
  name: string;
  median_ms: number | null;
  ratio?: number;
  ratio_to?: string;
  /** For entries that are not times (memory). */
  value?: number;
  unit?: string;
  target?: string;
  pass?: boolean;
  runs?: number;
  min_ms?: number;
  max_ms?: number;
  note?: string;
}

const results: Result[] = [];
const round = (n: number, digits = 2): number => Number(n.toFixed(digits));

function record(name: string, t: Timing | number, extra: Omit<Result, 'name' | 'median_ms'> = {}): Result {
  const time = typeof t === 'number' ? timing([t]) : t;
  const result: Result = { name, median_ms: round(time.median, 3), ...extra, runs: time.runs, min_ms: round(time.min, 3), max_ms: round(time.max, 3) };
  if (time.slow) result.note = `one run only: too slow to repeat. ${result.note ?? ''}`.trim();
  results.push(result);
  const ratio = result.ratio !== undefined ? `  ×${result.ratio} of ${result.ratio_to}` : '';
  const verdict = result.pass === undefined ? '' : result.pass ? '  PASS' : '  MISS';
  log(`  ${name.padEnd(26)} ${fmt(result.median_ms!)} (${time.runs} run${time.runs === 1 ? '' : 's'}${time.slow ? ', too slow to repeat' : ''})${ratio}${verdict}`);
  return result;
}

function fmt(ms: number): string {
  return ms >= 100 ? `${ms.toFixed(0)} ms` : ms >= 1 ? `${ms.toFixed(1)} ms` : `${ms.toFixed(3)} ms`;
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** Profiles `run` with the inspector when --profile is given; writes NAME.cpuprofile. */
async function profiled<T>(name: string, run: () => Promise<T>): Promise<T> {
  if (!profiling) return run();
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object): Promise<unknown> => new Promise((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  await post('Profiler.start');
  try {
    return await run();
  } finally {
    const { profile } = (await post('Profiler.stop')) as { profile: unknown };
    const dir = path.join(cacheDir, 'profiles');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}

// ---------------------------------------------------------------------------
// Inputs

const material = loadMaterial();
const drafts: Record<string, GeneratedDraft> = {
  '2k': generateDraft(2000, 2_000),
  '20k': generateDraft(20000, 20_000),
  '100k': generateDraft(100000, 100_000),
};

/** Figure sentences to judge against the large corpus: from its own sources (these, of this many words) and from the real papers, some changed. */
function claimSentences(indices = [17, 1234, 4242, 6001, 9876].filter((i) => i < sourceCount), wordsPerSource?: number): string[] {
  const random = createRandom(777);
  const out: string[] = [];
  const usable = (s: string): boolean => !/["“”]/.test(s) && extractFigures(s).length > 0 && s.split(' ').length <= 60;
  for (const index of indices) {
    const generated = generateSource(index, wordsPerSource);
    const source = parseSource({ location: generated.location, text: generated.markdown, bundled: false });
    const sentences = source.passages.filter((p) => !isWorkPassage(p)).flatMap((p) => splitSentences(p.text).map((s) => p.text.slice(s.start, s.end))).filter(usable);
    for (let k = 0; k < 5 && sentences.length; k++) {
      const s = sentences.splice(random.int(0, sentences.length - 1), 1)[0]!;
      out.push(random.chance(0.3) ? perturbFigure(s, random.next) : s);
    }
  }
  for (const s of material.figureSentences.filter(usable).slice(0, 15)) out.push(random.chance(0.3) ? perturbFigure(s, random.next) : s);
  return out;
}

// ---------------------------------------------------------------------------
// Entries

async function draftEntries(): Promise<void> {
  const parser = unified().use(remarkParse).use(remarkGfm);
  // Budgets keep the whole run within minutes however slow an entry is: at least three measured runs each.
  const runs: Record<string, { warmup: number; runs: number; budgetMs: number; slowMs: number }> = {
    '2k': { warmup: 5, runs: 31, budgetMs: 10000, slowMs: 10000 },
    '20k': { warmup: 2, runs: 15, budgetMs: 20000, slowMs: 10000 },
    '100k': { warmup: 1, runs: 7, budgetMs: 30000, slowMs: 10000 },
  };
  const parse: Record<string, Timing> = {};
  for (const size of ['2k', '20k', '100k']) {
    const name = `remark-parse-${size}`;
    if (!wanted(name) && !wanted(`full-check-${size}`) && !(size === '20k' && (wanted('edit') || wanted('lint') || wanted('attest-parse')))) continue;
    const text = drafts[size]!.text;
    parse[size] = await profiled(name, () => measure(() => parser.parse(text), runs[size]));
    record(name, parse[size], { note: `${drafts[size]!.stats.words} words, ${text.length} characters` });
  }
  if (wanted('attest-parse-20k')) {
    // What full-check parses with: remark-parse, front matter and GFM without autolink literals (server/src/core/draft/gfm.ts), then the prose blocks.
    const text = drafts['20k']!.text;
    const t = await profiled('attest-parse-20k', () => measure(() => parseDraft(text), runs['20k']));
    record('attest-parse-20k', t, { ratio: round(t.median / parse['20k']!.median), ratio_to: 'remark-parse-20k', note: 'parseDraft on the whole draft: the parse inside full-check, without its pieces or verdicts' });
  }
  if (wanted('remark-lint-20k')) {
    const linter = unified().use(remarkParse).use(remarkGfm).use(remarkPresetLintRecommended);
    const text = drafts['20k']!.text;
    let messages = 0;
    const lint = async (): Promise<void> => {
      const tree = linter.parse(text);
      await new Promise<void>((resolve, reject) => {
        linter.run(tree, text, (error, _tree, file) => {
          if (error) reject(error);
          else {
            messages = file?.messages.length ?? 0;
            resolve();
          }
        });
      });
    };
    const t = await profiled('remark-lint-20k', () => measure(lint, { warmup: 2, runs: 11, budgetMs: 15000 }));
    record('remark-lint-20k', t, { ratio: round(t.median / parse['20k']!.median), ratio_to: 'remark-parse-20k', note: `remark-preset-lint-recommended with remark-gfm; ${messages} messages` });
  }

  const corpus = loadBundledCorpus(distDir);
  for (const size of ['2k', '20k', '100k']) {
    const name = `full-check-${size}`;
    if (!wanted(name)) continue;
    const text = drafts[size]!.text;
    const check = (): number => {
      // A fresh checker: no block verdicts or parsed pieces remembered.
      const checker = createChecker({ corpus });
      const analysis = checker.analyse(text);
      const document = TextDocument.create('file:///bench/draft.md', 'markdown', 1, text);
      const diagnostics = toDiagnostics({ document, analysis, settings: { ...defaultSettings }, checker }, { docsUri: 'file:///docs/checks.md', isAccepted: () => false });
      return diagnostics.length + analysis.verdicts.length;
    };
    // The ratio's parse is timed alternately with the check, before each run, so that both
    // see the same load on a shared machine; the parse-alone entry above is timed apart.
    const alongside = (samples: number[]) => (): void => {
      const t0 = performance.now();
      parser.parse(text);
      samples.push(performance.now() - t0);
    };
    const parsed: number[] = [];
    const t = await profiled(name, () => measure(check, { ...runs[size], setup: alongside(parsed) }));
    const ratioTo = (timed: Timing, samples: number[]): number => round(timed.median / median(samples.slice(samples.length - timed.runs)));
    const analysis = createChecker({ corpus }).analyse(text);
    const verdicts: Record<string, number> = {};
    for (const v of analysis.verdicts) verdicts[`${v.claim.kind} ${v.verdict}`] = (verdicts[`${v.claim.kind} ${v.verdict}`] ?? 0) + 1;
    const ratio = ratioTo(t, parsed);
    record(name, t, {
      ratio,
      ratio_to: `remark-parse-${size}`,
      ...(size === '20k' ? { target: 'ratio ≤ 1.5', pass: ratio <= 1.5 } : {}),
      note: `${analysis.verdicts.length} claims (${Object.entries(verdicts).map(([k, n]) => `${n} ${k}`).join(', ')}), ${analysis.findings.length} findings; bundled corpus; ratio to remark-parse timed alternately with each run (median ${median(parsed.slice(parsed.length - t.runs)).toFixed(1)} ms)`,
    });
    if (size === '20k' && wanted('full-check-20k-cold-views')) {
      // The same with no passage views kept: as the first draft checked after the server starts.
      const coldParsed: number[] = [];
      const cold = await measure(
        () => {
          forgetPassageViews(corpus);
          return check();
        },
        { ...runs[size], setup: alongside(coldParsed) },
      );
      record('full-check-20k-cold-views', cold, { ratio: ratioTo(cold, coldParsed), ratio_to: 'remark-parse-20k', note: 'full-check-20k with the passage views (terms, sets and figure contexts kept per corpus) dropped before each run; ratio as for full-check' });
    }
  }
}

async function serverEntries(): Promise<void> {
  if (!wanted('edit-20k') && !wanted('hover-20k') && !wanted('completion-20k')) return;
  const { text } = drafts['20k']!;
  const parse = results.find((r) => r.name === 'remark-parse-20k');
  const client = await startInProcess({ server: { distDir, debounceMs: 0 } });
  const uri = 'file:///bench/draft-20k.md';
  await client.open(uri, text, 1);
  let document = TextDocument.create(uri, 'markdown', 1, text);
  const checker = createChecker({ corpus: loadBundledCorpus(distDir) });
  const analysis = checker.analyse(text);

  if (wanted('edit-20k')) {
    // Keystrokes inside paragraphs of prose in the middle of the draft: each changes one block.
    const paragraphs = analysis.draft.blocks.filter((b) => !b.heading && !b.inFootnote && b.end - b.start > 200 && /^[A-Z]/.test(text.slice(b.start, b.start + 1)));
    // Type at the end of each paragraph's first sentence, as a writer adding a word would.
    const offsets = paragraphs.slice(Math.floor(paragraphs.length / 3), Math.floor(paragraphs.length / 3) + 5).map((b) => {
      const stop = text.indexOf('. ', b.start);
      return stop > b.start && stop < b.end ? stop : b.start + 10;
    });
    let version = 1;
    const keystroke = async (i: number): Promise<void> => {
      const k = i % offsets.length;
      const offset = offsets[k]!;
      const position = document.positionAt(offset);
      const change = { range: { start: position, end: position }, text: 'abcdefghij'[i % 10]! };
      version++;
      document = TextDocument.update(document, [change], version);
      offsets.forEach((o, j) => (offsets[j] = o >= offset ? o + 1 : o));
      const published = client.diagnostics(uri, version);
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      await published;
    };
    let n = 0;
    const t = await profiled('edit-20k', () => measure(() => keystroke(n++), { warmup: 5, runs: 41, budgetMs: 30000 }));
    const ratio = parse ? round(t.median / parse.median_ms!) : undefined;
    record('edit-20k', t, {
      ...(ratio !== undefined ? { ratio, ratio_to: 'remark-parse-20k' } : {}),
      target: '≤ 50 ms and ratio ≤ 0.3',
      pass: t.median <= 50 && (ratio === undefined || ratio <= 0.3),
      note: 'didChange (one character, incremental sync) → publishDiagnostics for that version, in-process server, debounce 0',
    });
  }

  const current = checker.analyse(document.getText());
  if (wanted('hover-20k')) {
    const claims = current.verdicts.filter((v) => v.verdict !== 'unsourced' && v.claim.kind === 'figure');
    const claim = claims[Math.floor(claims.length / 2)]!.claim;
    const position = document.positionAt(claim.start + 1);
    let hover: Hover | null = null;
    const t = await profiled('hover-20k', () => measure(async () => (hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position })) as Hover | null), { warmup: 5, runs: 51 }));
    record('hover-20k', t, { target: '≤ 20 ms', pass: t.median <= 20, note: `hover on a figure with evidence (${hover ? 'answered' : 'no answer'})` });
  }
  if (wanted('completion-20k')) {
    const refs = current.draft.footnoteRefs;
    const ref = refs[Math.floor(refs.length / 2)]!;
    const position = document.positionAt(ref.start + 2);
    let items = 0;
    const t = await profiled('completion-20k', () =>
      measure(
        async () => {
          const answer = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position })) as CompletionItem[] | CompletionList | null;
          items = Array.isArray(answer) ? answer.length : (answer?.items.length ?? 0);
        },
        { warmup: 5, runs: 51, budgetMs: 15000 },
      ),
    );
    record('completion-20k', t, { target: '≤ 20 ms', pass: t.median <= 20, note: `footnote completion after "[^" (${items} items)` });
  }
  await client.close();
}

/** CPU time a process has used, in ms (Linux /proc; undefined elsewhere): a figure that a busy machine does not inflate as it does the wall-clock one. */
function processCpuMs(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime, the 12th and 13th fields after the command, in clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/** Resident memory of a server process, in MB (`ps`, as on Linux and macOS). */
function processRssMb(pid: number): number {
  return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) / 1024;
}

/**
 * A writer typing for a long while into a 6 KB draft: 30,000 keystrokes, each typing a letter
 * into one of its paragraphs and every eighth deleting the word typed, so that the draft
 * keeps its size and every version is new. The draft is checked after every fifth keystroke
 * (attest/documentStatus, as the status bar asks); the server's resident memory is read at the end.
 */
/** The built server over stdio, initialised as a client with configuration and versioned diagnostics would. */
async function startServer(
  onDiagnostics: (p: PublishDiagnosticsParams) => void,
  options: { pull?: boolean; root?: string; settings?: Record<string, unknown> } = {},
): Promise<{ child: ReturnType<typeof spawn>; connection: ReturnType<typeof createMessageConnection>; capabilities: ServerCapabilities }> {
  const workspace = options;
  const child = spawn(process.execPath, [path.join(distDir, 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  connection.onNotification('textDocument/publishDiagnostics', onDiagnostics);
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => workspace.settings ?? {}));
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onNotification('$/progress', () => undefined);
  connection.onRequest('client/registerCapability', () => null);
  connection.onNotification('window/logMessage', () => undefined);
  connection.onNotification('window/showMessage', () => undefined);
  connection.listen();
  const rootUri = workspace.root ? pathToFileURL(workspace.root).href : null;
  const textDocument = { publishDiagnostics: { versionSupport: true }, ...(options.pull ? { diagnostic: { dynamicRegistration: false } } : {}) };
  const { capabilities } = (await connection.sendRequest('initialize', { processId: process.pid, rootUri, workspaceFolders: rootUri ? [{ uri: rootUri, name: 'library' }] : null, capabilities: { workspace: { configuration: true }, textDocument } })) as { capabilities: ServerCapabilities };
  await connection.sendNotification('initialized', {});
  return { child, connection, capabilities };
}

async function keystrokeEntries(): Promise<void> {
  if (!wanted('rss-after-30k-keystrokes')) return;
  const waiting = new Map<number, () => void>();
  const { child, connection } = await startServer((p) => waiting.get(p.version ?? -1)?.());
  const published = (version: number): Promise<void> => new Promise((resolve) => waiting.set(version, resolve));
  const uri = 'file:///bench/typing.md';
  const text = typingDraft(0);
  const opened = published(1);
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  await opened;
  const rssStart = processRssMb(child.pid!);
  const random = createRandom(30000);
  const t0 = performance.now();
  let typed = 0;
  let version = 1;
  for (let k = 0; k < 30000; k++) {
    const paragraph = Math.floor(k / 8) % 24;
    const line = 2 + paragraph * 2;
    const at = 'In section'.length;
    version++;
    const change =
      k % 8 === 7
        ? { range: { start: { line, character: at }, end: { line, character: at + typed } }, text: '' }
        : { range: { start: { line, character: at + typed }, end: { line, character: at + typed } }, text: 'abcdefghijklmnopqrstuvwxyz'[random.int(0, 25)]! };
    typed = k % 8 === 7 ? 0 : typed + 1;
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    // What the status bar asks after an edit: the check of the version just typed, without the pause before publishing.
    if (k % 5 === 4) await connection.sendRequest('attest/documentStatus', { textDocument: { uri } });
  }
  const ms = performance.now() - t0;
  const rss = processRssMb(child.pid!);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  connection.dispose();
  await exited;
  results.push({ name: 'rss-after-30k-keystrokes', median_ms: null, value: round(rss, 0), unit: 'MB', target: '≤ 300 MB', pass: rss <= 300, note: `server process (dist/server.js --stdio), 6 KB draft, 30,000 one-letter edits and deletions, checked after every fifth (attest/documentStatus), in ${(ms / 1000).toFixed(1)} s; ${round(rssStart, 0)} MB after opening the draft` });
  log(`  ${'rss-after-30k-keystrokes'.padEnd(26)} ${rss.toFixed(0)} MB (from ${rssStart.toFixed(0)} MB, ${(ms / 1000).toFixed(1)} s)${rss <= 300 ? '  PASS' : '  MISS'}`);
}

/** One sentence of many figures, as a pasted table row: a check of it should grow linearly with the figures. */
async function figureFloodEntries(): Promise<void> {
  if (!wanted('figure-flood')) return;
  const corpus = loadBundledCorpus(distDir);
  const check = (n: number) => (): number => createChecker({ corpus }).analyse(`Trade was ${'$1 billion '.repeat(n)}`).verdicts.length;
  const small = await measure(check(100), { warmup: 1, runs: 7, budgetMs: 10000, slowMs: 10000 });
  record('figure-flood-100', small, { note: "a fresh checker's check of 'Trade was ' + '$1 billion '.repeat(100): one sentence of 100 figures" });
  const large = await measure(check(400), { warmup: 1, runs: 5, budgetMs: 15000, slowMs: 10000 });
  const ratio = round(large.median / small.median);
  record('figure-flood-400', large, { ratio, ratio_to: 'figure-flood-100', target: 'ratio ≤ 5', pass: ratio <= 5, note: 'the same with 400 figures: linear work would be 4 times the time at 100' });
}

/**
 * Keystrokes into the 20,000-word draft over stdio, as an editor sends them: the built server,
 * one letter typed per didChange in the middle of the draft. Where the server offers pull
 * diagnostics the client asks for them right after the change (no pause: the time is the
 * server's work and the bytes it writes); over push the pause before publishing is taken off.
 * Bytes are all the server wrote between the keystroke and its diagnostics.
 */
async function stdioEditEntries(): Promise<void> {
  if (!wanted('edit-20k-stdio')) return;
  const { text } = drafts['20k']!;
  const debounceMs = 200;
  const analysis = createChecker({ corpus: loadBundledCorpus(distDir) }).analyse(text);
  const paragraphs = analysis.draft.blocks.filter((b) => !b.heading && !b.inFootnote && b.end - b.start > 200 && /^[A-Z]/.test(text.slice(b.start, b.start + 1)));
  const typing = (pull: boolean) => async (): Promise<{ t: Timing; bytes: number[]; diagnostics: number; cpuMs?: number }> => {
    let onPublish: (p: PublishDiagnosticsParams) => void = () => undefined;
    const { child, connection, capabilities } = await startServer((p) => onPublish(p), { pull });
    const pulling = pull && Boolean(capabilities.diagnosticProvider);
    let written = 0;
    child.stdout!.on('data', (chunk: Buffer) => (written += chunk.length));
    const uri = 'file:///bench/draft-20k-stdio.md';
    let document = TextDocument.create(uri, 'markdown', 1, text);
    let resultId: string | undefined;
    let diagnostics = 0;
    const answer = async (version: number): Promise<void> => {
      if (pulling) {
        const report = (await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId: resultId })) as { kind: string; resultId?: string; items?: unknown[] };
        resultId = report.resultId;
        if (report.items) diagnostics = report.items.length;
        return;
      }
      await new Promise<void>((resolve) => (onPublish = (p) => p.uri === uri && p.version === version && (diagnostics = p.diagnostics.length, resolve())));
    };
    const opened = answer(1);
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await opened;
    const offsets = paragraphs.slice(Math.floor(paragraphs.length / 2), Math.floor(paragraphs.length / 2) + 5).map((b) => {
      const stop = text.indexOf('. ', b.start);
      return stop > b.start && stop < b.end ? stop : b.start + 10;
    });
    let version = 1;
    const bytes: number[] = [];
    let n = 0;
    const cpuBefore = processCpuMs(child.pid!);
    const t = await measure(
      async () => {
        const i = n++;
        const offset = offsets[i % offsets.length]!;
        const position = document.positionAt(offset);
        const change = { range: { start: position, end: position }, text: 'abcdefghij'[i % 10]! };
        version++;
        document = TextDocument.update(document, [change], version);
        offsets.forEach((o, j) => (offsets[j] = o >= offset ? o + 1 : o));
        const before = written;
        const answered = pulling ? undefined : answer(version);
        await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
        await (answered ?? answer(version));
        bytes.push(written - before);
      },
      { warmup: 5, runs: 41, budgetMs: 30000 },
    );
    const cpuAfter = processCpuMs(child.pid!);
    const cpuMs = cpuBefore !== undefined && cpuAfter !== undefined ? (cpuAfter - cpuBefore) / n : undefined;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    connection.dispose();
    await exited;
    // The measured bytes include the warm-up keystrokes' first: keep the measured runs'.
    const measured = bytes.slice(-t.runs);
    return { t: pulling ? t : timing(t.samples.map((ms) => ms - debounceMs)), bytes: measured, diagnostics, cpuMs };
  };
  for (const pull of [true, false]) {
    const { t, bytes, diagnostics, cpuMs } = await typing(pull)();
    const kb = median(bytes) / 1024;
    const p95 = [...t.samples].sort((a, b) => a - b)[Math.min(t.samples.length - 1, Math.floor(t.samples.length * 0.95))]!;
    const name = pull ? 'edit-20k-stdio' : 'edit-20k-stdio-push';
    record(name, t, {
      target: '≤ 30 ms and ≤ 128 KB sent',
      pass: t.median <= 30 && kb <= 128,
      note: `${pull ? 'pull diagnostics (textDocument/diagnostic right after didChange)' : `push (publishDiagnostics; the ${debounceMs} ms pause taken off)`}, dist/server.js --stdio; p95 ${round(p95, 1)} ms; ${round(kb, 1)} KB sent per keystroke (median); ${diagnostics} diagnostics${cpuMs === undefined ? '' : `; server CPU ${round(cpuMs, 1)} ms per keystroke (mean, all threads)`}`,
    });
    log(`    p95 ${round(p95, 1)} ms, ${round(kb, 1)} KB per keystroke, ${diagnostics} diagnostics${cpuMs === undefined ? '' : `, server CPU ${round(cpuMs, 1)} ms per keystroke`}`);
  }
}

/** Server process start → first diagnostics, as an editor starts it: `node dist/server.js --stdio`. */
async function coldStart(): Promise<void> {
  if (!wanted('cold-start-2k')) return;
  const { text } = drafts['2k']!;
  const once = async (): Promise<number> => {
    const t0 = performance.now();
    const uri = 'file:///bench/draft-2k.md';
    let published: (p: PublishDiagnosticsParams) => void = () => undefined;
    const diagnostics = new Promise<PublishDiagnosticsParams>((resolve) => (published = (p) => p.uri === uri && resolve(p)));
    const { child, connection } = await startServer((p) => published(p));
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await diagnostics;
    const ms = performance.now() - t0;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    connection.dispose();
    await exited;
    return ms;
  };
  const t = await measure(once, { warmup: 2, runs: 9, budgetMs: 20000 });
  record('cold-start-2k', t, { target: '≤ 300 ms', pass: t.median <= 300, note: 'spawn `node dist/server.js --stdio` → initialize → didOpen → first publishDiagnostics' });
}

function runProbe(script: string, probeArgs: string[]): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--max-old-space-size=8192', script, ...probeArgs], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`${path.basename(script)} ${probeArgs.join(' ')} exited with ${code}`));
      else resolve(JSON.parse(out.trim().split('\n').pop()!) as Record<string, unknown>);
    });
  });
}

async function bundledCorpusEntries(probe: string): Promise<void> {
  if (!wanted('bundled-corpus-load')) return;
  // In a fresh process each time, as the server loads it at start (cold code, one call).
  const cold = async (mode: string): Promise<Timing> => {
    await runProbe(probe, ['bundled', mode]);
    const samples: number[] = [];
    for (let i = 0; i < 7; i++) samples.push((await runProbe(probe, ['bundled', mode])).ms as number);
    return timing(samples);
  };
  const index = await cold('index');
  record('bundled-corpus-load', index, { target: '≤ 100 ms', pass: index.median <= 100, note: 'loadBundledCorpus(dist): dist/corpus.json + its serialized index, in a fresh process' });
  const rebuild = await cold('rebuild');
  record('bundled-corpus-load-rebuild', rebuild, { note: 'before: loadBundledSources + buildCorpus, in a fresh process' });
}

async function largeCorpusEntries(probe: string): Promise<CorpusIndexInfo | undefined> {
  const names = ['corpus-load-10k', 'corpus-query-10k', 'corpus-rss-10k', 'corpus-load-10k-rebuild', 'corpus-load-10k-in-memory'];
  if (!names.some(wanted)) return undefined;
  const info = await ensureCorpusIndex(sourceCount, { rebuild: option('rebuild-corpus') !== undefined, log });
  const scale = `${sourceCount} sources, ${(info.words / 1e6).toFixed(1)}M words, ${info.passages} passages, ${info.figures} figures, ${info.dictionary} distinct terms; index ${(info.bytes / 1048576).toFixed(0)} MB`;
  log(`  synthetic corpus: ${scale}${info.cached ? ' (cached)' : `, built in ${(info.buildMs / 1000).toFixed(1)} s`}`);
  const claimsFile = path.join(cacheDir, 'claims.json');
  writeFileSync(claimsFile, JSON.stringify(claimSentences()));
  const opened = await runProbe(probe, ['open', info.file, claimsFile]);
  const load = opened.load as { median: number; samples: number[] };
  const query = opened.query as { median: number; samples: number[]; p50: number; p95: number; claims: number; sentences: number; verdicts: Record<string, number> };
  record('corpus-load-10k', timing(load.samples), { target: '≤ 2000 ms', pass: load.median <= 2000, note: `openCorpusIndex: ${scale}` });
  record('corpus-query-10k', timing(query.samples), {
    target: '≤ 1 ms per claim',
    pass: query.median <= 1,
    note: `per figure/date claim, mean over ${query.claims} claims in ${query.sentences} sentences (checker.judgeText); median of ${query.samples.length} rounds after 3 to warm up, each with a fresh checker and no passage views; per-claim p50 ${query.p50.toFixed(3)} ms, p95 ${query.p95.toFixed(3)} ms; verdicts ${JSON.stringify(query.verdicts)}`,
  });
  const rss = opened.rssLoaded as number;
  results.push({ name: 'corpus-rss-10k', median_ms: null, value: round(rss, 0), unit: 'MB', target: '≤ 500 MB', pass: rss <= 500, note: `resident memory with the corpus open (after GC); ${round(opened.rssQueried as number, 0)} MB after the queries; an empty process: ${round(opened.rssBaseline as number, 0)} MB` });
  log(`  ${'corpus-rss-10k'.padEnd(26)} ${rss.toFixed(0)} MB${rss <= 500 ? '  PASS' : '  MISS'}`);

  if (wanted('corpus-load-10k-in-memory')) {
    const memory = await runProbe(probe, ['memory', info.file]);
    record('corpus-load-10k-in-memory', memory.ms as number, { note: `loadCorpusIndex(readFileSync(index)): all text in memory; RSS ${round(memory.rss as number, 0)} MB` });
  }
  if (wanted('corpus-load-10k-rebuild')) {
    const subset = Math.min(100, sourceCount);
    const rebuilt = await runProbe(probe, ['rebuild', String(subset)]);
    const factor = sourceCount / subset;
    const samples = (rebuilt.samples as number[]).map((s) => s * factor);
    record('corpus-load-10k-rebuild', timing(samples), { note: `before: JSON.parse of the sources + buildCorpus, measured on ${subset} sources and scaled ×${factor}; heap ≈ ${round((rebuilt.heapMb as number) * factor, 0)} MB scaled` });
  }
  return info;
}

/**
 * The local index at 100,000 generated sources (of --index-words words each, 1,500 by default:
 * 150 million words, past the 2 GiB that a file read whole allows), opened in a fresh process
 * three times: time to the first answered claim, and resident memory after the checks of a few
 * hundred claim sentences. The same probe on the 10,000-source corpus, when it was built above,
 * shows how memory grows with the corpus.
 */
async function largeIndexEntries(small: CorpusIndexInfo | undefined): Promise<void> {
  if (!['index-100k-open', 'index-100k-rss'].some(wanted)) return;
  const sources = 100_000;
  const words = Number(option('index-words') ?? 1500);
  const info = await ensureCorpusIndex(sources, { wordsPerSource: words, rebuild: option('rebuild-corpus') !== undefined, log });
  const scale = `${sources} sources of about ${words} words (${(info.words / 1e6).toFixed(0)}M words), ${info.passages} passages, ${info.figures} figures, ${info.dictionary} distinct terms; index ${(info.bytes / 1073741824).toFixed(2)} GiB`;
  log(`  synthetic corpus: ${scale}${info.cached ? ' (cached)' : `, built in ${(info.buildMs / 1000).toFixed(0)} s`}`);
  const claimsFile = path.join(cacheDir, 'claims-100k.json');
  writeFileSync(claimsFile, JSON.stringify(claimSentences([17, 12345, 45678, 77777, 99999], words)));
  const large = await measureIndexOpen(info.file, claimsFile, 3);
  const first = large.runs[0]!;
  const lookups = `${first.lookups} claim sentences (${first.claimsJudged} figure and date claims) in ${first.lookups / JSON.parse(readFileSync(claimsFile, 'utf8')).length} rounds, each with a fresh checker`;
  record('index-100k-open', timing(large.runs.map((r) => r.firstAnswerMs)), {
    target: '≤ 2000 ms',
    pass: large.median((r) => r.firstAnswerMs) <= 2000,
    note: `openCorpusIndex then the first claim judged, in a fresh process (median of 3): ${scale}; openCorpusIndex alone ${large.median((r) => r.openMs).toFixed(1)} ms; then ${lookups}, ${large.median((r) => r.perClaimMs).toFixed(3)} ms per claim; verdicts ${JSON.stringify(first.verdicts)}`,
  });
  const rss = large.median((r) => r.rssQueried);
  let compared = '';
  if (small) {
    const smallClaims = path.join(cacheDir, 'claims.json');
    const ten = await measureIndexOpen(small.file, smallClaims, 1);
    compared = `; the same probe on the ${small.sources}-source corpus (${(small.words / 1e6).toFixed(0)}M words, index ${(small.bytes / 1073741824).toFixed(2)} GiB): ${round(ten.runs[0]!.rssOpen, 0)} MB open, ${round(ten.runs[0]!.rssQueried, 0)} MB after its lookups, first answer in ${ten.runs[0]!.firstAnswerMs.toFixed(0)} ms`;
  }
  results.push({ name: 'index-100k-rss', median_ms: null, value: round(rss, 0), unit: 'MB', target: 'bounded', note: `resident memory after the lookups (after GC; median of 3 processes); ${round(large.median((r) => r.rssOpen), 0)} MB right after the first answer; an empty process: ${round(first.rssBaseline, 0)} MB; heap ${round(first.heapQueried, 0)} MB${compared}` });
  log(`  ${'index-100k-rss'.padEnd(26)} ${rss.toFixed(0)} MB${compared}`);
}

/**
 * The writer's own library, indexed into the cache folder: 10,000 Markdown sources and 2,000
 * PDFs (read only where the PDF reader is built in). The first build in a fresh process into
 * an empty cache; then the server started on the warm cache (spawn → a draft's first
 * diagnostics that rely on the library), one source saved → the draft's fresh diagnostics,
 * and the CLI on the warm cache.
 */
async function libraryEntries(): Promise<void> {
  const names = ['library-first-build', 'library-warm-start', 'library-source-saved', 'library-cli-warm'];
  if (!names.some(wanted)) return;
  const library = await ensureLibrary(Number(option('library-sources') ?? 10000), Number(option('library-pdfs') ?? 2000), log);
  const pdfs = sourceExtensions.includes('pdf') ? `${library.pdfs} PDFs read` : `${library.pdfs} PDFs not read: PDF reader missing`;
  const scale = `${library.markdown} Markdown sources of about ${wordsPerSource} words (${(library.words / 1e6).toFixed(1)}M words), ${pdfs}`;
  const cache = path.join(cacheDir, 'library-cache');
  rmSync(cache, { recursive: true, force: true });
  const built = await runProbe(await bundleProbe('library'), ['build', library.folder, cache]);
  record('library-first-build', built.ms as number, { note: `loadLibraryCorpus into an empty cache folder, in a fresh process: ${scale}; ${built.sources} sources, ${built.passages} passages` });
  const peak = built.peakRssMb as number;
  results.push({ name: 'library-first-build-rss', median_ms: null, value: round(peak, 0), unit: 'MB', note: 'peak resident memory of that process' });
  log(`  ${'library-first-build-rss'.padEnd(26)} ${peak.toFixed(0)} MB`);

  const settings = { sources: ['sources', 'pdfs'], cacheFolder: cache };
  const generated = generateSource(17, wordsPerSource);
  const parsed = parseSource({ location: generated.location, text: generated.markdown, bundled: false });
  const sentence = parsed.passages.flatMap((p) => splitSentences(p.text).map((s) => p.text.slice(s.start, s.end))).find((s) => !/["“”[\]]/.test(s) && extractFigures(s).length > 0)!;
  const uri = pathToFileURL(path.join(library.folder, 'draft.md')).href;
  const sourceFile = path.join(library.folder, 'sources', `${generated.id}.md`);
  type Server = Awaited<ReturnType<typeof startServer>>;
  let server: Server | undefined;
  let published: (p: PublishDiagnosticsParams) => void = () => undefined;
  const codes = (p: PublishDiagnosticsParams): string => p.diagnostics.map((d) => String(d.code)).sort().join(',');
  const next = (done: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams> => new Promise((resolve) => (published = (p) => p.uri === uri && done(p) && resolve(p)));
  const stop = async (s: Server): Promise<void> => {
    const exited = new Promise((resolve) => s.child.once('exit', resolve));
    await s.connection.sendRequest('shutdown');
    await s.connection.sendNotification('exit');
    s.connection.dispose();
    await exited;
  };
  let supported = '';
  let rss = 0;
  const warm: number[] = [];
  for (let run = 0; run < 4; run++) {
    if (server) await stop(server);
    const t0 = performance.now();
    const relying = next((p) => p.diagnostics.some((d) => d.code === 'claim.uncited'));
    server = await startServer((p) => published(p), { root: library.folder, settings });
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: sentence } });
    supported = codes(await relying);
    if (run > 0) warm.push(performance.now() - t0);
    rss = processRssMb(server.child.pid!);
  }
  const start = timing(warm);
  record('library-warm-start', start, { target: '≤ 1000 ms', pass: start.median <= 1000, note: `spawn the server on the warm cache → initialize → didOpen → first diagnostics that rely on the library (${supported}); ${scale}; server RSS ${round(rss, 0)} MB` });

  const original = readFileSync(sourceFile, 'utf8');
  const changed = original.replace(sentence, sentence.replace(/\d/, (d) => String((Number(d) + 1) % 10)));
  const saves: number[] = [];
  for (let run = 0; run < 6; run++) {
    const text = run % 2 === 0 ? changed : original;
    const before = supported;
    const fresh = next((p) => (run % 2 === 0 ? codes(p) !== before : codes(p) === before));
    const t0 = performance.now();
    writeFileSync(sourceFile, text);
    await server!.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(sourceFile).href, type: 2 }] });
    await fresh;
    saves.push(performance.now() - t0);
  }
  writeFileSync(sourceFile, original);
  await stop(server!);
  const saved = timing(saves);
  record('library-source-saved', saved, { target: '≤ 500 ms', pass: saved.median <= 500, note: `a source rewritten with one figure changed (and back) → didChangeWatchedFiles → the draft's fresh diagnostics; includes the server's 150 ms pause to gather file events; ${scale}` });

  writeFileSync(path.join(library.folder, '.attestrc.json'), JSON.stringify(settings));
  writeFileSync(path.join(library.folder, 'draft.md'), sentence + '\n');
  const cli = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(distDir, 'cli.js'), 'check', 'draft.md'], { cwd: library.folder, stdio: 'ignore' });
      child.on('error', reject);
      child.on('exit', () => resolve());
    });
  const t = await measure(cli, { warmup: 1, runs: 5, budgetMs: 30000 });
  record('library-cli-warm', t, { target: '≤ 2000 ms', pass: t.median <= 2000, note: `node dist/cli.js check draft.md with .attestrc.json naming the library and the warm cache; ${scale}` });
}

// ---------------------------------------------------------------------------

async function main(): Promise<void> {
  const started = performance.now();
  const loadBefore = os.loadavg()[0]!;
  log(`Attest benchmarks — node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}`);
  for (const [size, d] of Object.entries(drafts)) log(`  draft ${size}: ${d.stats.words} words, ${d.stats.paragraphs} blocks, ${d.stats.headings} headings, ${d.stats.footnoteRefs} footnote references, ${d.stats.quotes} quotations, ${d.stats.perturbedFigures} changed figures`);
  const probe = await bundleProbe('corpus');
  await draftEntries();
  collectGarbage();
  await serverEntries();
  collectGarbage();
  await stdioEditEntries();
  collectGarbage();
  await coldStart();
  collectGarbage();
  await figureFloodEntries();
  await keystrokeEntries();
  await bundledCorpusEntries(probe);
  const info = await largeCorpusEntries(probe);
  await largeIndexEntries(info);
  await libraryEntries();

  const cpus = os.cpus();
  const machine = `${cpus[0]?.model.trim() ?? 'unknown CPU'} × ${cpus.length}, ${Math.round(os.totalmem() / 1073741824)} GB, ${os.type()} ${os.release()} ${os.arch()}`;
  const report = {
    node: process.version,
    machine,
    date: new Date().toISOString(),
    // Other work on the machine skews the figures: the 1-minute load average before and after.
    load_average: [round(loadBefore), round(os.loadavg()[0]!)],
    commit: gitCommit(),
    corpus: info && { sources: info.sources, words: info.words, passages: info.passages, figures: info.figures, terms: info.terms, distinct_terms: info.dictionary, index_bytes: info.bytes, build_ms: info.buildMs, cached: info.cached },
    drafts: Object.fromEntries(Object.entries(drafts).map(([k, d]) => [k, d.stats])),
    results,
  };
  const file = path.join(repoRoot, 'bench', 'results.json');
  writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
  printTable();
  console.log(`\n${machine}; node ${process.version}; load average ${loadBefore.toFixed(1)} → ${os.loadavg()[0]!.toFixed(1)}; ${((performance.now() - started) / 1000).toFixed(0)} s; wrote ${path.relative(process.cwd(), file)}`);
}

function printTable(): void {
  const rows = results.map((r) => [
    r.name,
    r.median_ms === null ? `${r.value} ${r.unit}` : fmt(r.median_ms),
    r.ratio !== undefined ? `${r.ratio} × ${r.ratio_to}` : '',
    r.target ?? '',
    r.pass === undefined ? '' : r.pass ? 'PASS' : 'MISS',
  ]);
  const header = ['entry', 'median', 'ratio', 'target', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 1 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  console.log('');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

function gitCommit(): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

main()
  // The in-process server watches this process (the initialize request names it) with a timer of its own.
  .then(() => process.exit(0))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
