// Atomic file replacement for `lint --fix` and `codegen --out`: write a temporary file in the
// same directory, flush it to disk, then rename it over the target. A crash or kill at any point
// leaves the old file or the complete new one, never a truncated one (at worst a stray
// `.NAME.ue-lint-*.tmp`). The target keeps its mode, owner and group (a root `--fix` must
// not hand a user's file to root); when the owner cannot be kept, nothing is written.
// No process exit, no output.

import type { Stats } from 'node:fs';
import { chmod, open, readFile, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { crypto } from './lazy-builtins.js';
import { trackTempFile, untrackTempFile } from './temp-files.js';

/** Where `replaceFileAtomic`'s producer writes the new content; writes are buffered. */
export interface AtomicWriter {
  write(chunk: Uint8Array | string): Promise<void>;
}

/** Writes are gathered into chunks of this size before they reach the temporary file. */
const FLUSH_BYTES = 1 << 16;

function fsError(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code });
}

export interface ReplaceOptions {
  /** The target's stats when the caller already holds them (saves a stat; `applyFixesToFile`). */
  existing?: Stats;
  /** Runs after the new content is on disk and before the rename; throw to abandon. */
  beforeCommit?: () => Promise<void>;
}

/** The replaced file would lose its owner or group: `code` is `EOWNER` (not an errno: ours). */
export class OwnerNotKeptError extends Error {
  readonly code = 'EOWNER';
  constructor(readonly uid: number, readonly gid: number) {
    super(`cannot keep its owner and group (${uid}:${gid}): the replacement would belong to this user; run as its owner or as root`);
    this.name = 'OwnerNotKeptError';
  }
}

/**
 * Replaces `path` with what `produce` writes, atomically. `produce` returns false to abandon
 * (e.g. nothing changed): the temporary file is removed and `path` is not touched, so its mtime
 * stays. An existing file keeps its mode (and a symlink keeps pointing at the replaced file); a
 * new file gets 0o666 minus the umask. Returns whether `path` was replaced.
 *
 * @example
 * await replaceFileAtomic('events.ts', async (out) => { await out.write(text); return true; });
 */
export async function replaceFileAtomic(path: string, produce: (out: AtomicWriter) => Promise<boolean>, options: ReplaceOptions = {}): Promise<boolean> {
  let target = path;
  let existing: Stats | undefined;
  try {
    target = await realpath(path);
    existing = options.existing ?? await stat(target);
    if (existing.isDirectory()) throw fsError('EISDIR', `EISDIR: illegal operation on a directory, open '${path}'`);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const mode = existing === undefined ? undefined : existing.mode & 0o7777;
  const { randomBytes } = crypto(); // loaded on use (start-up time)
  const tmp = join(dirname(target), `.${basename(target)}.ue-lint-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  // Tracked before it exists: the file appears on disk before `open` resolves, and a signal
  // in between must still remove it (process-glue.ts; unlinking a missing file is harmless).
  trackTempFile(tmp);
  let handle;
  try {
    handle = await open(tmp, 'wx', mode ?? 0o666);
  } catch (err) {
    untrackTempFile(tmp);
    throw err;
  }
  let closed = false;
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const flush = async (): Promise<void> => {
    if (pendingBytes === 0) return;
    const buf = Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    for (let off = 0; off < buf.length; ) off += (await handle.write(buf, off, buf.length - off)).bytesWritten;
  };
  const writer: AtomicWriter = {
    write: async (chunk) => {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      pending.push(bytes);
      pendingBytes += bytes.length;
      if (pendingBytes >= FLUSH_BYTES) await flush();
    },
  };
  try {
    if (existing !== undefined) {
      // OWNER first, so the chmod below restores any setuid/setgid bit a chown clears.
      const mine = await handle.stat();
      if (mine.uid !== existing.uid || mine.gid !== existing.gid) {
        await handle.chown(existing.uid, existing.gid).catch((err: NodeJS.ErrnoException) => {
          if (err.code === 'EPERM' || err.code === 'EINVAL') throw new OwnerNotKeptError(existing.uid, existing.gid);
          throw err;
        });
      }
    }
    const keep = await produce(writer);
    if (!keep) {
      closed = true;
      await handle.close();
      await unlink(tmp);
      return false;
    }
    await flush();
    // COMMIT: data on disk before the rename makes it visible, so a power loss cannot leave an empty file.
    await handle.sync();
    closed = true;
    await handle.close();
    if (mode !== undefined) await chmod(tmp, mode);
    await options.beforeCommit?.();
    await rename(tmp, target);
    return true;
  } catch (err) {
    if (!closed) await handle.close().catch(() => undefined);
    await unlink(tmp).catch(() => undefined);
    throw err;
  } finally {
    untrackTempFile(tmp);
  }
}

/**
 * Writes `data` to `path` atomically (see `replaceFileAtomic`), unless the file already holds
 * exactly these bytes: then it is not touched and its mtime stays.
 *
 * @example
 * await writeFileAtomic('include/events.h', header) // → 'written' | 'unchanged'
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<'written' | 'unchanged'> {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  try {
    if (bytes.equals(await readFile(path))) return 'unchanged';
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  await replaceFileAtomic(path, async (out) => {
    await out.write(bytes);
    return true;
  });
  return 'written';
}
