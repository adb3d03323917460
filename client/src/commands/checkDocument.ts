// "Attest: Check document": checks the active draft now (for attest.checkOn "manual" or
// "save") and says what it found, or that the file is one of the writer's sources.
import { commands, window, type Disposable } from 'vscode';
import type { AttestClient } from '../attestClient';
import { checkedMessage } from '../labels';
import { documentStatusRequest } from '../../../server/src/protocol';
import { activeDraft, reportFailure } from './activeDraft';

/** Resolves with the message shown (for tests), undefined when there was no draft or the check failed. */
export function registerCheckDocument(attest: AttestClient): Disposable {
  return commands.registerCommand('attest.checkDocument', async (): Promise<string | undefined> => {
    const editor = activeDraft('check it');
    if (!editor) return undefined;
    try {
      const uri = attest.uri(editor.document.uri);
      await attest.execute('attest.server.checkDocument', uri);
      const status = await attest.request(documentStatusRequest, { textDocument: { uri } });
      const name = editor.document.uri.path.split('/').pop() ?? 'the draft';
      const message = status ? checkedMessage(name, status) : `Attest has not checked ${name} yet; try again in a moment.`;
      void window.showInformationMessage(message);
      return message;
    } catch (error) {
      reportFailure('check the document', error);
      return undefined;
    }
  });
}
