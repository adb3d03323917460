// The corpus index that loads instead of being rebuilt: its layout (indexFormat.ts), the
// writer (indexWriter.ts) and the reader (indexReader.ts).
export { corpusIndexFormat } from './indexFormat';
export * from './indexWriter';
export * from './indexReader';
