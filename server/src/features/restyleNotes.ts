// attest/restyleNotes: the edits that rewrite the notes Attest inserted into the draft's
// citation style, each note's text only; the writer's own notes are left as they are.
import type { Connection } from 'vscode-languageserver';
import type { Analyses } from '../analyses';
import { restyleNotes } from '../core/findings/restyle';
import { restyleNotesRequest, type RestyleNotesParams, type RestyleNotesResult } from '../protocol';
import { toRange } from '../ranges';
import { requireParams } from '../params';

export function registerRestyleNotes(connection: Connection, analyses: Analyses): void {
  connection.onRequest(restyleNotesRequest, async (params: RestyleNotesParams, token): Promise<RestyleNotesResult> => {
    requireParams(restyleNotesRequest, params, { textDocument: true });
    const result = await analyses.get(params.textDocument.uri);
    if (!result || token.isCancellationRequested) return null;
    const { document, analysis, checker, settings } = result;
    const { edits, labels } = restyleNotes(analysis.draft, checker.corpus, settings.citationStyle);
    return { version: document.version, edits: edits.map((e) => ({ range: toRange(document, e.start, e.end), newText: e.text })), labels };
  });
}
