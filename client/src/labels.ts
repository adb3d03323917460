// Texts the client shows: the status bar, the citation picker, the Sources and Accepted views' items and
// the report's file name. Pure, so they are unit-tested without VS Code.
import type { AcceptedClaimInfo, CitationSource, DocumentStatusResult, SourceFootnoteInfo, SourcesResult, VerdictCounts } from '../../server/src/protocol';

type Status = NonNullable<DocumentStatusResult>;

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/**
 * "$(warning) Attest: 12 claims, 2 disagree, 1 without a source, 1 accepted": ✓ only when
 * nothing disagrees and every claim has a source, ⚠ when a claim disagrees, ℹ when some only
 * lack one. Claims marked as checked are counted apart. A source file says it is one.
 */
export function statusText(status: Status): string {
  if (status.source) return `$(book) Attest: Source: ${shorten(status.source.title, 40)} (${plural(status.source.passages, 'passage')})`;
  if (status.skipped) return '$(circle-slash) Attest: not checked';
  const { counts, disagree } = status;
  const parts = [plural(counts.claims, 'claim'), ...(disagree ? [`${disagree} disagree`] : []), ...(counts.unsourced ? [`${counts.unsourced} without a source`] : []), ...(status.accepted ? [`${status.accepted} accepted`] : [])];
  const icon = disagree ? 'warning' : counts.unsourced ? 'info' : 'check';
  return `$(${icon}) Attest: ${parts.join(', ')}${status.library ? ', $(warning) library offline' : ''}`;
}

export function statusTooltip(status: Status): string {
  if (status.source) return `${status.source.title}\n\nThis file is one of your sources (attest.sources): drafts are checked against it; it is not checked as a draft.`;
  if (status.skipped) return `${status.skipped}\n\nClick to open the Problems panel.`;
  const accepted = status.accepted ? `\nMarked as checked by you: ${status.accepted} (listed in the Accepted view)` : '';
  const library = status.library ? `\n\n${status.library} Checked against your own and the bundled sources until it is back.` : '';
  return `Attest: claims in this draft by verdict\n\n${verdictLines(status.counts).join('\n')}${accepted}${library}\n\nClick to open the Problems panel.`;
}

/** What "Check document" found: "Checked brief.md: 2 disagree, 5 supported, 1 without a source". */
export function checkedMessage(name: string, status: Status): string {
  if (status.source) return `${name} is one of your sources (${status.source.title}, ${plural(status.source.passages, 'passage')}): drafts are checked against it; it is not checked as a draft.`;
  if (status.skipped) return `Attest did not check ${name}: ${status.skipped}`;
  const { counts, disagree } = status;
  if (!counts.claims) return `Checked ${name}: no figures, dates or quotations to check.`;
  return `Checked ${name}: ${disagree} disagree, ${counts.supported} supported, ${counts.unsourced} without a source.`;
}

export function verdictLines(counts: VerdictCounts): string[] {
  return [`Supported: ${counts.supported}`, `Contradicted: ${counts.contradicted}`, `Misquoted: ${counts.misquoted}`, `Unsourced: ${counts.unsourced}`];
}

const codeNames: Record<string, string> = { 'figure.mismatch': 'figure differs', 'date.mismatch': 'date differs', 'quote.misquoted': 'words differ', 'quote.not-found': 'quotation not found', 'claim.unsourced': 'no source', 'claim.uncited': 'not cited' };

/** An accepted claim in the Accepted view: "$80 billion", "brief.md · figure differs · 1 Dec 2026". */
export function acceptedClaimLabel(claim: AcceptedClaimInfo): { label: string; description: string; tooltip: string } {
  const what = codeNames[claim.code] ?? claim.code;
  const label = shorten(claim.claim || '(claim)', 60);
  const description = [claim.file, what, claim.on].filter(Boolean).join(' · ');
  const tooltip = `Marked as checked${claim.on ? ` on ${claim.on}` : ''}: ${claim.claim}${claim.file ? ` in ${claim.file}` : ''} (${claim.code}). Undo to have Attest check it again.`;
  return { label, description, tooltip };
}

export interface SourcePick {
  label: string;
  description: string;
  detail: string;
  id: string;
  /** Shown whatever the writer typed: the server found it by its text, which VS Code cannot search. */
  alwaysShow: boolean;
}

/**
 * A source in "Insert citation…", in the server's order: short label, title, and the passage
 * that fits the sentence or has the words searched for, or else the authors and key.
 */
export function citationPick(source: CitationSource, searched: boolean): SourcePick {
  const passage = source.passage && `${source.fits && !searched ? 'Fits this sentence' : 'Found'} at ${source.passage.locator}: ${source.passage.excerpt}`;
  return { label: source.label, description: source.title, detail: passage || [source.authors, source.id].filter(Boolean).join(' · '), id: source.id, alwaysShow: searched };
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

/** "brief.md" → "brief.attest-report.html": the report as a page to hand to an editor. */
export function reportPageName(draftName: string): string {
  return reportFileName(draftName).replace(/\.md$/, '.html');
}

/** The summary after "Check workspace". */
export function workspaceSummary(result: { files: number; checked: number; open: number; skipped: number; sources: number; claims: number; disagree: number; problems: number; withProblems: number; cancelled: boolean }): string {
  const drafts = `${plural(result.checked, 'draft')}${result.open ? ` (${result.open} open in an editor)` : ''}`;
  const head = result.cancelled ? `Attest: check cancelled after ${result.checked} of ${plural(result.files, 'draft')}` : `Attest checked ${drafts}`;
  const parts = [`${plural(result.claims, 'claim')}, ${result.disagree} disagree with a source`, `${plural(result.problems, 'problem')} in ${plural(result.withProblems, 'file')}`];
  if (result.skipped) parts.push(`${plural(result.skipped, 'file')} not checked (too large or not UTF-8 text)`);
  if (result.sources) parts.push(`${plural(result.sources, 'source file')} left out (they are what drafts are checked against)`);
  return `${head}: ${parts.join('; ')}.`;
}

/** "Use the 12 files in sources/ and references.bib as Attest's sources?" */
export function sourcesOfferQuestion(folderFiles: number, files: readonly string[]): string {
  const parts = [...(folderFiles ? [`the ${plural(folderFiles, 'file')} in sources/`] : []), ...files];
  const listed = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0]!;
  return `Use ${listed} as Attest's sources?`;
}

/** The status bar tooltip's line on the sources in use: "Checked against 2 bundled papers and 3 of your sources (attest.sources in .attestrc.json)." */
export function sourcesInUse(list: SourcesResult): string {
  const bundled = list.sources.filter((s) => s.bundled).length;
  const own = list.sources.length - bundled;
  const parts = [...(bundled ? [plural(bundled, 'bundled paper')] : []), ...(own ? [`${own} of your sources`] : [])];
  if (!parts.length) return 'No sources in use: set attest.sources, or turn attest.bundledCorpus on.';
  const origin = list.sourcesSetting ? ` (attest.sources in ${settingOrigin(list.sourcesSetting.origin)})` : '';
  const hint = own ? '' : ' To add yours, set attest.sources or run "Attest: Use the sources in this workspace…".';
  return `Checked against ${parts.join(' and ')}${origin}.${hint}`;
}

/** ".attestrc.json" for a path to one, else the origin as the server names it ("VS Code settings"). */
export function settingOrigin(origin: string): string {
  return /[\\/]\.attestrc\.json$/.test(origin) ? '.attestrc.json' : origin;
}
