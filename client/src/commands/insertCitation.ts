// "Attest: Insert citation…": pick a source (searchable by author, year, title and key) and
// cite it with a new footnote at the cursor: "[^n]" there, numbered after the draft's
// footnotes, and its definition with the others. The server plans the edit.
import { commands, Position, Selection, window, workspace, WorkspaceEdit, type Disposable } from 'vscode';
import type { AttestClient } from '../attestClient';
import { sourcePicks } from '../labels';
import { insertCitationRequest, sourcesRequest } from '../../../server/src/protocol';
import { activeDraft, reportFailure } from './activeDraft';

/** `sourceId` skips the picker (for keybindings and tests); the result is the new footnote's label. */
export function registerInsertCitation(attest: AttestClient): Disposable {
  return commands.registerCommand('attest.insertCitation', async (sourceId?: string): Promise<string | undefined> => {
    const editor = activeDraft('cite a source in it');
    if (!editor) return undefined;
    try {
      const id = typeof sourceId === 'string' ? sourceId : await pickSource(attest);
      if (!id) return undefined;
      const { document } = editor;
      const { line, character } = editor.selection.active;
      const planned = await attest.request(insertCitationRequest, { textDocument: { uri: attest.uri(document.uri) }, position: { line, character }, sourceId: id });
      if (!planned) {
        void window.showInformationMessage(`Attest: no source has the id "${id}".`);
        return undefined;
      }
      if (document.version !== planned.version) {
        void window.showInformationMessage('Attest: the draft changed while the footnote was prepared; run "Insert citation…" again.');
        return undefined;
      }
      if ('problem' in planned) {
        void window.showInformationMessage(`Attest: ${planned.problem}`);
        return undefined;
      }
      const edit = new WorkspaceEdit();
      for (const e of planned.edits) edit.insert(document.uri, new Position(e.range.start.line, e.range.start.character), e.newText);
      if (!(await workspace.applyEdit(edit))) return undefined;
      const cursor = new Position(planned.cursor.line, planned.cursor.character);
      editor.selection = new Selection(cursor, cursor);
      editor.revealRange(editor.selection);
      return planned.label;
    } catch (error) {
      reportFailure('insert the citation', error);
      return undefined;
    }
  });
}

async function pickSource(attest: AttestClient): Promise<string | undefined> {
  const { sources } = await attest.request(sourcesRequest, {});
  if (!sources.length) {
    void window.showInformationMessage('Attest has no sources to cite: turn on attest.bundledCorpus or add folders to attest.sources.');
    return undefined;
  }
  const picked = await window.showQuickPick(sourcePicks(sources), {
    title: 'Attest: Insert citation',
    placeHolder: 'Cite a source: type an author, year, title or key',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return picked?.id;
}
