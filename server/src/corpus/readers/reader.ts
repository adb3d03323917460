// What every reader gives back: the source as Markdown with front matter, or why the file
// could not be read. The registry (index.ts) and each reader share these types.

export interface ReadSource {
  /** The source as Markdown with front matter; what parseSource reads. */
  text: string;
  /** What was read only in part (the pages past a limit), for the source's problems. */
  problems?: ReadProblem[];
}

/** Why a file could not be read, with the line where that is known. */
export interface ReadProblem {
  message: string;
  line?: number;
}

export type Reader = (bytes: Uint8Array, file: string) => Promise<ReadSource | ReadProblem>;
