// Test helpers: inline fixtures and readable renderings of spans.
export function lines(...parts: string[]): string {
  return parts.join('\n');
}

/** Each span as the text it covers, so failures read as words, not numbers. */
export function texts(text: string, spans: readonly { start: number; end: number }[]): string[] {
  return spans.map((s) => text.slice(s.start, s.end));
}
