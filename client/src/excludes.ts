// The exclude glob for "Check workspace": the files.exclude and search.exclude patterns that
// are switched on, as one brace pattern. Pure, so it is unit-tested without VS Code.

/** `{a,b,c}` of the patterns set to true (conditional `{ when }` entries are left out); undefined when there are none. */
export function excludeGlob(...settings: (Record<string, unknown> | undefined)[]): string | undefined {
  const patterns = new Set<string>();
  for (const setting of settings) {
    for (const [pattern, on] of Object.entries(setting ?? {})) {
      if (on !== true) continue;
      // VS Code's globs do not nest braces: expand the pattern's own first.
      for (const expanded of expandBraces(pattern.trim())) if (expanded) patterns.add(expanded);
    }
  }
  const all = [...patterns];
  if (all.length === 0) return undefined;
  return all.length === 1 ? all[0] : `{${all.join(',')}}`;
}

/** `**\/*.{a,b}` → `**\/*.a`, `**\/*.b`; nested and several groups too. */
export function expandBraces(pattern: string): string[] {
  const open = pattern.indexOf('{');
  if (open < 0) return [pattern];
  let depth = 0;
  let close = -1;
  const commas: number[] = [];
  for (let i = open; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) {
      close = i;
      break;
    } else if (c === ',' && depth === 1) commas.push(i);
  }
  if (close < 0) return [pattern];
  const bounds = [open, ...commas, close];
  const head = pattern.slice(0, open);
  const tail = expandBraces(pattern.slice(close + 1));
  const options = bounds.slice(0, -1).flatMap((from, i) => expandBraces(pattern.slice(from + 1, bounds[i + 1])));
  return options.flatMap((option) => tail.map((rest) => head + option + rest));
}

/** Fact-check reports are Attest's output, not drafts. */
export function isReport(path: string): boolean {
  return /\.attest-report\.md$/i.test(path);
}
