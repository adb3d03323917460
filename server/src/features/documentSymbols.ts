// Document symbols: the draft's headings, and its claims grouped by verdict, for the outline.
import { SymbolKind, type Connection, type DocumentSymbol } from 'vscode-languageserver';
import type { Analyses } from '../analyses';
import type { Verdict } from '../core/types';
import { toRange } from '../ranges';
import { requireParams } from '../params';

const groups: { verdict: Verdict['verdict']; name: string }[] = [
  { verdict: 'contradicted', name: 'Claims that disagree with a source' },
  { verdict: 'misquoted', name: 'Quotations that differ from the source' },
  { verdict: 'unsourced', name: 'Claims no source states' },
  { verdict: 'supported', name: 'Claims supported by a source' },
];

export function registerDocumentSymbols(connection: Connection, analyses: Analyses): void {
  connection.onDocumentSymbol(async (params, token) => {
    requireParams('textDocument/documentSymbol', params, { textDocument: true });
    const { textDocument } = params;
    const result = await analyses.get(textDocument.uri);
    if (!result || token.isCancellationRequested) return null;
    const { document, analysis } = result;
    const symbols: DocumentSymbol[] = analysis.draft.blocks
      .filter((b) => b.heading)
      .map((b) => {
        const range = toRange(document, b.start, b.end);
        return { name: b.prose.trim(), kind: SymbolKind.String, range, selectionRange: range };
      });
    for (const group of groups) {
      const claims = analysis.verdicts.filter((v) => v.verdict === group.verdict);
      if (!claims.length) continue;
      const children = claims.map((v): DocumentSymbol => {
        const range = toRange(document, v.claim.start, v.claim.end);
        return { name: v.claim.kind === 'quote' ? `“${v.claim.text.slice(0, 60)}”` : v.claim.text, detail: v.claim.kind, kind: v.claim.kind === 'quote' ? SymbolKind.String : SymbolKind.Number, range, selectionRange: range };
      });
      const range = { start: children[0]!.range.start, end: children.at(-1)!.range.end };
      symbols.push({ name: `${group.name} (${claims.length})`, kind: SymbolKind.Namespace, range, selectionRange: children[0]!.range, children });
    }
    return symbols;
  });
}
