// Go to definition: from a footnote reference to its definition, from a citation key to its
// entry in the reference library (or to the source file it names).
import type { Connection, Location } from 'vscode-languageserver';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import type { Analyses } from '../analyses';
import { footnoteAt } from '../core/draft/footnoteIndex';
import { citationAt } from '../core/findings/citationKeys';
import { toRange } from '../ranges';
import { requireParams } from '../params';

export function registerDefinition(connection: Connection, analyses: Analyses): void {
  connection.onDefinition(async (params, token) => {
    requireParams('textDocument/definition', params, { textDocument: true, position: true });
    const { textDocument, position } = params;
    const result = await analyses.get(textDocument.uri);
    if (!result || token.isCancellationRequested) return null;
    const offset = result.document.offsetAt(position);
    const footnote = footnoteAt(result.analysis.draft, offset);
    if (footnote) return footnote.definitions.map((d) => ({ uri: textDocument.uri, range: toRange(result.document, d.start, d.end) }));
    const citation = citationAt(result.analysis.draft, offset);
    const source = citation && result.checker.corpus.sources.get(citation.key);
    const file = source?.entry?.file ?? source?.location;
    if (!source || !file || !path.isAbsolute(file)) return null;
    const line = source.entry?.line ?? 0;
    return { uri: URI.file(file).toString(), range: { start: { line, character: 0 }, end: { line, character: 0 } } } satisfies Location;
  });
}
