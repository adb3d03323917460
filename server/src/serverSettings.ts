// Settings as the server sees them: the client's `attest` settings for a document, over the
// .attestrc.json that applies to it (in trusted workspaces), over the defaults, validated
// field by field. The client's settings come from workspace/configuration when it answers
// that, else from initializationOptions.attest and then workspace/didChangeConfiguration's
// settings.attest (Neovim 0.7, other editors without workspace/configuration). A problem with
// a value is reported once; the default is used meanwhile. A setting made in both places is
// logged once, saying which one is used.
import type { Connection } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import * as path from 'node:path';
import { defaultSettings, rcFileFor, readRcFile, validateSettings, type Settings } from './settings';
import { tellWriter } from './messages';

/** Where the setting that picks the sources came from, for the Sources view. */
export interface SourcesOrigin {
  /** "VS Code settings", "the editor's settings", or the .attestrc.json's path. */
  origin: string;
  /** Set in the .attestrc.json too, whose value is not used. */
  overrides?: string;
}

export class ServerSettings {
  private readonly cache = new Map<string, Promise<Settings>>();
  private readonly reported = new Set<string>();
  private readonly noted = new Set<string>();
  private readonly origins = new Map<string, SourcesOrigin>();
  /** False when the client cannot answer workspace/configuration (then its pushed settings apply). */
  supportsConfiguration = false;
  /** In an untrusted workspace, files the workspace supplies (.attestrc.json) are not read. */
  trusted = true;
  /** Workspace folders on disk: their own .attestrc.json applies to them. */
  roots: string[] = [];
  /** The `attest` settings a client without workspace/configuration sent. */
  private pushed: unknown;

  constructor(private readonly connection: Connection) {}

  forDocument(uri: string): Promise<Settings> {
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.load(uri);
      this.cache.set(uri, settings);
    }
    return settings;
  }

  forget(uri?: string): void {
    if (uri) this.cache.delete(uri);
    else this.cache.clear();
  }

  /** Settings pushed by a client without workspace/configuration (initializationOptions.attest, didChangeConfiguration's settings.attest). */
  push(raw: unknown): void {
    this.pushed = raw;
    this.forget();
  }

  /** Where the `sources` setting for a document came from, once its settings are loaded; undefined when it is not set. */
  sourcesOrigin(uri: string): SourcesOrigin | undefined {
    return this.origins.get(uri);
  }

  private async load(uri: string): Promise<Settings> {
    let base: Settings = defaultSettings;
    let rcKeys: string[] = [];
    const file = fileOf(uri);
    const rc = file && this.trusted ? rcFileFor(file, this.roots.includes(path.resolve(file))) : undefined;
    if (rc) {
      const read = readRcFile(rc);
      base = read.settings;
      rcKeys = read.keys;
      read.problems.forEach((p) => this.report(p));
    }
    const editor = this.supportsConfiguration ? 'VS Code settings' : "the editor's settings";
    let raw: unknown = this.pushed;
    if (this.supportsConfiguration) {
      try {
        raw = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'attest' });
      } catch {
        raw = undefined;
      }
    }
    const flat = flattenSeverity(raw);
    // A relative .csl path is the workspace folder's, as VS Code's other paths are.
    const folder = file && (this.roots.filter((root) => path.resolve(file).startsWith(root + path.sep)).sort((a, b) => b.length - a.length)[0] ?? path.dirname(file));
    const result = validateSettings(flat, base, 'Attest settings', folder);
    result.problems.forEach((p) => this.report(p));
    const set = flat && typeof flat === 'object' && !Array.isArray(flat) ? Object.keys(flat).filter((k) => k !== 'severity' || Object.keys((flat as { severity: object }).severity).length) : [];
    // Severities merge check by check (the file's apply where the editor sets none), so only whole settings are told.
    for (const key of set.filter((k) => k !== 'severity' && rcKeys.includes(k))) {
      this.note(`Attest: "${key}" is set both in ${editor} and in ${rc}; the value from ${editor} is used (${JSON.stringify(result.settings[key as keyof Settings])}).`);
    }
    if (set.includes('sources')) this.origins.set(uri, { origin: editor, ...(rc && rcKeys.includes('sources') ? { overrides: rc } : {}) });
    else if (rc && rcKeys.includes('sources')) this.origins.set(uri, { origin: rc });
    else this.origins.delete(uri);
    return result.settings;
  }

  private report(problem: string): void {
    if (this.reported.has(problem)) return;
    this.reported.add(problem);
    tellWriter(this.connection, 'warning', problem);
  }

  /** For the log, once: nothing is wrong. */
  private note(line: string): void {
    if (this.noted.has(line)) return;
    this.noted.add(line);
    this.connection.console.info(line);
  }
}

/** VS Code nests dotted keys ("severity.figure.mismatch" → severity.figure.mismatch); flatten them back. */
export function flattenSeverity(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object') return raw;
  const value = raw as Record<string, unknown>;
  const severity = value.severity;
  if (!severity || typeof severity !== 'object') return raw;
  const flat: Record<string, unknown> = {};
  const walk = (node: unknown, prefix: string): void => {
    if (node && typeof node === 'object' && !Array.isArray(node)) {
      for (const [k, v] of Object.entries(node)) walk(v, prefix ? `${prefix}.${k}` : k);
    } else if (node !== undefined && node !== null) flat[prefix] = node;
  };
  walk(severity, '');
  // Unset settings come back as null or undefined; drop them so defaults apply.
  const rest = Object.fromEntries(Object.entries(value).filter(([k, v]) => k !== 'severity' && v !== null && v !== undefined));
  return { ...rest, severity: flat };
}

export function fileOf(uri: string): string | undefined {
  try {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'file' ? parsed.fsPath : undefined;
  } catch {
    return undefined;
  }
}
