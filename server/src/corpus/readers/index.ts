// The readers that turn a source file's bytes into the source Markdown that parseSource
// reads: YAML front matter for the metadata, `<!-- page N -->` comments for page locators,
// `[^n]:` definitions for the source's own footnotes. A reader is chosen by the file's
// extension; heavy readers (PDF, web pages, Word) are loaded only when a file of theirs is read.
import { decode } from './text';
import type { ReadProblem, ReadSource, Reader } from './reader';


interface ReaderEntry {
  /** Lower-case extensions, without the dot. */
  extensions: readonly string[];
  /** What the reader reads, for messages and the README. */
  kind: string;
  load: () => Promise<Reader>;
}

const text: Reader = async (bytes) => {
  const decoded = decode(bytes);
  return typeof decoded === 'string' ? { text: decoded } : decoded;
};

const readers: readonly ReaderEntry[] = [
  { extensions: ['md', 'markdown', 'txt'], kind: 'Markdown or plain text', load: async () => text },
  // The build leaves these readers out of the server and CLI bundles and requires their own
  // bundles (dist/reader-<name>.js) in their place: pdf.js alone is 1.7 MB a start never reads.
  { extensions: ['pdf'], kind: 'PDF', load: async () => (await import('./pdf')).readPdf },
  { extensions: ['html', 'htm', 'xhtml'], kind: 'a saved web page', load: async () => (await import('./html')).readHtml },
  { extensions: ['docx'], kind: 'a Word document', load: async () => (await import('./docx')).readDocx },
];

/** The extensions a source file may have, lower case, without the dot. */
export const sourceExtensions: readonly string[] = readers.flatMap((r) => r.extensions);

/** Does the file's name say it is a source Attest can read? */
export function isSourceName(file: string): boolean {
  return readerFor(file) !== undefined;
}

function readerFor(file: string): ReaderEntry | undefined {
  const dot = file.lastIndexOf('.');
  if (dot < 0 || /[\\/]/.test(file.slice(dot))) return undefined;
  const extension = file.slice(dot + 1).toLowerCase();
  return readers.find((r) => r.extensions.includes(extension));
}

const loaded = new Map<ReaderEntry, Promise<Reader>>();

/** Reads a source file's bytes with the reader its extension names. Never throws. */
export async function readSource(bytes: Uint8Array, file: string): Promise<ReadSource | ReadProblem> {
  const entry = readerFor(file);
  if (!entry) return { message: `Skipped: Attest does not read ${extensionOf(file)} files as sources.` };
  try {
    let reader = loaded.get(entry);
    if (!reader) loaded.set(entry, (reader = entry.load()));
    return await (await reader)(bytes, file);
  } catch (error) {
    return { message: `Could not read the file as ${entry.kind}: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function extensionOf(file: string): string {
  const dot = file.lastIndexOf('.');
  return dot < 0 ? 'extension-less' : file.slice(dot);
}
