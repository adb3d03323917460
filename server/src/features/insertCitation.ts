// attest/insertCitation: the edits that cite a source with a new, correctly numbered
// footnote at the cursor, the definition going with the draft's others. When the sentence
// has a claim the source speaks to, the footnote cites that passage's page and footnote.
// Where a reference would break the Markdown (a definition's label), it says why there is none;
// when the source, on its own, disagrees with the sentence, it says so (the client warns).
// attest/citationSources: the sources to offer, ranked by the sentence at the cursor.
import type { Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analyses } from '../analyses';
import type { Analysis } from '../core/checker';
import { citedBefore, noteText } from '../core/findings/notes';
import type { CitationStyle } from '../core/findings/references';
import type { Corpus } from '../core/retrieval/corpus';
import { addFootnote, applyEdits, offsetAfter } from '../core/findings/footnoteEdit';
import { citationSources, disagreementWith, sentenceAt } from '../citationSearch';
import { citationSourcesRequest, insertCitationRequest, type CitationSourcesParams, type CitationSourcesResult, type InsertCitationParams, type InsertCitationResult } from '../protocol';
import { toRange } from '../ranges';
import { requireParams } from '../params';

export function registerInsertCitation(connection: Connection, analyses: Analyses): void {
  connection.onRequest(insertCitationRequest, async (params: InsertCitationParams, token): Promise<InsertCitationResult> => {
    requireParams(insertCitationRequest, params, { textDocument: true, position: true, strings: ['sourceId'] });
    const { textDocument, position, sourceId } = params;
    const result = await analyses.get(textDocument.uri);
    if (!result || token.isCancellationRequested) return null;
    return citationEdits(result.document, result.analysis, result.checker.corpus, sourceId, result.document.offsetAt(position), result.settings.citationStyle);
  });
  connection.onRequest(citationSourcesRequest, async (params: CitationSourcesParams, token): Promise<CitationSourcesResult> => {
    requireParams(citationSourcesRequest, params, { textDocument: true, position: true, optionalStrings: ['query'] });
    const { textDocument, position, query } = params;
    // The parse is enough: the picker does not wait for the draft's claims to be judged.
    const result = await analyses.parsed(textDocument.uri);
    if (!result || token.isCancellationRequested) return null;
    const sentence = sentenceAt(result.draft, result.document.offsetAt(position));
    return { sources: citationSources(result.checker.corpus, sentence ? result.document.getText().slice(sentence.start, sentence.end) : '', query) };
  });
}

export function citationEdits(document: TextDocument, analysis: Analysis, corpus: Corpus, sourceId: string, at: number, style: CitationStyle = 'chicago-author-date'): InsertCitationResult {
  const source = corpus.sources.get(sourceId);
  if (!source) return null;
  // Evidence from this source for a claim in the sentence at the cursor gives the locator.
  const evidence = analysis.verdicts
    .filter((v) => at >= v.claim.sentence.start && at <= v.claim.sentence.end)
    .flatMap((v) => v.evidence)
    .find((e) => e.sourceId === sourceId);
  const passage = evidence && corpus.passages[evidence.passageIndex];
  const sourceFootnote = evidence?.footnote ? source.footnotes.find((f) => f.label === evidence.footnote) : undefined;
  // In the writer's style: for notes styles, a short note when an earlier footnote cites the source.
  const text = noteText(source.meta, passage ?? { locator: '' }, sourceFootnote, { style, citedBefore: citedBefore(analysis.draft, corpus, sourceId, at) });
  const planned = addFootnote(analysis.draft, at, text);
  if ('problem' in planned) return { version: document.version, problem: planned.problem };
  const edits = [planned.reference, planned.definition];
  const sentence = sentenceAt(analysis.draft, at, analysis.verdicts);
  const disagreement = sentence && disagreementWith(corpus, sourceId, document.getText(), sentence);
  // The cursor ends after the reference, counted in the edited text so that any line ending is right.
  const after = TextDocument.create(document.uri, document.languageId, document.version, applyEdits(document.getText(), edits));
  return {
    version: document.version,
    label: planned.label,
    edits: edits.map((e) => ({ range: toRange(document, e.start, e.end), newText: e.text })),
    cursor: after.positionAt(offsetAfter(edits, planned.reference)),
    ...(disagreement ? { disagreement } : {}),
  };
}
