// `attest check`: checks drafts with the settings of the nearest .attestrc.json and the
// command line's sources, then prints stylish, JSON or SARIF.
import { readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { glob } from 'tinyglobby';
import { AcceptedClaims } from '../accepted';
import { createChecker } from '../core/checker';
import { decode } from '../corpus/loader';
import { fileReport, type FileReport } from '../report';
import { json, sarif, stylish } from './formats';
import { loadCliCorpus, type CorpusOptions } from './corpus';
import { formatBytes } from '../messages';

/** docs/checks.md as installed beside the CLI: every code's explanation. */
export const docsUrl = pathToFileURL(path.join(__dirname, '..', 'docs', 'checks.md')).href;

export async function checkCommand(paths: string[], options: CorpusOptions & { format: 'stylish' | 'json' | 'sarif' }): Promise<number> {
  const { corpus, settings, warnings, root } = await loadCliCorpus(options);
  const accepted = new AcceptedClaims(root);
  if (accepted.problem) warnings.push(accepted.problem);
  for (const warning of warnings) process.stderr.write(`attest: ${warning}\n`);
  const checker = createChecker({ corpus });
  const reports: FileReport[] = [];
  let inputErrors = 0;
  for (const file of await expandDrafts(paths)) {
    const display = path.relative(process.cwd(), file) || file;
    const text = await readDraft(file, settings.maxFileSize);
    if (typeof text !== 'string') {
      process.stderr.write(`attest: ${display}: ${text.error}\n`);
      inputErrors++;
      continue;
    }
    const analysis = checker.analyse(text);
    analysis.findings = analysis.findings.filter((f) => !accepted.has(f.fingerprint));
    reports.push(fileReport(display, text, analysis, corpus, settings));
  }
  const output = options.format === 'json' ? json(reports) : options.format === 'sarif' ? sarif(reports, docsUrl) : stylish(reports, Boolean(process.stdout.isTTY));
  process.stdout.write(output);
  if (inputErrors) return 2;
  return reports.some((r) => r.diagnostics.some((d) => d.severity === 'error' || d.severity === 'warning')) ? 1 : 0;
}

async function expandDrafts(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const p of paths) {
    const absolute = path.resolve(p);
    const info = await stat(absolute).catch(() => undefined);
    if (!info) throw Object.assign(new Error(`${p}: no such file or folder.`), { code: 'ENOENT' });
    if (info.isDirectory()) files.push(...(await glob('**/*.{md,markdown}', { cwd: absolute, absolute: true, ignore: ['**/node_modules/**'] })).sort());
    else files.push(absolute);
  }
  return files;
}

async function readDraft(file: string, maxFileSize: number): Promise<string | { error: string }> {
  const info = await stat(file);
  if (info.size > maxFileSize) return { error: `not checked: ${formatBytes(info.size)} is over the maxFileSize setting (${formatBytes(maxFileSize)}).` };
  const text = decode(await readFile(file));
  return typeof text === 'string' ? text : { error: `not checked: ${text.message.replace(/^Skipped: /, '')}` };
}
