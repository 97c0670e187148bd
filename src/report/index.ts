// The output formats of `ue-lint lint`, by name.
import { compact } from './compact.js';
import { github } from './github.js';
import { json } from './json.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { Reporter } from './types.js';

export const REPORTERS = { stylish, json, sarif, github, compact } as const satisfies Record<string, Reporter>;
export type ReportFormat = keyof typeof REPORTERS;
export const REPORT_FORMATS = Object.keys(REPORTERS) as ReportFormat[];

export { compact, github, json, sarif, stylish };
export { renderFrame } from './frame.js';
export { ruleDocsMarkdown } from './rule-docs.js';
export type { ReportContext, Reporter } from './types.js';
