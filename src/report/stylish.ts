// `stylish` (the default): one Ruff-like code frame per diagnostic, then a summary line.
// Pure; colour comes from `ctx.chalk`. Prints nothing when there is nothing to report.
import { renderFrame } from './frame.js';
import { plural, totals, type Reporter } from './types.js';

export const stylish: Reporter = (results, ctx) => {
  const frames: string[] = [];
  for (const r of results) for (const d of r.diagnostics) frames.push(renderFrame(d, ctx.chalk));
  if (frames.length === 0) return '';
  const t = totals(results);
  const parts = [t.errors > 0 ? plural(t.errors, 'error') : '', t.warnings > 0 ? plural(t.warnings, 'warning') : ''].filter(Boolean);
  let summary = ctx.chalk.bold(`Found ${parts.join(' and ')}.`);
  if (t.fixable > 0) summary += `\n${plural(t.fixable, 'problem')} fixable with \`--fix\`.`;
  return `${frames.join('\n\n')}\n\n${summary}\n`;
};
