// Helpers for the extension tests: open fixture drafts, and wait (with a bound) for the
// language server's diagnostics instead of sleeping.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

/** How long the server may take to check a draft (its first check also loads the corpus). */
export const diagnosticsTimeoutMs = 30_000;

export function fixtureUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need the fixture workspace open as a folder');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function openDraft(name: string): Promise<{ document: vscode.TextDocument; editor: vscode.TextEditor }> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(name));
  assert.equal(document.languageId, 'markdown', `${name} should open as Markdown`);
  const editor = await vscode.window.showTextDocument(document);
  return { document, editor };
}

/** Closes every editor and reverts unsaved edits, so each test starts clean. */
export async function closeAll(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty && d.uri.scheme !== 'output')) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export function codeOf(diagnostic: vscode.Diagnostic): string | number | undefined {
  const { code } = diagnostic;
  return typeof code === 'object' ? code.value : code;
}

export function attestDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'attest');
}

export function describe(diagnostics: readonly vscode.Diagnostic[]): string {
  if (diagnostics.length === 0) return '(none)';
  return diagnostics.map((d) => `${codeOf(d)} ${show(d.range)} ${JSON.stringify(d.message)}`).join('\n  ');
}

export function show(range: vscode.Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

/**
 * Resolves with the document's Attest diagnostics once `accept` holds for them; fails with
 * what was last published when that does not happen within the timeout.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = diagnosticsTimeoutMs,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const diagnostics = attestDiagnostics(uri);
      if (!accept(diagnostics)) return false;
      cleanup();
      resolve(diagnostics);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what} on ${uri.path}. Attest diagnostics at that point:\n  ${describe(attestDiagnostics(uri))}`));
    }, timeoutMs);
    const cleanup = (): void => {
      clearTimeout(timer);
      subscription.dispose();
    };
    check();
  });
}

/** Waits until a diagnostic with the code is published. */
export function waitForCode(uri: vscode.Uri, code: string, timeoutMs = diagnosticsTimeoutMs): Promise<vscode.Diagnostic[]> {
  return waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === code), `a ${code} diagnostic`, timeoutMs);
}

export interface ExpectedDiagnostic {
  code: string;
  range: vscode.Range;
  message: string;
  severity?: vscode.DiagnosticSeverity;
}

/** Compares code, range and message (and severity when given) exactly, in document order. */
export function assertDiagnostics(actual: readonly vscode.Diagnostic[], expected: readonly ExpectedDiagnostic[]): void {
  const sorted = [...actual].sort((a, b) => a.range.start.compareTo(b.range.start));
  const shape = (code: string | number | undefined, range: vscode.Range, message: string, severity?: vscode.DiagnosticSeverity): Record<string, unknown> => ({
    code,
    range: show(range),
    message,
    ...(severity === undefined ? {} : { severity: vscode.DiagnosticSeverity[severity] }),
  });
  assert.deepEqual(
    sorted.map((d, i) => shape(codeOf(d), d.range, d.message, expected[i]?.severity === undefined ? undefined : d.severity)),
    expected.map((e) => shape(e.code, e.range, e.message, e.severity)),
  );
}

export interface AttestApi {
  statusBar: { readonly text: string | undefined; readonly onDidChange: vscode.Event<void> };
}

export async function api(): Promise<AttestApi> {
  const extension = vscode.extensions.getExtension<AttestApi>('attest.attest');
  assert.ok(extension, 'the Attest extension should be installed');
  return extension.isActive ? extension.exports : extension.activate();
}

/** Resolves once the status bar shows `text`; fails with what it shows when it does not within the timeout. */
export async function statusBarShows(text: string): Promise<void> {
  const { statusBar } = await api();
  await new Promise<void>((resolve, reject) => {
    const check = (): void => {
      if (statusBar.text !== text) return;
      cleanup();
      resolve();
    };
    const subscription = statusBar.onDidChange(check);
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`Timed out waiting for the status bar to show ${JSON.stringify(text)}; it shows ${JSON.stringify(statusBar.text)}.`));
    }, diagnosticsTimeoutMs);
    const cleanup = (): void => {
      clearTimeout(timer);
      subscription.dispose();
    };
    check();
  });
}
