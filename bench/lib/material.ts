// Raw material for generated drafts and sources: the sentences, headings and footnotes of the
// two real papers in corpus/, split with the checker's own sentence splitter. Everything the
// benchmark feeds the checker is assembled from these, so the text looks like the real thing.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { extractFigures } from '../../server/src/core/claims/figures';
import { splitSentences } from '../../server/src/core/claims/sentences';
import { parseSource } from '../../server/src/corpus/parseSource';

export const repoRoot = path.resolve(__dirname, '..', '..');

export interface Material {
  /** Prose sentences of 6–70 words. */
  sentences: string[];
  /** Those with a figure, year or date in them. */
  figureSentences: string[];
  /** Those with a money, percent, count or quantity figure (not only a year). */
  amountSentences: string[];
  /** Long sentences without quotation marks, to cut quotations from. */
  quotable: string[];
  headings: string[];
  /** Footnote definitions as the sources print them. */
  footnotes: string[];
  /** Capitalised words that are not sentence openers: names of people, places, bodies. */
  names: string[];
  /** Lower-case content words (5+ letters). */
  words: string[];
}

let cached: Material | undefined;

export function loadMaterial(): Material {
  if (cached) return cached;
  const dir = path.join(repoRoot, 'corpus');
  const files = readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
  const sentences: string[] = [];
  const headings = new Set<string>();
  const footnotes: string[] = [];
  for (const file of files) {
    const source = parseSource({ location: `corpus/${file}`, text: readFileSync(path.join(dir, file), 'utf8'), bundled: true });
    for (const passage of source.passages) {
      if (passage.section) headings.add(passage.section);
      for (const span of splitSentences(passage.text)) {
        const sentence = passage.text.slice(span.start, span.end);
        const words = sentence.split(/\s+/).length;
        if (words >= 6 && words <= 70 && /[.!?]["”’)]?$/.test(sentence)) sentences.push(sentence);
      }
    }
    for (const footnote of source.footnotes) if (footnote.text.length > 20) footnotes.push(footnote.text);
  }
  const figureSentences = sentences.filter((s) => extractFigures(s).length > 0);
  const amountSentences = sentences.filter((s) => extractFigures(s).some((f) => f.kind !== 'year' && f.kind !== 'date'));
  const quotable = sentences.filter((s) => s.split(/\s+/).length >= 12 && !/["“”]/.test(s));
  const nameCounts = new Map<string, number>();
  const wordSet = new Set<string>();
  for (const sentence of sentences) {
    const tokens = sentence.split(/\s+/);
    tokens.forEach((token, i) => {
      const word = token.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
      if (i > 0 && /^\p{Lu}\p{Ll}{3,}$/u.test(word)) nameCounts.set(word, (nameCounts.get(word) ?? 0) + 1);
      if (/^\p{Ll}{5,}$/u.test(word)) wordSet.add(word);
    });
  }
  const names = [...nameCounts].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
  cached = {
    sentences,
    figureSentences,
    amountSentences,
    quotable,
    headings: [...headings].filter((h) => !/^(references|abstract)$/i.test(h)),
    footnotes,
    names,
    words: [...wordSet].sort(),
  };
  return cached;
}

const numberToken = /(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)/g;

/**
 * Changes one number in a sentence so that the figure disagrees with its source: amounts
 * by 30–100% either way (keeping the way they are written), years by one to three.
 */
export function perturbFigure(sentence: string, next: () => number): string {
  const matches = [...sentence.matchAll(numberToken)];
  if (!matches.length) return sentence;
  const m = matches[Math.floor(next() * matches.length)]!;
  const written = m[1]!;
  const value = Number(written.replace(/,/g, ''));
  let changed: string;
  if (/^(1[89]|20)\d\d$/.test(written)) changed = String(value + (next() < 0.5 ? -1 : 1) * (1 + Math.floor(next() * 3)));
  else {
    const factor = next() < 0.5 ? 0.5 + next() * 0.2 : 1.3 + next() * 0.7;
    changed = formatLike(written, value * factor);
  }
  return sentence.slice(0, m.index) + changed + sentence.slice(m.index! + written.length);
}

/** A number written the way `like` is: with thousands separators, or with as many decimals. */
export function formatLike(like: string, value: number): string {
  const decimals = like.includes('.') ? like.split('.')[1]!.length : 0;
  if (like.includes(',')) return Math.round(value).toLocaleString('en-US');
  const out = decimals ? value.toFixed(decimals) : String(Math.max(1, Math.round(value)));
  return out;
}
