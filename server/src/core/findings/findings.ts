// Findings: what the checks report, before any editor or CLI formats them.
export type FindingCode =
  | 'figure.mismatch'
  | 'date.mismatch'
  | 'quote.misquoted'
  | 'quote.not-found'
  | 'claim.unsourced'
  | 'claim.uncited'
  | 'citation.unsupported'
  | 'link.placeholder'
  | 'footnote.undefined'
  | 'footnote.unused'
  | 'footnote.duplicate'
  | 'citation.unknown-key'
  | 'draft.too-deep';

export const findingCodes: readonly FindingCode[] = [
  'figure.mismatch',
  'date.mismatch',
  'quote.misquoted',
  'quote.not-found',
  'claim.unsourced',
  'claim.uncited',
  'citation.unsupported',
  'link.placeholder',
  'footnote.undefined',
  'footnote.unused',
  'footnote.duplicate',
  'citation.unknown-key',
  'draft.too-deep',
];

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export const defaultSeverity: Record<FindingCode, Severity> = {
  'figure.mismatch': 'warning',
  'date.mismatch': 'warning',
  'quote.misquoted': 'warning',
  'quote.not-found': 'information',
  'claim.unsourced': 'information',
  'claim.uncited': 'information',
  'citation.unsupported': 'warning',
  'link.placeholder': 'warning',
  'footnote.undefined': 'error',
  'footnote.unused': 'warning',
  'footnote.duplicate': 'error',
  'citation.unknown-key': 'warning',
  'draft.too-deep': 'information',
};

export interface Finding {
  code: FindingCode;
  start: number;
  end: number;
  message: string;
  /** Everything a quick fix needs; travels in diagnostic.data. */
  fix?: FixData;
  /** Identifies a claim's finding by its words, so "Mark as checked" lasts until they change. */
  fingerprint?: string;
}

export type FixData =
  | { kind: 'replace'; start: number; end: number; newText: string; title: string }
  /** Alternative sets of edits, the first preferred (a quotation's words, or the same with "[sic]"). */
  | { kind: 'words'; choices: { title: string; edits: { start: number; end: number; text: string }[] }[] }
  /** A reference whose footnote has no definition: define it, citing a source. */
  | { kind: 'define'; label: string; start: number; end: number }
  | { kind: 'cite'; sourceId: string; passageIndex: number; footnote?: string; at: number }
  /** The sentence cites `label` (a footnote label, or "@key"), which does not state the claim: cite this source instead. */
  | { kind: 'recite'; label: string; sourceId: string; passageIndex: number; footnote?: string }
  | { kind: 'link'; urlStart: number; urlEnd: number; text: string; sourceId?: string };
