// `npm run eval`: scores the checker's verdicts on every labelled set, through the CLI's JSON
// output as a user would run it, and prints precision and recall per label, how often the
// first evidence names the expected source and footnote, and what was missed.
// - Claim sets (`*.jsonl` of {text, label, source, footnote}): one claim per paragraph of a draft.
// - Draft sets (a folder with `labels.jsonl` of {draft, line, text, label, …}): each draft is
//   checked from its folder (so its `.attestrc.json` applies), and each labelled figure, date or
//   quotation is looked up by its line and words. A contradiction or misquotation raised on
//   something no label names is counted as a false alarm.
// Usage: npm run eval -- [set …]; by default every set in ../shared/eval and the project's own.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

type Label = 'supported' | 'contradicted' | 'misquoted' | 'unsourced' | 'none';
type Verdict = Exclude<Label, 'none'>;
interface ReportClaim {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  text: string;
  verdict: Verdict;
  evidence: { source: string; footnote: number | string | null }[];
}
interface Scored {
  id: string;
  text: string;
  label: Label;
  predicted: Label;
  source: string | null;
  footnote: number | null;
  first?: { source: string; footnote: number | string | null };
}

const root = path.resolve(__dirname, '..');
const shared = path.resolve(root, '..', 'shared', 'eval');
const defaults = [
  path.join(shared, 'claims.dev.jsonl'),
  path.join(shared, 'claims.more.jsonl'),
  path.join(shared, 'realworld-dev'),
  path.join(shared, 'own-sources-dev'),
  path.join(root, 'test', 'eval', 'claims.paraphrased.jsonl'),
].filter((f) => existsSync(f));
const sets = process.argv.length > 2 ? process.argv.slice(2).map((f) => path.resolve(f)) : defaults;
const labels: Label[] = ['supported', 'contradicted', 'misquoted', 'unsourced', 'none'];
const order: Verdict[] = ['contradicted', 'misquoted', 'unsourced', 'supported'];

for (const set of sets) {
  if (statSync(set).isDirectory()) report(set, ...draftSet(set));
  else report(set, claimSet(set), []);
}

function check(files: string[], cwd: string): { path: string; claims: ReportClaim[] }[] {
  let output: string;
  try {
    output = execFileSync(process.execPath, [path.join(root, 'dist', 'cli.js'), 'check', ...files, '--format', 'json'], { encoding: 'utf8', cwd, maxBuffer: 1 << 28 });
  } catch (error) {
    output = (error as { stdout: string }).stdout;
  }
  return (JSON.parse(output) as { files: { path: string; claims: ReportClaim[] }[] }).files;
}

function claimSet(file: string): Scored[] {
  const items = readJsonl(file) as { id: string; text: string; label: Label; source: string | null; footnote: number | null }[];
  const dir = mkdtempSync(path.join(tmpdir(), 'attest-eval-'));
  const draft = path.join(dir, 'claims.md');
  // One claim per paragraph: paragraph i starts on line 2i.
  writeFileSync(draft, items.map((i) => i.text).join('\n\n') + '\n');
  const claims = check([draft], dir)[0]!.claims;
  return items.map((item, i) => {
    const mine = claims.filter((c) => Math.floor(c.range.start.line / 2) === i);
    const predicted: Label = order.find((v) => mine.some((c) => c.verdict === v)) ?? 'none';
    return { ...item, predicted, first: mine.find((c) => c.verdict === predicted)?.evidence[0] };
  });
}

function draftSet(dir: string): [Scored[], string[]] {
  const items = readJsonl(path.join(dir, 'labels.jsonl')) as { draft: string; line: number; text: string; label: Label; source: string | null; footnote: number | null }[];
  const drafts = [...new Set(items.map((i) => i.draft))].sort();
  const reports = new Map(check(drafts, dir).map((r) => [path.basename(r.path), r.claims]));
  const texts = new Map(drafts.map((d) => [d, readFileSync(path.join(dir, d), 'utf8').split(/\r\n|\r|\n/)]));
  const matched = new Set<ReportClaim>();
  const scored = items.map((item, n): Scored => {
    const line = texts.get(item.draft)![item.line - 1] ?? '';
    const at = line.indexOf(item.text);
    const onLine = (reports.get(item.draft) ?? []).filter((c) => c.range.start.line === item.line - 1);
    // The claim written as the label's words, else one overlapping them.
    const claim =
      onLine.find((c) => c.text === item.text && (at < 0 || c.range.start.character === at)) ??
      onLine.find((c) => c.text === item.text) ??
      onLine.find((c) => at >= 0 && c.range.start.character < at + item.text.length && c.range.end.character > at && !matched.has(c));
    if (claim) matched.add(claim);
    return { id: `${item.draft}:${item.line}#${n}`, text: item.text, label: item.label, predicted: claim?.verdict ?? 'none', source: item.source, footnote: item.footnote, first: claim?.evidence[0] };
  });
  const alarms: string[] = [];
  for (const [draft, claims] of reports)
    for (const c of claims) if (!matched.has(c) && (c.verdict === 'contradicted' || c.verdict === 'misquoted')) alarms.push(`${draft}:${c.range.start.line + 1} ${c.verdict} “${c.text}” (${c.evidence[0]?.source ?? '?'} fn ${c.evidence[0]?.footnote ?? '–'})`);
  return [scored, alarms];
}

function report(set: string, results: Scored[], alarms: string[]): void {
  const pad = (s: string | number, n: number): string => String(s).padEnd(n);
  console.log(`${results.length} labelled items from ${path.relative(process.cwd(), set)}\n`);
  console.log(`${pad('label', 14)}${pad('n', 5)}${pad('precision', 11)}${pad('recall', 8)}`);
  for (const label of labels) {
    const truth = results.filter((r) => r.label === label).length;
    const said = results.filter((r) => r.predicted === label).length;
    if (!truth && !said) continue;
    const right = results.filter((r) => r.predicted === label && r.label === label).length;
    console.log(`${pad(label, 14)}${pad(truth, 5)}${pad(said ? (right / said).toFixed(2) : '–', 11)}${pad(truth ? (right / truth).toFixed(2) : '–', 8)}`);
  }
  const right = results.filter((r) => r.predicted === r.label).length;
  console.log(`\nright verdicts: ${right}/${results.length} (${(right / results.length).toFixed(2)})`);
  const cited = results.filter((r) => r.source && r.label === r.predicted);
  const rightSource = cited.filter((r) => r.first?.source === r.source);
  const rightFootnote = rightSource.filter((r) => (r.first?.footnote ?? null) === r.footnote);
  console.log(`first evidence names the expected source: ${rightSource.length}/${cited.length}; source and footnote: ${rightFootnote.length}/${cited.length}`);
  if (alarms.length) console.log(`false alarms on unlabelled claims: ${alarms.length}\n${alarms.map((a) => `  ${a}`).join('\n')}`);
  const wrong = results.filter((r) => r.predicted !== r.label || (r.source && r.label === r.predicted && (r.first?.source !== r.source || (r.first?.footnote ?? null) !== r.footnote)));
  if (wrong.length) {
    console.log('\nMisses:');
    for (const r of wrong) console.log(`  ${r.id} expected ${r.label}${r.footnote ? ` fn ${r.footnote}` : ''}, got ${r.predicted}${r.first ? ` (${r.first.source} fn ${r.first.footnote})` : ''}: ${r.text}`);
  }
  console.log('');
}

function readJsonl(file: string): unknown[] {
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as unknown);
}
