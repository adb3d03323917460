// attest/checkFile: checks a draft that is not open, from the text the client read, for
// "Attest: Check workspace". Same checker, settings and diagnostics as an open draft; one of
// the writer's sources is not checked, and said to be a source.
import type { Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentAnalysis } from '../analyses';
import { parseDraft } from '../core/draft/draft';
import type { SourceLibrary } from '../library';
import { checkFileRequest, type CheckFileParams, type CheckFileResult } from '../protocol';
import { countVerdicts } from '../reportModel';
import type { ServerSettings } from '../serverSettings';
import { toDiagnostics, type DiagnosticsOptions } from './diagnostics';
import { requireParams } from '../params';
import { sourceFile } from './documentStatus';
import { draftBibliographies } from '../corpus/bibliographyFrontMatter';
import { fileOf } from '../serverSettings';

export type CheckFileOptions = Pick<DiagnosticsOptions, 'docsUri' | 'isAccepted'>;

export function registerCheckFile(connection: Connection, library: SourceLibrary, settings: ServerSettings, options: CheckFileOptions): void {
  connection.onRequest(checkFileRequest, async (params: CheckFileParams): Promise<CheckFileResult> => {
    requireParams(checkFileRequest, params, { strings: ['uri', 'text'] });
    const { uri, text } = params;
    // The writer's sources are what drafts are checked against, not drafts.
    const source = sourceFile(library, uri);
    if (source) return { diagnostics: [], counts: countVerdicts([]), source };
    const result = await analyseText(uri, text, library, settings);
    const diagnostics = result.skipped ? [] : toDiagnostics(result, options);
    return { diagnostics, counts: countVerdicts(result.analysis.verdicts), ...(result.skipped ? { skipped: result.skipped } : {}) };
  });
}

/** Analyses a draft's text as if it were open at version 0; never throws. */
export async function analyseText(uri: string, text: string, library: SourceLibrary, settings: ServerSettings): Promise<DocumentAnalysis> {
  const document = TextDocument.create(uri, 'markdown', 0, text);
  const current = await settings.forDocument(uri);
  const file = fileOf(uri);
  const checker = library.checkerFor(file ? draftBibliographies(text, file).files : []);
  const empty = { draft: parseDraft(''), verdicts: [], findings: [] };
  const size = Buffer.byteLength(text, 'utf8');
  if (size > current.maxFileSize) {
    return { document, settings: current, checker, analysis: empty, skipped: `Not checked: ${(size / 1048576).toFixed(1)} MB is over the attest.maxFileSize setting (${(current.maxFileSize / 1048576).toFixed(1)} MB).` };
  }
  try {
    return { document, settings: current, checker, analysis: checker.analyse(text) };
  } catch (error) {
    return { document, settings: current, checker, analysis: empty, skipped: `Attest could not check this draft: ${error instanceof Error ? error.message : String(error)}` };
  }
}
