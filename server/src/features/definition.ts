// Go to definition: from a footnote reference to its definition.
import type { Connection } from 'vscode-languageserver';
import type { Analyses } from '../analyses';
import { footnoteAt } from '../core/draft/footnoteIndex';
import { toRange } from '../ranges';
import { requireParams } from '../params';

export function registerDefinition(connection: Connection, analyses: Analyses): void {
  connection.onDefinition(async (params, token) => {
    requireParams('textDocument/definition', params, { textDocument: true, position: true });
    const { textDocument, position } = params;
    const result = await analyses.get(textDocument.uri);
    if (!result || token.isCancellationRequested) return null;
    const footnote = footnoteAt(result.analysis.draft, result.document.offsetAt(position));
    return footnote?.definitions.map((d) => ({ uri: textDocument.uri, range: toRange(result.document, d.start, d.end) })) ?? null;
  });
}
