import { isNotePassage, type Passage, type Source } from '../../server/src/core/types';
// Test helpers: inline fixtures and readable renderings of spans.
export function lines(...parts: string[]): string {
  return parts.join('\n');
}

/** Each span as the text it covers, so failures read as words, not numbers. */
export function texts(text: string, spans: readonly { start: number; end: number }[]): string[] {
  return spans.map((s) => text.slice(s.start, s.end));
}

/** A draft of about 6 KB whose paragraphs state figures the bundled corpus speaks to; `n` changes the figure at `typingDraftFigure`. */
export function typingDraft(n: number): string {
  const paragraphs = Array.from({ length: 24 }, (_, i) =>
    i === 12
      ? `Pakistan's exports to Russia reached $${150 + n} million while imports from Russia were worth $250 million.[^1]`
      : `In section ${i + 1}, bilateral trade between Russia and Pakistan stood at $${700 + i} million, and CPEC's eventual total investment is expected to reach $60 billion.`,
  );
  return lines('# Trade', '', ...paragraphs.flatMap((p) => [p, '']), '[^1]: RT, 9 December 2019.');
}

/** Where the changing figure's digits start in typingDraft: line and character. */
export const typingDraftFigure = { line: 26, character: "Pakistan's exports to Russia reached $".length };

/** A source's passages of its body, without those of its own footnotes (which follow them). */
export function bodyOf(source: Source): Passage[] {
  return source.passages.filter((p) => !isNotePassage(p));
}
