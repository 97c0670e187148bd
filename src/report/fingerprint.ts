// Stable identities of findings, for services that track them across commits (GitHub
// code scanning's `partialFingerprints`, GitLab Code Quality's `fingerprint`). A finding
// is its rule and its definition line with whitespace runs collapsed and the ends
// trimmed: moving the line, re-indenting it or fixing a double space elsewhere keeps
// the identity; the line number never enters it. Identical lines with the same rule in
// one file are told apart by their order (`:1`, `:2`, …), as GitHub's own hashes are.
import { crypto } from '../files/lazy-builtins.js';
import type { FileDiagnostic } from '../lint/file-linter.js';

/** The line as the fingerprint sees it: `\r`, tabs and space runs collapsed, ends trimmed. */
export function normalisedLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function sha256(text: string): string {
  return crypto().createHash('sha256').update(text).digest('hex');
}

/** Hands out fingerprints in report order; one per run (occurrences count per file). */
export class Fingerprints {
  private file: string | undefined;
  private readonly seen = new Map<string, number>();

  /** `<32 hex digits of sha256(rule, line)>:<occurrence>`; the file is not part of it (services match per file). */
  partial(d: Pick<FileDiagnostic, 'code' | 'file' | 'sourceLine'>): string {
    const key = sha256(`${d.code}\0${normalisedLine(d.sourceLine)}`).slice(0, 32);
    return `${key}:${this.occurrence(d.file, key)}`;
  }

  /** A fingerprint unique in the whole report: the file's path (as the service sees it) is part of it. */
  unique(d: Pick<FileDiagnostic, 'code' | 'file' | 'sourceLine'>, path: string): string {
    const key = sha256(`${path}\0${d.code}\0${normalisedLine(d.sourceLine)}`);
    return sha256(`${key}\0${this.occurrence(d.file, key)}`).slice(0, 32);
  }

  private occurrence(file: string, key: string): number {
    // Diagnostics arrive file by file: only the current file's counts are kept.
    if (file !== this.file) {
      this.file = file;
      this.seen.clear();
    }
    const n = (this.seen.get(key) ?? 0) + 1;
    this.seen.set(key, n);
    return n;
  }
}
