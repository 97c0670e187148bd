// Fixes: which ones a run applies, and the lint → fix → lint loop that `ue-lint lint
// --fix` runs on a file and `fixText` runs on text (a fix can make room for another,
// e.g. collapsing a double space lets a later `;` be normalised).
import { applyEditsToText, type LineEdit } from '../files/apply-fixes.js';
import type { FileDiagnostic, FileResult } from './file-linter.js';
import { lintText, type LintTextOptions, type LintTextResult } from './lint-text.js';

/** Passes of lint → fix → lint per file. */
export const MAX_FIX_PASSES = 10;

export interface FixOptions {
  /** Also apply fixes whose applicability is `unsafe` (`--unsafe-fixes`); default: safe fixes only. */
  unsafe?: boolean;
}

/**
 * The edits of the fixes a run applies, from diagnostics: the `safe` fixes, plus the
 * `unsafe` ones with `{ unsafe: true }`. The one place that decides, so `--fix`,
 * `--diff`, `--fix -`, `fixText` and editor code actions agree.
 */
export function fixEdits(diagnostics: readonly Pick<FileDiagnostic, 'fix'>[], options: FixOptions = {}): LineEdit[] {
  const edits: LineEdit[] = [];
  for (const d of diagnostics) if (d.fix && (d.fix.applicability === 'safe' || options.unsafe === true)) edits.push(d.fix);
  return edits;
}

/**
 * Lint, apply the selected edits, lint again, until nothing is left to apply or
 * `MAX_FIX_PASSES` passes ran. `apply` returns how many edits it applied (0 = unchanged).
 */
export async function fixUntilStable<R extends FileResult>(
  lint: () => Promise<R>,
  apply: (edits: LineEdit[]) => Promise<number> | number,
  select: (result: R) => LineEdit[],
): Promise<{ result: R; applied: number }> {
  let result = await lint();
  let applied = 0;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const edits = select(result);
    if (edits.length === 0) break;
    const n = await apply(edits);
    if (n === 0) break;
    applied += n;
    result = await lint();
  }
  return { result, applied };
}

/**
 * Apply the fixes of `diagnostics` (from `lintText` of the same `text`) once: only the
 * fixed lines change; line endings, a BOM and every other line stay as they are.
 * Overlapping fixes after the first are skipped; lint again to pick them up, or use `fixText`.
 *
 * @example applyFixes('a u32  x\n', (await lintText('a u32  x\n')).diagnostics).text // 'a u32 x\n'
 */
export function applyFixes(text: string, diagnostics: readonly Pick<FileDiagnostic, 'fix'>[], options: FixOptions = {}): { text: string; applied: number } {
  return applyEditsToText(text, fixEdits(diagnostics, options));
}

/**
 * What `ue-lint lint --fix` makes of a file with this text: fixes applied pass after pass,
 * and the diagnostics that remain (`result`).
 */
export function fixText(text: string, options: LintTextOptions & FixOptions = {}): Promise<{ text: string; applied: number; result: LintTextResult }> {
  return fixTextWith(text, options, (r) => fixEdits(r.diagnostics, options));
}

/** `fixText` with another choice of edits (`select` sees each pass's result and text). */
export async function fixTextWith(
  text: string,
  options: LintTextOptions,
  select: (result: LintTextResult, text: string) => LineEdit[],
): Promise<{ text: string; applied: number; result: LintTextResult }> {
  let current = text;
  const { result, applied } = await fixUntilStable(
    () => lintText(current, options),
    (edits) => {
      const r = applyEditsToText(current, edits);
      if (r.text === current) return 0;
      current = r.text;
      return r.applied;
    },
    (r) => select(r, current),
  );
  return { text: current, applied, result };
}
