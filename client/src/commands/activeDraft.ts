// The Markdown draft in the active editor, or a message saying a command needs one.
import { window, type TextEditor } from 'vscode';

export function activeDraft(action: string): TextEditor | undefined {
  const editor = window.activeTextEditor;
  if (editor && editor.document.languageId === 'markdown') return editor;
  void window.showInformationMessage(`Attest: open a Markdown draft to ${action}.`);
  return undefined;
}

/** A failed request as a message; the command does not throw at the writer. */
export function reportFailure(what: string, error: unknown): void {
  void window.showErrorMessage(`Attest could not ${what}: ${error instanceof Error ? error.message : String(error)}`);
}
