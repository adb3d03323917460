// What the client answers to the server's workspace/configuration for `attest`: only the
// settings the writer made (user, workspace or folder), not VS Code's defaults, so that an
// .attestrc.json in the workspace is not overridden by a default nobody chose.
import { Uri, workspace } from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';

/** `keys`: the extension's `attest.*` settings without the prefix ("sources", "severity.figure.mismatch"). */
export function explicitSettings(keys: readonly string[], scope: Uri | undefined): Record<string, unknown> {
  const configuration = workspace.getConfiguration('attest', scope);
  const set: Record<string, unknown> = {};
  const severity: Record<string, unknown> = {};
  for (const key of keys) {
    const inspected = configuration.inspect(key);
    const value = inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
    if (value === undefined) continue;
    if (key.startsWith('severity.')) severity[key.slice('severity.'.length)] = value;
    else set[key] = value;
  }
  return Object.keys(severity).length ? { ...set, severity } : set;
}

export function configurationMiddleware(keys: readonly string[]): Middleware['workspace'] {
  return {
    configuration: async (params, token, next) => {
      const answers = await next(params, token);
      if (!Array.isArray(answers)) return answers;
      return params.items.map((item, i) => (item.section === 'attest' ? explicitSettings(keys, item.scopeUri ? Uri.parse(item.scopeUri) : undefined) : answers[i]));
    },
  };
}
