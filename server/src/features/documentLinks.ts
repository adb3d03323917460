// Document links: a pandoc citation key opens the source file it names, or, for a library
// entry with no text of its own, the entry's line in the library.
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
      const target = !source.passages.length && source.entry ? URI.file(source.entry.file).with({ fragment: `L${source.entry.line + 1}` }) : URI.file(source.location);
      return [{ range: toRange(document, c.start, c.end), target: target.toString(), tooltip: `Open ${source.meta.title}` }];
    });
  });
}
