// Read one line of a file back by the byte offset of its start. The lint registry
// (UE304) keeps only offsets for a million event names and reads a line again when
// a name comes back. The descriptor stays open while the file is being linted.
import { closeSync, openSync, readSync } from 'node:fs';
import type { LineSource } from '../lint/event-registry.js';
import { MAX_LINE_CHARS } from './line-reader.js';

const CHUNK = 1 << 12;
// A line of MAX_LINE_CHARS UTF-16 units is at most three times as many UTF-8 bytes.
const MAX_LINE_BYTES = MAX_LINE_CHARS * 3;

/** A LineSource over `path`; `close()` releases the descriptor (a later read reopens it). */
export function fileLineSource(path: string): LineSource & { close(): void } {
  let fd: number | undefined;
  return {
    readLine(byteOffset: number): string | undefined {
      fd ??= openSync(path, 'r');
      const parts: Buffer[] = [];
      let total = 0;
      for (let pos = byteOffset; total < MAX_LINE_BYTES; ) {
        const buf = Buffer.allocUnsafe(CHUNK);
        const n = readSync(fd, buf, 0, CHUNK, pos);
        if (n === 0) break;
        const nl = buf.subarray(0, n).indexOf(0x0a);
        parts.push(buf.subarray(0, nl >= 0 ? nl : n));
        total += nl >= 0 ? nl : n;
        if (nl >= 0) break;
        pos += n;
      }
      if (parts.length === 0) return undefined;
      let text = Buffer.concat(parts, total).toString('utf8');
      if (text.endsWith('\r')) text = text.slice(0, -1);
      if (byteOffset === 0 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      return text;
    },
    close(): void {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
    },
  };
}
