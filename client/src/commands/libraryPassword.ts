// "Attest: Set team library password": keeps the password of the writer's login to the team
// library (attest.library) in VS Code's secret storage, which the OS keychain backs, never in
// settings. The language server gets it in its environment (ATTEST_LIBRARY_PASSWORD, as the
// CLI does), where no log or trace of the protocol shows it; setting it restarts the server.
import { commands, window, type Disposable, type SecretStorage } from 'vscode';

const secretKey = 'attest.libraryPassword';

/** The language server's environment: the editor's, with the stored password when there is one. */
export async function serverEnvironment(secrets: SecretStorage): Promise<NodeJS.ProcessEnv> {
  const password = await secrets.get(secretKey);
  return password ? { ...process.env, ATTEST_LIBRARY_PASSWORD: password } : { ...process.env };
}

/**
 * `restart` starts the server again with `serverEnvironment`. The command takes the password
 * as an argument too (for tests and keybindings); an empty one forgets it. Resolves with the
 * message shown, undefined when the writer cancelled.
 */
export function registerSetLibraryPassword(secrets: SecretStorage, restart: () => Promise<void>): Disposable {
  return commands.registerCommand('attest.setLibraryPassword', async (given?: string): Promise<string | undefined> => {
    const password =
      typeof given === 'string'
        ? given
        : await window.showInputBox({
            title: 'Attest: team library password',
            prompt: 'The password of your login to the team library (attest.library). It is kept in the OS keychain, not in settings. Leave it empty to forget it.',
            password: true,
            ignoreFocusOut: true,
          });
    if (password === undefined) return undefined;
    if (password) await secrets.store(secretKey, password);
    else await secrets.delete(secretKey);
    await restart();
    const message = password ? 'Attest keeps the team library password in the OS keychain and checks against the library with it.' : 'Attest forgot the team library password.';
    void window.showInformationMessage(message);
    return message;
  });
}
