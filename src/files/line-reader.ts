// Streaming line reader for definition files: bytes in, decoded lines out, so a
// 50 MB file never sits in memory. Rejects binary input (NUL bytes, invalid
// UTF-8, absurdly long lines) with the byte offset of the first bad byte.
// No fs here except `openDefinitionFile`, which only reads a file's bytes.

import { closeSync, constants, createReadStream, fstatSync, openSync, readSync, statSync } from 'node:fs';

export interface RawLine {
  /** Line text without `\n`, without the `\r` of a CRLF, and (line 1) without a BOM. */
  text: string;
  /** 1-based line number. */
  line: number;
  /** The line ended in `\r\n`. */
  hasCR: boolean;
  /** The line ended in `\n` (false only for a last line without newline). */
  hasLF: boolean;
  /** UTF-16 offset of the line start in the decoded file text (BOM excluded). */
  offset: number;
  /** Byte offset of the line start in the file (BOM included). */
  byteOffset: number;
  /** Line 1 only: the file started with a UTF-8 BOM. */
  bom: boolean;
}

/** The input is not a UTF-8 text file; `byteOffset` is where the first bad byte is. */
export class NotADefinitionFileError extends Error {
  constructor(readonly reason: string, readonly byteOffset: number) {
    super(`not a definition file (${reason} at byte offset ${byteOffset})`);
    this.name = 'NotADefinitionFileError';
  }
}

/** Longest line accepted; definition lines are at most a few KiB (the dynamic_events buffer is 4 KiB). */
export const MAX_LINE_CHARS = 1 << 20;

/** Index of the first byte of the first ill-formed sequence in `bytes`, or -1; an incomplete sequence at the end counts as invalid only if `final`. */
export function firstInvalidUtf8(bytes: Uint8Array, final = true): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) { i++; continue; }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) return final ? i : -1;
      const c = bytes[i + k]!;
      // The bad byte is the one that starts the broken sequence, e.g. 0xE9 in `caf\xE9 u32`.
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
      // Reject overlongs, surrogates and > U+10FFFF as early as the second byte allows.
      if (k === 1 && need === 2 && ((b === 0xe0 && c < 0xa0) || (b === 0xed && c > 0x9f))) return i;
      if (k === 1 && need === 3 && ((b === 0xf0 && c < 0x90) || (b === 0xf4 && c > 0x8f))) return i;
    }
    if (cp < min) return i;
    i += need + 1;
  }
  return -1;
}

/** Bytes at the end of an accepted chunk that start an incomplete UTF-8 sequence. */
function incompleteTail(buf: Uint8Array): Uint8Array {
  for (let back = 1; back <= Math.min(3, buf.length); back++) {
    const b = buf[buf.length - back]!;
    if ((b & 0xc0) === 0x80) continue;
    const len = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return len > back ? buf.subarray(buf.length - back) : new Uint8Array(0);
  }
  return new Uint8Array(0);
}

/** `readLineBatches`, one line at a time. */
export async function* readLines(source: AsyncIterable<Uint8Array | string>): AsyncGenerator<RawLine> {
  for await (const batch of readLineBatches(source)) yield* batch;
}

/**
 * Decode and split a byte stream into lines, yielded as one batch per chunk read
 * (a large file is millions of lines: one await per line cost more than the split).
 * Throws `NotADefinitionFileError` for NUL bytes, invalid UTF-8 or a line longer
 * than `MAX_LINE_CHARS`, after yielding the lines before the chunk that holds it.
 */
export async function* readLineBatches(source: AsyncIterable<Uint8Array | string>): AsyncGenerator<RawLine[]> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let carry = '';
  let bytePos = 0; // bytes of the stream before the current chunk
  let tail: Uint8Array = new Uint8Array(0);
  let line = 1;
  let offset = 0;
  let byteOffset = 0;
  let first = true;
  let bom = false;

  let batch: RawLine[] = [];
  const emit = (text: string, hasLF: boolean): void => {
    // Same limit whether or not the newline arrived in the chunk that crossed it.
    if (text.length > MAX_LINE_CHARS) throw tooLong();
    const hasCR = hasLF && text.charCodeAt(text.length - 1) === 0x0d;
    const body = hasCR ? text.slice(0, -1) : text;
    batch.push({ text: body, line, hasCR, hasLF, offset, byteOffset, bom: line === 1 && bom });
    offset += text.length + (hasLF ? 1 : 0);
    byteOffset += Buffer.byteLength(text) + (hasLF ? 1 : 0) + (line === 1 && bom ? 3 : 0);
    line++;
  };

  const tooLong = () => new NotADefinitionFileError(`line ${line} is longer than ${MAX_LINE_CHARS} characters`, byteOffset);

  const fail = (bytes: Uint8Array, base: number): never => {
    const at = firstInvalidUtf8(bytes);
    throw new NotADefinitionFileError('invalid UTF-8', base + Math.max(0, at));
  };

  for await (const raw of source) {
    const buf = typeof raw === 'string' ? Buffer.from(raw) : raw;
    const nul = buf.indexOf(0);
    if (nul >= 0) {
      // Report whichever comes first: invalid UTF-8 before the NUL (e.g. `\xff…\0`), or the NUL.
      const joined = new Uint8Array(tail.length + nul + 1);
      joined.set(tail);
      joined.set(buf.subarray(0, nul + 1), tail.length);
      const bad = firstInvalidUtf8(joined);
      if (bad >= 0 && bad < joined.length - 1) throw new NotADefinitionFileError('invalid UTF-8', bytePos - tail.length + bad);
      throw new NotADefinitionFileError('NUL byte', bytePos + nul);
    }
    let text: string;
    try {
      text = decoder.decode(buf, { stream: true });
    } catch {
      const joined = new Uint8Array(tail.length + buf.length);
      joined.set(tail);
      joined.set(buf, tail.length);
      return fail(joined, bytePos - tail.length);
    }
    tail = incompleteTail(buf);
    bytePos += buf.length;
    if (first && text.length > 0) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) { bom = true; text = text.slice(1); }
    }
    carry += text;
    let pos = 0;
    let nl: number;
    let tooLongError: NotADefinitionFileError | undefined;
    try {
      while ((nl = carry.indexOf('\n', pos)) >= 0) {
        const lineText = carry.slice(pos, nl);
        pos = nl + 1;
        emit(lineText, true);
      }
      if (pos > 0) carry = carry.slice(pos);
      if (carry.length > MAX_LINE_CHARS) throw tooLong();
    } catch (err) {
      tooLongError = err as NotADefinitionFileError;
    }
    // The lines before a bad one are still linted, as when lines came one by one.
    if (batch.length > 0) { yield batch; batch = []; }
    if (tooLongError) throw tooLongError;
  }
  try {
    carry += decoder.decode();
  } catch {
    return fail(tail, bytePos - tail.length);
  }
  if (carry.length > 0) emit(carry, false);
  if (batch.length > 0) yield batch;
}

const READ_CHUNK = 1 << 14;

/**
 * Open a file as a byte stream for `readLines`. Errors (ENOENT, EISDIR, EACCES) surface on first read.
 * A regular file is read with synchronous reads: a lint has nothing else to do while it
 * waits, and a thread-pool round trip per chunk left the process idle about 4% of a
 * large lint. Anything else (a FIFO, a device) is streamed, so a slow writer never
 * blocks signal handling. 16 KiB reads: a batch of lines lives while it is linted,
 * and with 64 KiB batches enough of them outlived young-generation collections to
 * grow a 50 MB lint's peak RSS by about 15 MB; the smaller reads measured no slower.
 */
export async function* openDefinitionFile(path: string): AsyncGenerator<Uint8Array> {
  // Anything but a regular file (a FIFO, a device) is streamed: the stream opens it in
  // the thread pool, where waiting for a FIFO's writer blocks nothing. (Stat first:
  // opening and closing a FIFO here could discard what its writer already wrote.)
  if (!statSync(path).isFile()) {
    yield* createReadStream(path, { highWaterMark: READ_CHUNK });
    return;
  }
  // O_NONBLOCK: should the path become a FIFO after the stat, the open must still not
  // wait on the main thread; it changes nothing for a regular file.
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    if (!fstatSync(fd).isFile()) throw Object.assign(new Error(`EINVAL: not a regular file, read '${path}'`), { code: 'EINVAL', path });
    for (let chunks = 1; ; chunks++) {
      const buf = Buffer.allocUnsafe(READ_CHUNK);
      const n = readSync(fd, buf, 0, READ_CHUNK, null);
      if (n === 0) return;
      yield n < READ_CHUNK ? buf.subarray(0, n) : buf;
      // Without I/O waits the lint runs on microtasks alone; every 1 MiB, let the
      // event loop turn so timers and signal handlers (Ctrl-C) run on time.
      if (chunks % 64 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    }
  } finally {
    closeSync(fd);
  }
}
