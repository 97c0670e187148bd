// Temporary files that are being written right now (see atomic-write.ts), so the
// process glue can remove them when a signal ends the run early. No output here.

import { unlinkSync } from 'node:fs';

const pending = new Set<string>();

/** Note a temporary file as in progress, e.g. `.events.ue.ue-lint-123-ab12cd34.tmp`. */
export function trackTempFile(path: string): void {
  pending.add(path);
}

/** The file was renamed into place or removed; nothing to clean up any more. */
export function untrackTempFile(path: string): void {
  pending.delete(path);
}

/**
 * Delete every temporary file still in progress, synchronously (for a signal handler).
 * Targets are never touched: each rename either happened or did not, so the original
 * or the complete new file is on disk. SIGKILL cannot be caught, so it may leave one.
 */
export function removePendingTempFiles(): void {
  for (const path of pending) {
    try { unlinkSync(path); } catch { /* already renamed or removed */ }
  }
  pending.clear();
}
