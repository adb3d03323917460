// attest/claimSource and attest/sourceLocation: where in a source file the evidence for a
// claim is (Show source), or a source and its footnotes are (the Sources view). The file is
// read here to turn the passage's clean text back into a range of the file as written.
import { existsSync, readFileSync } from 'node:fs';
import type { Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import type { Analyses } from '../analyses';
import { locatorLabel, shortLabel } from '../core/findings/citation';
import type { Corpus } from '../core/retrieval/corpus';
import type { Evidence, Passage, Source, Verdict } from '../core/types';
import type { SourceLibrary } from '../library';
import { claimSourceRequest, sourceLocationRequest, type ClaimSourceParams, type Range, type SourceLocationParams, type SourceLocationResult } from '../protocol';
import { requireParams } from '../params';

export function registerShowSource(connection: Connection, analyses: Analyses, library: SourceLibrary): void {
  connection.onRequest(claimSourceRequest, async (params: ClaimSourceParams, token): Promise<SourceLocationResult> => {
    requireParams(claimSourceRequest, params, { textDocument: true, position: true });
    const { textDocument, position } = params;
    const result = await analyses.get(textDocument.uri);
    if (!result || token.isCancellationRequested) return { message: 'Attest has not checked this document.' };
    const verdict = verdictNear(result.analysis.verdicts, result.document.offsetAt(position));
    return claimLocation(verdict, result.checker.corpus);
  });
  connection.onRequest(sourceLocationRequest, (params: SourceLocationParams): SourceLocationResult => {
    requireParams(sourceLocationRequest, params, { strings: ['sourceId'], optionalStrings: ['footnote'] });
    const { sourceId, footnote } = params;
    const source = library.checker.corpus.sources.get(sourceId);
    return source ? sourceLocation(source, footnote) : { message: `No source has the id "${sourceId}".` };
  });
}

/** The claim under the offset, else the first claim with evidence in the sentence around it. */
export function verdictNear(verdicts: readonly Verdict[], offset: number): Verdict | undefined {
  return verdicts.find((v) => offset >= v.claim.start && offset <= v.claim.end) ?? verdicts.find((v) => v.evidence.length > 0 && offset >= v.claim.sentence.start && offset <= v.claim.sentence.end);
}

export function claimLocation(verdict: Verdict | undefined, corpus: Corpus): SourceLocationResult {
  if (!verdict) return { message: 'Put the cursor on a figure, date or quotation that Attest checks to see its source.' };
  const evidence = verdict.evidence[0];
  if (!evidence) return { message: `No source states ${verdict.claim.kind === 'quote' ? verdict.claim.text : `“${verdict.claim.text}”`}, so there is no passage to show.` };
  const source = corpus.sources.get(evidence.sourceId);
  const passage = corpus.passages[evidence.passageIndex];
  if (!source || !passage) return { message: `The source "${evidence.sourceId}" is no longer loaded.` };
  const where = locatorLabel(evidence, source.meta);
  return withFile(source, where ? `${shortLabel(source.meta)}, ${where}` : shortLabel(source.meta), (text) => locateEvidence(text, passage.line, evidence));
}

export function sourceLocation(source: Source, footnote?: string): SourceLocationResult {
  const label = footnote ? `${shortLabel(source.meta)}, fn. ${footnote}` : shortLabel(source.meta);
  return withFile(source, label, (text) => (footnote ? locateFootnote(text, source.passages, footnote) : locateLine(text, source.passages[0]?.line ?? 0)));
}

function withFile(source: Source, label: string, locate: (text: string) => Located): SourceLocationResult {
  const file = source.location;
  if (!file || !existsSync(file)) return { message: `The file of ${shortLabel(source.meta)} is not available${file ? ` (${file})` : ''}.` };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { message: `Could not read ${file}: ${error instanceof Error ? error.message : String(error)}` };
  }
  const located = locate(text);
  return { location: { uri: URI.file(file).toString(), ...located, label, bundled: source.bundled } };
}

export interface Located {
  line: number;
  range: Range;
  sentence?: Range;
}

/** The evidence's words (or figure) inside its sentence inside the passage starting at `line`. */
export function locateEvidence(text: string, line: number, evidence: Pick<Evidence, 'quote' | 'highlight'>): Located {
  const words = evidence.highlight ? evidence.quote.slice(evidence.highlight.start, evidence.highlight.end) : undefined;
  return locateInPassage(text, line, evidence.quote, words);
}

/** Finds `sentence`, and `words` within it, in the paragraph of `text` starting at `line`, ignoring Markdown markup and line breaks. */
export function locateInPassage(text: string, line: number, sentence?: string, words?: string): Located {
  const document = TextDocument.create('file:///source.md', 'markdown', 0, text);
  const start = document.offsetAt({ line, character: 0 });
  const blank = /\n[ \t]*\r?\n/g;
  blank.lastIndex = start;
  const end = blank.exec(text)?.index ?? text.length;
  const region = normalise(text.slice(start, end));
  const find = (needle: string | undefined, from = 0, to = region.clean.length): [number, number] | undefined => {
    const wanted = needle && normalise(needle).clean.trim();
    if (!wanted) return undefined;
    const at = region.clean.slice(from, to).indexOf(wanted);
    return at < 0 ? undefined : [from + at, from + at + wanted.length];
  };
  // A sentence that differs somewhere is still found by its opening words.
  const sentenceSpan = find(sentence) ?? find(sentence?.split(/\s+/).slice(0, 8).join(' '));
  const wordsSpan = (sentenceSpan && find(words, ...sentenceSpan)) ?? find(words);
  const toRange = ([a, b]: [number, number]): Range => ({ start: document.positionAt(start + region.map[a]!), end: document.positionAt(start + region.map[b - 1]! + 1) });
  const selection = wordsSpan ?? sentenceSpan;
  if (!selection) return locateLine(text, line);
  return { line, range: toRange(selection), ...(sentenceSpan ? { sentence: toRange(sentenceSpan) } : {}) };
}

/** The footnote's marker in the passage that cites it, else its definition, else the top of the source. */
export function locateFootnote(text: string, passages: readonly Pick<Passage, 'line' | 'footnotes'>[], label: string): Located {
  const document = TextDocument.create('file:///source.md', 'markdown', 0, text);
  const marker = `[^${label}]`;
  const citing = passages.find((p) => p.footnotes.some((f) => f.label === label));
  if (citing) {
    const start = document.offsetAt({ line: citing.line, character: 0 });
    const at = text.indexOf(marker, start);
    if (at >= 0) return { line: citing.line, range: { start: document.positionAt(at), end: document.positionAt(at + marker.length) } };
  }
  const definition = new RegExp(`^[ \\t]*\\[\\^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\]:`, 'm').exec(text);
  if (definition) {
    const line = document.positionAt(definition.index).line;
    return locateLine(text, line);
  }
  return locateLine(text, passages[0]?.line ?? 0);
}

/** The whole of one line. */
export function locateLine(text: string, line: number): Located {
  const lines = text.split(/\r?\n/);
  const at = Math.max(0, Math.min(line, lines.length - 1));
  return { line: at, range: { start: { line: at, character: 0 }, end: { line: at, character: lines[at]?.length ?? 0 } } };
}

/**
 * Text as the passage's clean text reads: footnote markers, link targets and emphasis marks
 * dropped, runs of white space as one space; `map[i]` is the offset in `raw` of clean[i].
 */
export function normalise(raw: string): { clean: string; map: number[] } {
  const markup = /\[\^[^\]\s]+\]|\]\([^)\s]*\)|!\[|[[\]*_`<>]/y;
  const space = /\s+/y;
  let clean = '';
  const map: number[] = [];
  for (let i = 0; i < raw.length; ) {
    markup.lastIndex = i;
    space.lastIndex = i;
    if (markup.test(raw)) {
      i = markup.lastIndex;
    } else if (space.test(raw)) {
      if (clean && !clean.endsWith(' ')) {
        clean += ' ';
        map.push(i);
      }
      i = space.lastIndex;
    } else {
      clean += raw[i];
      map.push(i);
      i++;
    }
  }
  return { clean, map };
}
