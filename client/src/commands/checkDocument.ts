// "Attest: Check document": checks the active draft now (for attest.checkOn "manual" or "save").
import { commands, type Disposable } from 'vscode';
import type { AttestClient } from '../attestClient';
import { activeDraft } from './activeDraft';

export function registerCheckDocument(attest: AttestClient): Disposable {
  return commands.registerCommand('attest.checkDocument', async () => {
    const editor = activeDraft('check it');
    if (editor) await attest.execute('attest.server.checkDocument', attest.uri(editor.document.uri));
  });
}
