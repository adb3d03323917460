// Drives the real language server in tests: in-process over a stream pair, or as a child
// process over stdio. Waits on notifications, never on timers.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { createConnection } from 'vscode-languageserver/node';
import type { InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver';
import { startServer, type ServerOptions } from '../../server/src/server';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const distDir = path.join(repoRoot, 'dist');

export interface TestClient {
  connection: MessageConnection;
  initializeResult: InitializeResult;
  /** Resolves with the next diagnostics published for `uri` (and `version`, when given; `null` waits for an unversioned publication, as when a draft closes). */
  diagnostics(uri: string, version?: number | null): Promise<PublishDiagnosticsParams>;
  open(uri: string, text: string, version?: number): Promise<PublishDiagnosticsParams>;
  change(uri: string, version: number, text: string): Promise<PublishDiagnosticsParams>;
  close(): Promise<void>;
  /** Every $/progress value the server sent, in order. */
  progress: { kind: string; title?: string; message?: string; percentage?: number }[];
}

interface Waiter {
  uri: string;
  version?: number | null;
  resolve(params: PublishDiagnosticsParams): void;
}

/**
 * How the test client presents itself: `configuration: false` is a client without
 * workspace/configuration (Neovim 0.7); `pull` adds pull diagnostics (textDocument/diagnostic),
 * as VS Code has them.
 */
export interface ClientOptions {
  configuration?: boolean;
  initializationOptions?: unknown;
  pull?: boolean;
}

async function connect(connection: MessageConnection, rootUri: string | null, settings: Record<string, unknown>, onClose: () => void, client: ClientOptions = {}): Promise<TestClient> {
  const pull = client.pull ?? false;
  const waiters: Waiter[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    for (let i = waiters.length - 1; i >= 0; i--) {
      const w = waiters[i]!;
      if (w.uri === params.uri && (w.version === undefined || w.version === (params.version ?? null))) {
        waiters.splice(i, 1);
        w.resolve(params);
      }
    }
  });
  connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map(() => settings));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/diagnostic/refresh', () => null);
  const progress: TestClient['progress'] = [];
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onNotification('$/progress', (params: { value: TestClient['progress'][number] }) => progress.push(params.value));
  connection.onNotification('window/showMessage', () => undefined);
  connection.onNotification('window/logMessage', () => undefined);
  connection.listen();
  const initializeResult = (await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: rootUri ? [{ uri: rootUri, name: 'workspace' }] : null,
    capabilities: {
      workspace: { configuration: client.configuration ?? true, didChangeConfiguration: { dynamicRegistration: client.configuration ?? true }, ...(pull ? { diagnostics: { refreshSupport: true } } : {}) },
      textDocument: { publishDiagnostics: { versionSupport: true, relatedInformation: true }, ...(pull ? { diagnostic: { dynamicRegistration: false } } : {}) },
      window: { workDoneProgress: true },
    },
    ...(client.initializationOptions !== undefined ? { initializationOptions: client.initializationOptions } : {}),
  })) as InitializeResult;
  await connection.sendNotification('initialized', {});
  const diagnostics = (uri: string, version?: number | null): Promise<PublishDiagnosticsParams> => new Promise((resolve) => waiters.push({ uri, version, resolve }));
  return {
    connection,
    initializeResult,
    progress,
    diagnostics,
    open: async (uri, text, version = 1) => {
      const next = diagnostics(uri, version);
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
      return next;
    },
    change: async (uri, version, text) => {
      const next = diagnostics(uri, version);
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
      return next;
    },
    close: async () => {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      connection.dispose();
      onClose();
    },
  };
}

/** The server in this process, over a pair of in-memory streams. */
export async function startInProcess(options: { rootUri?: string; settings?: Record<string, unknown>; server?: ServerOptions; client?: ClientOptions } = {}): Promise<TestClient> {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const serverConnection = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  startServer(serverConnection, { distDir, debounceMs: 0, ...options.server });
  serverConnection.listen();
  const client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  return connect(client, options.rootUri ?? null, options.settings ?? {}, () => serverConnection.dispose(), options.client);
}

/** The bundled server as other editors start it: `node dist/server.js --stdio`. */
export async function startStdio(options: { rootUri?: string; settings?: Record<string, unknown>; env?: NodeJS.ProcessEnv; client?: ClientOptions } = {}): Promise<TestClient & { process: ChildProcess }> {
  const child = spawn(process.execPath, [path.join(distDir, 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, ...options.env } });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const client = await connect(connection, options.rootUri ?? null, options.settings ?? {}, () => undefined, options.client);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    ...client,
    process: child,
    close: async () => {
      await client.close();
      await exited;
    },
  };
}
