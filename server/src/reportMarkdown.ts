// The fact-check report of a draft as Markdown, for a reviewer: counts by verdict at the
// top, then every claim in draft order with its verdict, the source's sentence, the full
// reference and the locator. Pure: built from the same FileReport as the CLI's JSON.
import type { Analysis } from './core/checker';
import { shortLabel } from './core/findings/citation';
import type { Corpus } from './core/retrieval/corpus';
import type { VerdictCounts, VerdictName } from './protocol';
import { fileReport, type FileReport, type ReportClaim, type ReportEvidence } from './report';
import type { Settings } from './settings';

export interface FactCheckInput {
  /** The draft's name as shown in the title ("brief.md"). */
  name: string;
  claims: readonly (ReportClaim & { sentence?: string })[];
  /** Short labels of the sources checked against ("Korybko & Morozov 2020"). */
  sources?: readonly string[];
  /** Why the draft was not checked, when it was not. */
  skipped?: string;
}

const verdictTitles: Record<VerdictName, string> = {
  supported: 'Supported',
  contradicted: 'Contradicted',
  misquoted: 'Misquoted',
  unsourced: 'Unsourced',
};

const verdictExplanations: Record<VerdictName, string> = {
  supported: 'a source states it.',
  contradicted: 'a source gives a different value for the same thing.',
  misquoted: 'a source has these words, but not word for word.',
  unsourced: 'no source states it.',
};

export function countVerdicts(verdicts: readonly { verdict: VerdictName }[]): VerdictCounts {
  const counts: VerdictCounts = { claims: verdicts.length, supported: 0, contradicted: 0, misquoted: 0, unsourced: 0 };
  for (const v of verdicts) counts[v.verdict]++;
  return counts;
}

/** The report's claims with their draft sentences, from a FileReport and the draft's text. */
export function withSentences(report: Pick<FileReport, 'claims'>, sentences: readonly (string | undefined)[]): FactCheckInput['claims'] {
  return report.claims.map((c, i) => (sentences[i] === undefined ? c : { ...c, sentence: sentences[i] }));
}

/** The report of a checked draft: its claims with their sentences, against every source of the corpus. */
export function draftFactCheck(name: string, text: string, analysis: Analysis, corpus: Corpus, settings: Settings, skipped?: string): string {
  const report = fileReport(name, text, analysis, corpus, settings);
  const sentences = analysis.verdicts.map((v) => text.slice(v.claim.sentence.start, v.claim.sentence.end));
  const sources = [...corpus.sources.values()].map((s) => shortLabel(s.meta));
  return factCheckMarkdown({ name, claims: withSentences(report, sentences), sources, ...(skipped ? { skipped } : {}) });
}

export function factCheckMarkdown(input: FactCheckInput): string {
  const counts = countVerdicts(input.claims);
  const out: string[] = [];
  // The report quotes drafts and sources; Attest should not check it as a draft.
  out.push('<!-- attest-disable -->', '', `# Fact-check report: ${inline(input.name)}`, '');
  if (input.sources?.length) out.push(`Checked by Attest against ${input.sources.length === 1 ? 'one source' : `${input.sources.length} sources`}: ${input.sources.map(inline).join('; ')}.`, '');
  if (input.skipped) out.push(`**Not checked:** ${inline(input.skipped)}`, '');
  out.push('| Claims | Supported | Contradicted | Misquoted | Unsourced |', '| ---: | ---: | ---: | ---: | ---: |');
  out.push(`| ${counts.claims} | ${counts.supported} | ${counts.contradicted} | ${counts.misquoted} | ${counts.unsourced} |`, '');
  if (!input.claims.length) {
    out.push(input.skipped ? '' : 'The draft has no figures, dates or quotations to check.');
    return finish(out);
  }
  out.push('## Claims', '');
  input.claims.forEach((claim, i) => {
    const shown = claim.kind === 'quote' ? claim.text : `“${claim.text}”`;
    out.push(`### ${i + 1}. ${inline(shown)} (line ${claim.range.start.line + 1}): ${verdictTitles[claim.verdict]}`, '');
    out.push(`- **Verdict:** ${verdictTitles[claim.verdict]}: ${verdictExplanations[claim.verdict]}`);
    out.push(`- **Kind:** ${claim.kind}`);
    if (claim.sentence) out.push(`- **Draft:** ${inline(claim.sentence)}`);
    out.push('');
    if (!claim.evidence.length) {
      out.push('No source sentence to show.', '');
      return;
    }
    claim.evidence.forEach((e, j) => {
      if (claim.evidence.length > 1) out.push(`Evidence ${j + 1}:`, '');
      out.push(`> ${inline(e.quote)}`, '');
      out.push(`- **Reference:** ${inline(e.reference)}`);
      const locator = locatorOf(e);
      if (locator) out.push(`- **Locator:** ${inline(locator)}`);
      out.push('');
    });
  });
  return finish(out);
}

/** "pp. 9–10, fn. 4". */
export function locatorOf(evidence: Pick<ReportEvidence, 'locator' | 'footnote'>): string {
  return [evidence.locator, evidence.footnote !== null && evidence.footnote !== undefined ? `fn. ${evidence.footnote}` : ''].filter(Boolean).join(', ');
}

/** One line of text that cannot create formatting, links or HTML in the report. */
function inline(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`);
}

function finish(lines: string[]): string {
  while (lines.length && lines.at(-1) === '') lines.pop();
  return `${lines.join('\n')}\n`;
}
