/**
 * Bytes to text. A dispatch file must be UTF-8; anything else is refused with a message that says where
 * the problem is and what to do, rather than guessed at (see docs/decisions/0003-refuse-invalid-utf-8.md).
 */
export type DecodeResult = { ok: true; text: string } | { ok: false; error: string };

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

export function decodeDispatchBytes(bytes: Uint8Array, fileName: string): DecodeResult {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return { ok: false, error: `${fileName}: the file is UTF-16, not UTF-8; re-save it as UTF-8` };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return { ok: false, error: `${fileName}: looks like a binary file, not text (NUL byte at byte offset ${nul})` };
  }
  const start = startsWith(bytes, UTF8_BOM) ? UTF8_BOM.length : 0;
  const text = decodedOrNull(bytes.subarray(start));
  if (text === null) {
    const invalidAt = firstInvalidUtf8Offset(bytes, start);
    const { line, column } = lineAndColumn(bytes, start, invalidAt);
    return {
      ok: false,
      error:
        `${fileName}: not valid UTF-8 at byte offset ${invalidAt} (line ${line}, column ${column}); ` +
        're-save the file as UTF-8',
    };
  }
  if (text.trim() === '') {
    return { ok: false, error: `${fileName}: the file is empty${text === '' ? '' : ' (only whitespace)'}` };
  }
  // Normalising is parseDispatch's first step, and a pass over the whole file is worth doing once.
  return { ok: true, text };
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

// The decoder checks UTF-8 natively; the byte-by-byte walk that finds where it breaks runs only on a
// file that does.
function decodedOrNull(bytes: Uint8Array): string | null {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    return null;
  }
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/**
 * The offset of the first byte that breaks UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing
 * above U+10FFFF), or -1. TextDecoder only says "invalid", never where, and a person fixing the file
 * needs the where.
 */
export function firstInvalidUtf8Offset(bytes: Uint8Array, from = 0): number {
  let index = from;
  while (index < bytes.length) {
    const lead = bytes[index] ?? 0;
    if (lead < 0x80) {
      index += 1;
      continue;
    }
    const length = sequenceLength(lead);
    if (length === 0) return index;
    if (index + length > bytes.length) return index;
    const second = bytes[index + 1] ?? 0;
    if (!secondByteAllowed(lead, second)) return index;
    for (let next = 2; next < length; next += 1) {
      if (!isContinuation(bytes[index + next] ?? 0)) return index;
    }
    index += length;
  }
  return -1;
}

function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

function isContinuation(byte: number): boolean {
  return byte >= 0x80 && byte <= 0xbf;
}

// The second byte carries the limits that rule out overlong forms, surrogates and code points past U+10FFFF.
function secondByteAllowed(lead: number, second: number): boolean {
  if (lead === 0xe0) return second >= 0xa0 && second <= 0xbf;
  if (lead === 0xed) return second >= 0x80 && second <= 0x9f;
  if (lead === 0xf0) return second >= 0x90 && second <= 0xbf;
  if (lead === 0xf4) return second >= 0x80 && second <= 0x8f;
  return isContinuation(second);
}

/** 1-based line and column (in characters) of a byte offset; everything before it is valid UTF-8. */
function lineAndColumn(bytes: Uint8Array, from: number, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = from;
  for (let index = from; index < offset; index += 1) {
    if (bytes[index] === 0x0a) {
      line += 1;
      lineStart = index + 1;
    }
  }
  const before = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset));
  return { line, column: Array.from(before).length + 1 };
}
