// "Attest: Fact-check report": writes <draft>.attest-report.md next to the draft, and the same
// report as a page to hand to an editor, <draft>.attest-report.html (asking before replacing
// them), and opens the Markdown. The server builds both from the draft as it is in the editor,
// saved or not; an untitled draft's report opens as an untitled document, without a page.
import { commands, env, Uri, window, workspace, type Disposable } from 'vscode';
import type { AttestClient } from '../attestClient';
import { reportFileName, reportPageName } from '../labels';
import { factCheckReportRequest } from '../../../server/src/protocol';
import { activeDraft, reportFailure } from './activeDraft';

export interface ReportOptions {
  /** true: replace an existing report without asking; false: never replace one. */
  overwrite?: boolean;
}

export function registerFactCheckReport(attest: AttestClient): Disposable {
  return commands.registerCommand('attest.factCheckReport', async (options?: ReportOptions): Promise<Uri | undefined> => {
    const editor = activeDraft('write its fact-check report');
    if (!editor) return undefined;
    try {
      const { document } = editor;
      const report = await attest.request(factCheckReportRequest, { textDocument: { uri: attest.uri(document.uri) } });
      if (!report) {
        void window.showInformationMessage('Attest has not checked this draft yet; try again in a moment.');
        return undefined;
      }
      if (document.isUntitled) {
        const untitled = await workspace.openTextDocument({ language: 'markdown', content: report.markdown });
        await window.showTextDocument(untitled, { preview: false });
        return untitled.uri;
      }
      const draftName = document.uri.path.split('/').pop() ?? 'draft.md';
      const name = reportFileName(draftName);
      const target = Uri.joinPath(document.uri, '..', name);
      const page = Uri.joinPath(document.uri, '..', reportPageName(draftName));
      const existing = [(await exists(target)) && name, (await exists(page)) && reportPageName(draftName)].filter(Boolean);
      if (existing.length) {
        const question = `${existing.join(' and ')} already ${existing.length === 1 ? 'exists' : 'exist'}. Replace ${existing.length === 1 ? 'it' : 'them'} with a new report?`;
        const replace = options?.overwrite ?? (await window.showWarningMessage(question, { modal: true }, 'Replace')) === 'Replace';
        if (!replace) return undefined;
      }
      await workspace.fs.writeFile(target, new TextEncoder().encode(report.markdown));
      await workspace.fs.writeFile(page, new TextEncoder().encode(report.html));
      await window.showTextDocument(await workspace.openTextDocument(target), { preview: false });
      void window.showInformationMessage(`Attest wrote ${name}, and ${reportPageName(draftName)} to hand to an editor.`, 'Open the page').then((choice) => {
        if (choice) void env.openExternal(page);
      });
      return target;
    } catch (error) {
      reportFailure('write the fact-check report', error);
      return undefined;
    }
  });
}

async function exists(uri: Uri): Promise<boolean> {
  return workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );
}

