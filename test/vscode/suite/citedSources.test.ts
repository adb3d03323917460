/// <reference types="mocha" />
// A writer's library: a .bib whose entries attach a PDF and a text file,
// named by the draft's `bibliography:` front matter. Figures are checked against the cited
// entry's attachment: a squiggle, the hover with the page, key completion after "[@", and
// citation.unsupported with the fix that cites the source that states the figure.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { assertDiagnostics, closeAll, codeOf, show, waitForDiagnostics } from './lib/helpers';

const r = (line: number, from: number, to: number): vscode.Range => new vscode.Range(line, from, line, to);

suite('Attest with a .bib and its PDF', () => {
  teardown(closeAll);

  test('checks a figure against the cited PDF, shows its page, completes keys, and fixes a citation of the wrong source', async () => {
    // The library stays in its fixture folder, outside the workspace, whose drafts the other
    // suites count; the fix edits the open draft only, and closing reverts it.
    const extension = vscode.extensions.getExtension('attest.attest');
    assert.ok(extension, 'the extension under test should be installed');
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(extension.extensionUri, 'test', 'vscode', 'fixtures', 'library', 'brief.md'));
    assert.equal(document.languageId, 'markdown');
    await vscode.window.showTextDocument(document);
    // The library loads after the draft opens: both findings come once it has.
    const diagnostics = await waitForDiagnostics(
      document.uri,
      (ds) => ds.some((d) => codeOf(d) === 'figure.mismatch') && ds.some((d) => codeOf(d) === 'citation.unsupported'),
      'the findings against references.bib and its attachments',
    );
    assertDiagnostics(diagnostics, [
      {
        code: 'figure.mismatch',
        range: r(5, 48, 58),
        message: 'Draft says $3 billion; Abbasi & Korybko 2020 (p. 9, fn. 1) says $2 billion.',
        severity: vscode.DiagnosticSeverity.Warning,
      },
      {
        code: 'citation.unsupported',
        range: r(7, 16, 38),
        message: 'The cited source (Khan & Malik 2021) does not state four Mi-35 helicopters; Abbasi & Korybko 2020, p. 9 does.',
        severity: vscode.DiagnosticSeverity.Warning,
      },
    ]);

    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(5, 50));
    const text = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
    assert.ok(text.startsWith('**Attest: The source gives a different value** — Abbasi \\& Korybko 2020, p\\. 9, fn\\. 1.'), text);
    assert.ok(text.includes('**$2 billion**'), text);

    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(9, 47), '@');
    const keys = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    assert.ok(keys.includes('energy2020') && keys.includes('khan2021'), `expected both keys among ${JSON.stringify(keys)}`);

    const unsupported = diagnostics.find((d) => codeOf(d) === 'citation.unsupported')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, unsupported.range);
    const fix = actions.find((a) => a.title === 'Cite Abbasi & Korybko 2020, p. 9 instead');
    assert.ok(fix?.edit, `expected the fix citing Abbasi & Korybko 2020; got ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the fix should apply');
    assert.equal(document.lineAt(7).text, 'Russia supplied four Mi-35 helicopters to Pakistan in 2017 [@energy2020].');
    const after = await waitForDiagnostics(document.uri, (ds) => !ds.some((d) => codeOf(d) === 'citation.unsupported'), 'citation.unsupported to go once the sentence cites the right source');
    assert.deepEqual(after.map((d) => `${codeOf(d)} ${show(d.range)}`), ['figure.mismatch 5:48-5:58']);
  });
});
