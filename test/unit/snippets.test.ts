import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDraft } from '../../server/src/core/draft/draft';
import { snippetSuggestions } from '../../server/src/core/findings/suggestions';
import { bundledCorpus } from './corpus';

// The Markdown snippets Attest contributes (snippets/markdown.json), read as VS Code reads them,
// and the fn, claim and cite snippets the server offers, numbered and keyed for the draft.

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description: string;
}

const fileSnippets = JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', 'snippets', 'markdown.json'), 'utf8')) as Record<string, Snippet>;
const corpus = bundledCorpus();
const served = (text: string): Record<string, Snippet> =>
  Object.fromEntries(snippetSuggestions(parseDraft(text), corpus).map((s) => [s.label, { prefix: s.label, body: s.insert, description: s.documentation ?? '' }]));
const snippets: Record<string, Snippet> = { ...fileSnippets, ...served('') };

// ---------------------------------------------------------------------------
// A small reader for VS Code's snippet syntax: $1, ${1:default}, ${1|a,b|}, \$ escapes.

type Part = string | { stop: number; parts: Part[] | undefined } | { stop: number; choices: string[] };

function parseSnippet(text: string): Part[] {
  let i = 0;
  function parts(inPlaceholder: boolean): Part[] {
    const out: Part[] = [];
    let literal = '';
    const flush = (): void => {
      if (literal) out.push(literal);
      literal = '';
    };
    while (i < text.length) {
      const c = text[i]!;
      if (c === '\\' && i + 1 < text.length && '$}\\'.includes(text[i + 1]!)) {
        literal += text[i + 1];
        i += 2;
      } else if (c === '}' && inPlaceholder) {
        break;
      } else if (c === '$' && /\d/.test(text[i + 1] ?? '')) {
        flush();
        const digits = /^\d+/.exec(text.slice(i + 1))![0];
        out.push({ stop: Number(digits), parts: undefined });
        i += 1 + digits.length;
      } else if (c === '$' && text[i + 1] === '{') {
        flush();
        const head = /^\$\{(\d+)([:|])/.exec(text.slice(i));
        if (!head) throw new Error(`unsupported snippet syntax at ${i}: ${text.slice(i, i + 12)}`);
        const stop = Number(head[1]);
        i += head[0].length;
        if (head[2] === '|') {
          const end = text.indexOf('|}', i);
          if (end < 0) throw new Error(`unclosed choice at ${i}`);
          out.push({ stop, choices: text.slice(i, end).split(',') });
          i = end + 2;
        } else {
          const inner = parts(true);
          if (text[i] !== '}') throw new Error(`unclosed placeholder \${${stop}: at ${i}`);
          i++;
          out.push({ stop, parts: inner });
        }
      } else if (c === '$') {
        throw new Error(`unescaped $ at ${i}: write \\$ for a dollar sign`);
      } else {
        literal += c;
        i++;
      }
    }
    flush();
    return out;
  }
  const result = parts(false);
  if (i !== text.length) throw new Error(`stray } at ${i}`);
  return result;
}

function bodyText(s: Snippet): string {
  return Array.isArray(s.body) ? s.body.join('\n') : s.body;
}

/** Every tab stop, in document order, nested ones included. */
function stopsOf(parts: Part[]): { stop: number; choices?: string[] }[] {
  return parts.flatMap((p) => {
    if (typeof p === 'string') return [];
    if ('choices' in p) return [{ stop: p.stop, choices: p.choices }];
    return [{ stop: p.stop }, ...stopsOf(p.parts ?? [])];
  });
}

/**
 * The text VS Code leaves once the writer has typed `typed[n]` at tab stop n (and accepted the
 * default everywhere else). Like VS Code, every occurrence of a tab stop mirrors the same value.
 */
function expand(s: Snippet, typed: Record<number, string> = {}): string {
  const parsed = parseSnippet(bodyText(s));
  const defaults = new Map<number, string>();
  const render = (parts: Part[]): string =>
    parts
      .map((p) => {
        if (typeof p === 'string') return p;
        if (p.stop in typed) return typed[p.stop]!;
        if ('choices' in p) return p.choices[0]!;
        if (p.parts) return render(p.parts);
        return defaults.get(p.stop) ?? '';
      })
      .join('');
  // First pass: the default each tab stop shows (a bare $n mirrors its ${n:default}).
  const collect = (parts: Part[]): void => {
    for (const p of parts) {
      if (typeof p === 'string') continue;
      if ('choices' in p) defaults.set(p.stop, p.choices[0]!);
      else if (p.parts) {
        if (!defaults.has(p.stop)) defaults.set(p.stop, render(p.parts));
        collect(p.parts);
      }
    }
  };
  collect(parsed);
  return render(parsed);
}

function byPrefix(prefix: string, all = snippets): Snippet {
  const found = Object.values(all).find((s) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]).includes(prefix));
  if (!found) throw new Error(`no snippet with prefix ${prefix}`);
  return found;
}

// ---------------------------------------------------------------------------

describe('Markdown snippets', () => {
  it('each has a prefix, a body and a plain-English description', () => {
    expect(Object.keys(snippets).length).toBeGreaterThanOrEqual(6);
    for (const [name, s] of Object.entries(snippets)) {
      const prefixes = Array.isArray(s.prefix) ? s.prefix : [s.prefix];
      expect(prefixes.length, name).toBeGreaterThan(0);
      for (const p of prefixes) expect(p, name).toMatch(/^[a-z]+$/);
      expect(bodyText(s).trim().length, name).toBeGreaterThan(0);
      expect(typeof s.description, name).toBe('string');
      expect(s.description.length, name).toBeGreaterThan(40);
      expect(s.description, name).toMatch(/^[A-Z].*\.$/s);
    }
  });

  it('offers the citing snippets under distinct prefixes', () => {
    const prefixes = Object.values(snippets).flatMap((s) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]));
    expect(new Set(prefixes).size).toBe(prefixes.length);
    for (const p of ['fn', 'fni', 'cite', 'claim', 'quote', 'refs']) expect(prefixes).toContain(p);
  });

  it('every body is valid snippet syntax, with tab stops numbered 1, 2, 3 … and real choices', () => {
    for (const [name, s] of Object.entries(snippets)) {
      const stops = stopsOf(parseSnippet(bodyText(s)));
      const numbers = [...new Set(stops.map((t) => t.stop).filter((n) => n > 0))].sort((a, b) => a - b);
      expect(numbers, name).toEqual(numbers.map((_, k) => k + 1));
      expect(stops.filter((t) => t.stop === 0).length, name).toBeLessThanOrEqual(1);
      for (const t of stops) if (t.choices) expect(t.choices.length, name).toBeGreaterThanOrEqual(2);
    }
  });

  it('fn: the label typed once names both the reference and its definition', () => {
    const fn = byPrefix('fn');
    const lines = bodyText(fn).split('\n');
    const reference = stopsOf(parseSnippet(lines[0]!))[0]!;
    const definition = stopsOf(parseSnippet(lines[lines.length - 1]!))[0]!;
    expect(reference.stop).toBe(1);
    expect(definition.stop).toBe(reference.stop);

    expect(expand(fn)).toBe('[^1]\n\n[^1]: Author, "Title," Outlet, date. URL');
    const typed = expand(fn, { 1: 'cpec-2015', 2: 'Wang Yi', 6: 'https://example.org/report' }).split('\n');
    expect(typed[0]).toBe('[^cpec-2015]');
    expect(typed[1]).toBe('');
    expect(typed[2]).toBe('[^cpec-2015]: Wang Yi, "Title," Outlet, date. https://example.org/report');
  });

  it('claim: a sentence with a figure, a year and a footnote that is defined', () => {
    const claim = byPrefix('claim');
    const text = expand(claim);
    expect(text).toBe('Subject reached $60 billion in 2019.[^1]\n\n[^1]: Source that states this figure, with page or URL');
    const typed = expand(claim, { 1: 'Chinese investment in CPEC', 2: 'rose to', 5: 'cpec' });
    expect(typed).toMatch(/^Chinese investment in CPEC rose to \$60 billion in 2019\.\[\^cpec\]\n\n\[\^cpec\]: /);
  });

  it('fn and claim take the next free footnote number in a draft with footnotes', () => {
    const draft = served('Trade grew.[^1] It grew again.[^7]\n\n[^1]: RT.\n[^7]: Dawn.\n');
    expect(expand(byPrefix('fn', draft))).toBe('[^8]\n\n[^8]: Author, "Title," Outlet, date. URL');
    expect(expand(byPrefix('claim', draft))).toBe('Subject reached $60 billion in 2019.[^8]\n\n[^8]: Source that states this figure, with page or URL');
    expect(expand(byPrefix('fn', served('One.[^1]\r\n\r\n[^1]: RT.\r\n')))).toBe('[^2]\r\n\r\n[^2]: Author, "Title," Outlet, date. URL');
  });

  it('cite: the key is chosen from the sources’ keys, and the page locator is one tab stop, so deleting it leaves a bare [@key]', () => {
    const cite = byPrefix('cite');
    expect(stopsOf(parseSnippet(bodyText(cite)))[0]).toEqual({ stop: 1, choices: ['abbasi-2025', 'korybko-morozov-2020'] });
    expect(expand(cite)).toBe('[@abbasi-2025, p. 12]');
    expect(expand(cite, { 1: 'korybko2020', 3: 'pp.', 4: '4-6' })).toBe('[@korybko2020, pp. 4-6]');
    expect(expand(cite, { 1: 'korybko2020', 2: '' })).toBe('[@korybko2020]');
  });

  it('fni, quote and refs expand to inline note, attributed quotation and reference list', () => {
    expect(expand(byPrefix('fni'))).toBe('^[note]');
    const quote = expand(byPrefix('quote')).split('\n');
    expect(quote.every((line) => line.startsWith('>'))).toBe(true);
    expect(quote[0]).toMatch(/^> “.+”$/);
    expect(quote[quote.length - 1]).toMatch(/^> — Speaker, /);
    const refs = expand(byPrefix('refs')).split('\n');
    expect(refs[0]).toBe('## References');
    expect(refs[2]).toMatch(/^- /);
  });
});
