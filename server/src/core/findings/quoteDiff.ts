// The words in which a quotation differs from its source, and the smallest edits that put in
// the source's words: only the differing words change, the writer's line breaks and quotation
// marks stay. Where the source's word looks like a misspelling of the writer's, a second set of
// edits quotes the source as it stands with "[sic]" after that word.
import { foldForComparison } from '../retrieval/passageView';
import type { Edit } from './footnoteEdit';

interface Token {
  start: number;
  end: number;
  text: string;
}

/** One stretch where the draft's words and the source's differ. */
export interface WordChange {
  /** The draft's words, as written ("" when the source has words the draft leaves out). */
  draft: string;
  /** The source's words, in the draft's style of apostrophes and quotation marks. */
  source: string;
  /** The source's word looks like a misspelling of the draft's ("rimes" for "rhymes"). */
  misspelt: boolean;
}

export interface QuoteDiff {
  changes: WordChange[];
  /** Edits of the draft text that make the quotation read as the source does. */
  edits: Edit[];
  /** As `edits`, with " [sic]" after each misspelt word; absent when no word is misspelt. */
  sicEdits?: Edit[];
}

/**
 * `text` is the whole draft; `innerStart`–`innerEnd` the quoted words, `quoteStart` the
 * opening mark; `sourceWords` the words the source has.
 */
export function quoteDiff(text: string, innerStart: number, innerEnd: number, sourceWords: string, quoteStart = innerStart - 1): QuoteDiff {
  const inner = text.slice(innerStart, innerEnd);
  const straight = usesStraightMarks(inner, text[quoteStart]);
  const draft = tokens(inner, innerStart);
  const source = tokens(sourceWords, 0).map((t) => ({ ...t, text: inWriterStyle(t.text, straight) }));
  const runs = differingRuns(draft, source);
  const changes: WordChange[] = [];
  const edits: Edit[] = [];
  const sicEdits: Edit[] = [];
  let anyMisspelt = false;
  for (const run of runs) {
    const mine = draft.slice(run.draftFrom, run.draftTo);
    const theirs = source.slice(run.sourceFrom, run.sourceTo);
    const misspelt = mine.length === 1 && theirs.length === 1 && looksMisspelt(mine[0]!.text, theirs[0]!.text);
    anyMisspelt ||= misspelt;
    changes.push({ draft: joinTokens(mine, text), source: theirs.map((t) => t.text).join(' '), misspelt });
    edits.push(...runEdits(text, draft, run, theirs.map((t) => t.text)));
    sicEdits.push(...runEdits(text, draft, run, theirs.map((t) => (misspelt ? withSic(t.text) : t.text))));
  }
  return { changes, edits, ...(anyMisspelt ? { sicEdits } : {}) };
}

function tokens(text: string, offset: number): Token[] {
  return [...text.matchAll(/\S+/g)].map((m) => ({ start: offset + m.index, end: offset + m.index + m[0].length, text: m[0] }));
}

/** The writer's apostrophes decide; without any, the quotation's opening mark does. */
function usesStraightMarks(inner: string, openingMark: string | undefined): boolean {
  if (/['"]/.test(inner)) return true;
  if (/[\u2018\u2019\u201c\u201d]/.test(inner)) return false;
  return openingMark === '"' || openingMark === "'";
}

function inWriterStyle(word: string, straight: boolean): string {
  return straight ? word.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"') : word;
}

interface Run {
  draftFrom: number;
  draftTo: number;
  sourceFrom: number;
  sourceTo: number;
}

/** Stretches outside the longest common sequence of words (compared as the verdict compares them). */
function differingRuns(draft: Token[], source: Token[]): Run[] {
  const a = draft.map((t) => foldForComparison(t.text));
  const b = source.map((t) => foldForComparison(t.text));
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const runs: Run[] = [];
  let i = 0;
  let j = 0;
  let open: Run | undefined;
  const close = () => {
    if (open) runs.push({ ...open, draftTo: i, sourceTo: j });
    open = undefined;
  };
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      close();
      i++;
      j++;
      continue;
    }
    open ??= { draftFrom: i, draftTo: i, sourceFrom: j, sourceTo: j };
    if (j < m && (i === n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) j++;
    else i++;
  }
  close();
  return runs;
}

/** The edits for one run: word for word when the counts agree, else the run's words at once, keeping its line breaks. */
function runEdits(text: string, draft: Token[], run: Run, words: string[]): Edit[] {
  const mine = draft.slice(run.draftFrom, run.draftTo);
  if (mine.length === words.length) return mine.flatMap((t, k) => (t.text === words[k] ? [] : [{ start: t.start, end: t.end, text: words[k]! }]));
  if (mine.length === 0) {
    const next = draft[run.draftTo];
    if (next) return [{ start: next.start, end: next.start, text: `${words.join(' ')} ` }];
    const last = draft[run.draftFrom - 1]!;
    return [{ start: last.end, end: last.end, text: ` ${words.join(' ')}` }];
  }
  const first = mine[0]!;
  const last = mine.at(-1)!;
  if (words.length === 0) {
    // Drop the words and one space beside them: the one that is not a line break, when there is a choice.
    const before = run.draftFrom > 0 ? draft[run.draftFrom - 1]!.end : first.start;
    const after = run.draftTo < draft.length ? draft[run.draftTo]!.start : last.end;
    const spaceAfter = text.slice(last.end, after);
    if (after > last.end && (!/[\r\n]/.test(spaceAfter) || before === first.start)) return [{ start: first.start, end: after, text: '' }];
    return [{ start: before, end: last.end, text: '' }];
  }
  // The writer's own spaces between the run's words, line breaks first, then single spaces.
  const gaps = mine.slice(1).map((t, k) => text.slice(mine[k]!.end, t.start));
  const kept = [...gaps.filter((g) => /[\r\n]/.test(g)), ...gaps.filter((g) => !/[\r\n]/.test(g))].slice(0, words.length - 1);
  let newText = words[0]!;
  for (let k = 1; k < words.length; k++) newText += (kept[k - 1] ?? ' ') + words[k];
  return [{ start: first.start, end: last.end, text: newText }];
}

function joinTokens(mine: Token[], text: string): string {
  return mine.length ? text.slice(mine[0]!.start, mine.at(-1)!.end).replace(/\s+/g, ' ') : '';
}

/** "rimes" → "rimes [sic]", and "rimes," → "rimes [sic],". */
function withSic(word: string): string {
  const m = /^(.*?[\p{L}\p{N}])(\P{L}*)$/u.exec(word);
  return m ? `${m[1]} [sic]${m[2]}` : `${word} [sic]`;
}

/** Two different spellings of one word: long enough, the same first letter, at most two letters apart. */
function looksMisspelt(mine: string, theirs: string): boolean {
  const a = foldForComparison(mine).replace(/[^\p{L}]/gu, '');
  const b = foldForComparison(theirs).replace(/[^\p{L}]/gu, '');
  if (a === b || Math.min(a.length, b.length) < 5 || a[0] !== b[0]) return false;
  const distance = editDistance(a, b);
  return distance <= 2 && distance * 3 <= Math.max(a.length, b.length);
}

/** Letters added, dropped, changed or swapped. */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}
