// Diagnostics are reported sorted by position (start, then end); kernel
// rejections come first on a tie, as in a stable sort of errors then warnings.
import type { Diagnostic } from './diagnostic.js';

const byPosition = (a: Diagnostic, b: Diagnostic): number => a.span.start - b.span.start || a.span.end - b.span.end;

/** Usually true (one check, left to right): then no sort is needed. */
function sortedByPosition(list: readonly Diagnostic[]): boolean {
  for (let i = 1; i < list.length; i++) if (byPosition(list[i - 1]!, list[i]!) > 0) return false;
  return true;
}

/**
 * `kernel.concat(warnings)` stably sorted by position, as a merge: each list is
 * nearly always sorted already (kernel checks and each rule go left to right),
 * and Array#sort's comparator calls cost more than the rest of a definition's
 * bookkeeping when warnings sit between errors (UE112 before a bad last field).
 * Ties keep kernel diagnostics first, as the stable sort of the concatenation does.
 * Sorts the inputs in place when they are not sorted.
 */
export function mergeByPosition(kernel: Diagnostic[], warnings: Diagnostic[]): Diagnostic[] {
  if (kernel.length > 1 && !sortedByPosition(kernel)) kernel.sort(byPosition);
  if (warnings.length > 1 && !sortedByPosition(warnings)) warnings.sort(byPosition);
  if (warnings.length === 0) return kernel;
  if (kernel.length === 0) return warnings;
  const all: Diagnostic[] = [];
  let i = 0;
  let j = 0;
  while (i < kernel.length && j < warnings.length) all.push(byPosition(kernel[i]!, warnings[j]!) <= 0 ? kernel[i++]! : warnings[j++]!);
  while (i < kernel.length) all.push(kernel[i++]!);
  while (j < warnings.length) all.push(warnings[j++]!);
  return all;
}
