// Shares written as fractions: "rose by a fifth", "two-thirds of the total", "at least a fifth of
// a film's budget", "almost two-fifths". The figure reader (figures.ts) makes each a percentage.

/** "a", "one" … "nine", then the fraction's word: "a fifth", "two-thirds", "three quarters". */
const fraction = (denominators: string): string => String.raw`((?:a|one|two|three|four|five|six|seven|eight|nine)[- ](${denominators}))`;

/**
 * A fraction that is a share: after "by" ("rose by a fifth", "by two-thirds"), before "of the",
 * "of its", "of all" or "of a" ("a fifth of a film's budget"), or after a hedge ("almost a third",
 * "at least a fifth"; the hedge is read as for any figure).
 */
const shareWords = new RegExp(
  [
    String.raw`\b(?:by\s+)${fraction('half|thirds?|quarters?|fifths?|tenths?')}\b`,
    String.raw`\b${fraction('thirds?|quarters?|fifths?|tenths?')}(?=\s+of\s+(?:the|its|their|all|an?|each|every)\b)`,
    String.raw`\b(?:almost|nearly|about|around|roughly|some|over|under|at\s+least|at\s+most|up\s+to|close\s+to|more\s+than|less\s+than|just\s+over|just\s+under)\s+${fraction('half|thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?')}\b`,
  ].join('|'),
  'gi',
);
const numeratorValues: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 };
const shareValues: Record<string, number> = { half: 50, third: 100 / 3, quarter: 25, fifth: 20, sixth: 100 / 6, seventh: 100 / 7, eighth: 12.5, ninth: 100 / 9, tenth: 10 };

/** The shares `text` writes as fractions: where each fraction's words are, and the percentage they mean. */
export function readShares(text: string): { start: number; end: number; percent: number }[] {
  const found: { start: number; end: number; percent: number }[] = [];
  for (const m of text.matchAll(shareWords)) {
    const words = m[1] ?? m[3] ?? m[5]!;
    const start = m.index + m[0].indexOf(words);
    const numerator = numeratorValues[words.toLowerCase().split(/[- ]/)[0]!]!;
    const percent = numerator * shareValues[(m[2] ?? m[4] ?? m[6]!).toLowerCase().replace(/s$/, '')]!;
    found.push({ start, end: start + words.length, percent });
  }
  return found;
}
