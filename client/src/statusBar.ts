// The status bar item for the active Markdown file: "$(warning) Attest: 12 claims, 2 disagree",
// its icon following the state, with the counts by verdict in its tooltip; for one of the
// writer's sources, "Source: <title> (n passages)". The tooltip also says which sources are in
// use. A click opens the Problems panel. Counts come from attest/documentStatus, asked again
// whenever the file's diagnostics change.
import { Disposable, EventEmitter, languages, StatusBarAlignment, window, type Event } from 'vscode';
import type { AttestClient } from './attestClient';
import { sourcesInUse, statusText, statusTooltip } from './labels';
import { documentStatusRequest, sourcesChangedNotification, sourcesRequest } from '../../server/src/protocol';

/** What the item shows, for the extension's API (tests read it). */
export interface StatusBarState {
  /** Undefined while the item is hidden. */
  readonly text: string | undefined;
  readonly tooltip: string | undefined;
  readonly onDidChange: Event<void>;
}

export function registerStatusBar(attest: AttestClient): { disposable: Disposable; state: StatusBarState } {
  const item = window.createStatusBarItem('attest.status', StatusBarAlignment.Left, 50);
  const changed = new EventEmitter<void>();
  item.name = 'Attest';
  // The Problems panel has no API to set its filter, so the click only opens it.
  item.command = { command: 'workbench.actions.view.problems', title: 'Show the Problems panel' };
  let shown: { text: string; tooltip: string } | undefined;
  const show = (next: { text: string; tooltip: string } | undefined): void => {
    shown = next;
    if (next) {
      item.text = next.text;
      item.tooltip = next.tooltip;
      item.show();
    } else item.hide();
    changed.fire();
  };
  // Which sources are in use, asked when they change rather than on every update.
  let sources: Promise<string | undefined> = Promise.resolve(undefined);
  const askSources = (): void => {
    sources = attest.request(sourcesRequest, {}).then(sourcesInUse, () => undefined);
  };
  askSources();
  let asked = 0;
  const update = async (): Promise<void> => {
    const document = window.activeTextEditor?.document;
    const request = ++asked;
    if (!document || document.languageId !== 'markdown') {
      show(undefined);
      return;
    }
    const status = await attest.request(documentStatusRequest, { textDocument: { uri: attest.uri(document.uri) } }).catch(() => null);
    const inUse = await sources;
    // An answer for an editor that is no longer active, or overtaken by a newer question, is dropped.
    if (request !== asked) return;
    show(status ? { text: statusText(status), tooltip: inUse && !status.source ? `${statusTooltip(status)}\n\n${inUse}` : statusTooltip(status) } : undefined);
  };
  void update();
  const state: StatusBarState = {
    get text() {
      return shown?.text;
    },
    get tooltip() {
      return shown?.tooltip;
    },
    onDidChange: changed.event,
  };
  const disposable = Disposable.from(
    item,
    changed,
    window.onDidChangeActiveTextEditor(() => void update()),
    languages.onDidChangeDiagnostics(({ uris }) => {
      const active = window.activeTextEditor?.document.uri.toString();
      if (active && uris.some((u) => u.toString() === active)) void update();
    }),
    attest.onNotification(sourcesChangedNotification, () => {
      askSources();
      void update();
    }),
  );
  return { disposable, state };
}
