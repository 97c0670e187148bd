// `stylish` (the default): one Ruff-like code frame per diagnostic, then a summary line.
// Pure; colour comes from `ctx.chalk`. Prints nothing when there is nothing to report.
import { renderFrame } from './frame.js';
import { plural, toReporter, type StreamingReporter } from './types.js';

export const stylishStream: StreamingReporter = {
  start: () => '',
  diagnostic: (d, index, ctx) => `${index > 0 ? '\n\n' : ''}${renderFrame(d, ctx.chalk)}`,
  end(t, ctx) {
    if (t.errors + t.warnings === 0) return '';
    const parts = [t.errors > 0 ? plural(t.errors, 'error') : '', t.warnings > 0 ? plural(t.warnings, 'warning') : ''].filter(Boolean);
    let summary = ctx.chalk.bold(`Found ${parts.join(' and ')}.`);
    if (t.fixable > 0) summary += `\n${plural(t.fixable, 'problem')} fixable with \`--fix\`.`;
    if (t.unsafeFixable > 0) {
      summary += `\n${t.unsafeFixable} unsafe ${t.unsafeFixable === 1 ? 'fix' : 'fixes'} available with \`--fix --unsafe-fixes\` (review first: they may change the layout).`;
    }
    return `\n\n${summary}\n`;
  },
};

export const stylish = toReporter(stylishStream);
