// Texts the client shows: the status bar, the citation picker, the Sources view's items and
// the report's file name. Pure, so they are unit-tested without VS Code.
import type { DocumentStatusResult, SourceFootnoteInfo, SourceInfo, VerdictCounts } from '../../server/src/protocol';

type Status = NonNullable<DocumentStatusResult>;

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** "$(check) Attest: 12 claims, 2 disagree". */
export function statusText(status: Status): string {
  if (status.skipped) return '$(circle-slash) Attest: not checked';
  return `$(check) Attest: ${plural(status.counts.claims, 'claim')}, ${status.disagree} disagree${status.library ? ', $(warning) library offline' : ''}`;
}

export function statusTooltip(status: Status): string {
  if (status.skipped) return `${status.skipped}\n\nClick to open the Problems panel.`;
  const library = status.library ? `\n\n${status.library} Checked against your own and the bundled sources until it is back.` : '';
  return `Attest: claims in this draft by verdict\n\n${verdictLines(status.counts).join('\n')}${library}\n\nClick to open the Problems panel.`;
}

export function verdictLines(counts: VerdictCounts): string[] {
  return [`Supported: ${counts.supported}`, `Contradicted: ${counts.contradicted}`, `Misquoted: ${counts.misquoted}`, `Unsourced: ${counts.unsourced}`];
}

export interface SourcePick {
  label: string;
  description: string;
  detail: string;
  id: string;
}

/** A source in "Insert citation…": short label, title, and the id and container (all searchable). */
export function sourcePick(source: SourceInfo): SourcePick {
  return { label: source.label, description: source.title, detail: [source.id, source.container].filter(Boolean).join(' · '), id: source.id };
}

export function sourcePicks(sources: readonly SourceInfo[]): SourcePick[] {
  return sources.map(sourcePick).sort((a, b) => a.label.localeCompare(b.label) || a.id.localeCompare(b.id));
}

/** "fn 4: CPEC: Pakistani Government …". */
export function footnoteLabel(footnote: SourceFootnoteInfo, max = 40): string {
  return `fn ${footnote.label}: ${shorten(footnote.title, max)}`;
}

/** Cuts text at a word boundary near `max` characters, with " …". */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max + 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : flat.slice(0, max)).replace(/[\s,;:–-]+$/, '')} …`;
}

/** "brief.md" → "brief.attest-report.md". */
export function reportFileName(draftName: string): string {
  return `${draftName.replace(/\.(md|markdown)$/i, '')}.attest-report.md`;
}

/** The summary after "Check workspace". */
export function workspaceSummary(result: { files: number; checked: number; skipped: number; claims: number; disagree: number; problems: number; withProblems: number; cancelled: boolean }): string {
  const head = result.cancelled ? `Attest: check cancelled after ${result.checked} of ${plural(result.files, 'draft')}` : `Attest checked ${plural(result.checked, 'draft')}`;
  const parts = [`${plural(result.claims, 'claim')}, ${result.disagree} disagree with a source`, `${plural(result.problems, 'problem')} in ${plural(result.withProblems, 'file')}`];
  if (result.skipped) parts.push(`${plural(result.skipped, 'file')} not checked (too large or not UTF-8 text)`);
  return `${head}: ${parts.join('; ')}. Drafts open in an editor are checked as you work.`;
}
