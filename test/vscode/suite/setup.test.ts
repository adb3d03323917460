/// <reference types="mocha" />
// Set-up without the manual: a sources/ folder beside the drafts is offered for use, and
// answering "Use" writes the setting and loads the sources; the status bar's icon and counts
// follow the draft's state, a source says it is one, and Check document and Check workspace
// say what they found.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, fixtureUri, openDraft, statusBarShows, waitForCode, waitForDiagnostics } from './lib/helpers';

const gwadar = ['---', 'id: gwadar-port-2021', 'title: Gwadar Port Annual Report', 'authors: [{ family: Baloch, given: Sana }]', 'year: 2022', '---', '', 'The Gwadar port handled 1.2 million tonnes of cargo in 2021.', ''].join('\n');

suite('Attest set-up and status', () => {
  teardown(closeAll);

  test('the status bar warns of a draft that disagrees with a source, and Check document reports the counts', async () => {
    const { document } = await openDraft('figures.md');
    await waitForCode(document.uri, 'figure.mismatch');
    await statusBarShows('$(warning) Attest: 1 claim, 1 disagree');
    const message = await vscode.commands.executeCommand<string>('attest.checkDocument');
    assert.equal(message, 'Checked figures.md: 1 disagree, 0 supported, 0 without a source.');
  });

  test('Check workspace includes the open draft, from its unsaved text', async () => {
    const uri = fixtureUri('unsaved.md');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode("# Unsaved\n\nCPEC's eventual total investment is expected to reach $80 billion.\n"));
    try {
      const { document, editor } = await openDraft('unsaved.md');
      await waitForCode(document.uri, 'figure.mismatch');
      assert.ok(await editor.edit((edit) => edit.replace(document.lineAt(2).range, "CPEC's eventual total investment is expected to reach $60 billion.")));
      assert.ok(document.isDirty);
      const result = await vscode.commands.executeCommand<{ files: number; checked: number; open: number; disagree: number }>('attest.checkWorkspace');
      // cite, completion, figures, hover, links, drafts/closed and unsaved: figures.md and
      // closed.md say $80 billion on disk; unsaved.md no longer does in its editor.
      assert.deepEqual(result && { files: result.files, checked: result.checked, open: result.open, disagree: result.disagree }, { files: 7, checked: 7, open: 1, disagree: 2 });
    } finally {
      await closeAll();
      await vscode.workspace.fs.delete(uri);
    }
  });

  test('a sources/ folder is offered; "Use" writes the setting and the drafts are checked against it', async () => {
    const sources = fixtureUri('sources');
    const source = vscode.Uri.joinPath(sources, 'gwadar.md');
    const draft = fixtureUri('gwadar-brief.md');
    await vscode.workspace.fs.writeFile(source, new TextEncoder().encode(gwadar));
    await vscode.workspace.fs.writeFile(draft, new TextEncoder().encode('# Brief\n\nThe Gwadar port handled 1.2 million tonnes of cargo in 2021.\n'));
    const attest = vscode.workspace.getConfiguration('attest');
    try {
      const written = await vscode.commands.executeCommand<string[]>('attest.useWorkspaceSources', 'Use');
      assert.deepEqual(written, ['sources']);
      assert.deepEqual(vscode.workspace.getConfiguration('attest').inspect('sources')?.workspaceValue, ['sources']);

      const { document } = await openDraft('gwadar-brief.md');
      const diagnostics = await waitForDiagnostics(document.uri, (ds) => ds.some((d) => d.message.startsWith('Baloch 2022 supports 1.2 million tonnes')), 'the draft to be checked against sources/gwadar.md');
      assert.equal(diagnostics.length, 1);

      // Once used, the offer is not made again.
      assert.equal(await vscode.commands.executeCommand('attest.useWorkspaceSources', 'Use'), undefined);

      // The source, opened, is a source: no claim diagnostics, and the status bar says so.
      const opened = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(source));
      await statusBarShows('$(book) Attest: Source: Gwadar Port Annual Report (1 passage)');
      assert.deepEqual(vscode.languages.getDiagnostics(opened.document.uri).filter((d) => d.source === 'attest'), []);
    } finally {
      await attest.update('sources', undefined, vscode.ConfigurationTarget.Workspace);
      await closeAll();
      await vscode.workspace.fs.delete(sources, { recursive: true });
      await vscode.workspace.fs.delete(draft);
    }
  });
});
