// "Attest: Insert citation…": pick a source and cite it with a new footnote at the cursor:
// "[^n]" there, numbered after the draft's footnotes, and its definition with the others. The
// sources that fit the sentence at the cursor come first; typing searches their titles,
// authors and text (the server answers as the writer types). When the chosen source gives
// another figure for the sentence, the writer is warned before anything is inserted.
import { commands, Position, Selection, window, workspace, WorkspaceEdit, type Disposable, type TextEditor } from 'vscode';
import type { AttestClient } from '../attestClient';
import { citationPick, type SourcePick } from '../labels';
import { citationSourcesRequest, insertCitationRequest } from '../../../server/src/protocol';
import { activeDraft, reportFailure } from './activeDraft';

export interface InsertCitationOptions {
  /** The answer to the warning when the source disagrees (for keybindings and tests): cite anyway, or not. */
  ifDisagrees?: 'cite' | 'cancel';
}

const citeAnyway = 'Cite anyway';

/** `sourceId` skips the picker (for keybindings and tests); the result is the new footnote's label. */
export function registerInsertCitation(attest: AttestClient): Disposable {
  return commands.registerCommand('attest.insertCitation', async (sourceId?: string, options?: InsertCitationOptions): Promise<string | undefined> => {
    const editor = activeDraft('cite a source in it');
    if (!editor) return undefined;
    try {
      const id = typeof sourceId === 'string' ? sourceId : await pickSource(attest, editor);
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
      if (planned.disagreement) {
        const answer = options?.ifDisagrees ?? ((await window.showWarningMessage(planned.disagreement, { modal: true, detail: 'Cite it anyway, or correct the draft first?' }, citeAnyway)) === citeAnyway ? 'cite' : 'cancel');
        if (answer !== 'cite') return undefined;
        if (document.version !== planned.version) {
          void window.showInformationMessage('Attest: the draft changed while you were asked; run "Insert citation…" again.');
          return undefined;
        }
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

/** The picker: the server's sources for the sentence at the cursor, asked again (with the words typed) as the writer types. */
async function pickSource(attest: AttestClient, editor: TextEditor): Promise<string | undefined> {
  const textDocument = { uri: attest.uri(editor.document.uri) };
  const { line, character } = editor.selection.active;
  const ask = (query: string) => attest.request(citationSourcesRequest, { textDocument, position: { line, character }, ...(query ? { query } : {}) });
  const first = await ask('');
  if (!first) {
    void window.showInformationMessage('Attest has not checked this draft yet; try again in a moment.');
    return undefined;
  }
  if (!first.sources.length) {
    void window.showInformationMessage('Attest has no sources to cite: turn on attest.bundledCorpus or add folders to attest.sources.');
    return undefined;
  }
  const pick = window.createQuickPick<SourcePick>();
  pick.title = 'Attest: Insert citation';
  pick.placeholder = 'Cite a source: those that fit this sentence come first; type to search titles, authors and text';
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.items = first.sources.map((s) => citationPick(s, false));
  let asked = 0;
  return new Promise<string | undefined>((resolve) => {
    pick.onDidChangeValue(async (value) => {
      const request = ++asked;
      pick.busy = true;
      const found = await ask(value.trim()).catch(() => null);
      // An answer overtaken by more typing is dropped.
      if (request !== asked) return;
      pick.busy = false;
      if (found) pick.items = found.sources.map((s) => citationPick(s, value.trim() !== ''));
    });
    pick.onDidAccept(() => {
      resolve(pick.selectedItems[0]?.id);
      pick.hide();
    });
    pick.onDidHide(() => {
      resolve(undefined);
      pick.dispose();
    });
    pick.show();
  });
}
