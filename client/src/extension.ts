// The VS Code side of Attest: starts the language server over IPC for Markdown drafts and
// registers the commands, the status bar item and the Sources view, which talk to the
// server through the requests in server/src/protocol.ts.
import * as path from 'node:path';
import { workspace, type ExtensionContext, type TextDocument, type Uri } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type Middleware, type ServerOptions } from 'vscode-languageclient/node';
import { AttestClient } from './attestClient';
import { registerCheckDocument } from './commands/checkDocument';
import { registerCheckWorkspace } from './commands/checkWorkspace';
import { registerFactCheckReport } from './commands/factCheckReport';
import { registerInsertCitation } from './commands/insertCitation';
import { registerSetLibraryPassword, serverEnvironment } from './commands/libraryPassword';
import { registerRestyleNotes } from './commands/restyleNotes';
import { registerShowSource } from './commands/showSource';
import { registerAcceptedView } from './acceptedView';
import { registerSourcesView } from './sourcesView';
import { registerStatusBar, type StatusBarState } from './statusBar';
import { configurationMiddleware } from './configuration';
import { registerSourcesOffer } from './sourcesOffer';
import { sourceFilePattern } from './sourceFiles';

let client: LanguageClient | undefined;

/** What the extension gives other extensions (and its tests): what the status bar shows. */
export interface AttestApi {
  statusBar: StatusBarState;
}

export async function activate(context: ExtensionContext): Promise<AttestApi> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  // The team library's password goes to the server in its environment: read at each start.
  const runOptions = { env: await serverEnvironment(context.secrets) };
  const debugOptions = { env: runOptions.env, execArgv: ['--nolazy', '--inspect=6019'] };
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: runOptions },
    debug: { module, transport: TransportKind.ipc, options: debugOptions },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
      // Remote Repositories (GitHub, Azure Repos): drafts in a virtual workspace.
      { scheme: 'vscode-vfs', language: 'markdown' },
    ],
    synchronize: {
      configurationSection: 'attest',
      // Source files: edits to them re-check open drafts without a restart (the server watches .attestrc.json itself).
      fileEvents: [workspace.createFileSystemWatcher(sourceFilePattern)],
    },
    initializationOptions: { trusted: workspace.isTrusted },
    middleware: { ...skipBundledSources(context.extensionUri), workspace: configurationMiddleware(settingKeys(context)) },
  };
  client = new LanguageClient('attest', 'Attest', serverOptions, clientOptions);
  const started = client.start();
  const attest = new AttestClient(client, started);
  const statusBar = registerStatusBar(attest);
  context.subscriptions.push(
    client,
    registerCheckDocument(attest),
    registerCheckWorkspace(attest),
    registerInsertCitation(attest),
    registerRestyleNotes(attest),
    registerShowSource(attest),
    registerFactCheckReport(attest),
    statusBar.disposable,
    registerSourcesView(attest, context.extensionUri),
    registerSourcesOffer(attest, context.workspaceState),
    registerAcceptedView(attest),
    registerSetLibraryPassword(context.secrets, async () => {
      runOptions.env = debugOptions.env = await serverEnvironment(context.secrets);
      await client?.restart();
    }),
  );
  await started;
  return { statusBar: statusBar.state };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

/** The extension's settings, without the "attest." prefix. */
function settingKeys(context: ExtensionContext): string[] {
  const properties = (context.extension.packageJSON as { contributes?: { configuration?: { properties?: Record<string, unknown> } } }).contributes?.configuration?.properties ?? {};
  return Object.keys(properties).map((key) => key.replace(/^attest\./, ''));
}

/**
 * The bundled papers (corpus/*.md in the extension, opened by "Show source") are sources,
 * not drafts: the server is not told about them, so they are not checked against themselves.
 */
function skipBundledSources(extensionUri: Uri): Middleware {
  const corpus = `${extensionUri.toString()}/corpus/`;
  const isBundled = (document: TextDocument): boolean => document.uri.toString().startsWith(corpus);
  return {
    didOpen: (document, next) => (isBundled(document) ? Promise.resolve() : next(document)),
    didChange: (event, next) => (isBundled(event.document) ? Promise.resolve() : next(event)),
    didSave: (document, next) => (isBundled(document) ? Promise.resolve() : next(document)),
    didClose: (document, next) => (isBundled(document) ? Promise.resolve() : next(document)),
    willSave: (event, next) => (isBundled(event.document) ? Promise.resolve() : next(event)),
    willSaveWaitUntil: (event, next) => (isBundled(event.document) ? Promise.resolve([]) : next(event)),
  };
}

