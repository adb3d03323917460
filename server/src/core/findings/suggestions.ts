// What to offer while the writer types: footnote labels after "[^", citation keys after "@",
// and, after "$" in a sentence about a known subject, the figures the sources give for it.
import { shortLabel } from './citation';
import { citedBefore, noteText } from './notes';
import type { Corpus } from '../retrieval/corpus';
import type { Draft } from '../draft/draft';
import { addFootnote, lineEndingOf, nextFootnoteLabel, type Edit } from './footnoteEdit';
import { escapeMarkdown } from './markdownText';
import { formatFigure } from '../claims/figureFormat';
import { bestSourcesFor } from '../retrieval/relevance';
import type { CitationStyle } from './references';
import { rankPassages } from '../retrieval/retrieval';
import { sentenceOf } from '../claims/sentences';
import { matchSubject, subjectProfile } from '../retrieval/subject';
import { clauseOf } from '../claims/claims';
import { termsOf, type Term } from '../claims/terms';
import type { SourceMeta, Span } from '../types';

export type CompletionContext =
  | { kind: 'footnote'; /** Offset after "[^" */ from: number; /** End of what the item replaces ("]" included when present). */ to: number; typed: string }
  | { kind: 'citation'; from: number; to: number; typed: string }
  | { kind: 'figure'; from: number; to: number }
  | { kind: 'snippet'; from: number; to: number; typed: string };

/** What the writer is completing at `offset`, if anything Attest can help with. */
export function completionContext(text: string, offset: number): CompletionContext | undefined {
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
  const before = text.slice(lineStart, offset);
  const closing = text[offset] === ']' ? 1 : 0;
  let m = /\[\^([^\]\s]*)$/.exec(before);
  if (m) return { kind: 'footnote', from: offset - m[1]!.length, to: offset + closing, typed: m[1]! };
  m = /(?:^|[\s\[;(])@([\w:.#$%&+?<>~/-]*)$/.exec(before);
  if (m) return { kind: 'citation', from: offset - m[1]!.length, to: offset, typed: m[1]! };
  m = /(?:^|\s)\$([\d.,]*)$/.exec(before);
  if (m) return { kind: 'figure', from: offset - m[1]!.length - 1, to: offset };
  m = /(?:^|\s)([a-z]*)$/.exec(before);
  if (m && snippetPrefixes.some((p) => p.startsWith(m![1]!))) return { kind: 'snippet', from: offset - m[1]!.length, to: offset, typed: m[1]! };
  return undefined;
}

export interface Suggestion {
  label: string;
  /** Shown beside the label in the list (a footnote's text). */
  description?: string;
  detail?: string;
  /** Markdown, safe to render: text from the draft or a source is escaped. */
  documentation?: string;
  /** Replaces the context's range. */
  insert: string;
  /** Further insertions elsewhere (a new footnote's definition). */
  more?: Edit[];
  sortText?: string;
  /** `insert` is in snippet syntax (tab stops, choices). */
  snippet?: boolean;
}

export function footnoteSuggestions(draft: Draft, corpus: Corpus, sentence: string, ctx: Extract<CompletionContext, { kind: 'footnote' }>, style: CitationStyle = 'chicago-author-date'): Suggestion[] {
  // A label defined twice is offered once, with the definition that counts (the first).
  const seen = new Set<string>();
  const defs = draft.footnoteDefs.filter((d) => !seen.has(d.label.toLowerCase()) && seen.add(d.label.toLowerCase()));
  const existing = defs.map((d): Suggestion & { cites: string } => ({
    label: d.label,
    description: oneLine(d.text, 60),
    detail: oneLine(d.text, 200),
    documentation: escapeMarkdown(d.text),
    insert: `${d.label}]`,
    cites: d.text.toLowerCase(),
  }));
  const sources = bestSourcesFor(sentence, corpus, 3);
  const fresh = sources.flatMap(({ source, passage }): Suggestion[] => {
    const text = noteText(source.meta, passage, undefined, { style, citedBefore: citedBefore(draft, corpus, source.meta.id, ctx.from) });
    // The writer's "[^" (and "]" after it) with the label completed make the reference.
    const planned = addFootnote(draft, { start: ctx.from - 2, end: ctx.to }, text);
    if ('problem' in planned) return [];
    return [{ label: `New footnote citing ${shortLabel(source.meta)}, ${passage.locator}`, detail: source.meta.title, documentation: text, insert: `${planned.label}]`, more: [planned.definition] }];
  });
  // What suits the sentence comes first: a footnote already citing the source most about it, else a new one citing it.
  const best = sources[0]?.source.meta;
  const citing = best ? existing.find((e) => citesSource(e.cites, best)) : undefined;
  const first = citing ?? fresh[0];
  const ordered = [...(first ? [first] : []), ...existing.filter((e) => e !== first), ...fresh.filter((f) => f !== first)];
  return ordered.map(({ cites: _cites, ...s }: Suggestion & { cites?: string }, i) => ({ ...s, sortText: String(i).padStart(4, '0') }));
}

/** Whether a footnote's text names the source: its first author's family name and its year, or its title. */
function citesSource(text: string, meta: SourceMeta): boolean {
  const family = meta.authors[0]?.family.toLowerCase();
  if (family && text.includes(family) && (!meta.year || text.includes(String(meta.year)))) return true;
  return meta.title.length > 0 && text.includes(meta.title.toLowerCase());
}

function oneLine(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

const snippetPrefixes = ['fn', 'claim', 'cite'];

/**
 * The snippets whose text depends on the draft: `fn` and `claim` number their footnote after
 * the draft's others, and `cite` offers the sources' keys to choose from.
 */
export function snippetSuggestions(draft: Draft, corpus: Corpus): Suggestion[] {
  const label = nextFootnoteLabel(draft);
  const eol = lineEndingOf(draft.text);
  const keys = [...corpus.sources.keys()].map(snippetChoice);
  return [
    {
      label: 'fn',
      detail: `Footnote [^${label}] with its definition`,
      documentation: `Adds footnote [^${label}] at the cursor (the next free number) and writes its definition underneath, with Chicago-style fields (author, title, outlet, date, URL). Tab moves through the source fields.`,
      insert: [`[^\${1:${label}}]`, '', `[^\${1:${label}}]: \${2:Author}, "\${3:Title}," \${4:Outlet}, \${5:date}. \${6:URL}$0`].join(eol),
      snippet: true,
    },
    {
      label: 'claim',
      detail: `Claim with its source, footnote [^${label}]`,
      documentation: `Writes a checkable claim: a subject, a verb chosen from a list, a figure, a year and footnote [^${label}] (the next free number), with its definition underneath. Attest checks the figure and the year against your sources.`,
      insert: [`\${1:Subject} \${2|reached,stood at,rose to,fell to,totalled,was|} \${3:\\$60 billion} in \${4:2019}.[^\${5:${label}}]`, '', `[^\${5:${label}}]: \${6:Source that states this figure, with page or URL}$0`].join(eol),
      snippet: true,
    },
    {
      label: 'cite',
      detail: 'Citation by key, [@key, p. 12]',
      documentation: 'Adds a Pandoc citation, [@key, p. 12]: pick the source’s key from the list, then either delete the page locator with Backspace or press Tab to pick p., pp., chap., sec. or para. and type the number.',
      insert: `[@${keys.length ? `\${1|${keys.join(',')}|}` : '${1:key}'}\${2:, \${3|p.,pp.,chap.,sec.,para.|} \${4:12}}]$0`,
      snippet: true,
    },
  ];
}

/** A snippet choice's text: its commas, bars, dollars and backslashes escaped. */
function snippetChoice(text: string): string {
  return text.replace(/[\\,|$}]/g, (c) => `\\${c}`);
}

/** Figures the sources give for the subject of the sentence being written. */
export function figureSuggestions(corpus: Corpus, sentence: string, limit = 5): Suggestion[] {
  const profile = subjectProfile(termsOf(sentence, corpus.vocabulary), [], corpus.vocabulary, corpus.idf);
  if (profile.total === 0) return [];
  const scored: { text: string; source: string; score: number; quote: string }[] = [];
  for (const { passage: index } of rankPassages(profile.weights.keys(), corpus, 40)) {
    const passage = corpus.passages[index]!;
    const terms = corpus.terms(index);
    const within = (span: Span): Term[] => terms.filter((t) => t.start >= span.start && t.end <= span.end);
    const money = corpus.figures(index).filter((f) => f.kind === 'money');
    for (const figure of money) {
      const sentence = sentenceOf(corpus.sentences(index), figure, passage.text);
      const clause = clauseOf(passage.text, figure, money, sentence);
      const { score, conflict } = matchSubject(profile, within(clause), within(sentence), terms, within(sentence), corpus.vocabulary);
      if (conflict || score < 0.3) continue;
      const source = corpus.sources.get(passage.sourceId)!;
      scored.push({ text: formatFigure(figure), source: `${shortLabel(source.meta)}, ${passage.locator}`, score, quote: passage.text.slice(sentence.start, sentence.end) });
    }
  }
  const seen = new Set<string>();
  return scored
    .sort((a, b) => b.score - a.score)
    .filter((s) => !seen.has(s.text) && seen.add(s.text))
    .slice(0, limit)
    .map((s, i) => ({ label: `${s.text} — ${s.source}`, detail: s.source, documentation: escapeMarkdown(s.quote), insert: s.text, sortText: String(i) }));
}
