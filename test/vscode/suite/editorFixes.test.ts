/// <reference types="mocha" />
// What the writer does in the editor after a quick fix or while typing: "Mark as checked" and
// its undo, and the fn snippet numbered after the draft's footnotes.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, codeOf, openDraft, waitForCode, waitForDiagnostics } from './lib/helpers';

suite('Attest editor fixes', () => {
  teardown(closeAll);

  test('"Mark as checked" quiets the claim, and Undo from the Accepted view has it checked again', async () => {
    const { document } = await openDraft('figures.md');
    const [mismatch] = (await waitForCode(document.uri, 'figure.mismatch')).filter((d) => codeOf(d) === 'figure.mismatch');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, mismatch!.range);
    const accept = actions.find((a) => a.title.startsWith('Mark as checked'));
    assert.ok(accept?.command, `expected "Mark as checked"; got ${JSON.stringify(actions.map((a) => a.title))}`);
    await vscode.commands.executeCommand(accept.command.command, ...(accept.command.arguments ?? []));
    await waitForDiagnostics(document.uri, (ds) => !ds.some((d) => codeOf(d) === 'figure.mismatch'), 'the figure.mismatch to go once marked as checked');
    await vscode.commands.executeCommand('attestAccepted.focus');
    const fingerprint = String(accept.command.arguments![1]);
    const undone = await vscode.commands.executeCommand<{ undone: boolean }>('attest.undoAccept', { fingerprint });
    assert.deepEqual(undone, { undone: true });
    await waitForCode(document.uri, 'figure.mismatch');
  });

  test('the fn snippet takes the next free footnote number', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'Trade stood at $700 million.[^1] It grew.[^2]\n\nfn\n\n[^1]: RT.\n[^2]: Dawn.\n' });
    await vscode.window.showTextDocument(document);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(2, 2));
    const fn = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'fn' && i.kind === vscode.CompletionItemKind.Snippet && i.detail?.startsWith('Footnote'));
    assert.ok(fn, `expected the fn snippet; got ${JSON.stringify(list.items.map((i) => i.label))}`);
    assert.equal(fn.detail, 'Footnote [^3] with its definition');
    const text = fn.insertText instanceof vscode.SnippetString ? fn.insertText.value : String(fn.insertText);
    assert.equal(text, '[^${1:3}]\n\n[^${1:3}]: ${2:Author}, "${3:Title}," ${4:Outlet}, ${5:date}. ${6:URL}$0');
  });
});
