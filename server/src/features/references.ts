// Find references: every use of a footnote, and its definition when asked for.
import type { Connection } from 'vscode-languageserver';
import type { Analyses } from '../analyses';
import { footnoteAt } from '../core/draft/footnoteIndex';
import { toRange } from '../ranges';
import { requireParams } from '../params';

export function registerReferences(connection: Connection, analyses: Analyses): void {
  connection.onReferences(async (params, token) => {
    requireParams('textDocument/references', params, { textDocument: true, position: true });
    const { textDocument, position, context } = params;
    const result = await analyses.get(textDocument.uri);
    if (!result || token.isCancellationRequested) return null;
    const footnote = footnoteAt(result.analysis.draft, result.document.offsetAt(position));
    if (!footnote) return null;
    const spans = [...footnote.references, ...(context.includeDeclaration ? footnote.definitions : [])].sort((a, b) => a.start - b.start);
    return spans.map((s) => ({ uri: textDocument.uri, range: toRange(result.document, s.start, s.end) }));
  });
}
