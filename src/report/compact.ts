// `compact`: one line per diagnostic, `file:line:col: severity code message`, for grep and editors.
import { toReporter, type StreamingReporter } from './types.js';

export const compactStream: StreamingReporter = {
  start: () => '',
  diagnostic: (d) => `${d.file}:${d.range.start.line}:${d.range.start.column}: ${d.severity} ${d.code} ${d.message}\n`,
  end: () => '',
};

export const compact = toReporter(compactStream);
