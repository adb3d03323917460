// Hover: the evidence behind a claim, a footnote's definition, or a citation key's reference.
import { MarkupKind, type Connection, type Hover } from 'vscode-languageserver';
import type { Analyses } from '../analyses';
import { citationAt, citationReference } from '../core/findings/citationKeys';
import { claimHover, footnoteHover } from '../core/findings/hoverText';
import { toRange } from '../ranges';
import { requireParams } from '../params';

/** `acceptedOn` gives the day a claim's finding was marked as checked ("2026-12-01"), "" when the day is not known, undefined when it is not marked. */
export function registerHover(connection: Connection, analyses: Analyses, acceptedOn: (fingerprint: string | undefined) => string | undefined = () => undefined): void {
  connection.onHover(async (params, token): Promise<Hover | null> => {
    requireParams('textDocument/hover', params, { textDocument: true, position: true });
    const { textDocument, position } = params;
    const result = await analyses.get(textDocument.uri);
    if (!result || token.isCancellationRequested) return null;
    const { document, analysis, checker, settings } = result;
    const offset = document.offsetAt(position);
    const footnote = footnoteHover(analysis.draft, offset);
    if (footnote) return { contents: { kind: MarkupKind.Markdown, value: footnote.markdown }, range: toRange(document, footnote.start, footnote.end) };
    const citation = citationAt(analysis.draft, offset);
    const reference = citation && citationReference(citation.key, checker.corpus, settings.citationStyle);
    if (citation && reference) return { contents: { kind: MarkupKind.Markdown, value: reference }, range: toRange(document, citation.start - 1, citation.end) };
    const verdict = analysis.verdicts.find((v) => offset >= v.claim.start && offset <= v.claim.end);
    if (!verdict) return null;
    const { claim } = verdict;
    const finding = analysis.findings.find((f) => f.fingerprint && f.start <= claim.end && f.end >= claim.start);
    const accepted = acceptedOn(finding?.fingerprint);
    return { contents: { kind: MarkupKind.Markdown, value: claimHover(verdict, checker.corpus, settings.citationStyle, accepted) }, range: toRange(document, claim.start, claim.end) };
  });
}
