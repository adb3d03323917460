// The VS Code side of Attest: starts the language server over IPC for Markdown documents.
import * as path from 'node:path';
import { commands, window, workspace, type ExtensionContext } from 'vscode';
import { ExecuteCommandRequest, LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    synchronize: {
      configurationSection: 'attest',
      // Source files and .attestrc.json: edits to them re-check open drafts without a restart.
      fileEvents: [workspace.createFileSystemWatcher('**/*.{md,markdown,txt}'), workspace.createFileSystemWatcher('**/.attestrc.json')],
    },
    initializationOptions: { trusted: workspace.isTrusted },
  };
  client = new LanguageClient('attest', 'Attest', serverOptions, clientOptions);
  context.subscriptions.push(client);
  context.subscriptions.push(
    commands.registerCommand('attest.checkDocument', async () => {
      const document = window.activeTextEditor?.document;
      if (!document || document.languageId !== 'markdown') {
        void window.showInformationMessage('Attest: open a Markdown draft to check it.');
        return;
      }
      await client?.sendRequest(ExecuteCommandRequest.type, { command: 'attest.server.checkDocument', arguments: [document.uri.toString()] });
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
