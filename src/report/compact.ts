// `compact`: one line per diagnostic, `file:line:col: severity code message`, for grep and editors.
import type { Reporter } from './types.js';

export const compact: Reporter = (results) => {
  let out = '';
  for (const r of results) {
    for (const d of r.diagnostics) {
      out += `${d.file}:${d.range.start.line}:${d.range.start.column}: ${d.severity} ${d.code} ${d.message}\n`;
    }
  }
  return out;
};
