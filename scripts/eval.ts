// `npm run eval`: runs labelled claims (one per paragraph) through the CLI's JSON output and
// prints precision and recall per label, and how often the first evidence cites the expected
// source and footnote. Usage: npm run eval -- [claims.jsonl …]; by default the shared dev set
// (when it is beside the project) and the project's own reworded set.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

type Label = 'supported' | 'contradicted' | 'misquoted' | 'unsourced' | 'none';
interface Labelled {
  id: string;
  text: string;
  label: Label;
  source: string | null;
  footnote: number | null;
}
interface ReportClaim {
  range: { start: { line: number } };
  verdict: Exclude<Label, 'none'>;
  evidence: { source: string; footnote: number | string | null }[];
}

const root = path.resolve(__dirname, '..');
const defaults = [path.resolve(root, '..', 'shared', 'eval', 'claims.dev.jsonl'), path.join(root, 'test', 'eval', 'claims.paraphrased.jsonl')].filter((f) => existsSync(f));
const files = process.argv.length > 2 ? process.argv.slice(2) : defaults;
for (const file of files) evaluate(file);

function evaluate(file: string): void {
  const items: Labelled[] = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Labelled);
  const dir = mkdtempSync(path.join(tmpdir(), 'attest-eval-'));
  const draft = path.join(dir, 'claims.md');
  // One claim per paragraph: paragraph i starts on line 2i.
  writeFileSync(draft, items.map((i) => i.text).join('\n\n') + '\n');
  let output: string;
  try {
    output = execFileSync(process.execPath, [path.join(root, 'dist', 'cli.js'), 'check', draft, '--format', 'json'], { encoding: 'utf8', cwd: dir });
  } catch (error) {
    output = (error as { stdout: string }).stdout;
  }
  const claims = (JSON.parse(output) as { files: { claims: ReportClaim[] }[] }).files[0]!.claims;

  const order: Exclude<Label, 'none'>[] = ['contradicted', 'misquoted', 'unsourced', 'supported'];
  const labels: Label[] = ['supported', 'contradicted', 'misquoted', 'unsourced', 'none'];
  const results = items.map((item, i) => {
    const mine = claims.filter((c) => Math.floor(c.range.start.line / 2) === i);
    const predicted: Label = order.find((v) => mine.some((c) => c.verdict === v)) ?? 'none';
    const first = mine.find((c) => c.verdict === predicted)?.evidence[0];
    return { item, predicted, first };
  });

  const pad = (s: string | number, n: number): string => String(s).padEnd(n);
  console.log(`${results.length} labelled claims from ${path.relative(process.cwd(), file)}\n`);
  console.log(`${pad('label', 14)}${pad('n', 5)}${pad('precision', 11)}${pad('recall', 8)}`);
  for (const label of labels) {
    const truth = results.filter((r) => r.item.label === label).length;
    const said = results.filter((r) => r.predicted === label).length;
    const right = results.filter((r) => r.predicted === label && r.item.label === label).length;
    const precision = said ? (right / said).toFixed(2) : '–';
    const recall = truth ? (right / truth).toFixed(2) : '–';
    console.log(`${pad(label, 14)}${pad(truth, 5)}${pad(precision, 11)}${pad(recall, 8)}`);
  }
  const cited = results.filter((r) => r.item.source && r.item.label === r.predicted);
  const rightSource = cited.filter((r) => r.first?.source === r.item.source);
  const rightFootnote = cited.filter((r) => r.first?.source === r.item.source && (r.first?.footnote ?? null) === r.item.footnote);
  console.log(`\nfirst evidence names the expected source: ${rightSource.length}/${cited.length}; source and footnote: ${rightFootnote.length}/${cited.length}`);
  const wrong = results.filter((r) => r.predicted !== r.item.label || (r.item.source && r.item.label === r.predicted && (r.first?.source !== r.item.source || (r.first?.footnote ?? null) !== r.item.footnote)));
  if (wrong.length) {
    console.log('\nMisses:');
    for (const r of wrong) console.log(`  ${r.item.id} expected ${r.item.label}${r.item.footnote ? ` fn ${r.item.footnote}` : ''}, got ${r.predicted}${r.first ? ` (${r.first.source} fn ${r.first.footnote})` : ''}: ${r.item.text}`);
  }
  console.log('');
}
