// Generated drafts: Markdown briefs assembled from the corpus's sentences with a fixed seed.
// A realistic share of checkable matter: about one figure or date in three sentences, some
// changed so that they disagree with the source, quotations (some misquoted), footnote
// references with their definitions, headings, lists, links and the odd table.
import { loadMaterial, perturbFigure, type Material } from './material';
import { createRandom, type Random } from './random';

export interface DraftStats {
  words: number;
  paragraphs: number;
  headings: number;
  footnoteRefs: number;
  footnoteDefs: number;
  quotes: number;
  perturbedFigures: number;
}

export interface GeneratedDraft {
  text: string;
  stats: DraftStats;
}

const quoteLeads = ['As the authors put it,', 'Putin said that the project', 'In the words of the report,', 'The minister argued that', 'One official called it', 'Dugin wrote that', 'The statement said the two sides', 'According to the communiqué,'];
const linkTexts = ['the official website', 'a recent report', 'the joint statement', 'this analysis', 'the ministry'];

export function generateDraft(targetWords: number, seed: number, material: Material = loadMaterial()): GeneratedDraft {
  const random = createRandom(seed);
  const stats: DraftStats = { words: 0, paragraphs: 0, headings: 0, footnoteRefs: 0, footnoteDefs: 0, quotes: 0, perturbedFigures: 0 };
  const blocks: string[] = [];
  const definitions: string[] = [];
  let label = 0;
  const count = (text: string): void => {
    stats.words += text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  };

  const title = `# ${random.pick(material.headings)}: a policy brief`;
  blocks.push(title, '*Draft for comment — figures to be checked against the sources*');
  count(title);
  let sinceHeading = 0;
  let nextHeading = random.int(3, 7);

  const footnote = (): string => {
    stats.footnoteRefs++;
    // Now and then a sentence cites a note already defined.
    if (label > 2 && random.chance(0.12)) return `[^${random.int(1, label)}]`;
    label++;
    stats.footnoteDefs++;
    definitions.push(`[^${label}]: ${random.chance(0.7) ? random.pick(material.footnotes) : `${random.pick(material.names)}, “${random.pick(material.headings)},” ${2010 + random.int(0, 15)}, p. ${random.int(1, 40)}.`}`);
    return `[^${label}]`;
  };

  const sentence = (): string => {
    const wantFigure = random.chance(0.4);
    let s = wantFigure ? random.pick(random.chance(0.6) ? material.amountSentences : material.figureSentences) : random.pick(material.sentences);
    if (wantFigure && random.chance(0.25)) {
      s = perturbFigure(s, random.next);
      stats.perturbedFigures++;
    }
    if (random.chance(0.04)) s = s.replace(/\b(\p{Ll}{6,})\b/u, '*$1*');
    return s;
  };

  const quotation = (): string => {
    stats.quotes++;
    const words = random.pick(material.quotable).replace(/[.!?]$/, '').split(/\s+/);
    const length = Math.min(words.length, random.int(5, 12));
    const from = random.int(0, words.length - length);
    const quoted = words.slice(from, from + length);
    if (random.chance(0.3)) {
      // A misquotation: one word swapped for another of the corpus's words.
      const at = random.int(0, quoted.length - 1);
      quoted[at] = random.pick(material.words);
    }
    return `${random.pick(quoteLeads)} “${quoted.join(' ').replace(/^[^\p{L}\p{N}]+|[,;:]+$/gu, '')}”.`;
  };

  const paragraph = (): string => {
    const parts: string[] = [];
    const n = random.int(2, 5);
    for (let i = 0; i < n; i++) {
      let s = sentence();
      if (random.chance(0.18)) s += footnote();
      parts.push(s);
    }
    if (random.chance(0.22)) parts.splice(random.int(0, parts.length), 0, quotation());
    let text = parts.join(' ');
    if (random.chance(0.06)) {
      const linkText = random.pick(linkTexts);
      text += ` See ${random.chance(0.2) ? `[${linkText}](#)` : `[${linkText}](https://example.org/${random.int(100, 999)})`}.`;
    }
    // About half the paragraphs are hard-wrapped, as in many editors.
    return random.chance(0.5) ? wrap(text, 90) : text;
  };

  while (stats.words < targetWords) {
    if (sinceHeading >= nextHeading) {
      const heading = `${random.chance(0.8) ? '##' : '###'} ${random.pick(material.headings)}`;
      blocks.push(heading);
      count(heading);
      stats.headings++;
      sinceHeading = 0;
      nextHeading = random.int(3, 7);
    }
    const kind = random.next();
    let block: string;
    if (kind < 0.07) block = list(random, sentence);
    else if (kind < 0.09) block = `> ${sentence()}`;
    else if (kind < 0.1) block = table(random);
    else block = paragraph();
    blocks.push(block);
    count(block);
    stats.paragraphs++;
    sinceHeading++;
  }
  blocks.push(...definitions);
  return { text: blocks.join('\n\n') + '\n', stats };
}

function list(random: Random, sentence: () => string): string {
  const items: string[] = [];
  for (let i = random.int(2, 4); i > 0; i--) items.push(`- ${sentence()}`);
  return items.join('\n');
}

function table(random: Random): string {
  const rows = ['| Year | Trade (US$ million) | Change |', '| --- | ---: | ---: |'];
  for (let year = 2015 + random.int(0, 3), i = 0; i < 4; i++, year++) rows.push(`| ${year} | ${random.int(200, 900)} | ${random.int(-20, 40)}% |`);
  return rows.join('\n');
}

function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    // A line must not start with something that would open a list, quote or heading.
    const opener = /^(?:[-+*>#]|#+\S*|\d+[.)])$/.test(word);
    if (line && line.length + 1 + word.length > width && !opener) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}
