// The status bar item for the active Markdown draft: "$(check) Attest: 12 claims, 2 disagree",
// with the counts by verdict in its tooltip; a click opens the Problems panel. Counts come
// from attest/documentStatus, asked again whenever the draft's diagnostics change.
import { Disposable, languages, StatusBarAlignment, window } from 'vscode';
import type { AttestClient } from './attestClient';
import { statusText, statusTooltip } from './labels';
import { documentStatusRequest, sourcesChangedNotification } from '../../server/src/protocol';

export function registerStatusBar(attest: AttestClient): Disposable {
  const item = window.createStatusBarItem('attest.status', StatusBarAlignment.Left, 50);
  item.name = 'Attest';
  // The Problems panel has no API to set its filter, so the click only opens it.
  item.command = { command: 'workbench.actions.view.problems', title: 'Show the Problems panel' };
  let asked = 0;
  const update = async (): Promise<void> => {
    const document = window.activeTextEditor?.document;
    const request = ++asked;
    if (!document || document.languageId !== 'markdown') {
      item.hide();
      return;
    }
    const status = await attest.request(documentStatusRequest, { textDocument: { uri: attest.uri(document.uri) } }).catch(() => null);
    // An answer for an editor that is no longer active, or overtaken by a newer question, is dropped.
    if (request !== asked) return;
    if (!status) {
      item.hide();
      return;
    }
    item.text = statusText(status);
    item.tooltip = statusTooltip(status);
    item.show();
  };
  void update();
  return Disposable.from(
    item,
    window.onDidChangeActiveTextEditor(() => void update()),
    languages.onDidChangeDiagnostics(({ uris }) => {
      const active = window.activeTextEditor?.document.uri.toString();
      if (active && uris.some((u) => u.toString() === active)) void update();
    }),
    attest.onNotification(sourcesChangedNotification, () => void update()),
  );
}
