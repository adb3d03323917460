// How the server tells the writer about source files it could not use or misread: every
// problem on its own line in the log, and each load's problems together in one message;
// likewise for the settings that choose the sources.
import * as path from 'node:path';
import type { SourceProblem } from './core/types';

/** "/notes/bad.md:3: The front matter is not valid YAML: …", for the log. */
export function sourceProblemLine(problem: SourceProblem): string {
  return `${problem.file}${problem.line !== undefined ? `:${problem.line + 1}` : ''}: ${problem.message}`;
}

/**
 * One window message for the problems one load found. A single problem is told in full;
 * several are counted and their files named, skipped files apart from sources that loaded
 * with problems (`loaded`: the files of the sources in use), the reasons left to the view.
 */
export function sourceProblemsMessage(problems: readonly SourceProblem[], loaded: ReadonlySet<string>): string {
  if (problems.length === 1) return `Attest source problem in ${sourceProblemLine(problems[0]!)}`;
  const files = (used: boolean): string[] => [...new Set(problems.map((p) => p.file))].filter((f) => loaded.has(path.resolve(f)) === used);
  const skipped = files(false);
  const misread = files(true);
  const parts = [
    ...(skipped.length ? [`could not use ${count(skipped.length, 'source file')}: ${names(skipped)}`] : []),
    ...(misread.length ? [`found problems in ${count(misread.length, 'source')} it uses: ${names(misread)}`] : []),
  ];
  return `Attest ${parts.join('; it ')}. The Attest Sources view gives the reason for each.`;
}

/** One window message for what is wrong with the settings that pick the sources. */
export function settingsProblemsMessage(problems: readonly SourceProblem[]): string {
  return `Attest settings ${problems.length === 1 ? 'problem' : 'problems'}: ${problems.map(sourceProblemLine).join(' ')}`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** "a.md, b.md and c.md", or the first few and how many more. */
function names(files: readonly string[]): string {
  const shown = files.slice(0, files.length > 5 ? 4 : 5).map((f) => path.basename(f));
  const rest = files.length - shown.length;
  if (rest) return `${shown.join(', ')} and ${rest} more`;
  return shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}` : shown[0]!;
}
