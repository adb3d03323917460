// The fact-check report of a draft as Markdown, for a reviewer: the counts at the top, then
// the problems (each with the draft's words, the source's value and sentence, the reference),
// then the unsourced claims, then the supported ones. Its first line marks it as a report,
// which the server does not check as a draft.
import type { Analysis } from './core/checker';
import type { Corpus } from './core/retrieval/corpus';
import { factCheck, isProblemEntry, type FactCheck, type ReportEntry } from './reportModel';
import type { Settings } from './settings';

/** The first line of every report: the server skips a document that starts with it. */
export const reportMarker = '<!-- attest-report -->';

/** True for the text of a fact-check report, which is Attest's output and not a draft. */
export function isFactCheckReport(text: string): boolean {
  return text.replace(/^\uFEFF/, '').trimStart().startsWith(reportMarker);
}

/** The Markdown report of a checked draft, against every source of the corpus. */
export function draftFactCheck(name: string, text: string, analysis: Analysis, corpus: Corpus, settings: Settings, skipped?: string): string {
  return factCheckMarkdown(factCheck(name, text, analysis, corpus, settings, skipped));
}

export function factCheckMarkdown(report: FactCheck): string {
  const { counts } = report;
  // The marker keeps the server from checking the report; "attest-disable" keeps other checkers (the CLI) quiet on it.
  const out: string[] = [reportMarker, '<!-- attest-disable -->', '', `# Fact-check report: ${inline(report.name)}`, ''];
  if (report.sources.length) out.push(`Checked by Attest against ${report.sources.length === 1 ? 'one source' : `${report.sources.length} sources`}: ${report.sources.map(inline).join('; ')}.`, '');
  if (report.skipped) out.push(`**Not checked:** ${inline(report.skipped)}`, '');
  out.push(`**${problemsLine(report)}**`, '');
  out.push('| Claims | Supported | Contradicted | Misquoted | Unsourced | Footnote and citation problems | Link problems |', '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  out.push(`| ${counts.claims} | ${counts.supported} | ${counts.contradicted} | ${counts.misquoted} | ${counts.unsourced} | ${counts.footnoteProblems} | ${counts.linkProblems} |`, '');
  if (!counts.claims && !report.problems.length) {
    if (!report.skipped) out.push('The draft has no figures, dates or quotations to check.');
    return finish(out);
  }
  let number = 0;
  for (const [title, entries] of reportSections(report)) {
    out.push(`## ${title} (${entries.length})`, '');
    for (const entry of entries) out.push(...entryLines(++number, entry));
  }
  return finish(out);
}

/** "2 problems to fix: 1 contradicted, 1 misquoted." or "No problems found." */
export function problemsLine(report: Pick<FactCheck, 'counts' | 'problems'>): string {
  const { counts } = report;
  if (!report.problems.length) return 'No problems found.';
  const parts = [
    counts.contradicted && `${counts.contradicted} contradicted`,
    counts.misquoted && `${counts.misquoted} misquoted`,
    counts.footnoteProblems && plural(counts.footnoteProblems, 'footnote or citation problem'),
    counts.linkProblems && plural(counts.linkProblems, 'link problem'),
  ].filter(Boolean);
  return `${plural(report.problems.length, 'problem')} to fix: ${parts.join(', ')}.`;
}

/** The report's sections in order, empty ones left out. */
export function reportSections(report: FactCheck): [string, ReportEntry[]][] {
  return ([['Problems', report.problems], ['Unsourced', report.unsourced], ['Supported', report.supported]] as [string, ReportEntry[]][]).filter(([, entries]) => entries.length);
}

/** How the entry's words read in a title: figures and dates in quotation marks, quotations and footnotes as written. */
export function shownWords(entry: ReportEntry): string {
  return entry.kind === 'figure' || entry.kind === 'date' ? `“${entry.words}”` : entry.words;
}

function entryLines(number: number, entry: ReportEntry): string[] {
  const out = [`### ${number}. ${inline(shownWords(entry))} (line ${entry.line}): ${entry.label}`, ''];
  const claim = !isProblemEntry(entry);
  out.push(claim ? `- **Verdict:** ${inline(entry.explanation)}` : `- **Problem:** ${inline(entry.explanation)}`);
  if (entry.draft) out.push(`- **Draft:** ${inline(entry.draft)}`);
  if (entry.evidence[0]?.value && entry.label !== 'Supported') out.push(`- **Source says:** ${inline(entry.evidence[0].value)}`);
  out.push('');
  if (!claim) return out;
  if (!entry.evidence.length) return [...out, 'No source sentence to show.', ''];
  entry.evidence.forEach((e, j) => {
    if (entry.evidence.length > 1) out.push(`Evidence ${j + 1}:`, '');
    out.push(`> ${inline(e.quote)}`, '');
    out.push(`- **Reference:** ${inline(e.reference)}`);
    if (e.locator) out.push(`- **Locator:** ${inline(e.locator)}`);
    out.push('');
  });
  return out;
}

/** One line of text that cannot create formatting, links or HTML in the report. */
function inline(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`);
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function finish(lines: string[]): string {
  while (lines.length && lines.at(-1) === '') lines.pop();
  return `${lines.join('\n')}\n`;
}
