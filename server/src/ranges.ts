// The one place where core offsets become LSP ranges and back.
import type { Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

export function toRange(document: Pick<TextDocument, 'positionAt'>, start: number, end: number): Range {
  return { start: document.positionAt(start), end: document.positionAt(end) };
}
