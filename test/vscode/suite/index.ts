// Entry point VS Code's extension host loads as `extensionTestsPath`: runs every
// `*.test.js` bundled beside this file with mocha (TDD interface), reports each test on the
// console as it ends (lines marked "[attest-test]", which the runner forwards), and writes a
// summary to $ATTEST_VSCODE_RESULTS for the runner to print.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

interface Summary {
  passed: number;
  failed: number;
  pending: number;
  failures: { title: string; error: string }[];
  lines: string[];
}

export function run(): Promise<void> {
  // The Base reporter only counts; the lines below are the report, one console call per line.
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: Mocha.reporters.Base });
  const say = (line: string): void => console.log(`[attest-test] ${line}`);
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));
  const grep = process.env.ATTEST_VSCODE_GREP;
  if (grep) mocha.grep(grep);

  const summary: Summary = { passed: 0, failed: 0, pending: 0, failures: [], lines: [] };
  const resultsFile = process.env.ATTEST_VSCODE_RESULTS;
  const write = (): void => {
    if (resultsFile) fs.writeFileSync(resultsFile, JSON.stringify(summary, null, 2));
  };

  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        say(`${summary.passed} passing, ${summary.failed} failing${summary.pending ? `, ${summary.pending} pending` : ''}`);
        write();
        if (failures > 0) reject(new Error(`${failures} extension test(s) failed.`));
        else if (summary.passed === 0) reject(new Error('No extension test ran.'));
        else resolve();
      });
      runner.on('pass', (t) => {
        summary.passed++;
        summary.lines.push(`  ✓ ${t.fullTitle()} (${t.duration ?? 0} ms)`);
        say(summary.lines.at(-1)!);
      });
      runner.on('pending', (t) => {
        summary.pending++;
        summary.lines.push(`  - ${t.fullTitle()} (skipped)`);
        say(summary.lines.at(-1)!);
      });
      runner.on('fail', (t, err: unknown) => {
        summary.failed++;
        const error = err instanceof Error ? (err.stack ?? err.message) : String(err);
        summary.failures.push({ title: t.fullTitle(), error });
        summary.lines.push(`  ✗ ${t.fullTitle()}`);
        say(`${summary.lines.at(-1)!}\n${error}`);
        write();
      });
    } catch (error) {
      summary.failed++;
      summary.failures.push({ title: 'loading the test files', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      write();
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
