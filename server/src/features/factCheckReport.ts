// attest/factCheckReport: the fact-check report of an open draft, as Markdown and as a
// self-contained HTML page to hand to an editor.
import type { Connection } from 'vscode-languageserver';
import { URI, Utils } from 'vscode-uri';
import type { Analyses } from '../analyses';
import { factCheckReportRequest, type FactCheckReportParams, type FactCheckReportResult } from '../protocol';
import { factCheckMarkdown } from '../reportMarkdown';
import { factCheckHtml } from '../reportHtml';
import { countVerdicts, factCheck } from '../reportModel';
import { requireParams } from '../params';

export function registerFactCheckReport(connection: Connection, analyses: Analyses): void {
  connection.onRequest(factCheckReportRequest, async (params: FactCheckReportParams, token): Promise<FactCheckReportResult> => {
    requireParams(factCheckReportRequest, params, { textDocument: true });
    const { textDocument } = params;
    const result = await analyses.get(textDocument.uri);
    if (!result || token.isCancellationRequested) return null;
    const { document, analysis, checker, settings, skipped } = result;
    const report = factCheck(Utils.basename(URI.parse(textDocument.uri)), document.getText(), analysis, checker.corpus, settings, skipped);
    return { markdown: factCheckMarkdown(report), html: factCheckHtml(report), counts: countVerdicts(analysis.verdicts), ...(skipped ? { skipped } : {}) };
  });
}
