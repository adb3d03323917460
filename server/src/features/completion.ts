// Completion: footnote labels and new cited footnotes after "[^", citation keys after "@"
// (each key's reference filled in when the editor resolves the item), source figures after
// "$", and the fn, claim and cite snippets, numbered for the draft.
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Connection } from 'vscode-languageserver';
import type { Analyses } from '../analyses';
import { citationReference, citationSuggestions } from '../core/findings/citationKeys';
import { completionContext, figureSuggestions, footnoteSuggestions, snippetSuggestions, type Suggestion } from '../core/findings/suggestions';
import { toRange } from '../ranges';
import { requireParams } from '../params';

export const completionTriggers = ['^', '@', '$'];

interface CitationItemData {
  uri: string;
  key: string;
}

export function registerCompletion(connection: Connection, analyses: Analyses): void {
  connection.onCompletion(async (params, token) => {
    requireParams('textDocument/completion', params, { textDocument: true, position: true });
    const { textDocument, position } = params;
    // The parse is enough: completion does not wait for the draft's claims to be judged.
    const result = await analyses.parsed(textDocument.uri);
    if (!result || token.isCancellationRequested) return null;
    const { document, draft, checker, settings } = result;
    const text = document.getText();
    const offset = document.offsetAt(position);
    const ctx = completionContext(text, offset);
    if (!ctx) return null;
    const sentence = sentenceBefore(text, offset);
    const suggestions =
      ctx.kind === 'footnote'
        ? footnoteSuggestions(draft, checker.corpus, sentence, ctx, settings.citationStyle)
        : ctx.kind === 'citation'
          ? citationSuggestions(checker.corpus, sentence)
          : ctx.kind === 'snippet'
            ? snippetSuggestions(draft, checker.corpus)
            : figureSuggestions(checker.corpus, sentence);
    const kind = ctx.kind === 'snippet' ? CompletionItemKind.Snippet : ctx.kind === 'figure' ? CompletionItemKind.Value : CompletionItemKind.Reference;
    return suggestions.map((s: Suggestion): CompletionItem => ({
      label: s.label,
      labelDetails: s.description ? { description: s.description } : undefined,
      kind,
      detail: s.detail,
      documentation: s.documentation ? { kind: MarkupKind.Markdown, value: s.documentation } : undefined,
      sortText: s.sortText,
      insertTextFormat: s.snippet ? InsertTextFormat.Snippet : undefined,
      filterText: ctx.kind === 'figure' ? `$${s.insert}` : ctx.kind === 'footnote' ? `${ctx.typed}${s.label}` : s.label,
      textEdit: { range: toRange(document, ctx.from, ctx.to), newText: s.insert },
      additionalTextEdits: s.more?.map((m) => ({ range: toRange(document, m.start, m.end), newText: m.text })),
      ...(ctx.kind === 'citation' && { data: { uri: textDocument.uri, key: s.label } satisfies CitationItemData }),
    }));
  });

  connection.onCompletionResolve(async (item, token) => {
    const data = item.data as Partial<CitationItemData> | undefined;
    if (typeof data?.uri !== 'string' || typeof data.key !== 'string') return item;
    const result = await analyses.parsed(data.uri);
    if (!result || token.isCancellationRequested) return item;
    const reference = citationReference(data.key, result.checker.corpus, result.settings.citationStyle);
    return reference ? { ...item, documentation: { kind: MarkupKind.Markdown, value: reference } } : item;
  });
}

/** The sentence the cursor is in, up to the cursor: what a suggestion should fit. */
function sentenceBefore(text: string, offset: number): string {
  // Search before the cursor only: a blank line right after it must not count.
  const head = text.slice(0, offset);
  let start = Math.max(head.lastIndexOf('. ', offset - 2) + 2, 0);
  for (const blank of head.matchAll(/(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)/g)) start = Math.max(start, blank.index + blank[0].length);
  return text.slice(start, offset);
}
