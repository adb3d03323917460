// Attest's requests (server/src/protocol.ts), typed, over the language client; they wait
// until the server has started.
import type { CancellationToken, Disposable, Uri } from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import type { AttestRequests } from '../../server/src/protocol';

export class AttestClient {
  private readonly listeners = new Map<string, Set<() => void>>();

  constructor(
    readonly client: LanguageClient,
    private readonly started: Promise<void>,
  ) {}

  async request<M extends keyof AttestRequests>(method: M, params: AttestRequests[M]['params'], token?: CancellationToken): Promise<AttestRequests[M]['result']> {
    await this.started;
    return token ? this.client.sendRequest<AttestRequests[M]['result']>(method, params, token) : this.client.sendRequest<AttestRequests[M]['result']>(method, params);
  }

  /** Runs one of the server's own commands (workspace/executeCommand). */
  async execute(command: string, ...args: unknown[]): Promise<unknown> {
    await this.started;
    return this.client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });
  }

  /** Several listeners may follow one notification (the client keeps one handler per method). */
  onNotification(method: string, listener: () => void): Disposable {
    let listeners = this.listeners.get(method);
    if (!listeners) {
      const set = new Set<() => void>();
      this.listeners.set(method, set);
      this.client.onNotification(method, () => set.forEach((l) => l()));
      listeners = set;
    }
    listeners.add(listener);
    return { dispose: () => void listeners.delete(listener) };
  }

  /** A document URI as the server knows it. */
  uri(uri: Uri): string {
    return this.client.code2ProtocolConverter.asUri(uri);
  }
}
