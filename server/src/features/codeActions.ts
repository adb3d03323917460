// Quick fixes, computed from the data of each diagnostic's finding (looked up in the analysis
// of the draft's version): use the source's figure, date or words; add a footnote citing the
// evidence; fill a placeholder link with a source's DOI or URL, or turn it into a footnote.
import { CodeActionKind, type CodeAction, type Connection, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analyses } from '../analyses';
import { footnoteText, shortLabel } from '../core/findings/citation';
import type { Corpus } from '../core/retrieval/corpus';
import type { Draft } from '../core/draft/draft';
import { addFootnote, type Edit } from '../core/findings/footnoteEdit';
import { linkDestination } from '../core/findings/markdownText';
import { formatReference, type CitationStyle } from '../core/findings/references';
import { bestSourcesFor } from '../core/retrieval/relevance';
import { sourceLink } from '../core/findings/sourceLinks';
import { toRange } from '../ranges';
import { diagnosticData, type DiagnosticData } from './diagnostics';
import { requireParams } from '../params';


/** The server command behind "Mark as checked". */
export const acceptCommand = 'attest.server.acceptClaim';

export function registerCodeActions(connection: Connection, analyses: Analyses): void {
  connection.onCodeAction(async (params, token) => {
    requireParams('textDocument/codeAction', params, { textDocument: true, range: true, arrays: ['context.diagnostics'] });
    const { textDocument, context } = params;
    const result = await analyses.get(textDocument.uri);
    if (!result || token.isCancellationRequested) return [];
    const { document, analysis, checker, settings } = result;
    return context.diagnostics.filter((d) => d.source === 'attest').flatMap((d) => actionsFor({ ...d, data: diagnosticData(result, d) }, document, analysis.draft, checker.corpus, settings.citationStyle));
  });
}

export function actionsFor(diagnostic: Diagnostic, document: TextDocument, draft: Draft, corpus: Corpus, style: CitationStyle = 'chicago-author-date'): CodeAction[] {
  const data = diagnostic.data as DiagnosticData | undefined;
  const fixes = fixActions(diagnostic, document, draft, corpus, style);
  if (!data?.fingerprint) return fixes;
  const accept: CodeAction = {
    title: 'Mark as checked (stays quiet until the sentence changes)',
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    command: { title: 'Mark as checked', command: acceptCommand, arguments: [document.uri, data.fingerprint, data.claim ?? '', String(diagnostic.code ?? '')] },
  };
  return [...fixes, accept];
}

function fixActions(diagnostic: Diagnostic, document: TextDocument, draft: Draft, corpus: Corpus, style: CitationStyle): CodeAction[] {
  const data = diagnostic.data as DiagnosticData | undefined;
  const fix = data?.fix;
  // Offsets in the data belong to the version the diagnostic was made for.
  if (!fix || (data?.version !== undefined && data.version !== document.version)) return [];
  const action = (title: string, edits: TextEdit[], preferred = false): CodeAction => ({
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: preferred,
    edit: { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits }] },
  });
  const textEdit = (e: Edit): TextEdit => ({ range: toRange(document, e.start, e.end), newText: e.text });
  switch (fix.kind) {
    case 'replace':
      return [action(fix.title, [{ range: toRange(document, fix.start, fix.end), newText: fix.newText }], true)];
    case 'cite': {
      const source = corpus.sources.get(fix.sourceId);
      const passage = corpus.passages[fix.passageIndex];
      if (!source || !passage) return [];
      const sourceFootnote = fix.footnote ? source.footnotes.find((f) => f.label === fix.footnote) : undefined;
      const planned = addFootnote(draft, fix.at, footnoteText(source.meta, passage, sourceFootnote, formatReference(source.meta, style)));
      if ('problem' in planned) return [];
      return [action(`Add footnote [^${planned.label}] citing ${shortLabel(source.meta)}, ${passage.locator}`, [textEdit(planned.reference), textEdit(planned.definition)], true)];
    }
    case 'link': {
      const link = draft.links.find((l) => l.urlStart === fix.urlStart);
      const context = link ? sentenceAround(draft.text, link.start, link.end) : fix.text;
      const actions: CodeAction[] = [];
      // The link's own text stays as the writer wrote it: only "[" and "](…)" go, the reference taking their place.
      const close = link ? draft.text.lastIndexOf('](', link.urlStart) : -1;
      for (const { source } of bestSourcesFor(context, corpus, 2)) {
        const url = sourceLink(source.meta);
        if (url) actions.push(action(`Link to ${shortLabel(source.meta)} (${url})`, [{ range: toRange(document, fix.urlStart, fix.urlEnd), newText: linkDestination(url) }], actions.length === 0));
        if (link && close > link.start) {
          const opening: Edit = { start: link.start, end: link.start + 1, text: '' };
          const planned = addFootnote(draft, { start: close, end: link.end }, footnoteText(source.meta, { locator: '' }, undefined, formatReference(source.meta, style)), { alongside: [opening], linksRemoved: 1 });
          if ('problem' in planned) continue;
          actions.push(action(`Turn the link into footnote [^${planned.label}] citing ${shortLabel(source.meta)}`, [opening, planned.reference, planned.definition].map(textEdit)));
        }
      }
      return actions;
    }
  }
}

function sentenceAround(text: string, start: number, end: number): string {
  let from = Math.max(text.lastIndexOf('.', start) + 1, 0);
  for (const blank of text.slice(0, start).matchAll(/(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)/g)) from = Math.max(from, blank.index + blank[0].length);
  const stop = text.indexOf('.', end);
  return text.slice(from, stop < 0 ? text.length : stop);
}
