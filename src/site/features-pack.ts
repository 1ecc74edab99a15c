/**
 * Every dispatch's features from the last build (the names it mentions, its search terms) in one
 * binary file read front to back: a rebuild takes those of unchanged dispatches from here instead of
 * reading each dispatch again. Each build writes a new pack holding what it used, so the pack never
 * grows beyond the archive.
 *
 *   header: "dispatch-features <version>\n"
 *   entry:  key length (u16), key (UTF-8), names length (u32), names (UTF-8, one per line),
 *           terms length (u32), terms (UTF-8, one per line), one weight per term (u8),
 *           pair count (u32), pairs (u32 each)
 */
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Features } from './render-task.ts';

const MAGIC = 'dispatch-features';

/**
 * Calls `found` for each entry of the pack at `file`, with the entry's bytes as stored (a new pack
 * copies them rather than encoding the same features again); nothing when the pack is missing or of
 * another version.
 */
export async function readFeaturesPack(
  file: string,
  version: string,
  found: (key: string, features: Features, stored: Buffer) => void | Promise<void>,
): Promise<void> {
  let stream;
  try {
    stream = createReadStream(file, { highWaterMark: 1 << 20 });
    let buffer: Buffer = Buffer.alloc(0);
    let headerRead = false;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
      let offset = 0;
      if (!headerRead) {
        const end = buffer.indexOf(10);
        if (end === -1) continue;
        if (buffer.toString('utf8', 0, end) !== `${MAGIC} ${version}`) return;
        headerRead = true;
        offset = end + 1;
      }
      for (;;) {
        const entry = readEntry(buffer, offset);
        if (entry === null) break;
        await found(entry.key, entry.features, buffer.subarray(offset, entry.end));
        offset = entry.end;
      }
      buffer = buffer.subarray(offset);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  } finally {
    stream?.destroy();
  }
}

function readEntry(buffer: Buffer, start: number): { key: string; features: Features; end: number } | null {
  let at = start;
  const need = (bytes: number) => at + bytes <= buffer.length;
  if (!need(2)) return null;
  const keyLength = buffer.readUInt16LE(at);
  at += 2;
  if (!need(keyLength + 4)) return null;
  const key = buffer.toString('utf8', at, at + keyLength);
  at += keyLength;
  const namesLength = buffer.readUInt32LE(at);
  at += 4;
  if (!need(namesLength + 4)) return null;
  const namesText = buffer.toString('utf8', at, at + namesLength);
  at += namesLength;
  const termsLength = buffer.readUInt32LE(at);
  at += 4;
  if (!need(termsLength)) return null;
  const text = buffer.toString('utf8', at, at + termsLength);
  at += termsLength;
  const terms = text === '' ? [] : text.split('\n');
  if (!need(terms.length + 4)) return null;
  const weights = [...buffer.subarray(at, at + terms.length)];
  at += terms.length;
  const pairCount = buffer.readUInt32LE(at);
  at += 4;
  if (!need(pairCount * 4)) return null;
  const pairs = new Array<number>(pairCount);
  for (let i = 0; i < pairCount; i += 1) pairs[i] = buffer.readUInt32LE(at + i * 4);
  at += pairCount * 4;
  return { key, features: { names: namesText === '' ? [] : namesText.split('\n'), terms: { terms, weights, pairs } }, end: at };
}

function encodeEntry(key: string, { names, terms: { terms, weights, pairs } }: Features): Buffer {
  const keyBytes = Buffer.from(key);
  const nameBytes = Buffer.from(names.join('\n'));
  const termBytes = Buffer.from(terms.join('\n'));
  const buffer = Buffer.alloc(2 + keyBytes.length + 4 + nameBytes.length + 4 + termBytes.length + terms.length + 4 + pairs.length * 4);
  let at = buffer.writeUInt16LE(keyBytes.length, 0);
  at += keyBytes.copy(buffer, at);
  at = buffer.writeUInt32LE(nameBytes.length, at);
  at += nameBytes.copy(buffer, at);
  at = buffer.writeUInt32LE(termBytes.length, at);
  at += termBytes.copy(buffer, at);
  for (const weight of weights) at = buffer.writeUInt8(weight, at);
  at = buffer.writeUInt32LE(pairs.length, at);
  for (const pair of pairs) at = buffer.writeUInt32LE(pair, at);
  return buffer;
}

/** Writes a new pack beside the old one, which it replaces once complete. */
export class FeaturesPackWriter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  private constructor(
    private readonly file: string,
    private readonly handle: FileHandle,
  ) {}

  static async create(file: string, version: string): Promise<FeaturesPackWriter> {
    await mkdir(dirname(file), { recursive: true });
    const handle = await open(`${file}.next`, 'w');
    const writer = new FeaturesPackWriter(file, handle);
    writer.pending.push(Buffer.from(`${MAGIC} ${version}\n`));
    return writer;
  }

  /** Adds a dispatch's features; `stored` is the entry as an earlier pack held it, when it did. */
  async add(key: string, features: Features, stored?: Buffer): Promise<void> {
    const entry = stored ?? encodeEntry(key, features);
    this.pending.push(entry);
    this.pendingBytes += entry.length;
    // Written a megabyte at a time: few system calls, little held in memory.
    if (this.pendingBytes > 1 << 20) await this.flush();
  }

  private async flush(): Promise<void> {
    const chunk = Buffer.concat(this.pending);
    this.pending = [];
    this.pendingBytes = 0;
    await this.handle.write(chunk);
  }

  async finish(): Promise<void> {
    await this.flush();
    await this.handle.close();
    await rename(`${this.file}.next`, this.file);
  }

  async abort(): Promise<void> {
    await this.handle.close();
    await rm(`${this.file}.next`, { force: true });
  }
}
