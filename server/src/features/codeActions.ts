// Quick fixes, computed from the data of each diagnostic's finding (looked up in the analysis
// of the draft's version): use the source's figure, date or words; add a footnote citing the
// evidence; fill a placeholder link with a source's DOI or URL, or turn it into a footnote.
import { CodeActionKind, type CodeAction, type Connection, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analyses } from '../analyses';
import { shortLabel } from '../core/findings/citation';
import { citedBefore, noteText } from '../core/findings/notes';
import type { Corpus } from '../core/retrieval/corpus';
import type { Passage, Source, SourceFootnote } from '../core/types';
import type { Analysis } from '../core/checker';
import { addFootnote, defineFootnote, type Edit } from '../core/findings/footnoteEdit';
import { reciteEdits } from '../core/findings/recite';
import { inertBlockStart, inlineText, linkDestination } from '../core/findings/markdownText';
import { linkTargets } from '../core/findings/links';
import type { CitationStyle } from '../core/findings/references';
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
    return context.diagnostics.filter((d) => d.source === 'attest').flatMap((d) => actionsFor({ ...d, data: diagnosticData(result, d) }, document, analysis, checker.corpus, settings.citationStyle));
  });
}

export function actionsFor(diagnostic: Diagnostic, document: TextDocument, analysis: Analysis, corpus: Corpus, style: CitationStyle = 'chicago-author-date'): CodeAction[] {
  const data = diagnostic.data as DiagnosticData | undefined;
  const fixes = fixActions(diagnostic, document, analysis, corpus, style);
  if (!data?.fingerprint) return fixes;
  const accept: CodeAction = {
    title: 'Mark as checked (stays quiet until the sentence changes)',
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    command: { title: 'Mark as checked', command: acceptCommand, arguments: [document.uri, data.fingerprint, data.claim ?? '', String(diagnostic.code ?? '')] },
  };
  return [...fixes, accept];
}

function fixActions(diagnostic: Diagnostic, document: TextDocument, analysis: Analysis, corpus: Corpus, style: CitationStyle): CodeAction[] {
  const { draft } = analysis;
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
  // The note in the writer's style; Chicago notes write a short note for a source an earlier note cites.
  const note = (meta: Source['meta'], passage: Pick<Passage, 'locator'>, sourceFootnote: SourceFootnote | undefined, at: number): string =>
    noteText(meta, passage, sourceFootnote, { style, citedBefore: citedBefore(draft, corpus, meta.id, at) });
  switch (fix.kind) {
    case 'replace':
      return [action(fix.title, [{ range: toRange(document, fix.start, fix.end), newText: fix.newText }], true)];
    case 'words':
      return fix.choices.map((choice, i) => action(choice.title, choice.edits.map(textEdit), i === 0));
    case 'define':
      return citingSources(analysis, corpus, fix.start, 3).flatMap(({ source, passage, footnote }, i) => {
        const text = note(source.meta, passage, footnote, fix.start);
        const definition = defineFootnote(draft, fix.label, text);
        if ('problem' in definition) return [];
        return [action(`Define [^${fix.label}] citing ${shortLabel(source.meta)}${passage.locator ? `, ${passage.locator}` : ''}`, [textEdit(definition)], i === 0)];
      });
    case 'cite': {
      const source = corpus.sources.get(fix.sourceId);
      const passage = corpus.passages[fix.passageIndex];
      if (!source || !passage) return [];
      const sourceFootnote = fix.footnote ? source.footnotes.find((f) => f.label === fix.footnote) : undefined;
      const planned = addFootnote(draft, fix.at, note(source.meta, passage, sourceFootnote, fix.at));
      if ('problem' in planned) return [];
      return [action(`Add footnote [^${planned.label}] citing ${shortLabel(source.meta)}, ${passage.locator}`, [textEdit(planned.reference), textEdit(planned.definition)], true)];
    }
    case 'recite': {
      const source = corpus.sources.get(fix.sourceId);
      const passage = corpus.passages[fix.passageIndex];
      if (!source || !passage) return [];
      const title = `Cite ${shortLabel(source.meta)}${passage.locator ? `, ${passage.locator}` : ''} instead`;
      const sourceFootnote = fix.footnote ? source.footnotes.find((f) => f.label === fix.footnote) : undefined;
      const from = document.offsetAt(diagnostic.range.start);
      const recited = reciteEdits(draft, fix.label, from, source.meta.id, note(source.meta, passage, sourceFootnote, from));
      return recited ? [action(title, recited.map(textEdit), true)] : [];
    }
    case 'link': {
      const link = draft.links.find((l) => l.urlStart === fix.urlStart);
      const actions: CodeAction[] = [];
      // The link's own text stays as the writer wrote it: only "[" and "](…)" go, the reference taking their place.
      const close = link ? draft.text.lastIndexOf('](', link.urlStart) : -1;
      const intoFootnote = (note: string, title: (label: string) => string): void => {
        if (!link || close <= link.start) return;
        const opening: Edit = { start: link.start, end: link.start + 1, text: '' };
        const planned = addFootnote(draft, { start: close, end: link.end }, note, { alongside: [opening], linksRemoved: 1 });
        if (!('problem' in planned)) actions.push(action(title(planned.label), [opening, planned.reference, planned.definition].map(textEdit)));
      };
      const linkTo = (title: string, url: string): void => {
        actions.push(action(title, [{ range: toRange(document, fix.urlStart, fix.urlEnd), newText: linkDestination(url) }], actions.length === 0));
      };
      const targets = linkTargets(fix.text, corpus);
      for (const target of targets) {
        if (target.kind === 'footnote') {
          linkTo(`Link to “${target.footnote.title}” (${target.url})`, target.url);
          intoFootnote(inertBlockStart(inlineText(target.footnote.text)), (label) => `Turn the link into footnote [^${label}] citing “${target.footnote.title}”`);
          continue;
        }
        const { meta } = target.source;
        const url = sourceLink(meta);
        if (url) linkTo(`Link to ${shortLabel(meta)} (${url})`, url);
        intoFootnote(note(meta, { locator: '' }, undefined, fix.urlStart), (label) => `Turn the link into footnote [^${label}] citing ${shortLabel(meta)}`);
      }
      // No source or cited work is named by the link text: only its own words can become the note, for the writer to complete.
      if (!targets.length) intoFootnote(inertBlockStart(`${inlineText(fix.text.trim())}.`), (label) => `Turn the link into footnote [^${label}] (write the note)`);
      return actions;
    }
  }
}

/**
 * Sources to cite at `at`, as Insert citation picks them: first those with evidence for a
 * claim of the sentence (with that passage and its footnote), then those most about it.
 */
function citingSources(analysis: Analysis, corpus: Corpus, reference: number, limit: number): { source: Source; passage: Pick<Passage, 'locator'>; footnote?: SourceFootnote }[] {
  // A reference usually follows the sentence's closing marks: the sentence is the one they close.
  let at = reference;
  while (at > 0 && /[.!?”"’)\]]/.test(analysis.draft.text[at - 1]!)) at--;
  const found = new Map<string, { source: Source; passage: Pick<Passage, 'locator'>; footnote?: SourceFootnote }>();
  for (const verdict of analysis.verdicts) {
    if (at < verdict.claim.sentence.start || at > verdict.claim.sentence.end + 1) continue;
    for (const evidence of verdict.evidence) {
      const source = corpus.sources.get(evidence.sourceId);
      const passage = corpus.passages[evidence.passageIndex];
      if (!source || !passage || found.has(source.meta.id)) continue;
      found.set(source.meta.id, { source, passage, footnote: evidence.footnote ? source.footnotes.find((f) => f.label === evidence.footnote) : undefined });
    }
  }
  for (const { source, passage } of bestSourcesFor(sentenceAround(analysis.draft.text, at, at), corpus, limit)) if (!found.has(source.meta.id)) found.set(source.meta.id, { source, passage });
  return [...found.values()].slice(0, limit);
}

function sentenceAround(text: string, start: number, end: number): string {
  let from = Math.max(text.lastIndexOf('.', start) + 1, 0);
  for (const blank of text.slice(0, start).matchAll(/(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)/g)) from = Math.max(from, blank.index + blank[0].length);
  const stop = text.indexOf('.', end);
  return text.slice(from, stop < 0 ? text.length : stop);
}
