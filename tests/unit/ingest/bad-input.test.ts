/**
 * Files that are not clean UTF-8 text: each fails with a message that names the file and says what is
 * wrong, or is repaired (BOM, CRLF, NFD) so that it reads exactly like the clean file.
 */
import { describe, expect, it } from 'vitest';
import type { Dispatch } from '../../../src/core/schema.ts';
import { decodeDispatchBytes, firstInvalidUtf8Offset } from '../../../src/ingest/decode.ts';
import { buildBundle, parseDispatch } from '../../../src/ingest/index.ts';
import { generateLargeDispatch } from '../../fixtures/large/generate-large-dispatch.ts';
import { parseSeed, readFixtureBytes } from './support.ts';

function buildOne(path: string): ReturnType<typeof buildBundle> {
  return buildBundle([{ fileName: path.slice(path.lastIndexOf('/') + 1), bytes: readFixtureBytes(path) }]);
}

function builtDispatch(path: string): Dispatch {
  const result = buildOne(path);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  const [dispatch] = result.bundle.dispatches;
  if (dispatch === undefined) throw new Error('no dispatch');
  return dispatch;
}

/** The fields a reader sees; id, file name and path differ between a fixture and its seed by design. */
function content(dispatch: Dispatch): Partial<Dispatch> {
  return { ...dispatch, id: undefined, sourceFile: undefined, path: undefined };
}

describe('files that cannot become a dispatch', () => {
  it('an empty file fails as empty', () => {
    expect(buildOne('encoding/empty.txt')).toEqual({ ok: false, errors: ['empty.txt: the file is empty'] });
  });

  it('a whitespace-only file fails as empty', () => {
    const result = buildOne('encoding/whitespace-only.txt');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual([expect.stringMatching(/^whitespace-only\.txt: the file is empty/)]);
  });

  it('a binary file fails, saying at which byte the NUL is', () => {
    const result = buildOne('encoding/binary.txt');
    expect(result).toEqual({ ok: false, errors: [expect.stringMatching(/^binary\.txt: .*binary.*NUL byte at byte offset 45/)] });
  });

  it('invalid UTF-8 fails with the byte offset, line and column, and says to re-save as UTF-8', () => {
    const result = buildOne('encoding/invalid-utf8.txt');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      const [message] = result.errors;
      expect(message).toMatch(/^invalid-utf8\.txt: not valid UTF-8 at byte offset 148 \(line 5, column 32\)/);
      expect(message).toMatch(/re-save the file as UTF-8/);
    }
  });

  it('a UTF-16 file fails with advice to re-save as UTF-8', () => {
    const result = buildOne('encoding/utf16.txt');
    expect(result).toEqual({ ok: false, errors: [expect.stringMatching(/^utf16\.txt: .*UTF-16.*re-save it as UTF-8/)] });
  });

  it('of two files that would get the same id, the second in name order fails, naming both', () => {
    const result = buildBundle([
      { fileName: 'same-id.txt', bytes: readFixtureBytes('same-id/same-id.txt') },
      { fileName: 'same id.txt', bytes: readFixtureBytes('same-id/same id.txt') },
    ]);
    expect(result).toEqual({
      ok: false,
      errors: ['same-id.txt: would get the id "same-id", which "same id.txt" already has; "same id.txt" is kept, rename this file'],
    });
  });

  it('lists every problem of every file at once', () => {
    const names = ['binary.txt', 'empty.txt', 'good.txt', 'latin1.txt', 'same id.txt', 'same-id.txt'];
    const result = buildBundle(names.map((fileName) => ({ fileName, bytes: readFixtureBytes(`broken-archive/${fileName}`) })));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toHaveLength(4);
      for (const name of ['binary.txt', 'empty.txt', 'latin1.txt', 'same id.txt']) {
        expect(result.errors.some((error) => error.includes(name))).toBe(true);
      }
      expect(result.errors.some((error) => error.includes('good.txt'))).toBe(false);
    }
  });

  it('a file whose every line is furniture fails, saying so', () => {
    const result = parseDispatch('photo-1.jpg\n', 'only-a-picture.txt');
    expect(result).toEqual({ ok: false, errors: [expect.stringMatching(/^only-a-picture\.txt: no article text/)] });
  });
});

describe('files that are repaired on the way in', () => {
  it('a UTF-8 byte order mark is dropped and the file reads like the seed', () => {
    expect(content(builtDispatch('encoding/bom.txt'))).toEqual(content(parseSeed('000')));
  });

  it('CRLF line endings read like the seed', () => {
    expect(content(builtDispatch('encoding/crlf.txt'))).toEqual(content(parseSeed('003')));
  });

  it('decomposed (NFD) text is composed to NFC and reads like the seed', () => {
    const dispatch = builtDispatch('encoding/nfd.txt');
    expect(content(dispatch)).toEqual(content(parseSeed('002')));
    expect(dispatch.dateline).toBe('Hà Nội'.normalize('NFC'));
  });
});

describe('a dispatch of several megabytes', () => {
  it('is read in linear time, header, sign-off and all', () => {
    const text = generateLargeDispatch();
    expect(text.length).toBeGreaterThan(5_000_000);
    // A backtracking pattern would take minutes on these lines and run into the test's time limit.
    const result = parseDispatch(text, 'large.txt');
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.dispatch.dateline).toBe('Berlin');
      expect(result.dispatch.agency).toBe('VNA/VNS');
      expect(result.dispatch.wordCount).toBeGreaterThan(100_000);
    }
  }, 30_000);
});

describe('firstInvalidUtf8Offset', () => {
  it.each([
    ['valid text', [0x48, 0xc3, 0xa0, 0x20, 0xe2, 0x80, 0x94], -1],
    ['a lone continuation byte', [0x41, 0x80], 1],
    ['an overlong slash', [0x41, 0xc0, 0xaf], 1],
    ['a UTF-16 surrogate', [0xed, 0xa0, 0x80], 0],
    ['a sequence cut short at the end', [0x41, 0x42, 0xe2, 0x80], 2],
    ['a code point past U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
  ])('finds %s', (_, bytes, offset) => {
    expect(firstInvalidUtf8Offset(new Uint8Array(bytes))).toBe(offset);
  });

  it('is what decodeDispatchBytes reports', () => {
    const decoded = decodeDispatchBytes(new Uint8Array([0x41, 0x0a, 0x42, 0xff]), 'x.txt');
    expect(decoded).toEqual({ ok: false, error: expect.stringContaining('byte offset 3 (line 2, column 2)') });
  });
});
