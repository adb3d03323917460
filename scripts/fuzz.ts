// `npm run fuzz`: generated and mutated drafts through the checker in-process. Each draft is
// checked by a fresh checker and by one long-lived checker that has seen every draft before
// it, after a few random edits; the two must agree, and the piecewise parser must agree with
// a whole-draft parse. Prints crashes, drafts over a second of CPU and mismatches, and writes
// each failing draft to a file. Usage:
//   npm run fuzz -- [--count 10000] [--seconds 600] [--seed 1] [--draft N] [--out .cache/fuzz]
// The same seed gives the same drafts, so a failure can be replayed with its seed; `--draft N`
// replays draft N alone, in a second, after the long-lived checker has seen the draft before it.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { createChecker, type Checker } from '../server/src/core/checker';
import type { Corpus } from '../server/src/core/retrieval/corpus';
import { parseDraft } from '../server/src/core/draft/draft';
import { createDraftParser } from '../server/src/core/draft/draftParser';
import { buildCorpus } from '../server/src/corpus/index';
import { parseSource } from '../server/src/corpus/parseSource';

export interface FuzzOptions {
  count: number;
  /** Stop after this long even if fewer drafts were checked. */
  seconds?: number;
  seed: number;
  /** Check only this draft (the drafts before it are generated, not checked), after the long-lived checker has seen the one before it. */
  draft?: number;
  corpus?: Corpus;
}

export interface FuzzFailure {
  kind: 'crash' | 'slow' | 'mismatch';
  /** Which draft of the run, for replaying with the same seed. */
  draft: number;
  message: string;
  text: string;
  /** For a mismatch, the text the long-lived checker saw before this one. */
  before?: string;
}

export interface FuzzReport {
  drafts: number;
  /** Every text checked, edits included. */
  versions: number;
  failures: FuzzFailure[];
  /** CPU time of a fresh check, per version, in milliseconds. */
  cpu: { median: number; p99: number; max: number };
}

/** CPU time above which a check counts as slow. */
export const slowMs = 1000;
const editsPerDraft = 3;

export function fuzz({ count, seconds = Infinity, seed, draft: only, corpus = bundledCorpus() }: FuzzOptions): FuzzReport {
  const random = mulberry32(seed);
  const longLived = createChecker({ corpus });
  const longLivedParser = createDraftParser();
  const failures: FuzzFailure[] = [];
  const cpu: number[] = [];
  const deadline = Date.now() + seconds * 1000;
  let drafts = 0;
  let previous = '';
  let checked = 0;
  for (; (only === undefined ? drafts < count : drafts <= only) && Date.now() < deadline; drafts++) {
    let text = generateDraft(random);
    for (let edit = 0; edit <= editsPerDraft; edit++) {
      if (edit > 0) text = mutate(random, text);
      if (only === undefined || drafts === only) {
        const failure = checkVersion(drafts, text, previous, corpus, longLived, longLivedParser, cpu);
        if (failure) failures.push(failure);
      } else if (drafts === only - 1) {
        longLived.analyse(text);
        longLivedParser.parse(text);
      }
      previous = text;
    }
    if (only === undefined || drafts === only) checked++;
  }
  const sorted = [...cpu].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { drafts: checked, versions: cpu.length, failures, cpu: { median: at(0.5), p99: at(0.99), max: sorted.at(-1) ?? 0 } };
}

function checkVersion(draft: number, text: string, before: string, corpus: Corpus, longLived: Checker, parser: ReturnType<typeof createDraftParser>, cpu: number[]): FuzzFailure | undefined {
  let fresh: string;
  try {
    const started = process.cpuUsage();
    fresh = JSON.stringify(createChecker({ corpus }).analyse(text).findings);
    const used = process.cpuUsage(started);
    const ms = (used.user + used.system) / 1000;
    cpu.push(ms);
    if (ms > slowMs) return { kind: 'slow', draft, message: `${Math.round(ms)} ms of CPU for ${text.length} characters`, text };
  } catch (error) {
    return { kind: 'crash', draft, message: describe(error), text };
  }
  try {
    const seen = JSON.stringify(longLived.analyse(text).findings);
    if (seen !== fresh) return { kind: 'mismatch', draft, message: 'a long-lived checker’s findings differ from a fresh checker’s', text, before };
    if (JSON.stringify(parser.parse(text)) !== JSON.stringify(parseDraft(text))) return { kind: 'mismatch', draft, message: 'the piecewise parse differs from a whole-draft parse', text, before };
  } catch (error) {
    return { kind: 'crash', draft, message: `after the previous draft: ${describe(error)}`, text, before };
  }
  return undefined;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.message}\n${error.stack?.split('\n').slice(1, 6).join('\n')}` : String(error);
}

type Random = () => number;

/** A small seeded generator (mulberry32): the same seed gives the same drafts everywhere. */
export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const int = (random: Random, below: number): number => Math.floor(random() * below);

const subjects = ['China’s investment in CPEC', 'Trade between Russia and Tajikistan', 'Russia’s exports to Pakistan', 'The Eurasian Economic Union', 'Turkmenistan’s gas exports', 'Greater Eurasia', 'The Belt and Road Initiative'];
const figures = ['$60 billion', '$62 million', '20%', '3.5 per cent', '$1 billion', 'three-quarters of a century', '$700 million', 'around $150 million', 'at least $46 billion', '1,000', '9 December 2019', '2015', 'in 2020'];
const labels = ['1', '2', 'rt', 'A', 'a', 'note', '9007199254740993', 'x y'];
const keys = ['korybko-morozov-2020', 'abbasi-2025', 'unknown-2001', 'Korybko-Morozov-2020'];
const htmlOpeners = ['<pre>', '<script>', '<style>', '<textarea>', '<?php', '<![CDATA[', '<!DOCTYPE html>', '<!--', '<!-->', '<div>', '<span>', '<PRE class="x">', '</pre>', '?>', ']]>', '-->', '>', '</div>'];
const fences = ['```', '~~~', '````', '```text', '``` `x`', '   ```', '  ~~~'];
const frontMatters = ['---\ntitle: Trade stood at $700 million\n---', '+++\ntitle = "x"\n\nmore = 1\n+++', '---\ntitle: unclosed', '+++\nunclosed = true', '---\n---', '---  \na: 1\n\nb: 2\n---  '];
const unicode = ['\u00a0', '\u2028', '\ufeff', '\u200b', '\u0000', '\ud83d\ude00', '\ud800', 'é', 'ß', 'İ', '\t', '\f', '\v', '\u202e', '“', '”', '\\'];

function sentence(random: Random): string {
  const mark = random() < 0.3 ? `[^${pick(random, labels)}]` : random() < 0.2 ? ` [@${pick(random, keys)}, p. ${int(random, 30)}]` : '';
  const link = random() < 0.15 ? ` See [the ${pick(random, ['report', 'source'])}](${pick(random, ['#', '', 'https://example.org'])}).` : random() < 0.1 ? ` See [${pick(random, labels)}][${pick(random, labels)}].` : '';
  const quote = random() < 0.1 ? ` It called this “the foundation of Greater Eurasia”.` : '';
  return `${pick(random, subjects)} ${pick(random, ['reached', 'stood at', 'was', 'fell to', 'rose by'])} ${pick(random, figures)}${random() < 0.3 ? ` in ${2000 + int(random, 25)}` : ''}.${mark}${link}${quote}`;
}

/** One Markdown construct, sometimes broken. */
function fragment(random: Random): string {
  const r = random();
  const paragraph = (): string => Array.from({ length: 1 + int(random, 3) }, () => sentence(random)).join(' ');
  if (r < 0.25) return paragraph();
  if (r < 0.32) return `[^${pick(random, labels)}]: ${pick(random, ['RT, 9 December 2019.', paragraph(), 'Korybko & Morozov 2020, p. 19.'])}${random() < 0.3 ? `\n\n    ${paragraph()}` : ''}`;
  if (r < 0.36) return `[${pick(random, labels)}]:${pick(random, [' https://www.rt.com/', '\nhttps://example.org "title"', ' <>', ' #'])}`;
  if (r < 0.42) {
    const cols = 1 + int(random, 4);
    const row = (cell: () => string): string => `| ${Array.from({ length: cols }, cell).join(' | ')} |`;
    return [row(() => pick(random, ['Country', 'Trade', 'Year'])), row(() => '---'), ...Array.from({ length: int(random, 4) }, () => row(() => pick(random, [...figures, 'Tajikistan'])))].join('\n');
  }
  if (r < 0.52) return `${pick(random, htmlOpeners)}${random() < 0.5 ? `\n${paragraph()}` : ''}${random() < 0.4 ? `\n${pick(random, htmlOpeners)}` : ''}`;
  if (r < 0.58) return `${pick(random, fences)}\n${paragraph()}${random() < 0.3 ? '\n\nUnindented inside.' : ''}${random() < 0.7 ? `\n${pick(random, fences)}` : ''}`;
  if (r < 0.66) return Array.from({ length: 1 + int(random, 4) }, (_, i) => `${' '.repeat(int(random, 2) * i * 2)}${pick(random, ['-', '*', '1.', '2)', '+'])} ${paragraph()}`).join(pick(random, ['\n', '\n\n']));
  if (r < 0.72) return `${'> '.repeat(1 + int(random, 3))}${paragraph()}${random() < 0.5 ? `\n${paragraph()}` : ''}`;
  if (r < 0.77) return `${'#'.repeat(1 + int(random, 6))} ${pick(random, ['References', 'Notes', 'Trade', sentence(random)])}`;
  if (r < 0.8) return `${paragraph()}\n${pick(random, ['===', '---', '***'])}`;
  if (r < 0.83) return `<!-- attest-${pick(random, ['ignore-next-line', 'disable', 'enable'])}${random() < 0.5 ? ' figure.mismatch' : ''} -->`;
  if (r < 0.86) return `    ${paragraph()}`;
  if (r < 0.89) return deep(random);
  if (r < 0.92) return Array.from({ length: 20 + int(random, 200) }, () => sentence(random)).join(' ');
  if (r < 0.96) return Array.from({ length: 1 + int(random, 20) }, () => (random() < 0.5 ? pick(random, unicode) : sentence(random).slice(0, int(random, 30)))).join('');
  return `${pick(random, ['*', '**', '_', '~~', '`', '[', '![', '<'])}${paragraph()}${pick(random, ['*', '**', '', '](#)', '`', ']'])}`;
}

/** Deep nesting: block quotes, list markers, footnote definitions, emphasis and brackets, a few hundred deep. */
function deep(random: Random): string {
  const n = 1 + int(random, 400);
  const kind = int(random, 7);
  if (kind === 0) return `${'>'.repeat(n)} ${sentence(random)}`;
  if (kind === 1) return `${'- '.repeat(n)}${sentence(random)}`;
  if (kind === 2) return Array.from({ length: Math.min(n, 150) }, (_, i) => `${' '.repeat(2 * i)}- ${pick(random, figures)}`).join('\n');
  if (kind === 3) return `${'[^a]: '.repeat(n)}${sentence(random)}`;
  if (kind === 4) return `${'> - '.repeat(n)}${sentence(random)}`;
  if (kind === 5) return `${'*'.repeat(n)}${sentence(random)}${'*'.repeat(n)}`;
  return `${'['.repeat(n)}${sentence(random)}${'](#)'.repeat(n)}`;
}

function generateDraft(random: Random): string {
  const parts: string[] = [];
  if (random() < 0.15) parts.push(pick(random, frontMatters));
  const n = 1 + int(random, 14);
  for (let i = 0; i < n; i++) parts.push(fragment(random));
  let text = parts.map((p, i) => (i === 0 ? p : `${pick(random, ['\n\n', '\n\n', '\n', '\n\n\n', '\n \n'])}${p}`)).join('');
  if (random() < 0.5) text += '\n';
  return lineEndings(random, text);
}

function lineEndings(random: Random, text: string): string {
  const r = random();
  return r < 0.1 ? text.replace(/\n/g, '\r\n') : r < 0.15 ? text.replace(/\n/g, '\r') : text;
}

/** A random edit: delete, insert, duplicate or replace a stretch, at a line start or anywhere. */
function mutate(random: Random, text: string): string {
  const lineStarts = [0, ...[...text.matchAll(/\r\n|\r|\n/g)].map((m) => m.index + m[0].length)];
  const at = random() < 0.6 ? pick(random, lineStarts) : int(random, text.length + 1);
  const length = Math.min(text.length - at, int(random, random() < 0.7 ? 20 : 400));
  const r = random();
  if (r < 0.3) return text.slice(0, at) + text.slice(at + length);
  if (r < 0.6) return text.slice(0, at) + `${fragment(random)}${pick(random, ['\n\n', '\n', ''])}` + text.slice(at);
  if (r < 0.7) return text.slice(0, at) + text.slice(at, at + length).repeat(2) + text.slice(at + length);
  if (r < 0.8) return text.slice(0, at) + pick(random, [...htmlOpeners, ...fences, '---', '+++', '\n', '\r\n', '> ', '- ', '    ']) + text.slice(at);
  if (r < 0.9) return text.slice(0, at) + pick(random, unicode) + text.slice(at + Math.min(length, 1));
  return text.slice(0, at) + sentence(random) + text.slice(at + length);
}

export function bundledCorpus(): Corpus {
  const dir = path.resolve(__dirname, '..', 'corpus');
  return buildCorpus(
    readdirSync(dir)
      .filter((f) => f.endsWith('.md'))
      .map((f) => parseSource({ location: path.join(dir, f), text: readFileSync(path.join(dir, f), 'utf8'), bundled: true })),
  );
}

function main(): void {
  const args = process.argv.slice(2);
  const option = (name: string, fallback: string): string => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : fallback;
  };
  const count = Number(option('count', '10000'));
  const seconds = Number(option('seconds', '600'));
  const seed = Number(option('seed', '1'));
  const draft = args.includes('--draft') ? Number(option('draft', 'none')) : undefined;
  const out = path.resolve(option('out', path.join('.cache', 'fuzz')));
  if (![count, seconds, seed].every(Number.isFinite) || (draft !== undefined && !(Number.isInteger(draft) && draft >= 0))) {
    console.error('Usage: npm run fuzz -- [--count N] [--seconds S] [--seed N] [--draft N] [--out folder]');
    process.exit(2);
  }
  const report = fuzz({ count, seconds, seed, draft });
  console.log(`${report.drafts} drafts (${report.versions} versions with edits), seed ${seed}`);
  console.log(`CPU per check: median ${report.cpu.median.toFixed(1)} ms, 99th percentile ${report.cpu.p99.toFixed(1)} ms, max ${report.cpu.max.toFixed(0)} ms`);
  const heading = { crash: 'Crashes', slow: `Over ${slowMs / 1000} s of CPU`, mismatch: 'Mismatches' };
  for (const kind of ['crash', 'slow', 'mismatch'] as const) console.log(`${heading[kind]}: ${report.failures.filter((f) => f.kind === kind).length}`);
  if (!report.failures.length) return;
  mkdirSync(out, { recursive: true });
  report.failures.forEach((failure, i) => {
    const name = `seed${seed}-draft${failure.draft}-${failure.kind}-${i}`;
    writeFileSync(path.join(out, `${name}.md`), failure.text);
    if (failure.before !== undefined) writeFileSync(path.join(out, `${name}.before.md`), failure.before);
    console.log(`${failure.kind} in draft ${failure.draft}: ${failure.message.split('\n')[0]} (${name}.md)`);
  });
  console.log(`Failing drafts are in ${out}`);
  process.exitCode = 1;
}

if (typeof require !== 'undefined' && require.main === module) main();
