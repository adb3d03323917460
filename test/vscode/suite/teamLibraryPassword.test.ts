/// <reference types="mocha" />
// "Attest: Set team library password": the password goes to the OS keychain and the language
// server is started again with it; an empty one forgets it. Drafts are checked as before
// after each restart.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, openDraft, waitForCode } from './lib/helpers';

suite('Team library password', () => {
  teardown(closeAll);

  test('Set team library password keeps it and restarts the server, and an empty one forgets it', async () => {
    const kept = await vscode.commands.executeCommand<string>('attest.setLibraryPassword', 'not-a-real-password');
    assert.equal(kept, 'Attest keeps the team library password in the OS keychain and checks against the library with it.');
    const { document } = await openDraft('figures.md');
    await waitForCode(document.uri, 'figure.mismatch');
    await closeAll();
    const forgotten = await vscode.commands.executeCommand<string>('attest.setLibraryPassword', '');
    assert.equal(forgotten, 'Attest forgot the team library password.');
    const again = await openDraft('figures.md');
    await waitForCode(again.document.uri, 'figure.mismatch');
  });
});
