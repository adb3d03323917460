// Generated sources for the large-corpus benchmark: Markdown papers of about 5,000 words in
// the corpus/ format (YAML front matter, page comments, sections, footnote markers and
// definitions, a reference list), assembled from the real papers' sentences. Each source
// swaps in its own names, countries, topic words and figures, so that 10,000 of them have a
// realistic vocabulary (a long tail of rare words) and are not 10,000 copies.
import { loadMaterial, type Material } from './material';
import { createRandom, hashSeed, type Random } from './random';

/** Bump when the generated text changes, so that cached indexes are rebuilt. */
export const sourceGeneratorVersion = 2;

/** Words that make figures and hedges what they are; never swapped. */
const protectedWords = new Set(
  `million billion trillion thousand hundred percent dollars dollar rupees roubles euros megawatt megawatts kilometres kilometers
  about around nearly almost roughly approximately above below under between least worth total annual annually yearly more less than
  their which these those there where while would could should about after before since until during other another
  member members people customers delegation investment investments trade exports imports increase decrease`.split(/\s+/),
);
/** The share of the real papers' content words a source keeps; the rest become its own words. */
const keptShare = 0.04;

const countries = [
  'Afghanistan', 'Armenia', 'Azerbaijan', 'Bangladesh', 'Belarus', 'Brazil', 'China', 'Egypt', 'France', 'Germany', 'India', 'Indonesia', 'Iran', 'Iraq',
  'Israel', 'Japan', 'Kazakhstan', 'Kyrgyzstan', 'Libya', 'Malaysia', 'Pakistan', 'Russia', 'Syria', 'Tajikistan', 'Turkey', 'Turkmenistan', 'Ukraine',
  'Uzbekistan', 'Mongolia', 'Nepal', 'Vietnam', 'Thailand', 'Myanmar', 'Kenya', 'Nigeria', 'Ethiopia', 'Morocco', 'Algeria', 'Tunisia', 'Jordan', 'Oman',
  'Qatar', 'Kuwait', 'Georgia', 'Moldova', 'Serbia', 'Hungary', 'Poland', 'Romania', 'Bulgaria', 'Greece', 'Italy', 'Spain', 'Portugal', 'Norway', 'Sweden',
  'Finland', 'Estonia', 'Latvia', 'Lithuania', 'Argentina', 'Chile', 'Peru', 'Colombia', 'Mexico', 'Cuba', 'Canada', 'Australia', 'Zambia', 'Angola',
];
const institutions = ['Council', 'Corridor', 'Partnership', 'Organisation', 'Union', 'Initiative', 'Bank', 'Agency', 'Forum', 'Programme', 'Commission', 'Fund'];
const outlets = ['Review', 'Quarterly', 'Journal', 'Studies', 'Affairs', 'Bulletin', 'Papers', 'Survey'];

interface Token {
  /** Text before the word (space, punctuation). */
  pre: string;
  word: string;
  /** Text after the word (punctuation, a possessive). */
  post: string;
  kind: 'name' | 'word' | 'number' | 'other';
}

export interface Pools {
  material: Material;
  sentences: Token[][];
  /** Sentences that carry a figure, tokenised. */
  figureSentences: Token[][];
  topicWords: string[];
  surnames: string[];
  acronyms: { acronym: string; expansion: string }[];
  names: Set<string>;
}

let pools: Pools | undefined;

/** Pseudo-words from syllables: pronounceable, distinct, and unknown to the vocabulary. */
function pseudoWords(random: Random, count: number, minSyllables: number, maxSyllables: number): string[] {
  const onsets = ['b', 'd', 'f', 'g', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'br', 'dr', 'gr', 'kr', 'tr', 'st', 'sh', 'ch', 'th', 'pl', 'kl'];
  const vowels = ['a', 'e', 'i', 'o', 'u', 'ai', 'ou', 'ei', 'ia', 'oa'];
  const codas = ['', '', '', 'n', 'r', 's', 'l', 'm', 'k', 't', 'x', 'nd', 'rt'];
  const seen = new Set<string>();
  const out: string[] = [];
  while (out.length < count) {
    let word = '';
    for (let s = random.int(minSyllables, maxSyllables); s > 0; s--) word += random.pick(onsets) + random.pick(vowels) + random.pick(codas);
    if (word.length < 5 || word.length > 13 || seen.has(word)) continue;
    seen.add(word);
    out.push(word);
  }
  return out;
}

const capital = (word: string): string => word[0]!.toUpperCase() + word.slice(1);

function tokenise(sentence: string, names: Set<string>): Token[] {
  const tokens: Token[] = [];
  for (const m of sentence.matchAll(/(\s*)(\S+)/g)) {
    const raw = m[2]!;
    const lead = /^[^\p{L}\p{N}$]*/u.exec(raw)![0];
    let rest = raw.slice(lead.length);
    const trail = /(?:['’]s)?[^\p{L}\p{N}%]*$/u.exec(rest)![0];
    rest = rest.slice(0, rest.length - trail.length);
    const kind: Token['kind'] = /\d/.test(rest) ? 'number' : names.has(rest) ? 'name' : /^\p{Ll}{5,}$/u.test(rest) ? 'word' : 'other';
    tokens.push({ pre: m[1]! + lead, word: rest, post: trail, kind });
  }
  return tokens;
}

export function loadPools(): Pools {
  if (pools) return pools;
  const material = loadMaterial();
  const random = createRandom(20251);
  const names = new Set(material.names.slice(0, 80));
  const topicWords = pseudoWords(random, 250000, 2, 4);
  const surnames = pseudoWords(random, 20000, 2, 3).map(capital);
  const acronyms: Pools['acronyms'] = [];
  const taken = new Set<string>();
  while (acronyms.length < 3000) {
    const words = [...pseudoWords(random, random.int(2, 3), 2, 3).map(capital), random.pick(institutions)];
    const acronym = words.map((w) => w[0]).join('').toUpperCase();
    if (taken.has(acronym)) continue;
    taken.add(acronym);
    acronyms.push({ acronym, expansion: words.join(' ') });
  }
  pools = {
    material,
    sentences: material.sentences.map((s) => tokenise(s, names)),
    figureSentences: material.figureSentences.map((s) => tokenise(s, names)),
    topicWords,
    surnames,
    acronyms,
    names,
  };
  return pools;
}

const numberPart = /\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?/;

function changeNumber(word: string, random: Random): string {
  const m = numberPart.exec(word);
  if (!m) return word;
  const written = m[0];
  const value = Number(written.replace(/,/g, ''));
  let changed: string;
  if (/^(1[89]|20)\d\d$/.test(written)) changed = String(Math.min(2030, value + random.int(-12, 4)));
  else {
    const scaled = value * (0.3 + random.next() * 2.5);
    changed = written.includes(',') ? Math.round(scaled).toLocaleString('en-US') : written.includes('.') ? scaled.toFixed(written.split('.')[1]!.length) : String(Math.max(1, Math.round(scaled)));
  }
  return word.slice(0, m.index) + changed + word.slice(m.index + written.length);
}

export interface GeneratedSource {
  id: string;
  location: string;
  markdown: string;
}

/** Source number `index` (0-based) of the synthetic corpus; the same text every time. */
export function generateSource(index: number, targetWords = 5000): GeneratedSource {
  const p = loadPools();
  const random = createRandom(hashSeed(`source-${index}`));
  const id = `synth-${String(index).padStart(5, '0')}`;
  // This source's own names, places and subject.
  const nameMap = new Map<string, string>();
  for (const name of p.names) {
    if (countries.includes(name)) nameMap.set(name, random.chance(0.7) ? random.pick(countries) : name);
    else if (random.chance(0.5)) nameMap.set(name, random.zipf(p.surnames, 0.9));
  }
  const topic: string[] = [];
  for (let i = 0; i < 40; i++) topic.push(random.zipf(p.topicWords, 1.05));
  // Each source keeps a few of the papers' own words and writes the rest in its own: so a word
  // is common in some sources and absent from most, as in a real collection, rather than in
  // every source because every source is cut from the same two papers.
  const kept = new Set(p.material.words.filter(() => random.chance(keptShare)));
  const acronym = random.chance(0.6) ? random.zipf(p.acronyms, 1.0) : undefined;

  const sentence = (): string => {
    const tokens = random.chance(0.15) ? random.pick(p.figureSentences) : random.pick(p.sentences);
    let out = '';
    let sinceNumber = 9;
    for (const t of tokens) {
      let word = t.word;
      sinceNumber++;
      if (t.kind === 'name') word = nameMap.get(word) ?? word;
      else if (t.kind === 'word' && sinceNumber > 2 && !protectedWords.has(word) && !kept.has(word)) word = random.chance(0.3) ? random.pick(topic) : random.zipf(p.topicWords, 1.0);
      else if (t.kind === 'number') {
        sinceNumber = 0;
        if (random.chance(0.6)) word = changeNumber(word, random);
      }
      out += t.pre + word + t.post;
    }
    return out.trim();
  };

  const lines: string[] = [];
  const authors = Array.from({ length: random.int(1, 3) }, () => ({ family: random.zipf(p.surnames, 0.8), given: random.pick(p.surnames) }));
  const year = random.int(1995, 2025);
  lines.push(
    '---',
    `id: ${id}`,
    `title: ${JSON.stringify(`${capital(random.pick(topic))} and ${random.pick(p.material.headings)} in ${random.pick(countries)}`)}`,
    'authors:',
    ...authors.flatMap((a) => [`  - family: ${a.family}`, `    given: ${a.given}`]),
    `container: ${capital(random.pick(p.topicWords))} ${random.pick(outlets)}`,
    `year: ${year}`,
    `issue: "${random.int(1, 6)}"`,
    `doi: 10.5555/synth.${index}`,
    'language: en',
    'type: article-journal',
    '---',
    '',
  );
  let words = 0;
  let page = 1;
  let footnote = 0;
  let paragraphs = 0;
  lines.push(`<!-- page ${page} -->`, '', '## Abstract', '');
  while (words < targetWords) {
    if (paragraphs > 0 && paragraphs % 3 === 0) lines.push(`<!-- page ${++page} -->`, '');
    if (paragraphs > 0 && paragraphs % 8 === 0) lines.push(`## ${random.pick(p.material.headings)}${random.chance(0.5) ? ` and ${capital(random.pick(topic))}` : ''}`, '');
    const parts: string[] = [];
    if (paragraphs === 1 && acronym) parts.push(`This article examines the ${acronym.expansion} (${acronym.acronym}) and its ${random.pick(topic)} in ${random.pick(countries)}.`);
    for (let n = random.int(3, 6); n > 0; n--) {
      let s = sentence();
      if (random.chance(0.08)) s = s.replace(/[.!?]?$/, (end) => `${end}[^${++footnote}]`);
      parts.push(s);
    }
    const text = parts.join(' ');
    words += text.split(' ').length;
    lines.push(text, '');
    paragraphs++;
  }
  for (let n = 1; n <= footnote; n++) {
    const day = String(random.int(1, 28)).padStart(2, '0');
    const month = String(random.int(1, 12)).padStart(2, '0');
    lines.push(`[^${n}]: ${random.pick(p.surnames)} ${random.pick(p.surnames)[0]}. ${capital(random.pick(topic))} and ${random.pick(p.material.headings)}. – ${capital(random.pick(p.topicWords))} ${random.pick(outlets)}. ${day}.${month}.${random.int(2000, 2024)}. URL: https://example.org/${id}/${n} (accessed 10.03.2020).`, '');
  }
  if (random.chance(0.3)) {
    lines.push('## References', '');
    for (let n = random.int(3, 6); n > 0; n--) lines.push(`- ${random.zipf(p.surnames, 0.8)}, ${random.pick(p.surnames)[0]}. (${random.int(1990, 2024)}). ${capital(random.pick(topic))} of ${random.pick(countries)}. ${capital(random.pick(p.topicWords))} ${random.pick(outlets)}.`);
    lines.push('');
  }
  return { id, location: `synthetic/${id}.md`, markdown: lines.join('\n') };
}
