// Document symbols: the draft's claims, for the outline and the breadcrumb. VS Code's own
// Markdown outline already lists the headings, so Attest's group (labelled "Claims" in the
// server's capabilities, not after the extension) has only the claims, each with its verdict.
import { SymbolKind, type Connection, type DocumentSymbol } from 'vscode-languageserver';
import type { Analyses } from '../analyses';
import type { Verdict } from '../core/types';
import { toRange } from '../ranges';
import { requireParams } from '../params';

/** The outline group's name, shown when several outlines are offered for a document. */
export const outlineLabel = 'Claims';

const verdictWords: Record<Verdict['verdict'], string> = {
  contradicted: 'disagrees with a source',
  misquoted: 'differs from the source',
  unsourced: 'no source states it',
  supported: 'supported',
};

export function registerDocumentSymbols(connection: Connection, analyses: Analyses): void {
  connection.onDocumentSymbol(async (params, token) => {
    requireParams('textDocument/documentSymbol', params, { textDocument: true });
    const { textDocument } = params;
    const result = await analyses.get(textDocument.uri);
    if (!result || token.isCancellationRequested) return null;
    const { document, analysis } = result;
    return analysis.verdicts.map((v): DocumentSymbol => {
      const range = toRange(document, v.claim.start, v.claim.end);
      const quote = v.claim.kind === 'quote';
      return { name: quote ? `“${shortQuote(v.claim.quote?.text ?? v.claim.text)}”` : v.claim.text, detail: verdictWords[v.verdict], kind: quote ? SymbolKind.String : SymbolKind.Number, range, selectionRange: range };
    });
  });
}

/** A quotation's words, cut at a word near 60 characters. */
function shortQuote(words: string): string {
  if (words.length <= 60) return words;
  const cut = words.slice(0, 61);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 30 ? cut.lastIndexOf(' ') : 60)} …`;
}
