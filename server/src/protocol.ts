// Attest's own requests and notifications between the VS Code client and the language
// server, beyond LSP: their names and the shapes of their params and results. Both sides
// import this file, so it holds only string constants and types (no vscode or
// vscode-languageserver imports); positions and ranges are LSP's, 0-based, in UTF-16 units.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

export type VerdictName = 'supported' | 'contradicted' | 'misquoted' | 'unsourced';

/** A diagnostic as LSP sends it (textDocument/publishDiagnostics), for a file checked on request. */
export interface WireDiagnostic {
  range: Range;
  /** 1 error, 2 warning, 3 information, 4 hint. */
  severity?: 1 | 2 | 3 | 4;
  code?: number | string;
  codeDescription?: { href: string };
  source?: string;
  message: string;
  relatedInformation?: { location: { uri: string; range: Range }; message: string }[];
}

/** A file that is one of the writer's sources: it is checked against, never checked as a draft. */
export interface SourceFileInfo {
  /** The source's title, or the file's name when it could not be used. */
  title: string;
  passages: number;
}

/** Claims of a draft by verdict. */
export interface VerdictCounts {
  claims: number;
  supported: number;
  contradicted: number;
  misquoted: number;
  unsourced: number;
}

// ---------------------------------------------------------------------------
// attest/checkFile: checks a draft that is not open in an editor ("Attest: Check workspace").
// The client reads the file (through VS Code, so excludes, virtual file systems and trust
// are VS Code's business) and sends its text; the server reads nothing from the workspace.

export const checkFileRequest = 'attest/checkFile';

export interface CheckFileParams {
  uri: string;
  text: string;
}

export interface CheckFileResult {
  diagnostics: WireDiagnostic[];
  counts: VerdictCounts;
  /** Why the file was not checked (too large, or the check failed). */
  skipped?: string;
  /** Set when the file is one of the writer's sources: then it was not checked. */
  source?: SourceFileInfo;
}

// ---------------------------------------------------------------------------
// attest/documentStatus: claim counts of an open draft's current version (the status bar).

export const documentStatusRequest = 'attest/documentStatus';

export interface DocumentStatusParams {
  textDocument: { uri: string };
}

/** Null when the server does not have the document open. */
export type DocumentStatusResult = {
  uri: string;
  version: number;
  counts: VerdictCounts;
  /** Contradicted plus misquoted claims, those the writer marked as checked left out. */
  disagree: number;
  /** Claims of the draft the writer marked as checked. */
  accepted: number;
  skipped?: string;
  /** Set when the document is one of the writer's sources: then it is not checked. */
  source?: SourceFileInfo;
  /** Why the team library is not being checked against (it cannot be reached), while it is not. */
  library?: string;
} | null;

// ---------------------------------------------------------------------------
// attest/acceptedClaims: the claims marked as checked ("Accepted" view); attest/undoAccept
// takes a mark back, and the claim is checked again.

export const acceptedClaimsRequest = 'attest/acceptedClaims';
export const undoAcceptRequest = 'attest/undoAccept';

export interface AcceptedClaimInfo {
  fingerprint: string;
  /** The claim's words as the draft had them. */
  claim: string;
  code: string;
  /** The draft's path relative to the workspace folder. */
  file?: string;
  /** "2026-12-01". */
  on?: string;
}

export type AcceptedClaimsResult = { claims: AcceptedClaimInfo[] };

export interface UndoAcceptParams {
  fingerprint: string;
}

/** False when the claim was not marked. */
export type UndoAcceptResult = { undone: boolean };

// ---------------------------------------------------------------------------
// attest/sources: every source the checker uses, and the source files that could not be
// used; attest/sourcesChanged (server → client) says the list changed.

export const sourcesRequest = 'attest/sources';
export const sourcesChangedNotification = 'attest/sourcesChanged';

export type SourcesParams = Record<string, never>;

export interface SourceProblemInfo {
  /** The file, as a URI when it is a path on disk, otherwise as reported. */
  uri?: string;
  file: string;
  /** 0-based line, when known. */
  line?: number;
  message: string;
  /**
   * "error": the file is not used, or its metadata is wrong; "warning": it is used, with a flaw
   * the writer can fix; "information": a flaw of a bundled paper, which the writer cannot fix.
   */
  severity: 'error' | 'warning' | 'information';
}

export interface SourceFootnoteInfo {
  label: string;
  /** "CPEC: Pakistani Government Announces …", or the definition as printed when it has no title. */
  title: string;
  url?: string;
  /** Cited in the source but never defined there. */
  missing?: boolean;
}

export interface SourceInfo {
  id: string;
  /** "Korybko & Morozov 2020". */
  label: string;
  title: string;
  authors: string[];
  year?: number;
  container?: string;
  /** The full reference in the configured style. */
  reference: string;
  /** DOI link or URL. */
  url?: string;
  bundled: boolean;
  /** The source file, when there is one. */
  uri?: string;
  passages: number;
  footnotes: SourceFootnoteInfo[];
  problems: SourceProblemInfo[];
}

export interface SourcesResult {
  sources: SourceInfo[];
  /** Where the setting that picks the writer's sources comes from, when it is set. */
  sourcesSetting?: {
    /** "VS Code settings", "the editor's settings", or the path of the .attestrc.json. */
    origin: string;
    /** The .attestrc.json that sets it too, and is overridden. */
    overrides?: string;
  };
  /** Source files that could not be used at all (unreadable, binary, duplicate id, …). */
  problems: SourceProblemInfo[];
}

// ---------------------------------------------------------------------------
// attest/claimSource: where the evidence for the claim at (or in the sentence of) a
// position is ("Attest: Show source"); attest/sourceLocation: where a source, or the
// passage citing one of its footnotes, is (the Sources view).

export const claimSourceRequest = 'attest/claimSource';
export const sourceLocationRequest = 'attest/sourceLocation';

export interface ClaimSourceParams {
  textDocument: { uri: string };
  position: Position;
}

export interface SourceLocationParams {
  sourceId: string;
  /** A footnote label of the source: the passage that cites it is shown. */
  footnote?: string;
}

export interface SourceLocation {
  /** The source file. */
  uri: string;
  /** 0-based line the passage starts on. */
  line: number;
  /** What to select: the source's figure or words, else its sentence, else the passage's first line. */
  range: Range;
  /** The whole matched sentence, for a highlight around the selection. */
  sentence?: Range;
  /** "Korybko & Morozov 2020, pp. 9–10, fn. 4". */
  label: string;
  bundled: boolean;
}

/** A location, or why there is none (no claim there, the claim is unsourced, the file is missing). */
export interface SourceLocationResult {
  location?: SourceLocation;
  message?: string;
}

// ---------------------------------------------------------------------------
// attest/insertCitation: the edits that cite a source with a new footnote at a position:
// the reference there, the definition after the draft's other definitions.

export const insertCitationRequest = 'attest/insertCitation';

export interface InsertCitationParams {
  textDocument: { uri: string };
  position: Position;
  sourceId: string;
}

/**
 * Null when the server does not have the document open or the source is unknown; `problem`
 * (for the writer) when a reference at the position would break the Markdown around it.
 */
export type InsertCitationResult =
  | {
      /** The document version the edits are for; apply them only to that version. */
      version: number;
      /** The new footnote's label ("4"). */
      label: string;
      edits: TextEdit[];
      /** Where the cursor goes after the edits: just after the new reference. */
      cursor: Position;
      /** Set when the sentence's claims disagree with the chosen source, judged against it alone: what to warn the writer. */
      disagreement?: string;
    }
  | { version: number; problem: string }
  | null;

// ---------------------------------------------------------------------------
// attest/citationSources: the sources "Insert citation…" offers, those that fit the sentence at
// the position first; with a query, only those whose title, authors, year, key or text have
// every word of it (asked again as the writer types).

export const citationSourcesRequest = 'attest/citationSources';

export interface CitationSourcesParams {
  textDocument: { uri: string };
  position: Position;
  query?: string;
}

export interface CitationSource {
  id: string;
  /** "Korybko & Morozov 2020". */
  label: string;
  title: string;
  /** "Korybko, Andrew; Morozov, Vladimir M." */
  authors: string;
  /** The passage that fits the sentence or has the query's words: its locator and the words around them. */
  passage?: { locator: string; excerpt: string };
  /** True when the source has a passage that fits the sentence at the position. */
  fits: boolean;
}

export type CitationSourcesResult = { sources: CitationSource[] } | null;

// ---------------------------------------------------------------------------
// attest/factCheckReport: a Markdown report of an open draft's claims ("Attest: Fact-check report").

export const factCheckReportRequest = 'attest/factCheckReport';

export interface FactCheckReportParams {
  textDocument: { uri: string };
}

/** Null when the server does not have the document open. */
export type FactCheckReportResult = {
  markdown: string;
  /** The same report as a self-contained page (inline CSS, no scripts). */
  html: string;
  counts: VerdictCounts;
  skipped?: string;
} | null;

// ---------------------------------------------------------------------------
// attest/restyleNotes: the edits that rewrite the notes Attest inserted into the current
// citation style ("Attest: Restyle inserted notes").

export const restyleNotesRequest = 'attest/restyleNotes';

export interface RestyleNotesParams {
  textDocument: { uri: string };
}

/** Null when the server does not have the document open. */
export type RestyleNotesResult = {
  /** The document version the edits are for; apply them only to that version. */
  version: number;
  edits: TextEdit[];
  /** Labels of the notes rewritten. */
  labels: string[];
} | null;

// ---------------------------------------------------------------------------

/** Each request's params and result, for typed senders and handlers. */
export interface AttestRequests {
  [checkFileRequest]: { params: CheckFileParams; result: CheckFileResult };
  [documentStatusRequest]: { params: DocumentStatusParams; result: DocumentStatusResult };
  [acceptedClaimsRequest]: { params: Record<string, never>; result: AcceptedClaimsResult };
  [undoAcceptRequest]: { params: UndoAcceptParams; result: UndoAcceptResult };
  [sourcesRequest]: { params: SourcesParams; result: SourcesResult };
  [claimSourceRequest]: { params: ClaimSourceParams; result: SourceLocationResult };
  [sourceLocationRequest]: { params: SourceLocationParams; result: SourceLocationResult };
  [insertCitationRequest]: { params: InsertCitationParams; result: InsertCitationResult };
  [citationSourcesRequest]: { params: CitationSourcesParams; result: CitationSourcesResult };
  [factCheckReportRequest]: { params: FactCheckReportParams; result: FactCheckReportResult };
  [restyleNotesRequest]: { params: RestyleNotesParams; result: RestyleNotesResult };
}
