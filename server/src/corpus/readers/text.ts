// Plain text: UTF-8 bytes decoded, or why they are not a readable text source.

/** UTF-8 text, or why the bytes are not a readable source. */
export function decode(bytes: Uint8Array): string | { line: number; message: string } {
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { line: lineAt(bytes, nul), message: 'Skipped: the file looks binary (it contains NUL bytes), not a text source.' };
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    const bad = firstInvalidUtf8(bytes);
    return { line: lineAt(bytes, bad), message: 'Skipped: the file is not valid UTF-8 text; save it as UTF-8.' };
  }
}

export function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 0;
  for (let i = 0; i < offset; i++) if (bytes[i] === 10) line++;
  return line;
}

/**
 * The offset of the byte that makes `bytes` invalid UTF-8. Decoded a chunk at a time, then
 * searched within the first chunk that fails, starting at the character it begins in: a
 * search from the start of the text decoded up to 20 MB some twenty-five times.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const chunk = 65536;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let from = 0;
  for (; from < bytes.length; from += chunk) {
    try {
      decoder.decode(bytes.subarray(from, from + chunk), { stream: true });
    } catch {
      break;
    }
  }
  // Back to the first byte of a character the chunk boundary may cut (continuation bytes are 10xxxxxx).
  let start = Math.max(0, from - 3);
  while (start < from && (bytes[start]! & 0xc0) === 0x80) start++;
  let low = start;
  let high = Math.min(bytes.length, from + chunk);
  while (low < high) {
    const mid = (low + high) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start, mid), { stream: true });
      low = mid + 1;
    } catch {
      high = mid;
    }
  }
  return Math.max(0, low - 1);
}
