/// <reference types="mocha" />
// The writer's commands in VS Code: each one run once, with its effect on files, editors and diagnostics asserted.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, codeOf, fixtureUri, openDraft, statusBarShows, waitForCode } from './lib/helpers';

suite('Attest commands', () => {
  teardown(closeAll);

  test('Check workspace reports drafts that are not open, without doubling open ones', async () => {
    await openDraft('figures.md');
    await waitForCode(fixtureUri('figures.md'), 'figure.mismatch');
    const result = await vscode.commands.executeCommand<{ files: number; checked: number; disagree: number }>('attest.checkWorkspace');
    assert.ok(result);
    const closed = fixtureUri('drafts/closed.md');
    const ds = vscode.languages.getDiagnostics(closed);
    assert.ok(ds.some((d) => codeOf(d) === 'figure.mismatch' && d.source === 'attest'));
    // The open draft is not reported twice.
    const open = vscode.languages.getDiagnostics(fixtureUri('figures.md')).filter((d) => codeOf(d) === 'figure.mismatch');
    assert.equal(open.length, 1);
    // Once opened, the draft has the server's diagnostics only.
    await openDraft('drafts/closed.md');
    await waitForCode(closed, 'figure.mismatch');
    const after = vscode.languages.getDiagnostics(closed).filter((d) => codeOf(d) === 'figure.mismatch');
    assert.equal(after.length, 1);
  });

  test('Insert citation adds a numbered footnote citing the chosen source', async () => {
    const { document, editor } = await openDraft('cite.md');
    await waitForCode(document.uri, 'claim.uncited');
    editor.selection = new vscode.Selection(2, 66, 2, 66);
    const label = await vscode.commands.executeCommand<string>('attest.insertCitation', 'korybko-morozov-2020');
    assert.equal(label, '1');
    assert.equal(document.lineAt(2).text, "CPEC's eventual total investment is expected to reach $60 billion.[^1]");
    assert.match(document.getText(), /\n\[\^1\]: Korybko, Andrew, and Vladimir M\. Morozov\. 2020\./);
    assert.deepEqual([editor.selection.active.line, editor.selection.active.character], [2, 70]);
  });

  test('Insert citation warns when the chosen source gives another figure, and cites only when told to cite anyway', async () => {
    const { document, editor } = await openDraft('cite.md');
    await waitForCode(document.uri, 'claim.uncited');
    const sentence = "Pakistan's trade with Tajikistan is $52 million a year.";
    assert.ok(await editor.edit((edit) => edit.replace(document.lineAt(2).range, sentence)));
    editor.selection = new vscode.Selection(2, sentence.length, 2, sentence.length);
    const before = document.getText();
    assert.equal(await vscode.commands.executeCommand('attest.insertCitation', 'korybko-morozov-2020', { ifDisagrees: 'cancel' }), undefined);
    assert.equal(document.getText(), before);
    assert.equal(await vscode.commands.executeCommand('attest.insertCitation', 'korybko-morozov-2020', { ifDisagrees: 'cite' }), '1');
    assert.equal(document.lineAt(2).text, `${sentence}[^1]`);
  });

  test('Show source opens the passage with the figure selected', async () => {
    const { document, editor } = await openDraft('figures.md');
    await waitForCode(document.uri, 'figure.mismatch');
    editor.selection = new vscode.Selection(2, 58, 2, 58);
    const location = await vscode.commands.executeCommand<{ uri: string }>('attest.showSource');
    assert.ok(location);
    const active = vscode.window.activeTextEditor!;
    assert.ok(active.document.uri.path.endsWith('/corpus/korybko-morozov-2020.md'));
    assert.equal(active.document.getText(active.selection), '$60 billion');
    // The bundled paper is not checked as a draft: once a draft opened after it has its
    // diagnostics, the paper still has none.
    const later = await openDraft('links.md');
    await waitForCode(later.document.uri, 'link.placeholder');
    assert.deepEqual(vscode.languages.getDiagnostics(active.document.uri).filter((d) => d.source === 'attest'), []);
  });

  test('a footnote in the Sources view opens at its marker', async () => {
    const location = await vscode.commands.executeCommand<{ uri: string }>('attest.openSourceLocation', { sourceId: 'korybko-morozov-2020', footnote: '4' });
    assert.ok(location);
    const active = vscode.window.activeTextEditor!;
    assert.equal(active.document.getText(active.selection), '[^4]');
  });

  test('Fact-check report writes and opens the report, with an HTML page beside it, and the report is not checked', async () => {
    const { document } = await openDraft('figures.md');
    await waitForCode(document.uri, 'figure.mismatch');
    const uri = await vscode.commands.executeCommand<vscode.Uri>('attest.factCheckReport', { overwrite: true });
    assert.ok(uri);
    assert.ok(uri.path.endsWith('/figures.attest-report.md'));
    const active = vscode.window.activeTextEditor!;
    assert.equal(active.document.uri.toString(), uri.toString());
    assert.match(active.document.getText(), /^<!-- attest-report -->\n<!-- attest-disable -->\n\n# Fact-check report: figures\.md\n/);
    assert.match(active.document.getText(), /\| 1 \| 0 \| 1 \| 0 \| 0 \| 0 \| 0 \|/);
    assert.match(active.document.getText(), /\n## Problems \(1\)\n\n### 1\. “\$80 billion” \(line 3\): Contradicted\n/);
    const page = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(uri, '..', 'figures.attest-report.html')));
    assert.match(page, /^<!doctype html>\n<!-- attest-report -->\n/);
    assert.match(page, /<dt>Source says<\/dt><dd>\$60 billion<\/dd>/);
    // The status bar does not count the report's figures as the draft's claims.
    await statusBarShows('$(circle-slash) Attest: not checked');
    // Asked not to replace the existing report, it writes nothing.
    await vscode.window.showTextDocument(document);
    const again = await vscode.commands.executeCommand<vscode.Uri | undefined>('attest.factCheckReport', { overwrite: false });
    assert.equal(again, undefined);
  });

  test('the commands and the Sources view are contributed', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const c of ['attest.checkWorkspace', 'attest.insertCitation', 'attest.showSource', 'attest.factCheckReport', 'attest.refreshSources', 'attest.openSourceLocation']) assert.ok(all.includes(c), c);
    await vscode.commands.executeCommand('attestSources.focus');
  });
});
