/// <reference types="mocha" />
// Diagnostics the language server publishes for a draft opened in VS Code.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { attestDiagnostics, closeAll, codeOf, openDraft, waitForCode, waitForDiagnostics, assertDiagnostics } from './lib/helpers';

const r = (line: number, from: number, to: number): vscode.Range => new vscode.Range(line, from, line, to);

suite('Attest diagnostics', () => {
  teardown(closeAll);

  test('the extension activates for Markdown', async () => {
    await openDraft('links.md');
    const extension = vscode.extensions.getExtension('attest.attest');
    assert.ok(extension, 'the extension under development should be loaded as attest.attest');
    // Diagnostics from the server prove the extension activated on its own when the draft opened.
    const { document } = await openDraft('links.md');
    await waitForCode(document.uri, 'link.placeholder');
    assert.ok(extension.isActive, 'opening a Markdown draft should activate Attest');
  });

  test('placeholder links and an undefined footnote are reported with exact ranges and messages', async () => {
    const { document } = await openDraft('links.md');
    const diagnostics = await waitForDiagnostics(
      document.uri,
      (ds) => ds.some((d) => codeOf(d) === 'link.placeholder') && ds.some((d) => codeOf(d) === 'footnote.undefined'),
      'link.placeholder and footnote.undefined diagnostics',
    );
    assertDiagnostics(diagnostics, [
      { code: 'link.placeholder', range: r(2, 29, 53), message: `Link "the planning report" has no target: replace "#" with the source's URL or DOI.`, severity: vscode.DiagnosticSeverity.Warning },
      { code: 'link.placeholder', range: r(2, 61, 74), message: `Link "the annex" has no target: add the source's URL or DOI.`, severity: vscode.DiagnosticSeverity.Warning },
      { code: 'footnote.undefined', range: r(4, 54, 58), message: 'Footnote [^9] is referenced here but never defined.', severity: vscode.DiagnosticSeverity.Error },
    ]);
  });

  test('fixing a placeholder link in the editor clears its diagnostic', async () => {
    const { document, editor } = await openDraft('links.md');
    await waitForCode(document.uri, 'link.placeholder');
    const ok = await editor.edit((edit) => edit.replace(r(2, 51, 52), 'https://example.org/report'));
    assert.ok(ok, 'the edit should apply');
    const diagnostics = await waitForDiagnostics(
      document.uri,
      (ds) => ds.filter((d) => codeOf(d) === 'link.placeholder').length === 1,
      'one link.placeholder diagnostic after the edit',
    );
    assertDiagnostics(diagnostics, [
      { code: 'link.placeholder', range: r(2, 86, 99), message: `Link "the annex" has no target: add the source's URL or DOI.` },
      { code: 'footnote.undefined', range: r(4, 54, 58), message: 'Footnote [^9] is referenced here but never defined.' },
    ]);
    assert.equal(attestDiagnostics(document.uri).length, 2);
  });
});
