// Attest's settings: one typed interface with defaults, validated field by field. A bad
// value is reported (once, by the caller) and its default used; the rest still applies.
// The same shape comes from VS Code's `attest.*` settings and from `.attestrc.json`.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { defaultSeverity, findingCodes, type FindingCode, type Severity } from './core/findings/findings';
import { libraryUrlProblem } from './team/url';
import { citationStyles, isCitationStyle, registerCslStyle, type CitationStyle } from './core/findings/references';

export type CheckOn = 'type' | 'save' | 'manual';
export type SeveritySetting = Severity | 'off';

export interface Settings {
  /** Folders or globs of the writer's sources, relative to the workspace (or the .attestrc.json). */
  sources: string[];
  bundledCorpus: boolean;
  checkOn: CheckOn;
  severity: Record<FindingCode, SeveritySetting>;
  /** A named style, or a writer's .csl file (loaded when the settings are read). */
  citationStyle: CitationStyle;
  /** Drafts larger than this many bytes are not checked. */
  maxFileSize: number;
  /** Source ids to leave out. */
  excludeSources: string[];
  /** Where the index of the writer's sources is kept, relative to the workspace; empty for the user's cache folder. */
  cacheFolder: string;
  /** Connection string of the team library on PostgreSQL (no password), or "" for none. */
  library: string;
}

export const defaultSettings: Readonly<Settings> = Object.freeze({
  sources: [],
  bundledCorpus: true,
  checkOn: 'type',
  severity: { ...defaultSeverity },
  citationStyle: 'chicago-author-date',
  maxFileSize: 2 * 1024 * 1024,
  excludeSources: [],
  cacheFolder: '',
  library: '',
});

const severities: SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'off'];
const settingNames = Object.keys(defaultSettings);

export interface Validated {
  settings: Settings;
  /** Plain-English descriptions of the values that were ignored. */
  problems: string[];
}

/** Applies `raw` over `base`, keeping base values for anything invalid; relative paths (a .csl style) are read from `folder`. */
export function validateSettings(raw: unknown, base: Settings = defaultSettings, origin = 'settings', folder?: string): Validated {
  const settings: Settings = { ...base, severity: { ...base.severity } };
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { settings, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { settings, problems: [`${origin}: expected an object of Attest settings; ignored.`] };
  const value = raw as Record<string, unknown>;
  for (const key of Object.keys(value)) {
    if (settingNames.includes(key)) continue;
    const near = closest(key, settingNames);
    problems.push(`${origin}: "${key}" is not an Attest setting and is ignored; ${near ? `did you mean "${near}"?` : `the settings are ${settingNames.join(', ')}.`}`);
  }
  const bad = (key: string, expected: string): void => {
    problems.push(`${origin}: "${key}" should be ${expected}; using the default (${JSON.stringify((base as unknown as Record<string, unknown>)[key])}).`);
  };
  if ('sources' in value) {
    if (Array.isArray(value.sources) && value.sources.every((s) => typeof s === 'string')) settings.sources = value.sources as string[];
    else bad('sources', 'a list of folder or glob strings');
  }
  if ('excludeSources' in value) {
    if (Array.isArray(value.excludeSources) && value.excludeSources.every((s) => typeof s === 'string')) settings.excludeSources = value.excludeSources as string[];
    else bad('excludeSources', 'a list of source ids');
  }
  if ('library' in value) {
    const problem = typeof value.library === 'string' ? (value.library.trim() ? libraryUrlProblem(value.library.trim()) : undefined) : 'It should be a postgres:// connection string.';
    if (!problem) settings.library = (value.library as string).trim();
    else problems.push(`${origin}: "library": ${problem} Checking without the team library.`);
  }
  if ('bundledCorpus' in value) {
    if (typeof value.bundledCorpus === 'boolean') settings.bundledCorpus = value.bundledCorpus;
    else bad('bundledCorpus', 'true or false');
  }
  if ('checkOn' in value) {
    if (value.checkOn === 'type' || value.checkOn === 'save' || value.checkOn === 'manual') settings.checkOn = value.checkOn;
    else bad('checkOn', '"type", "save" or "manual"');
  }
  if ('citationStyle' in value) {
    const style = typeof value.citationStyle === 'string' ? value.citationStyle.trim() : undefined;
    if (style && isCitationStyle(style)) settings.citationStyle = style;
    else if (style && /\.csl$/i.test(style)) {
      const loaded = loadCslStyle(style, folder);
      if ('style' in loaded) settings.citationStyle = loaded.style;
      else problems.push(`${origin}: "citationStyle" names ${style}, but ${loaded.problem}; using the default (${JSON.stringify(base.citationStyle)}).`);
    } else bad('citationStyle', `${citationStyles.map((s) => `"${s}"`).join(', ')} or the path of a .csl style file`);
  }
  if ('maxFileSize' in value) {
    if (typeof value.maxFileSize === 'number' && Number.isFinite(value.maxFileSize) && value.maxFileSize > 0) settings.maxFileSize = value.maxFileSize;
    else bad('maxFileSize', 'a positive number of bytes');
  }
  if ('cacheFolder' in value) {
    if (typeof value.cacheFolder === 'string') settings.cacheFolder = value.cacheFolder.trim();
    else bad('cacheFolder', 'a folder path');
  }
  if ('severity' in value) {
    const severity = value.severity;
    if (!severity || typeof severity !== 'object' || Array.isArray(severity)) bad('severity', 'an object mapping check codes to severities');
    else {
      for (const [code, level] of Object.entries(severity as Record<string, unknown>)) {
        if (!findingCodes.includes(code as FindingCode)) {
          const near = closest(code, findingCodes);
          problems.push(`${origin}: "severity.${code}" is not an Attest check and is ignored; ${near ? `did you mean "${near}"?` : `the checks are ${findingCodes.join(', ')}.`}`);
        }
        else if (!severities.includes(level as SeveritySetting)) problems.push(`${origin}: "severity.${code}" should be one of ${severities.join(', ')}; using "${base.severity[code as FindingCode]}".`);
        else settings.severity[code as FindingCode] = level as SeveritySetting;
      }
    }
  }
  return { settings, problems };
}

/** The nearest `.attestrc.json` at or above `dir`, if any. */
export function findRcFile(dir: string): string | undefined {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    const candidate = path.join(current, '.attestrc.json');
    if (existsSync(candidate)) return candidate;
    if (path.dirname(current) === current) return undefined;
  }
}

/** The `.attestrc.json` that applies to a file: the nearest at or above its folder (a folder's own first). */
export function rcFileFor(file: string, isFolder: boolean): string | undefined {
  return findRcFile(isFolder ? file : path.dirname(file));
}

/** Reads and validates an `.attestrc.json`; its `sources` become absolute, relative to the file. `keys`: the settings it sets. */
export function readRcFile(file: string, base: Settings = defaultSettings): Validated & { keys: string[] } {
  let raw: unknown;
  try {
    // Editors on Windows often start a UTF-8 file with a byte order mark, which JSON.parse refuses.
    raw = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    return { settings: { ...base }, problems: [`${file}: not valid JSON (${error instanceof Error ? error.message : String(error)}); ignored.`], keys: [] };
  }
  const result = validateSettings(raw, base, file, path.dirname(file));
  if (raw && typeof raw === 'object' && 'sources' in raw) result.settings.sources = result.settings.sources.map((s) => path.resolve(path.dirname(file), s));
  if (raw && typeof raw === 'object' && 'cacheFolder' in raw && result.settings.cacheFolder) result.settings.cacheFolder = path.resolve(path.dirname(file), result.settings.cacheFolder);
  const keys = raw && typeof raw === 'object' && !Array.isArray(raw) ? Object.keys(raw).filter((k) => settingNames.includes(k)) : [];
  return { ...result, keys };
}

/** A writer's CSL style file, read and registered; a problem in plain words when it cannot be used. */
function loadCslStyle(file: string, folder: string | undefined): { style: CitationStyle } | { problem: string } {
  if (!path.isAbsolute(file) && !folder) return { problem: 'a relative path needs a workspace folder to be read from' };
  const full = path.resolve(folder ?? '', file);
  let xml: string;
  try {
    xml = readFileSync(full, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { problem: code === 'ENOENT' ? `there is no file ${full}` : `${full} cannot be read (${code ?? String(error)})` };
  }
  return registerCslStyle(full, xml.replace(/^\uFEFF/, ''));
}

/** The candidate a mistyped name most likely meant: a different case, or one or two edits away. */
export function closest(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = candidate.toLowerCase() === name.toLowerCase() ? 0 : editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return bestDistance <= Math.min(2, Math.floor(name.length / 3)) ? best : undefined;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = rows[i]!;
      row[j] = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j]!, rows[i - 2]![j - 2]! + 1);
    }
  }
  return rows[a.length]![b.length]!;
}
