// "Attest: Restyle inserted notes": the notes Attest inserted, rewritten into the style now set
// in attest.citationStyle (a full note first and short ones after, for Chicago notes). The
// server plans the edits; notes the writer wrote or changed by hand are left alone.
import { commands, Position, Range, window, workspace, WorkspaceEdit, type Disposable } from 'vscode';
import type { AttestClient } from '../attestClient';
import { restyleNotesRequest } from '../../../server/src/protocol';
import { activeDraft, reportFailure } from './activeDraft';

/** The result is the labels of the notes rewritten. */
export function registerRestyleNotes(attest: AttestClient): Disposable {
  return commands.registerCommand('attest.restyleNotes', async (): Promise<string[]> => {
    const editor = activeDraft('restyle the notes Attest inserted');
    if (!editor) return [];
    try {
      const { document } = editor;
      const planned = await attest.request(restyleNotesRequest, { textDocument: { uri: attest.uri(document.uri) } });
      if (!planned) return [];
      if (document.version !== planned.version) {
        void window.showInformationMessage('Attest: the draft changed while the notes were restyled; run "Restyle inserted notes" again.');
        return [];
      }
      if (!planned.edits.length) {
        void window.showInformationMessage('Attest: no note in this draft needs restyling (only notes Attest inserted, unchanged since, are rewritten).');
        return [];
      }
      const edit = new WorkspaceEdit();
      for (const e of planned.edits) edit.replace(document.uri, new Range(new Position(e.range.start.line, e.range.start.character), new Position(e.range.end.line, e.range.end.character)), e.newText);
      if (!(await workspace.applyEdit(edit))) return [];
      return planned.labels;
    } catch (error) {
      reportFailure('restyle the notes', error);
      return [];
    }
  });
}
