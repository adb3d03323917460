// Settings as the server sees them: VS Code's `attest.*` configuration for a document,
// over the nearest .attestrc.json (in trusted workspaces), validated field by field.
// A problem with a value is reported once; the default is used meanwhile.
import type { Connection } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import * as path from 'node:path';
import { defaultSettings, findRcFile, readRcFile, validateSettings, type Settings } from './settings';
import { tellWriter } from './messages';

export class ServerSettings {
  private readonly cache = new Map<string, Promise<Settings>>();
  private readonly reported = new Set<string>();
  /** False when the client cannot answer workspace/configuration (then defaults and .attestrc.json apply). */
  supportsConfiguration = false;
  /** In an untrusted workspace, files the workspace supplies (.attestrc.json) are not read. */
  trusted = true;

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

  private async load(uri: string): Promise<Settings> {
    let base: Settings = defaultSettings;
    const file = fileOf(uri);
    if (file && this.trusted) {
      const rc = findRcFile(path.dirname(file));
      if (rc) {
        const read = readRcFile(rc);
        base = read.settings;
        read.problems.forEach((p) => this.report(p));
      }
    }
    if (!this.supportsConfiguration) return base;
    let raw: unknown;
    try {
      raw = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'attest' });
    } catch {
      return base;
    }
    const result = validateSettings(flattenSeverity(raw), base, 'Attest settings');
    result.problems.forEach((p) => this.report(p));
    return result.settings;
  }

  private report(problem: string): void {
    if (this.reported.has(problem)) return;
    this.reported.add(problem);
    tellWriter(this.connection, 'warning', problem);
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
