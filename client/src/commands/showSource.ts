// "Attest: Show source": opens the source passage behind the claim under the cursor,
// scrolled to the middle, with the source's figure or words selected and its sentence
// highlighted. The Sources view opens sources and footnotes the same way.
import { commands, Disposable, Range, Selection, TextEditorRevealType, ThemeColor, Uri, ViewColumn, window, workspace, type TextEditor, type TextEditorDecorationType } from 'vscode';
import type { AttestClient } from '../attestClient';
import { claimSourceRequest, sourceLocationRequest, type Range as WireRange, type SourceLocation, type SourceLocationParams } from '../../../server/src/protocol';
import { activeDraft, reportFailure } from './activeDraft';

export function registerShowSource(attest: AttestClient): Disposable {
  const sentenceHighlight = window.createTextEditorDecorationType({ backgroundColor: new ThemeColor('editor.findMatchHighlightBackground'), borderRadius: '2px' });
  return Disposable.from(
    sentenceHighlight,
    commands.registerCommand('attest.showSource', async (): Promise<SourceLocation | undefined> => {
      const editor = activeDraft('see the source of a claim');
      if (!editor) return undefined;
      try {
        const { line, character } = editor.selection.active;
        const result = await attest.request(claimSourceRequest, { textDocument: { uri: attest.uri(editor.document.uri) }, position: { line, character } });
        if (!result.location) {
          void window.showInformationMessage(`Attest: ${result.message ?? 'no source to show here.'}`);
          return undefined;
        }
        // Beside the draft, so the claim and its source can be read together.
        await openSourceLocation(result.location, sentenceHighlight, ViewColumn.Beside);
        return result.location;
      } catch (error) {
        reportFailure('show the source', error);
        return undefined;
      }
    }),
    // The Sources view's items: a source, or one of its footnotes.
    commands.registerCommand('attest.openSourceLocation', async (params: SourceLocationParams): Promise<SourceLocation | undefined> => {
      try {
        const result = await attest.request(sourceLocationRequest, params);
        if (!result.location) {
          void window.showInformationMessage(`Attest: ${result.message ?? 'nothing to show.'}`);
          return undefined;
        }
        await openSourceLocation(result.location, sentenceHighlight);
        return result.location;
      } catch (error) {
        reportFailure('open the source', error);
        return undefined;
      }
    }),
    // The highlight stays until the writer moves the cursor in that editor.
    window.onDidChangeTextEditorSelection(({ textEditor, kind }) => {
      if (kind !== undefined) textEditor.setDecorations(sentenceHighlight, []);
    }),
  );
}

async function openSourceLocation(location: SourceLocation, sentenceHighlight: TextEditorDecorationType, viewColumn?: ViewColumn): Promise<TextEditor> {
  const document = await workspace.openTextDocument(Uri.parse(location.uri));
  const range = toRange(location.range);
  const editor = await window.showTextDocument(document, { viewColumn, preview: true, selection: range });
  editor.selection = new Selection(range.start, range.end);
  editor.revealRange(range, TextEditorRevealType.InCenter);
  editor.setDecorations(sentenceHighlight, location.sentence ? [toRange(location.sentence)] : []);
  // The bundled papers belong to the extension: reading them must not change them.
  if (location.bundled) await commands.executeCommand('workbench.action.files.setActiveEditorReadonlyInSession').then(undefined, () => undefined);
  return editor;
}

function toRange(range: WireRange): Range {
  return new Range(range.start.line, range.start.character, range.end.line, range.end.character);
}
