// attest/insertCitation: the edits that cite a source with a new, correctly numbered
// footnote at the cursor, the definition going with the draft's others. When the sentence
// has a claim the source speaks to, the footnote cites that passage's page and footnote.
import type { Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analyses } from '../analyses';
import type { Analysis } from '../core/checker';
import { footnoteText } from '../core/citation';
import type { Corpus } from '../core/corpus';
import { addFootnote } from '../core/footnoteEdit';
import { insertCitationRequest, type InsertCitationParams, type InsertCitationResult } from '../protocol';
import { toRange } from '../ranges';
import { requireParams } from '../params';

export function registerInsertCitation(connection: Connection, analyses: Analyses): void {
  connection.onRequest(insertCitationRequest, async (params: InsertCitationParams, token): Promise<InsertCitationResult> => {
    requireParams(insertCitationRequest, params, { textDocument: true, position: true, strings: ['sourceId'] });
    const { textDocument, position, sourceId } = params;
    const result = await analyses.get(textDocument.uri);
    if (!result || token.isCancellationRequested) return null;
    return citationEdits(result.document, result.analysis, result.checker.corpus, sourceId, result.document.offsetAt(position));
  });
}

export function citationEdits(document: TextDocument, analysis: Analysis, corpus: Corpus, sourceId: string, at: number): InsertCitationResult {
  const source = corpus.sources.get(sourceId);
  if (!source) return null;
  // Evidence from this source for a claim in the sentence at the cursor gives the locator.
  const evidence = analysis.verdicts
    .filter((v) => at >= v.claim.sentence.start && at <= v.claim.sentence.end)
    .flatMap((v) => v.evidence)
    .find((e) => e.sourceId === sourceId);
  const passage = evidence && corpus.passages[evidence.passageIndex];
  const sourceFootnote = evidence?.footnote ? source.footnotes.find((f) => f.label === evidence.footnote) : undefined;
  const text = footnoteText(source.meta, passage ?? { locator: '' }, sourceFootnote);
  const planned = addFootnote(analysis.draft, at, text);
  const [reference, definition] = planned.insertions as [{ at: number; text: string }, { at: number; text: string }];
  // The cursor ends after the reference; a definition inserted before it pushes it along.
  const cursor = reference.at + reference.text.length + (definition.at < reference.at ? definition.text.length : 0);
  const after = applyInsertions(document.getText(), planned.insertions);
  return {
    version: document.version,
    label: planned.label,
    edits: planned.insertions.map((i) => ({ range: toRange(document, i.at, i.at), newText: i.text })),
    cursor: positionIn(after, cursor),
  };
}

/** The text after the insertions; inserts at the same offset keep their order. */
export function applyInsertions(text: string, insertions: readonly { at: number; text: string }[]): string {
  const sorted = insertions.map((ins, i) => ({ ...ins, i })).sort((a, b) => b.at - a.at || b.i - a.i);
  let out = text;
  for (const ins of sorted) out = out.slice(0, ins.at) + ins.text + out.slice(ins.at);
  return out;
}

function positionIn(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}
