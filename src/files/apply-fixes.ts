// Apply line fixes to a file: stream the bytes through, edit only the lines that
// have fixes, keep every other byte (line endings, BOM, unfixed lines) exactly,
// write a temporary file in the same directory and rename it over the original
// (`replaceFileAtomic`). An unchanged file is never rewritten.

import { createReadStream } from 'node:fs';
import { replaceFileAtomic } from './atomic-write.js';

/** One edit of a line's text (0-based UTF-16 columns, half-open). */
export interface LineEdit {
  line: number;
  start: number;
  end: number;
  replacement: string;
}

/**
 * Apply edits to one line; overlapping edits after the first are skipped (the
 * next lint pass picks them up). e.g. `applyLineEdits('a  b', [{start:1,end:3,replacement:' '}])` → `a b`.
 */
export function applyLineEdits(text: string, edits: readonly Omit<LineEdit, 'line'>[]): { text: string; applied: number } {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const chosen: Omit<LineEdit, 'line'>[] = [];
  let lastEnd = -1;
  for (const e of sorted) {
    if (e.start < lastEnd || (e.start === lastEnd && e.start === e.end && chosen.length > 0)) continue;
    chosen.push(e);
    lastEnd = e.end;
  }
  let out = text;
  for (const e of chosen.reverse()) out = out.slice(0, e.start) + e.replacement + out.slice(e.end);
  return { text: out, applied: chosen.length };
}

/** Group edits by line number. */
export function editsByLine(edits: readonly LineEdit[]): Map<number, LineEdit[]> {
  const map = new Map<number, LineEdit[]>();
  for (const e of edits) {
    const list = map.get(e.line);
    if (list) list.push(e);
    else map.set(e.line, [e]);
  }
  return map;
}

/**
 * Apply line edits to text in memory, exactly as `applyFixesToFile` rewrites a file with
 * that text: only the edited lines change; line endings, a BOM and every other line stay.
 */
export function applyEditsToText(text: string, edits: readonly LineEdit[]): { text: string; applied: number } {
  if (edits.length === 0) return { text, applied: 0 };
  const byLine = editsByLine(edits);
  const parts: string[] = [];
  let applied = 0;
  let start = 0;
  for (let line = 1; start <= text.length; line++) {
    const nl = text.indexOf('\n', start);
    const end = nl >= 0 ? nl : text.length;
    const lineEdits = byLine.get(line);
    if (lineEdits) {
      let bodyStart = start;
      let bodyEnd = end;
      if (line === 1 && text.charCodeAt(0) === 0xfeff) bodyStart++;
      if (nl >= 0 && bodyEnd > bodyStart && text.charCodeAt(bodyEnd - 1) === 0x0d) bodyEnd--;
      const result = applyLineEdits(text.slice(bodyStart, bodyEnd), lineEdits);
      applied += result.applied;
      parts.push(text.slice(start, bodyStart), result.text, text.slice(bodyEnd, end));
    } else {
      parts.push(text.slice(start, end));
    }
    if (nl < 0) break;
    parts.push('\n');
    start = nl + 1;
  }
  return { text: parts.join(''), applied };
}

/**
 * Rewrite `path` with the edits applied, atomically (temp file + rename, same mode; see
 * `replaceFileAtomic`). Returns the number of edits applied; 0 means the file was not touched.
 */
export async function applyFixesToFile(path: string, edits: readonly LineEdit[]): Promise<number> {
  if (edits.length === 0) return 0;
  const byLine = editsByLine(edits);
  let applied = 0;
  const replaced = await replaceFileAtomic(path, async (out) => {
    let changed = false;
    let line = 1;
    let carry: Buffer = Buffer.alloc(0);
    const flushLine = async (bytes: Buffer, eol: Buffer): Promise<void> => {
      const edits = byLine.get(line);
      if (edits) {
        let body = bytes;
        let prefix: Buffer = Buffer.alloc(0);
        if (line === 1 && body.length >= 3 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) {
          prefix = body.subarray(0, 3);
          body = body.subarray(3);
        }
        let cr: Buffer = Buffer.alloc(0);
        if (eol.length > 0 && body.length > 0 && body[body.length - 1] === 0x0d) {
          cr = body.subarray(body.length - 1);
          body = body.subarray(0, body.length - 1);
        }
        const before = body.toString('utf8');
        const result = applyLineEdits(before, edits);
        applied += result.applied;
        if (result.text !== before) changed = true;
        await out.write(Buffer.concat([prefix, Buffer.from(result.text, 'utf8'), cr, eol]));
      } else {
        await out.write(Buffer.concat([bytes, eol]));
      }
      line++;
    };
    const LF = Buffer.from('\n');
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 16 })) {
      const buf: Buffer = carry.length > 0 ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
      let pos = 0;
      let nl: number;
      while ((nl = buf.indexOf(0x0a, pos)) >= 0) {
        await flushLine(buf.subarray(pos, nl), LF);
        pos = nl + 1;
      }
      carry = Buffer.from(buf.subarray(pos));
    }
    if (carry.length > 0) await flushLine(carry, Buffer.alloc(0));
    return changed;
  });
  return replaced ? applied : 0;
}
