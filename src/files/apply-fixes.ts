// Apply line fixes to text or to a file: edit only the lines that have fixes, keep every
// other byte (line endings, BOM, unfixed lines) exactly. On disk, the bytes stream through
// a temporary file in the same directory that is renamed over the original
// (`replaceFileAtomic`), and only when the file still holds exactly the bytes that were
// linted: an editor save or a second `--fix` in between must not be mangled by edits
// computed from other text. An unchanged file is never rewritten.

import { constants } from 'node:fs';
import { open, realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { replaceFileAtomic } from './atomic-write.js';
import { crypto } from './lazy-builtins.js';

/** One edit of a line's text (0-based UTF-16 columns, half-open). */
export interface LineEdit {
  line: number;
  start: number;
  end: number;
  replacement: string;
  /** Not an edit of this line: every CRLF line ending of the file becomes LF (UE302's fix). */
  lineEndings?: 'lf';
}

/** `--fix` did not write a file, on purpose; the message says why and what to do (one line, no file name). */
export class FixRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FixRefusedError';
  }
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
 * that text: columns count in a line's text without its `\r\n` ending and (line 1) without a
 * BOM; only the edited lines change; line endings, a BOM and every other line stay. For
 * `fixText`, `--diff`, `--fix -` and editors.
 *
 * @example applyEditsToText('x u32  a\r\n', [{ line: 1, start: 5, end: 7, replacement: ' ' }]) // → { text: 'x u32 a\r\n', applied: 1 }
 */
export function applyEditsToText(text: string, edits: readonly LineEdit[]): { text: string; applied: number } {
  if (edits.length === 0) return { text, applied: 0 };
  if (edits.some((e) => e.lineEndings === 'lf')) {
    const rest = applyEditsToText(text, edits.filter((e) => e.lineEndings === undefined));
    const lf = rest.text.replace(/\r\n/g, '\n');
    return { text: lf, applied: rest.applied + (lf === rest.text ? 0 : 1) };
  }
  const byLine = editsByLine(edits);
  const parts: string[] = [];
  let applied = 0;
  let start = 0;
  // After a final `\n` there is no line: a file's last line is one only when non-empty.
  for (let line = 1; start < text.length; line++) {
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

/** A running SHA-256 of bytes as they are read, to tell later whether a file still holds them. */
export interface Fingerprint {
  update(bytes: Uint8Array): void;
  /** Hex digest of everything seen; call once, at the end. */
  digest(): string;
}

export function fingerprint(): Fingerprint {
  const hash = crypto().createHash('sha256'); // loaded on use: only --fix needs it
  return { update: (b) => void hash.update(b), digest: () => hash.digest('hex') };
}

/** Pass a byte stream through unchanged while fingerprinting it (the lint read of a file `--fix` may write). */
export async function* fingerprinted(source: AsyncIterable<Uint8Array>, print: Fingerprint): AsyncGenerator<Uint8Array> {
  for await (const chunk of source) {
    print.update(chunk);
    yield chunk;
  }
}

export interface FixFileOptions {
  /**
   * SHA-256 (hex, see `fingerprint`) of the bytes the edits were computed from. When the
   * file no longer holds exactly those bytes it is left untouched: `FixRefusedError`.
   */
  expected?: string;
  /**
   * A symlink (or a path through a symlinked directory) is written through only when its
   * target lies inside this directory (the git work tree, else the working directory).
   */
  boundary?: string;
}

const inside = (dir: string, path: string) => {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
};

/**
 * The file `--fix` may write for `path`, or `FixRefusedError` saying why not:
 * - a symlink whose target lies outside `boundary` (a planted `x.ue -> ~/.bashrc`);
 * - not a regular file;
 * - more than one hard link (the rename would silently detach the other names);
 * - no write permission for its owner (someone marked it read-only on purpose).
 */
async function checkFixTarget(path: string, boundary: string | undefined): Promise<string> {
  const target = await realpath(path);
  if (boundary !== undefined && target !== resolve(path)) {
    const root = await realpath(boundary).catch(() => resolve(boundary));
    if (!inside(root, target)) {
      throw new FixRefusedError(`it is a symlink to ${target}, outside ${root}; fix the target there if you mean to`);
    }
  }
  return target;
}

/**
 * Rewrite `path` with the edits applied, atomically (temp file + rename, keeping mode, owner
 * and group; see `replaceFileAtomic`). Returns the number of edits applied; 0 means the file
 * was not touched. Throws `FixRefusedError` when the file must not be written (see
 * `checkFixTarget`, `FixFileOptions.expected`), and fs errors as they come.
 */
export async function applyFixesToFile(path: string, edits: readonly LineEdit[], options: FixFileOptions = {}): Promise<number> {
  if (edits.length === 0) return 0;
  const target = await checkFixTarget(path, options.boundary);
  // One descriptor for the whole job: the checks, the read and the final "unchanged?" test
  // all see the same file, whatever is renamed over the path meanwhile.
  const fh = await open(target, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    const st = await fh.stat();
    if (!st.isFile()) throw new FixRefusedError('not a regular file');
    if (st.nlink > 1) throw new FixRefusedError(`it has ${st.nlink} hard links, and rewriting it would detach them; fix it by hand or remove the other links`);
    if ((st.mode & 0o200) === 0) throw new FixRefusedError('its owner has no write permission (read-only on purpose?); make it writable to fix it');
    const print = options.expected !== undefined ? fingerprint() : undefined;
    const toLF = edits.some((e) => e.lineEndings === 'lf');
    const byLine = editsByLine(edits.filter((e) => e.lineEndings === undefined));
    let applied = 0;
    let convertedCR = false;
    const replaced = await replaceFileAtomic(target, async (out) => {
      let changed = false;
      let line = 1;
      let carry: Buffer = Buffer.alloc(0);
      const flushLine = async (bytes: Buffer, eol: Buffer): Promise<void> => {
        const lineEdits = byLine.get(line);
        if (lineEdits) {
          let body = bytes;
          let prefix: Buffer = Buffer.alloc(0);
          if (line === 1 && body.length >= 3 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) {
            prefix = body.subarray(0, 3);
            body = body.subarray(3);
          }
          let cr: Buffer = Buffer.alloc(0);
          if (eol.length > 0 && body.length > 0 && body[body.length - 1] === 0x0d) {
            if (toLF) convertedCR = changed = true;
            else cr = body.subarray(body.length - 1);
            body = body.subarray(0, body.length - 1);
          }
          const before = body.toString('utf8');
          const result = applyLineEdits(before, lineEdits);
          applied += result.applied;
          if (result.text !== before) changed = true;
          await out.write(Buffer.concat([prefix, Buffer.from(result.text, 'utf8'), cr, eol]));
        } else if (toLF && eol.length > 0 && bytes.length > 0 && bytes[bytes.length - 1] === 0x0d) {
          convertedCR = changed = true; // UE302's fix: CRLF → LF on every line
          await out.write(Buffer.concat([bytes.subarray(0, bytes.length - 1), eol]));
        } else {
          await out.write(Buffer.concat([bytes, eol]));
        }
        line++;
      };
      const LF = Buffer.from('\n');
      for await (const chunk of fh.createReadStream({ start: 0, highWaterMark: 1 << 16, autoClose: false })) {
        print?.update(chunk as Buffer);
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
      if (print !== undefined && print.digest() !== options.expected) throw changedSinceLinted();
      return changed;
    }, {
      existing: st,
      // LAST CHECK before the rename: still the same file, not written since it was read.
      beforeCommit: async () => {
        const now = await fh.stat();
        const atPath = await stat(target).catch(() => undefined);
        const same = (a: typeof st) => a.ino === st.ino && a.dev === st.dev && a.size === st.size && a.mtimeMs === st.mtimeMs;
        if (!same(now) || atPath === undefined || !same(atPath)) throw changedSinceLinted();
      },
    });
    return replaced ? applied + (convertedCR ? 1 : 0) : 0;
  } finally {
    await fh.close();
  }
}

const changedSinceLinted = () => new FixRefusedError('it changed while ue-lint was linting it; run `ue-lint --fix` again');

