// Rename a footnote label everywhere it is referenced and defined.
import { LSPErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';
import type { Analyses } from '../analyses';
import { footnoteAt } from '../core/draft/footnoteIndex';
import { toRange } from '../ranges';
import { requireParams } from '../params';

const validLabel = /^[^\s\]^[]+$/;

export function registerRename(connection: Connection, analyses: Analyses): void {
  connection.onPrepareRename(async (params, token) => {
    requireParams('textDocument/prepareRename', params, { textDocument: true, position: true });
    const { textDocument, position } = params;
    const result = await analyses.get(textDocument.uri);
    if (!result || token.isCancellationRequested) return null;
    const offset = result.document.offsetAt(position);
    const footnote = footnoteAt(result.analysis.draft, offset);
    const span = footnote && [...footnote.references, ...footnote.definitions].find((s) => offset >= s.start - 2 && offset <= s.end + 1);
    return span ? { range: toRange(result.document, span.start, span.end), placeholder: footnote.label } : null;
  });
  connection.onRenameRequest(async (params, token) => {
    requireParams('textDocument/rename', params, { textDocument: true, position: true, strings: ['newName'] });
    const { textDocument, position, newName } = params;
    const result = await analyses.get(textDocument.uri);
    if (!result || token.isCancellationRequested) return null;
    if (!validLabel.test(newName)) throw new ResponseError(LSPErrorCodes.RequestFailed, `"${newName}" cannot be a footnote label: use letters, digits or dashes, without spaces or brackets.`);
    const footnote = footnoteAt(result.analysis.draft, result.document.offsetAt(position));
    if (!footnote) return null;
    const edits = [...footnote.references, ...footnote.definitions].map((s) => ({ range: toRange(result.document, s.start, s.end), newText: newName }));
    return { documentChanges: [{ textDocument: { uri: textDocument.uri, version: result.document.version }, edits }] };
  });
}
