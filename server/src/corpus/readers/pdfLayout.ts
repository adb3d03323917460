// A PDF page's positioned text runs into lines in reading order: baselines grouped into lines,
// a column gutter found from where the text is not, superscript numbers attached to the line
// they are raised above, and the page-foot footnotes told apart from the body. Pure geometry:
// the runs come from pdf.js (pdf.ts), the paragraphs and Markdown are made in pdfText.ts.

/** A piece of text as the PDF draws it; y is the baseline, up from the page's foot. */
export interface TextRun {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

export interface Line {
  /** The line's runs left to right; superscript numbers are marked. */
  runs: (TextRun & { superscript?: boolean })[];
  x: number;
  right: number;
  y: number;
  size: number;
  /** Which side of the page's gutter, or both (a line across the gutter, or a page with one column). */
  side: 'left' | 'right' | 'across';
}

export interface PageLayout {
  /** The body's lines in reading order, grouped in runs of lines that read on from each other. */
  blocks: Line[][];
  /** The page-foot lines in a smaller type, in reading order. */
  foot: Line[];
}

/**
 * The lines of a page, unordered, with superscript numbers attached to their line. Runs on one
 * baseline are one line unless the page's gutter falls between them.
 */
export function pageLines(runs: readonly TextRun[]): Line[] {
  const upright = runs.filter((r) => r.text.trim() && r.size > 0);
  const gutter = findGutter(upright);
  const sideOf = (r: TextRun): Line['side'] => (gutter === undefined ? 'across' : r.x + r.width <= gutter ? 'left' : r.x >= gutter ? 'right' : 'across');
  const lines: Line[] = [];
  const byBaseline = [...upright].sort((a, b) => b.y - a.y || a.x - b.x);
  for (const run of byBaseline) {
    const side = sideOf(run);
    const line = lines.find((l) => Math.abs(l.y - run.y) <= 0.3 * Math.min(l.size, run.size) && (l.side === side || l.side === 'across' || side === 'across'));
    if (line) {
      line.runs.push(run);
      if (side === 'across') line.side = 'across';
    } else lines.push({ runs: [run], x: run.x, right: run.x + run.width, y: run.y, size: run.size, side });
  }
  for (const line of lines) settle(line);
  return attachSuperscripts(lines);
}

function settle(line: Line): void {
  line.runs.sort((a, b) => a.x - b.x);
  line.x = Math.min(...line.runs.map((r) => r.x));
  line.right = Math.max(...line.runs.map((r) => r.x + r.width));
  line.size = mainSize(line.runs);
}

/** The size of most of the line's characters. */
function mainSize(runs: readonly TextRun[]): number {
  const weight = new Map<number, number>();
  for (const r of runs) weight.set(r.size, (weight.get(r.size) ?? 0) + r.text.length);
  return [...weight].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]![0];
}

/**
 * The x of a gutter between two columns: the widest vertical strip in the middle half of the
 * text that no more runs cross than the fewest that cross anywhere there, when most lines
 * stay on one side of it and both sides hold text. Undefined for a page of one column.
 */
function findGutter(runs: readonly TextRun[]): number | undefined {
  if (runs.length < 4) return undefined;
  const minX = Math.floor(Math.min(...runs.map((r) => r.x)));
  const maxX = Math.ceil(Math.max(...runs.map((r) => r.x + r.width)));
  const coverage = new Int32Array(maxX - minX + 1);
  for (const r of runs) for (let x = Math.ceil(r.x) - minX; x <= Math.floor(r.x + r.width) - minX; x++) coverage[x]!++;
  const from = Math.floor((maxX - minX) * 0.25);
  const to = Math.ceil((maxX - minX) * 0.75);
  let fewest = Infinity;
  for (let x = from; x <= to; x++) fewest = Math.min(fewest, coverage[x]!);
  let best: { start: number; width: number } | undefined;
  for (let x = from; x <= to; x++) {
    if (coverage[x] !== fewest) continue;
    let end = x;
    while (end + 1 <= to && coverage[end + 1] === fewest) end++;
    if (!best || end - x + 1 > best.width) best = { start: x, width: end - x + 1 };
    x = end;
  }
  const size = medianSize(runs);
  if (!best || best.width < 0.6 * size) return undefined;
  const gutter = minX + best.start + best.width / 2;
  const baselines = new Set(runs.map((r) => Math.round(r.y))).size;
  const leftSide = runs.filter((r) => r.x + r.width <= gutter).length;
  const rightSide = runs.filter((r) => r.x >= gutter).length;
  return fewest <= 0.4 * baselines && leftSide >= 2 && rightSide >= 2 ? gutter : undefined;
}

function medianSize(runs: readonly TextRun[]): number {
  const sizes = runs.map((r) => r.size).sort((a, b) => a - b);
  return sizes[sizes.length >> 1]!;
}

/**
 * Lines of nothing but a number in a smaller type, raised above the baseline of a line they
 * touch, are that line's footnote markers.
 */
function attachSuperscripts(lines: Line[]): Line[] {
  const kept: Line[] = [];
  for (const small of lines) {
    const text = small.runs.map((r) => r.text).join('').trim();
    const host = /^\d{1,3}(,\d{1,3})*$/.test(text)
      ? lines.find((l) => l !== small && small.size <= 0.8 * l.size && small.y - l.y >= 0.15 * l.size && small.y - l.y <= 0.75 * l.size && small.x >= l.x - 1 && small.x <= l.right + l.size)
      : undefined;
    if (!host) {
      kept.push(small);
      continue;
    }
    host.runs.push(...small.runs.map((r) => ({ ...r, superscript: true })));
    host.runs.sort((a, b) => a.x - b.x);
    host.right = Math.max(host.right, small.right);
  }
  return kept;
}

/**
 * The page's lines in reading order: from the top, lines across the page read in place, and
 * each stretch of two-column lines between them reads down the left column, then the right.
 * The smaller-type lines below the lowest body-size line are the page foot.
 */
export function layOut(lines: readonly Line[], bodySize: number): PageLayout {
  const top = [...lines].sort((a, b) => b.y - a.y || a.x - b.x);
  const lowestBody = top.reduce((low, l) => (l.size >= 0.9 * bodySize ? Math.min(low, l.y) : low), Infinity);
  const isFoot = (l: Line): boolean => l.size < 0.9 * bodySize && l.y < lowestBody;
  const blocks: Line[][] = [];
  let stretch: Line[] = [];
  const endStretch = (): void => {
    if (!stretch.length) return;
    if (stretch[0]!.side === 'across') blocks.push(stretch);
    else blocks.push([...stretch.filter((l) => l.side === 'left'), ...stretch.filter((l) => l.side === 'right')]);
    stretch = [];
  };
  for (const line of top) {
    if (isFoot(line)) continue;
    if (stretch.length && (line.side === 'across') !== (stretch[0]!.side === 'across')) endStretch();
    stretch.push(line);
  }
  endStretch();
  const foot = top.filter(isFoot);
  const footLeft = foot.filter((l) => l.side !== 'right');
  return { blocks, foot: [...footLeft, ...foot.filter((l) => l.side === 'right')] };
}
