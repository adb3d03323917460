// "Attest: Check workspace": checks every Markdown draft under the workspace folders, and
// every draft open in an editor (unsaved ones from their editor text), that is not one of
// the writer's sources or an Attest report, with a cancellable progress notification. Drafts
// that are not open go into the "attest-workspace" diagnostic collection; open ones keep the
// server's own diagnostics and are counted in the summary.
//
// The client finds and reads the files through VS Code (findFiles with files.exclude and
// search.exclude, workspace.fs) and sends their text in attest/checkFile; the server reads
// nothing from the workspace. So the command works the same in an untrusted workspace
// (reading a draft runs nothing, and the server still ignores .attestrc.json there) and in a
// virtual one, where the server could not read the files itself.
import { commands, Disposable, languages, ProgressLocation, RelativePattern, TabInputText, window, workspace, type CancellationToken, type DiagnosticCollection, type TextDocument, type Uri } from 'vscode';
import type { AttestClient } from '../attestClient';
import { excludeGlob, isReport } from '../excludes';
import { workspaceSummary } from '../labels';
import { checkFileRequest, sourcesRequest } from '../../../server/src/protocol';
import { reportFailure } from './activeDraft';

export interface WorkspaceCheckResult {
  files: number;
  checked: number;
  /** Of those checked, drafts open in an editor. */
  open: number;
  skipped: number;
  /** Markdown files left out because they are the writer's sources. */
  sources: number;
  claims: number;
  disagree: number;
  problems: number;
  withProblems: number;
  cancelled: boolean;
}

export function registerCheckWorkspace(attest: AttestClient): Disposable {
  const collection = languages.createDiagnosticCollection('attest-workspace');
  // Drafts the last run covered: when one is closed, it is checked again from disk.
  const scope = new Set<string>();
  return Disposable.from(
    collection,
    commands.registerCommand('attest.checkWorkspace', async (): Promise<WorkspaceCheckResult | undefined> => {
      try {
        return await checkWorkspace(attest, collection, scope);
      } catch (error) {
        reportFailure('check the workspace', error);
        return undefined;
      }
    }),
    // Open drafts get the server's own diagnostics; two sets would show every problem twice.
    workspace.onDidOpenTextDocument((document) => {
      if (document.languageId === 'markdown') collection.delete(document.uri);
    }),
    workspace.onDidCloseTextDocument((document) => {
      if (scope.has(document.uri.toString())) void checkOne(attest, collection, document.uri).catch(() => undefined);
    }),
    workspace.onDidDeleteFiles(({ files }) => files.forEach((uri) => forget(uri))),
    workspace.onDidRenameFiles(({ files }) => files.forEach(({ oldUri }) => forget(oldUri))),
  );

  /** A deleted or renamed file or folder: its drafts' diagnostics go. */
  function forget(uri: Uri): void {
    const gone: Uri[] = [];
    collection.forEach((file) => {
      if (file.toString() === uri.toString() || file.toString().startsWith(`${uri.toString()}/`)) gone.push(file);
    });
    for (const file of gone) {
      collection.delete(file);
      scope.delete(file.toString());
    }
  }
}

async function checkWorkspace(attest: AttestClient, collection: DiagnosticCollection, scope: Set<string>): Promise<WorkspaceCheckResult | undefined> {
  const folders = workspace.workspaceFolders ?? [];
  if (!folders.length) {
    void window.showInformationMessage('Attest: open a folder to check the drafts in it.');
    return undefined;
  }
  const result = await window.withProgress({ location: ProgressLocation.Notification, title: 'Attest: checking the workspace', cancellable: true }, async (progress, token) => {
    progress.report({ message: 'finding drafts…' });
    // The writer's sources (attest.sources) are what drafts are checked against, not drafts.
    const list = await attest.request(sourcesRequest, {});
    const sources = new Set([...list.sources, ...list.problems].flatMap((s) => (s.uri ? [s.uri] : [])));
    const inTab = new Set(window.tabGroups.all.flatMap((group) => group.tabs.flatMap((tab) => (tab.input instanceof TabInputText ? [tab.input.uri.toString()] : []))));
    const found = new Map((await findDrafts(token)).map((uri) => [uri.toString(), uri]));
    for (const document of openDrafts()) found.set(document.uri.toString(), document.uri);
    const all = [...found.values()];
    const files = all.filter((uri) => !sources.has(attest.uri(uri)));
    const totals: WorkspaceCheckResult = { files: files.length, checked: 0, open: 0, skipped: 0, sources: all.length - files.length, claims: 0, disagree: 0, problems: 0, withProblems: 0, cancelled: false };
    collection.clear();
    scope.clear();
    for (const [i, uri] of files.entries()) {
      if (token.isCancellationRequested) break;
      progress.report({ message: `${i + 1} of ${files.length}: ${workspace.asRelativePath(uri)}`, increment: 100 / files.length });
      const open = openDocument(uri);
      if (!open) scope.add(uri.toString());
      // The server has every document VS Code keeps open, in a tab or not, and publishes its diagnostics.
      const checked = open ? await checkOpen(attest, open, token) : await checkOne(attest, collection, uri, token);
      if (checked === 'source') {
        totals.files--;
        totals.sources++;
        continue;
      }
      if (!checked) {
        if (!token.isCancellationRequested) totals.skipped++;
        continue;
      }
      totals.checked++;
      if (open && inTab.has(uri.toString())) totals.open++;
      totals.claims += checked.claims;
      totals.disagree += checked.disagree;
      totals.problems += checked.problems;
      if (checked.problems) totals.withProblems++;
    }
    totals.cancelled = token.isCancellationRequested;
    return totals;
  });
  void window.showInformationMessage(workspaceSummary(result));
  return result;
}

/** Markdown files of every workspace folder, with that folder's files.exclude and search.exclude. */
async function findDrafts(token: CancellationToken): Promise<Uri[]> {
  const found = new Map<string, Uri>();
  for (const folder of workspace.workspaceFolders ?? []) {
    const exclude = excludeGlob(workspace.getConfiguration('files', folder.uri).get('exclude'), workspace.getConfiguration('search', folder.uri).get('exclude'));
    const uris = await workspace.findFiles(new RelativePattern(folder, '**/*.{md,markdown}'), exclude ?? null, undefined, token);
    for (const uri of uris) if (!isReport(uri.path)) found.set(uri.toString(), uri);
  }
  return [...found.values()].sort((a, b) => a.toString().localeCompare(b.toString()));
}

/** Open as Markdown, so the language server has it and publishes its diagnostics. */
function openDocument(uri: Uri): TextDocument | undefined {
  return workspace.textDocuments.find((d) => d.languageId === 'markdown' && d.uri.toString() === uri.toString());
}

function isOpen(uri: Uri): boolean {
  return openDocument(uri) !== undefined;
}

/** Markdown drafts VS Code has open (in an editor, or kept after one closed): untitled ones, and files in a workspace folder. */
function openDrafts(): TextDocument[] {
  return workspace.textDocuments.filter((d) => d.languageId === 'markdown' && !isReport(d.uri.path) && (d.isUntitled || (d.uri.scheme !== 'output' && workspace.getWorkspaceFolder(d.uri) !== undefined)));
}

type Checked = { claims: number; disagree: number; problems: number } | 'source' | undefined;

/** Checks an open draft's current text (saved or not) for its counts; its diagnostics stay the server's. */
async function checkOpen(attest: AttestClient, document: TextDocument, token: CancellationToken): Promise<Checked> {
  const result = await attest.request(checkFileRequest, { uri: attest.uri(document.uri), text: document.getText() }, token).catch((error: unknown) => {
    if (token.isCancellationRequested) return null;
    throw error;
  });
  if (result?.source) return 'source';
  if (!result || result.skipped || token.isCancellationRequested) return undefined;
  return { claims: result.counts.claims, disagree: result.counts.contradicted + result.counts.misquoted, problems: result.diagnostics.length };
}

/** Reads and checks one draft into the collection; undefined when it was not checked, 'source' when it is a source. */
async function checkOne(attest: AttestClient, collection: DiagnosticCollection, uri: Uri, token?: CancellationToken): Promise<Checked> {
  const maxFileSize = workspace.getConfiguration('attest', uri).get<number>('maxFileSize') ?? 2 * 1024 * 1024;
  let text: string;
  try {
    if ((await workspace.fs.stat(uri)).size > maxFileSize) return undefined;
    text = new TextDecoder('utf-8', { fatal: true }).decode(await workspace.fs.readFile(uri)).replace(/^\uFEFF/, '');
  } catch {
    // Gone since it was found, unreadable, or not UTF-8: not a draft to check.
    return undefined;
  }
  const result = await attest.request(checkFileRequest, { uri: attest.uri(uri), text }, token).catch((error: unknown) => {
    if (token?.isCancellationRequested) return null;
    throw error;
  });
  if (result?.source) return 'source';
  // The draft may have been opened meanwhile; then the server's diagnostics stand.
  if (!result || result.skipped || token?.isCancellationRequested || isOpen(uri)) return undefined;
  const diagnostics = await attest.client.protocol2CodeConverter.asDiagnostics(result.diagnostics);
  collection.set(uri, diagnostics);
  return { claims: result.counts.claims, disagree: result.counts.contradicted + result.counts.misquoted, problems: diagnostics.length };
}
