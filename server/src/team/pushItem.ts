// What a push writes for one source file: the file's identity and the source read from it.
import type { Source } from '../core/types';

/** One source file as it goes into the library. */
export interface PushItem {
  file: string;
  size: number;
  mtimeMs: number;
  sha256: string;
  source: Source;
}
