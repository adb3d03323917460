// attest/sources: the sources the checker uses, with their footnotes and problems, and the
// source files that could not be used; attest/sourcesChanged when the library reloads.
import * as path from 'node:path';
import type { Connection } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { chicagoReference, shortLabel } from '../core/findings/citation';
import { httpUrl, sourceLink } from '../core/findings/sourceLinks';
import { isWorkPassage, type Source, type SourceProblem } from '../core/types';
import type { SourceLibrary } from '../library';
import { sourcesChangedNotification, sourcesRequest, type SourceInfo, type SourceProblemInfo, type SourcesResult } from '../protocol';

/** `problems`: every problem the library reported (it reports each once), kept by the caller; `sourcesSetting`: where attest.sources came from. */
export function registerSources(connection: Connection, library: SourceLibrary, problems: readonly SourceProblem[], sourcesSetting: () => Promise<SourcesResult['sourcesSetting']>): void {
  connection.onRequest(sourcesRequest, async (): Promise<SourcesResult> => {
    const origin = await sourcesSetting();
    return { ...sourcesList(library.sources, problems, (file) => library.concerns(file), library.settingsProblems), ...(origin ? { sourcesSetting: origin } : {}) };
  });
  library.onDidChange(() => void connection.sendNotification(sourcesChangedNotification));
}

/**
 * The sources, sorted bundled first then by label, and the reported problems that still
 * apply: not about a source that loaded (its own problems travel with it), and about a file
 * the library still looks at (`concerns`), or not about a source file at all (corpus.json);
 * first, what is wrong with the settings that pick the sources (`settingsProblems`).
 */
export function sourcesList(sources: readonly Source[], reported: readonly SourceProblem[], concerns: (file: string) => boolean, settingsProblems: readonly SourceProblem[] = []): SourcesResult {
  const loaded = new Set(sources.flatMap((s) => (s.location && path.isAbsolute(s.location) ? [path.resolve(s.location)] : [])));
  const seen = new Set<string>();
  const problems = reported.filter((p) => {
    const key = `${p.file}:${p.line ?? ''}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    const absolute = path.isAbsolute(p.file) ? path.resolve(p.file) : undefined;
    if (absolute && loaded.has(absolute)) return false;
    return !absolute || !/\.(md|markdown|txt)$/i.test(absolute) || concerns(absolute);
  });
  const infos = sources.map(sourceInfo).sort((a, b) => Number(b.bundled) - Number(a.bundled) || a.label.localeCompare(b.label) || a.id.localeCompare(b.id));
  // A setting that picks no file leaves the sources usable: a warning, named by the setting.
  return { sources: infos, problems: [...settingsProblems.map((p) => problemInfo(p, 'warning')), ...problems.map((p) => problemInfo(p, 'error'))] };
}

export function sourceInfo(source: Source): SourceInfo {
  const { meta } = source;
  // The view opens these: only a real DOI or an http(s) URL.
  const url = sourceLink(meta);
  return {
    id: meta.id,
    label: shortLabel(meta),
    title: meta.title,
    authors: meta.authors.map((a) => (a.given ? `${a.given} ${a.family}` : a.family)),
    ...(meta.year !== undefined ? { year: meta.year } : {}),
    ...(meta.container ? { container: meta.container } : {}),
    reference: chicagoReference(meta),
    ...(url ? { url } : {}),
    bundled: source.bundled,
    ...(source.location ? { uri: URI.file(source.location).toString() } : {}),
    // Passages of the body: its footnotes are counted as footnotes.
    passages: source.passages.filter((p) => !isWorkPassage(p)).length,
    footnotes: source.footnotes.map((f) => {
      const url = httpUrl(f.url);
      return {
        label: f.label,
        title: f.missing ? 'cited but not defined' : (f.title ?? f.text).trim(),
        ...(url ? { url } : {}),
        ...(f.missing ? { missing: true } : {}),
      };
    }),
    // A problem at a known line (front matter, encoding) means the source is misread: an error.
    // Others (footnotes cited but never defined) leave it usable: a warning, or information
    // for a bundled paper, which the writer cannot change.
    problems: source.problems.map((p) => problemInfo(p, p.line !== undefined ? 'error' : source.bundled ? 'information' : 'warning')),
  };
}

function problemInfo(problem: SourceProblem, severity: SourceProblemInfo['severity']): SourceProblemInfo {
  return {
    ...(path.isAbsolute(problem.file) ? { uri: URI.file(problem.file).toString() } : {}),
    file: problem.file,
    ...(problem.line !== undefined ? { line: problem.line } : {}),
    message: problem.message,
    severity,
  };
}
