// Ignore comments in the draft: <!-- attest-ignore-next-line -->, and
// <!-- attest-disable [codes] --> … <!-- attest-enable --> around a stretch of text.
import type { Draft } from '../draft/draft';
import type { Finding } from './findings';

interface Quiet {
  start: number;
  end: number;
  codes: string[];
}

export function applyDirectives(draft: Draft, findings: Finding[]): Finding[] {
  if (!draft.directives.length) return findings;
  const quiet: Quiet[] = [];
  let open: Quiet | undefined;
  for (const d of draft.directives) {
    if (d.kind === 'ignore-next-line') {
      const lineStart = nextNonBlankLine(draft.text, d.end);
      const lineEnd = draft.text.indexOf('\n', lineStart);
      quiet.push({ start: lineStart, end: lineEnd < 0 ? draft.text.length : lineEnd, codes: d.codes });
    } else if (d.kind === 'disable' && !open) {
      open = { start: d.end, end: draft.text.length, codes: d.codes };
      quiet.push(open);
    } else if (d.kind === 'enable' && open) {
      open.end = d.start;
      open = undefined;
    }
  }
  return findings.filter((f) => !quiet.some((q) => f.start >= q.start && f.start < q.end && (q.codes.length === 0 || q.codes.includes(f.code))));
}

function nextNonBlankLine(text: string, from: number): number {
  let at = text.indexOf('\n', from);
  if (at < 0) return text.length;
  at++;
  while (at < text.length && text[at] === '\n') at++;
  return at;
}
