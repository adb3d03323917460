// Checks the draft's own footnotes and citations: references without a definition,
// definitions nobody references, labels defined twice, and citation keys no source has.
import type { Draft } from '../draft/draft';
import { footnoteLabel } from '../draft/footnoteIndex';
import type { Finding } from './findings';

const rawReference = new RegExp(String.raw`\[\^(${footnoteLabel})\](?!:)`, 'g');

/**
 * `knownKeys` answers whether a citation key names a source (a corpus's sources map does);
 * `libraries` names the reference libraries (.bib, CSL-JSON) the keys come from, if any: a
 * list, or a function asked only when a key is unknown (listing them may read every source).
 */
export function footnoteFindings(draft: Draft, knownKeys: { has(key: string): boolean }, libraries: readonly string[] | (() => readonly string[]) = []): Finding[] {
  const findings: Finding[] = [];
  const defined = new Map<string, number>();
  for (const def of draft.footnoteDefs) {
    const key = def.label.toLowerCase();
    const seen = defined.get(key) ?? 0;
    defined.set(key, seen + 1);
    if (seen > 0) {
      findings.push({ code: 'footnote.duplicate', start: def.labelStart - 2, end: def.labelEnd + 1, message: `Footnote [^${def.label}] is defined more than once; only the first definition is used.` });
    }
  }
  const referenced = new Set(draft.footnoteRefs.map((r) => r.label.toLowerCase()));
  // remark leaves a reference to an undefined footnote as plain text, so it is found in the prose.
  for (const block of draft.blocks) {
    for (const m of block.prose.matchAll(rawReference)) {
      const start = block.start + m.index;
      findings.push({ code: 'footnote.undefined', start, end: start + m[0].length, message: `Footnote [^${m[1]}] is referenced here but never defined.`, fix: { kind: 'define', label: m[1]!, start, end: start + m[0].length } });
      referenced.add(m[1]!.toLowerCase());
    }
  }
  const reported = new Set<string>();
  for (const def of draft.footnoteDefs) {
    const key = def.label.toLowerCase();
    if (referenced.has(key) || reported.has(key)) continue;
    reported.add(key);
    findings.push({ code: 'footnote.unused', start: def.labelStart - 2, end: def.labelEnd + 1, message: `Footnote [^${def.label}] is defined but never referenced.` });
  }
  for (const citation of draft.citations) {
    if (knownKeys.has(citation.key)) continue;
    const names = typeof libraries === 'function' ? libraries() : libraries;
    const message = names.length ? `No entry has the key @${citation.key} in ${orList(names)}.` : `No source has the citation key "@${citation.key}".`;
    findings.push({ code: 'citation.unknown-key', start: citation.start - 1, end: citation.end, message });
  }
  return findings;
}

function orList(names: readonly string[]): string {
  return names.length <= 2 ? names.join(' or ') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}
