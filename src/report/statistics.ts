// `--statistics`: instead of the diagnostics, how many of each code were found, as Ruff
// prints them: most frequent first, `[*]` marking codes whose fixes `--fix` applies.
//
//   3	UE006	[*] double-space
//   1	UE104	[ ] duplicate-field-name
//
// With `--format json`: `[{ "code", "name", "count", "fixable" }]` (fixable: how many of
// them `--fix` can fix). Other formats print the text table.
import type { FileDiagnostic } from '../lint/file-linter.js';
import type { ReportContext, StreamingReporter } from './types.js';

interface Row {
  code: string;
  name: string;
  count: number;
  fixable: number;
}

const tables = new WeakMap<ReportContext, Map<string, Row>>();

function table(ctx: ReportContext): Map<string, Row> {
  let t = tables.get(ctx);
  if (!t) tables.set(ctx, (t = new Map()));
  return t;
}

function rows(ctx: ReportContext): Row[] {
  const out = [...table(ctx).values()].sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  tables.delete(ctx);
  return out;
}

function count(d: FileDiagnostic, ctx: ReportContext): string {
  const t = table(ctx);
  let row = t.get(d.code);
  if (!row) t.set(d.code, (row = { code: d.code, name: d.name, count: 0, fixable: 0 }));
  row.count++;
  if (d.fix?.applicability === 'safe') row.fixable++;
  return '';
}

/** Counts per code, as text (Ruff's layout) or JSON. */
export function statisticsStream(json: boolean): StreamingReporter {
  return {
    start: () => '',
    diagnostic: (d, _index, ctx) => count(d, ctx),
    end(_totals, ctx) {
      const all = rows(ctx);
      if (json) return `${JSON.stringify(all, null, 2)}\n`;
      if (all.length === 0) return '';
      const countWidth = Math.max(...all.map((r) => String(r.count).length));
      const codeWidth = Math.max(...all.map((r) => r.code.length));
      const anyFixable = all.some((r) => r.fixable > 0);
      return all.map((r) => {
        const marker = anyFixable ? (r.fixable > 0 ? '[*] ' : '[ ] ') : '';
        return `${String(r.count).padStart(countWidth)}\t${r.code.padEnd(codeWidth)}\t${marker}${r.name}\n`;
      }).join('');
    },
  };
}
