// Quick fixes, computed from each diagnostic's data alone: use the source's figure, date or
// words; add a footnote citing the evidence; fill a placeholder link with a source's DOI or
// URL, or turn it into a footnote.
import { CodeActionKind, type CodeAction, type Connection, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analyses } from '../analyses';
import { footnoteText, shortLabel } from '../core/citation';
import type { Corpus } from '../core/corpus';
import type { Draft } from '../core/draft';
import type { FixData } from '../core/findings';
import { addFootnote } from '../core/footnoteEdit';
import { formatReference, type CitationStyle } from '../core/references';
import { bestSourcesFor } from '../core/relevance';
import { toRange } from '../ranges';
import { requireParams } from '../params';

interface DiagnosticData {
  fix?: FixData;
  version?: number;
  fingerprint?: string;
  claim?: string;
}

/** The server command behind "Mark as checked". */
export const acceptCommand = 'attest.server.acceptClaim';

export function registerCodeActions(connection: Connection, analyses: Analyses): void {
  connection.onCodeAction(async (params, token) => {
    requireParams('textDocument/codeAction', params, { textDocument: true, range: true, arrays: ['context.diagnostics'] });
    const { textDocument, context } = params;
    const result = await analyses.get(textDocument.uri);
    if (!result || token.isCancellationRequested) return [];
    const { document, analysis, checker, settings } = result;
    return context.diagnostics.filter((d) => d.source === 'attest').flatMap((d) => actionsFor(d, document, analysis.draft, checker.corpus, settings.citationStyle));
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
  const insert = (at: number, text: string): TextEdit => ({ range: toRange(document, at, at), newText: text });
  switch (fix.kind) {
    case 'replace':
      return [action(fix.title, [{ range: toRange(document, fix.start, fix.end), newText: fix.newText }], true)];
    case 'cite': {
      const source = corpus.sources.get(fix.sourceId);
      const passage = corpus.passages[fix.passageIndex];
      if (!source || !passage) return [];
      const sourceFootnote = fix.footnote ? source.footnotes.find((f) => f.label === fix.footnote) : undefined;
      const planned = addFootnote(draft, fix.at, footnoteText(source.meta, passage, sourceFootnote, formatReference(source.meta, style)));
      return [action(`Add footnote [^${planned.label}] citing ${shortLabel(source.meta)}, ${passage.locator}`, planned.insertions.map((i) => insert(i.at, i.text)), true)];
    }
    case 'link': {
      const link = draft.links.find((l) => l.urlStart === fix.urlStart);
      const context = link ? sentenceAround(draft.text, link.start, link.end) : fix.text;
      const actions: CodeAction[] = [];
      for (const { source } of bestSourcesFor(context, corpus, 2)) {
        const url = source.meta.doi ? `https://doi.org/${source.meta.doi}` : source.meta.url;
        if (url) actions.push(action(`Link to ${shortLabel(source.meta)} (${url})`, [{ range: toRange(document, fix.urlStart, fix.urlEnd), newText: url }], actions.length === 0));
        if (link) {
          const planned = addFootnote(draft, link.end, footnoteText(source.meta, { locator: '' }, undefined, formatReference(source.meta, style)));
          // The link becomes its text plus the reference, in one edit; the definition goes with the others.
          const unlinked: TextEdit = { range: toRange(document, link.start, link.end), newText: `${link.text}[^${planned.label}]` };
          const definition = planned.insertions[1]!;
          actions.push(action(`Turn the link into footnote [^${planned.label}] citing ${shortLabel(source.meta)}`, [unlinked, insert(definition.at, definition.text)]));
        }
      }
      return actions;
    }
  }
}

function sentenceAround(text: string, start: number, end: number): string {
  const from = Math.max(text.lastIndexOf('.', start) + 1, text.lastIndexOf('\n\n', start) + 1, 0);
  const stop = text.indexOf('.', end);
  return text.slice(from, stop < 0 ? text.length : stop);
}
