// Formatting = the safe fixes that only change whitespace and keep every layout: collapse
// double spaces, `;` followed by one space, no trailing space, no space before `#`. A fix
// that rewrites a type (`char x[20]` → `char[20] x`) changes what the kernel lays out, so
// it stays a code action. Each line's edits are checked: when the kernel accepted the
// line's definition before, it must give the same event after, or the edits are dropped.
import { parseDefinition } from '../definition.js';
import { applyLineEdits, type LineEdit } from '../files/apply-fixes.js';
import { isKernelSpace, splitDefinitionLine } from '../files/definition-file.js';
import type { FileDiagnostic } from '../lint/file-linter.js';
import { fixEdits, fixTextWith } from '../lint/fixes.js';
import type { LintTextOptions } from '../lint/lint-text.js';
import type { AbiName } from '../layout/types.js';

const withoutSpace = (s: string) => [...s].filter((ch) => !isKernelSpace(ch)).join('');

/** The kernel's view of a line: its event as JSON when accepted, else undefined. */
function accepted(line: string, abi: AbiName): string | undefined {
  const split = splitDefinitionLine(line);
  if (split.kind !== 'definition') return undefined;
  const r = parseDefinition(split.definition, { abi });
  return r.ok ? JSON.stringify(r.event) : undefined;
}

/** The edits of `diagnostics` that formatting may apply to `lines` (texts without line endings or BOM). */
export function layoutPreservingEdits(lines: readonly string[], diagnostics: readonly FileDiagnostic[], abi: AbiName): LineEdit[] {
  const byLine = new Map<number, LineEdit[]>();
  for (const e of fixEdits(diagnostics)) {
    const text = lines[e.line - 1];
    if (text === undefined) continue;
    // Whitespace only: the text with every space removed is the same before and after.
    if (withoutSpace(text.slice(e.start, e.end)) !== withoutSpace(e.replacement)) continue;
    const list = byLine.get(e.line) ?? [];
    list.push(e);
    byLine.set(e.line, list);
  }
  const out: LineEdit[] = [];
  for (const [line, edits] of byLine) {
    const before = lines[line - 1]!;
    const was = accepted(before, abi);
    if (was !== undefined && accepted(applyLineEdits(before, edits).text, abi) !== was) continue;
    out.push(...edits);
  }
  return out;
}

/** Split text into line bodies as the linter sees them (no BOM, no `\r` of a CRLF). */
export function lineBodies(text: string): string[] {
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split('\n');
  return lines.map((l, i) => (i < lines.length - 1 && l.endsWith('\r') ? l.slice(0, -1) : l));
}

/** `text` formatted: the layout-preserving safe fixes, applied until none is left. */
export async function formatText(text: string, options: LintTextOptions & { abi: AbiName }): Promise<string> {
  const r = await fixTextWith(text, options, (result, current) => layoutPreservingEdits(lineBodies(current), result.diagnostics, options.abi));
  return r.text;
}
