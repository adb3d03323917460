// Claims the writer marked as checked, kept in .attest/accepted.json in the workspace so
// the whole team shares them. A claim stays quiet until its sentence changes.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

interface AcceptedFile {
  version: 1;
  accepted: { fingerprint: string; claim: string; code: string; file?: string }[];
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

  add(entry: AcceptedFile['accepted'][number]): void {
    const file = this.file;
    if (!file) throw new Error('Open a folder to mark claims as checked: they are kept in .attest/accepted.json in the workspace.');
    if (this.fingerprints.has(entry.fingerprint)) return;
    this.entries.push(entry);
    this.fingerprints.add(entry.fingerprint);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify({ version: 1, accepted: this.entries } satisfies AcceptedFile, null, 2) + '\n');
  }
}
