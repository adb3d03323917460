// Claims the writer marked as checked, kept in .attest/accepted.json in the workspace so
// the whole team shares them. A claim stays quiet until its sentence changes, or until the
// writer undoes the mark.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

export interface AcceptedClaim {
  fingerprint: string;
  claim: string;
  code: string;
  file?: string;
  /** The day it was marked, "2026-12-01"; absent in files written before dates were kept. */
  on?: string;
}

interface AcceptedFile {
  version: 1;
  accepted: AcceptedClaim[];
}

export class AcceptedClaims {
  private entries: AcceptedFile['accepted'] = [];
  private fingerprints = new Set<string>();
  problem: string | undefined;

  constructor(private readonly root: string | undefined) {
    this.reload();
  }

  get file(): string | undefined {
    return this.root && path.join(this.root, '.attest', 'accepted.json');
  }

  has(fingerprint: string | undefined): boolean {
    return fingerprint !== undefined && this.fingerprints.has(fingerprint);
  }

  reload(): void {
    this.problem = undefined;
    this.entries = [];
    const file = this.file;
    if (file) {
      try {
        const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<AcceptedFile>;
        if (Array.isArray(data.accepted)) this.entries = data.accepted.filter((e) => e && typeof e.fingerprint === 'string');
      } catch (error) {
        if ((error as { code?: string }).code !== 'ENOENT') this.problem = `${file} could not be read (${error instanceof Error ? error.message : String(error)}); claims marked as checked are shown again until it is fixed.`;
      }
    }
    this.fingerprints = new Set(this.entries.map((e) => e.fingerprint));
  }

  /** The marked claim with this fingerprint, if any. */
  get(fingerprint: string | undefined): AcceptedClaim | undefined {
    return fingerprint === undefined || !this.fingerprints.has(fingerprint) ? undefined : this.entries.find((e) => e.fingerprint === fingerprint);
  }

  list(): readonly AcceptedClaim[] {
    return this.entries;
  }

  add(entry: AcceptedClaim): void {
    const file = this.file;
    if (!file) throw new Error('Open a folder to mark claims as checked: they are kept in .attest/accepted.json in the workspace.');
    if (this.fingerprints.has(entry.fingerprint)) return;
    this.entries.push({ ...entry, on: entry.on ?? new Date().toISOString().slice(0, 10) });
    this.fingerprints.add(entry.fingerprint);
    this.save(file);
  }

  /** Undoes a mark; false when there was none. */
  remove(fingerprint: string): boolean {
    const file = this.file;
    if (!file || !this.fingerprints.has(fingerprint)) return false;
    this.entries = this.entries.filter((e) => e.fingerprint !== fingerprint);
    this.fingerprints.delete(fingerprint);
    this.save(file);
    return true;
  }

  private save(file: string): void {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify({ version: 1, accepted: this.entries } satisfies AcceptedFile, null, 2) + '\n');
  }
}
