// "Attest: Fact-check report": writes <draft>.attest-report.md next to the draft (asking
// before replacing one) and opens it. The server builds the Markdown from the draft as it is
// in the editor, saved or not; an untitled draft's report opens as an untitled document.
import { commands, Uri, window, workspace, type Disposable } from 'vscode';
import type { AttestClient } from '../attestClient';
import { reportFileName } from '../labels';
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
      const name = reportFileName(document.uri.path.split('/').pop() ?? 'draft.md');
      const target = Uri.joinPath(document.uri, '..', name);
      if (await exists(target)) {
        const replace = options?.overwrite ?? (await window.showWarningMessage(`${name} already exists. Replace it with a new report?`, { modal: true }, 'Replace')) === 'Replace';
        if (!replace) return undefined;
      }
      await workspace.fs.writeFile(target, new TextEncoder().encode(report.markdown));
      await window.showTextDocument(await workspace.openTextDocument(target), { preview: false });
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

