// What the writer sees when hovering a claim or a footnote reference: the verdict, the
// source sentence with the matched words in bold, the reference, and the source's own
// footnote. All source text is escaped.
import { locatorLabel, shortLabel } from './citation';
import { formatReference, type CitationStyle } from './references';
import type { Corpus } from '../retrieval/corpus';
import type { Draft } from '../draft/draft';
import { escapeMarkdown, safeLink } from './markdownText';
import { quoteDiff } from './quoteDiff';
import type { Evidence, Verdict } from '../types';

const verdictTitles: Record<Verdict['verdict'], string> = {
  supported: 'Supported by the source',
  contradicted: 'The source gives a different value',
  misquoted: 'The source’s words differ',
  unsourced: 'No source found',
};

/** `acceptedOn`: the writer marked the claim as checked, on that day ("" when not known); the hover says so instead of the verdict. */
export function claimHover(verdict: Verdict, corpus: Corpus, style: CitationStyle = 'chicago-author-date', acceptedOn?: string): string {
  const evidence = verdict.evidence[0];
  const { claim } = verdict;
  if (!evidence) {
    const what = claim.kind === 'quote' ? 'this quotation' : escapeMarkdown(claim.text);
    return `**Attest: ${verdictTitles.unsourced}**\n\nNone of the ${corpus.sources.size} sources states ${what} about this subject.`;
  }
  const source = corpus.sources.get(evidence.sourceId);
  if (!source) return `**Attest: ${verdictTitles[verdict.verdict]}**`;
  const where = locatorLabel(evidence, source.meta);
  const cited = `${escapeMarkdown(shortLabel(source.meta))}${where ? `, ${escapeMarkdown(where)}` : ''}`;
  const uncited = verdict.verdict === 'supported' && claim.citedBy.length === 0;
  // One paragraph says what Attest found; the source sentence, the reference and the source's footnote follow, each once.
  const verdictLine =
    acceptedOn !== undefined
      ? `**Attest: Accepted by you${acceptedOn ? ` on ${escapeMarkdown(dayLabel(acceptedOn))}` : ''}** (marked as checked; undo it in the Accepted view) — ${cited}`
      : verdict.notStatedBy
        ? `**Attest: Not stated by the cited source (${verdict.notStatedBy.map((id) => escapeMarkdown(corpus.sources.get(id) ? shortLabel(corpus.sources.get(id)!.meta) : id)).join('; ')}), but by ${cited}: cite it instead.**`
        : uncited
          ? `**Attest: Supported by ${cited}, but the sentence cites no source: add a footnote.**`
        : `**Attest: ${verdictTitles[verdict.verdict]}** — ${cited}`;
  const details = [
    verdict.verdict === 'contradicted' && evidence.opposite && `The draft and the source both give ${escapeMarkdown(claim.text)}, but for a change in opposite directions.`,
    verdict.verdict === 'contradicted' && evidence.place && `The draft and the source both give ${escapeMarkdown(claim.text)}, but the source puts it at ${escapeMarkdown(evidence.place.source)}, not ${escapeMarkdown(evidence.place.draft)}.`,
    verdict.verdict === 'contradicted' && evidence.promise && `The draft and the source both give ${escapeMarkdown(claim.text)}, but one says it was done and the other only that it was promised or aimed at.`,
    verdict.verdict === 'contradicted' && !evidence.opposite && !evidence.place && !evidence.promise && evidence.sourceValue && `The draft says ${escapeMarkdown(claim.text)}; the source says ${escapeMarkdown(evidence.sourceValue)}.`,
    verdict.verdict === 'misquoted' && claim.quote && evidence.sourceValue && wordDifference(claim.quote.text, evidence.sourceValue),
    evidence.matched?.length && `Matched: ${evidence.matched.map(escapeMarkdown).join(', ')}.`,
    evidence.elsewhere && `The source gives ${escapeMarkdown(evidence.elsewhere)}.`,
  ].filter(Boolean);
  const parts = [details.length && ((!uncited && !verdict.notStatedBy) || acceptedOn !== undefined) ? `${verdictLine}. ${details.join(' ')}` : [verdictLine, ...details].join(' ')];
  parts.push(`> ${highlighted(evidence)}`);
  parts.push(escapeMarkdown(formatReference(source.meta, style)));
  const footnote = evidence.footnote ? source.footnotes.find((f) => f.label === evidence.footnote) : undefined;
  if (footnote && !footnote.missing) {
    const cites = [footnote.title && `*${escapeMarkdown(footnote.title)}*`, footnote.outlet && escapeMarkdown(footnote.outlet), footnote.date && escapeMarkdown(footnote.date)].filter(Boolean).join(', ');
    const link = safeLink(footnote.url);
    parts.push(`The source’s footnote ${escapeMarkdown(footnote.label)} cites: ${cites}${link ? ` ${link}` : ''}${footnote.accessed ? ` (accessed ${escapeMarkdown(footnote.accessed)})` : ''}`);
  } else if (footnote?.missing) {
    parts.push(`The source cites its footnote ${escapeMarkdown(footnote.label)} here, but the footnote’s text is missing from the source.`);
  }
  return parts.join('\n\n');
}

/** "Words that differ: ~~plan~~ **idea**; ~~rhymes~~ **rimes** (the source’s spelling: quote it with [sic])." */
function wordDifference(draftWords: string, sourceWords: string): string | undefined {
  const { changes } = quoteDiff(draftWords, 0, draftWords.length, sourceWords);
  if (!changes.length) return undefined;
  const shown = changes.map((c) => {
    const mine = c.draft ? `~~${escapeMarkdown(c.draft)}~~` : '';
    const theirs = c.source ? `**${escapeMarkdown(c.source)}**` : '(nothing)';
    return `${mine}${mine ? ' ' : ''}${theirs}${c.misspelt ? ' (the source’s spelling: quote it with \\[sic\\])' : ''}`;
  });
  return `Words that differ, yours struck through and the source’s in bold: ${shown.join('; ')}.`;
}

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-12-01" → "1 December 2026"; anything else as it is. */
function dayLabel(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m && months[Number(m[2]) - 1] ? `${Number(m[3])} ${months[Number(m[2]) - 1]} ${m[1]}` : day;
}

function highlighted(evidence: Evidence): string {
  const { quote, highlight } = evidence;
  if (!highlight) return escapeMarkdown(quote);
  return `${escapeMarkdown(quote.slice(0, highlight.start))}**${escapeMarkdown(quote.slice(highlight.start, highlight.end))}**${escapeMarkdown(quote.slice(highlight.end))}`;
}

/** The definition of the footnote referenced at `offset`, if the offset is on a reference. */
export function footnoteHover(draft: Draft, offset: number): { start: number; end: number; markdown: string } | undefined {
  const ref = draft.footnoteRefs.find((r) => offset >= r.start && offset <= r.end);
  if (!ref) return undefined;
  const def = draft.footnoteDefs.find((d) => d.label.toLowerCase() === ref.label.toLowerCase());
  const markdown = def ? `**Footnote ${escapeMarkdown(ref.label)}**\n\n${escapeMarkdown(def.text)}` : `**Footnote ${escapeMarkdown(ref.label)}** has no definition.`;
  return { start: ref.start, end: ref.end, markdown };
}
