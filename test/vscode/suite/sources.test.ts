/// <reference types="mocha" />
// Checking a draft against the bundled corpus: a wrong figure, its quick fix, the hover
// that shows the evidence, and footnote completion after "[^".
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { assertDiagnostics, closeAll, codeOf, openDraft, show, waitForCode, waitForDiagnostics } from './lib/helpers';

const r = (line: number, from: number, to: number): vscode.Range => new vscode.Range(line, from, line, to);

function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

suite('Attest against the bundled corpus', () => {
  teardown(closeAll);

  test('a figure that disagrees with the source is flagged, and its quick fix corrects it', async () => {
    const { document } = await openDraft('figures.md');
    const diagnostics = await waitForCode(document.uri, 'figure.mismatch');
    assertDiagnostics(diagnostics, [
      {
        code: 'figure.mismatch',
        range: r(2, 54, 65),
        message: 'Draft says $80 billion; Korybko & Morozov 2020 (pp. 9–10, fn. 4) says $60 billion.',
        severity: vscode.DiagnosticSeverity.Warning,
      },
    ]);
    const mismatch = diagnostics[0]!;

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, mismatch.range);
    const titles = actions.map((a) => a.title);
    const fix = actions.find((a) => a.title === 'Change to $60 billion (Korybko & Morozov 2020)');
    assert.ok(fix, `expected a "Change to $60 billion" quick fix; got: ${JSON.stringify(titles)}`);
    assert.ok(fix.edit, 'the quick fix should carry a workspace edit');
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the quick fix edit should apply');
    assert.equal(document.lineAt(2).text, "CPEC's eventual total investment is expected to reach $60 billion.");

    await waitForDiagnostics(document.uri, (ds) => !ds.some((d) => codeOf(d) === 'figure.mismatch'), 'the figure.mismatch diagnostic to go away after the fix');
  });

  test('hovering a sourced figure shows the evidence and the reference', async () => {
    const { document } = await openDraft('hover.md');
    const at = new vscode.Position(2, 58); // inside "$60 billion"
    // The uncited claim's diagnostic shows the server has checked this version of the draft.
    await waitForCode(document.uri, 'claim.uncited');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at);
    const attestHover = hovers.find((h) => hoverText([h]).includes('Korybko'))!;
    const text = hoverText([attestHover]);
    assert.match(text, /^\*\*Attest: Supported by Korybko \\& Morozov 2020, pp\\. 9–10, fn\\. 4, but the sentence cites no source: add a footnote\.\*\*/);
    assert.ok(text.includes('**$60 billion**'), `the hover should quote the source with its figure in bold:\n${text}`);
    assert.ok(attestHover.range, 'the hover should cover the claim');
    assert.equal(show(attestHover.range), '2:54-2:65');
  });

  test('typing "[^" offers a new footnote citing the source, and accepting it cites the claim', async () => {
    const { document, editor } = await openDraft('completion.md');
    // Supported by the corpus but cited nowhere: a hint says so.
    await waitForCode(document.uri, 'claim.uncited');
    const end = document.lineAt(2).range.end;
    assert.equal(end.character, 66);
    assert.ok(await editor.edit((edit) => edit.insert(end, '[^')), 'typing "[^" should apply');
    const position = new vscode.Position(2, 68);
    // Requests reach the server after the edit that typed "[^", so one request sees it.
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position, '^');
    const items = [...list.items].sort((a, b) => (a.sortText ?? labelOf(a)).localeCompare(b.sortText ?? labelOf(b)));
    const item = items[0]!;
    assert.equal(labelOf(item), 'New footnote citing Korybko & Morozov 2020, pp. 9–10');
    assert.equal(item.insertText, '1]');
    const range = item.range instanceof vscode.Range ? item.range : item.range?.replacing;
    assert.ok(range, 'the completion should say what it replaces');
    assert.equal(show(range), '2:68-2:68');
    const definition = item.additionalTextEdits?.[0];
    assert.ok(definition, 'the completion should also add the footnote definition');
    assert.equal(show(definition.range), '3:0-3:0');
    assert.ok(definition.newText.startsWith('\n[^1]: Korybko, Andrew, and Vladimir M. Morozov. 2020. “Pakistan’s Role in Russia’s Greater Eurasian Partnership.”'), definition.newText);

    // Accept it as the editor would: the item's text plus its additional edits.
    assert.ok(
      await editor.edit((edit) => {
        edit.replace(range, String(item.insertText));
        for (const more of item.additionalTextEdits ?? []) edit.replace(more.range, more.newText);
      }),
      'accepting the completion should apply',
    );
    assert.equal(document.lineAt(2).text, "CPEC's eventual total investment is expected to reach $60 billion.[^1]");
    assert.match(document.getText(), /\n\[\^1\]: Korybko, Andrew/);
    const after = await waitForDiagnostics(document.uri, (ds) => !ds.some((d) => codeOf(d) === 'claim.uncited'), 'the claim.uncited hint to go once the footnote cites the source');
    assert.deepEqual(after.filter((d) => String(codeOf(d)).startsWith('footnote.')).map((d) => d.message), [], 'the new footnote should be referenced and defined');
  });
});

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}
