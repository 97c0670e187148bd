// The input every reporter takes. Reporters are pure `(results, ctx) => string`.
import type { ChalkInstance } from 'chalk';
import type { FileResult } from '../lint/file-linter.js';

export interface ReportContext {
  /** Styler for `stylish`; pass `new Chalk({ level: 0 })` for plain text. Other reporters ignore it. */
  chalk: ChalkInstance;
  /** ue-lint version, for SARIF `tool.driver.version`. */
  version: string;
  /** Base of rule documentation links, e.g. `https://…/docs/rules/`; the rule name and `.md` are appended. */
  docsBaseUri?: string;
}

export type Reporter = (results: readonly FileResult[], ctx: ReportContext) => string;

export const DEFAULT_DOCS_BASE_URI = 'https://github.com/ue-lint/ue-lint/blob/main/docs/rules/';

/** Totals over all files. */
export function totals(results: readonly FileResult[]): { errors: number; warnings: number; fixable: number; files: number } {
  let errors = 0;
  let warnings = 0;
  let fixable = 0;
  for (const r of results) {
    errors += r.errorCount;
    warnings += r.warningCount;
    fixable += r.fixableCount;
  }
  return { errors, warnings, fixable, files: results.length };
}

export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
