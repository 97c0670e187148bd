// Pure renderers for a DiffResult: Markdown for pull-request comments, JSON with a stable
// shape for tools. No colours, no fs; the CLI writes the string and picks the exit code.

import { showText as show } from '../diagnostics/catalog.js';
import type { DiffResult, DriftChange, DriftClass } from './compare.js';

export interface DiffRenderOptions {
  /** How the two sides are named in the heading, e.g. `main:events.ue` and `events.ue`. */
  oldLabel?: string;
  newLabel?: string;
}

const CLASS_LABEL: Record<DriftClass, string> = {
  breaking: 'breaking',
  'reregistration-conflict': 're-registration conflict',
  compatible: 'compatible',
};
const CLASS_ORDER: DriftClass[] = ['breaking', 'reregistration-conflict', 'compatible'];

/**
 * A Markdown report: heading, one summary line, then a table with the breaking changes first.
 *
 * @example
 * renderDiffMarkdown(diffEventSets(a, b), { oldLabel: 'main', newLabel: 'HEAD' });
 */
export function renderDiffMarkdown(result: DiffResult, options: DiffRenderOptions = {}): string {
  const lines: string[] = [];
  const sides = options.oldLabel !== undefined && options.newLabel !== undefined
    ? ` (${code(options.oldLabel)} → ${code(options.newLabel)})`
    : '';
  lines.push(`### ue-lint diff${sides}`, '');
  const { breaking, reregistrationConflict, compatible } = result.summary;
  if (result.changes.length === 0) {
    lines.push('No layout changes.');
    return lines.join('\n') + '\n';
  }
  const count = (n: number, word: string) => `${n} ${word}`;
  lines.push(
    `${result.breaking ? '**' : ''}${count(breaking, 'breaking')}${result.breaking ? '**' : ''}, ` +
      `${count(reregistrationConflict, reregistrationConflict === 1 ? 're-registration conflict' : 're-registration conflicts')}, ` +
      `${count(compatible, 'compatible')}`,
    '',
    '| Class | Event | Field | Change | Old | New |',
    '|---|---|---|---|---|---|',
  );
  for (const c of sortChanges(result.changes)) {
    lines.push(
      `| ${CLASS_LABEL[c.classification]} | ${code(c.event)} | ${c.field === undefined ? '' : code(c.field)} | ` +
        `${cell(c.message)} | ${value(c.old)} | ${value(c.new)} |`,
    );
  }
  return lines.join('\n') + '\n';
}

/**
 * Stable JSON: `{ version: 1, breaking, summary, changes }`, each change with `classification`,
 * `kind`, `event`, optional `field`, `old`, `new`, `oldIndex`, `newIndex`, and `message`.
 */
export function renderDiffJson(result: DiffResult): string {
  const changes = result.changes.map((c) => {
    const out: Record<string, unknown> = { classification: c.classification, kind: c.kind, event: c.event };
    if (c.field !== undefined) out.field = c.field;
    if (c.old !== undefined) out.old = c.old;
    if (c.new !== undefined) out.new = c.new;
    if (c.oldIndex !== undefined) out.oldIndex = c.oldIndex;
    if (c.newIndex !== undefined) out.newIndex = c.newIndex;
    out.message = c.message;
    return out;
  });
  return JSON.stringify({ version: 1, breaking: result.breaking, summary: result.summary, changes }, null, 2) + '\n';
}

/** One concise line per change, e.g. `breaking  msg.id  field \`id\` moved from offset 28 to 32`. */
export function renderDiffText(result: DiffResult): string {
  const out = sortChanges(result.changes).map(
    (c) => `${CLASS_LABEL[c.classification]}: ${show(c.event)}${c.field === undefined ? '' : `.${show(c.field)}`}: ${c.message}`,
  );
  const { breaking, reregistrationConflict, compatible } = result.summary;
  out.push(`${breaking} breaking, ${reregistrationConflict} re-registration conflict(s), ${compatible} compatible`);
  return out.join('\n') + '\n';
}

function sortChanges(changes: readonly DriftChange[]): DriftChange[] {
  // Stable sort: class order, then the original (event, field) order.
  return [...changes].sort((a, b) => CLASS_ORDER.indexOf(a.classification) - CLASS_ORDER.indexOf(b.classification));
}

/** A table cell: `|` escaped, control bytes shown as escapes. */
function cell(s: string): string {
  return show(s).replace(/\|/g, '\\|');
}

/** Inline code that survives backticks in the text (CommonMark: use a longer fence). */
function code(s: string): string {
  const text = cell(s);
  if (text === '') return '""';
  const longest = Math.max(0, ...Array.from(text.matchAll(/`+/g), (m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || text.startsWith(' ') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

function value(v: string | number | boolean | undefined): string {
  if (v === undefined) return '';
  if (typeof v === 'string') return code(v);
  return String(v);
}
