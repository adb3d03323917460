// Document links: a pandoc citation key opens the source file it names.
import type { Connection, DocumentLink } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import type { Analyses } from '../analyses';
import { toRange } from '../ranges';
import { requireParams } from '../params';

export function registerDocumentLinks(connection: Connection, analyses: Analyses): void {
  connection.onDocumentLinks(async (params, token) => {
    requireParams('textDocument/documentLink', params, { textDocument: true });
    const { textDocument } = params;
    const result = await analyses.get(textDocument.uri);
    if (!result || token.isCancellationRequested) return null;
    const { document, analysis, checker } = result;
    return analysis.draft.citations.flatMap((c): DocumentLink[] => {
      const source = checker.corpus.sources.get(c.key);
      if (!source?.location) return [];
      return [{ range: toRange(document, c.start, c.end), target: URI.file(source.location).toString(), tooltip: `Open ${source.meta.title}` }];
    });
  });
}
