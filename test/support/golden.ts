// Golden-file assertions. On a mismatch the actual text goes to `<golden>.actual` (git-ignored)
// for diffing; `UPDATE_GOLDEN=1` rewrites the goldens instead. Review golden diffs like code.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Compares `actual` with the golden file at `path` (relative to the repository root). */
export function expectGolden(actual: string, path: string): void {
  const file = resolve(ROOT, path);
  const actualFile = `${file}.actual`;
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    rmSync(actualFile, { force: true });
    return;
  }
  const expected = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  if (expected === actual) {
    rmSync(actualFile, { force: true });
    return;
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(actualFile, actual);
  const rel = relative(ROOT, file);
  if (expected === undefined) expect.fail(`missing golden ${rel}; run with UPDATE_GOLDEN=1 to create it`);
  expect(actual, `golden ${rel} differs (see ${rel}.actual; UPDATE_GOLDEN=1 rewrites)`).to.equal(expected);
}
