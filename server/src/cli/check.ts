// `attest check`: checks drafts with the settings of the nearest .attestrc.json and the
// command line's sources, then prints stylish, JSON or SARIF. A draft that cannot be read
// or checked is reported as not checked, and the others still are.
import { readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { glob } from 'tinyglobby';
import { AcceptedClaims } from '../accepted';
import { createChecker, type Checker } from '../core/checker';
import { draftBibliographies } from '../corpus/bibliographyFrontMatter';
import { decode } from '../corpus/readers/text';
import { fileReport, notCheckedReport, type FileReport } from '../report';
import { json, sarif, stylish } from './formats';
import { loadCliCorpus, type CliCorpus, type CorpusOptions } from './corpus';
import { assembleCorpus } from '../corpus/assemble';
import { overlayCorpus } from '../corpus/overlay';
import type { Corpus } from '../core/retrieval/corpus';
import type { Source } from '../core/types';
import { TeamLibrary } from '../team/teamLibrary';
import { libraryUrlProblem } from '../team/url';
import { formatBytes } from '../messages';

/** docs/checks.md as installed beside the CLI: every code's explanation. */
export const docsUrl = pathToFileURL(path.join(__dirname, '..', 'docs', 'checks.md')).href;

export async function checkCommand(paths: string[], options: CorpusOptions & { format: 'stylish' | 'json' | 'sarif'; library?: string | undefined }): Promise<number> {
  const drafts = await expandDrafts(paths);
  // The libraries the drafts' front matter names (`bibliography:`): each draft is checked against its own, as pandoc reads them.
  const bibliographies = await Promise.all(drafts.map(async (file) => ({ file, ...draftBibliographies(await readFile(file, 'utf8').catch(() => ''), file) })));
  const libraries = [...new Set(bibliographies.flatMap((b) => b.files))].filter((f) => !options.sources.some((s) => path.resolve(s) === f));
  const loaded = await loadCliCorpus({ ...options, sources: [...options.sources, ...libraries] });
  const { settings, warnings, root } = loaded;
  for (const b of bibliographies) for (const problem of b.problems) warnings.push(`${path.relative(process.cwd(), b.file) || b.file}: ${problem}`);
  const url = options.library ?? (settings.library || undefined);
  const corpus = url ? await withTeamLibrary(loaded, url, drafts, options.exclude, warnings) : loaded.corpus;
  const accepted = new AcceptedClaims(root);
  if (accepted.problem) warnings.push(accepted.problem);
  for (const warning of warnings) process.stderr.write(`attest: ${warning}\n`);
  const scoped = draftScopes(corpus, libraries);
  const namedBy = new Map(bibliographies.map((b) => [path.relative(process.cwd(), b.file) || b.file, b.files]));
  const reports = await checkDrafts(drafts, settings.maxFileSize, (display, text) => {
    const checker = scoped.checkerFor(namedBy.get(display) ?? []);
    try {
      const analysis = checker.analyse(text);
      analysis.findings = analysis.findings.filter((f) => !accepted.has(f.fingerprint));
      return fileReport(display, text, analysis, checker.corpus, settings);
    } catch (error) {
      // A fresh checker for the next draft: nothing half-built by the failure carries over.
      scoped.forget();
      throw error;
    }
  });
  const notChecked = reports.filter((r) => r.error !== undefined);
  // Stylish output shows these in place; JSON and SARIF carry them too, for the machine reading stdout.
  if (options.format !== 'stylish') for (const r of notChecked) process.stderr.write(`attest: ${r.path}: not checked: ${r.error}\n`);
  const output = options.format === 'json' ? json(reports) : options.format === 'sarif' ? sarif(reports, docsUrl) : stylish(reports, Boolean(process.stdout.isTTY));
  process.stdout.write(output);
  if (notChecked.length) return 2;
  return reports.some((r) => r.diagnostics.some((d) => d.severity === 'error' || d.severity === 'warning')) ? 1 : 0;
}

/**
 * Reads and checks each draft in turn. A draft that cannot be read, is too large, or makes
 * `check` throw becomes a report with an `error` (why it was not checked); the rest go on.
 */
export async function checkDrafts(files: readonly string[], maxFileSize: number, check: (display: string, text: string) => FileReport): Promise<FileReport[]> {
  const reports: FileReport[] = [];
  for (const file of files) {
    const display = path.relative(process.cwd(), file) || file;
    const text = await readDraft(file, maxFileSize);
    if (typeof text !== 'string') {
      reports.push(notCheckedReport(display, text.error));
      continue;
    }
    try {
      reports.push(check(display, text));
    } catch (error) {
      reports.push(notCheckedReport(display, `Attest failed on this draft (${error instanceof Error ? error.message : String(error)}); please report it with the draft.`));
    }
  }
  return reports;
}

/**
 * Checkers for drafts naming some of `libraries` (absolute) in their front matter: the
 * sources of the libraries a draft does not name are left out of its checker.
 */
function draftScopes(corpus: Corpus, libraries: readonly string[]): { checkerFor(named: readonly string[]): Checker; forget(): void } {
  const ids = new Map(libraries.map((file) => [file, [] as string[]]));
  for (const [id, source] of corpus.sources) if (source.entry) ids.get(path.resolve(source.entry.file))?.push(id);
  const checkers = new Map<string, Checker>();
  return {
    checkerFor: (named) => {
      const hidden = libraries.filter((file) => !named.includes(file));
      const key = hidden.join('\n');
      let checker = checkers.get(key);
      if (!checker) checkers.set(key, (checker = createChecker({ corpus: hidden.length ? overlayCorpus(corpus, new Set(hidden.flatMap((f) => ids.get(f)!)), []) : corpus })));
      return checker;
    },
    forget: () => checkers.clear(),
  };
}

/**
 * The CLI's corpus with the team library's candidate sources for these drafts added, as if
 * they were the writer's own. A library that cannot be reached is a warning: the drafts are
 * still checked against the other sources.
 */
async function withTeamLibrary(loaded: CliCorpus, url: string, drafts: readonly string[], exclude: readonly string[], warnings: string[]): Promise<Corpus> {
  const problem = libraryUrlProblem(url, { passwordAllowed: true });
  if (problem) {
    warnings.push(`--library: ${problem} Checked without the team library.`);
    return loaded.corpus;
  }
  const library = new TeamLibrary(url);
  const fetched = new Map<string, Source>();
  try {
    for (const file of drafts) {
      const text = await readDraft(file, loaded.settings.maxFileSize);
      if (typeof text !== 'string') continue;
      const result = await library.sourcesFor(text);
      if (!result.ok) {
        warnings.push(`${result.message} Checked against the other sources only.`);
        return loaded.corpus;
      }
      for (const { source } of result.sources) fetched.set(source.meta.id, source);
    }
  } finally {
    await library.close();
  }
  if (!fetched.size) return loaded.corpus;
  // Only now are all the sources read: the index of the writer's sources makes them when asked for.
  const sources = [...loaded.corpus.sources.values()];
  const bundled = sources.filter((s) => s.bundled);
  const own = sources.filter((s) => !s.bundled);
  return assembleCorpus(bundled, [...own, ...fetched.values()], [...loaded.settings.excludeSources, ...exclude]).corpus;
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
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (info.size > maxFileSize) return { error: `${formatBytes(info.size)} is over the maxFileSize setting (${formatBytes(maxFileSize)}).` };
    bytes = await readFile(file);
  } catch (error) {
    return { error: `could not read it (${error instanceof Error ? error.message : String(error)}).` };
  }
  const text = decode(bytes);
  return typeof text === 'string' ? text : { error: text.message.replace(/^Skipped: /, '') };
}
