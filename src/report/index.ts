// The output formats of `ue-lint lint`, by name.
import { compact, compactStream } from './compact.js';
import { github, githubStream } from './github.js';
import { gitlab, gitlabStream } from './gitlab.js';
import { json, jsonStream } from './json.js';
import { junit, junitStream } from './junit.js';
import { sarif, sarifStream } from './sarif.js';
import { stylish, stylishStream } from './stylish.js';
import type { Reporter, StreamingReporter } from './types.js';

export const REPORTERS = { stylish, json, sarif, github, gitlab, junit, compact } as const satisfies Record<string, Reporter>;
/** The same formats in pieces, for printing while linting (same bytes as `REPORTERS`). */
export const REPORT_STREAMS: Record<keyof typeof REPORTERS, StreamingReporter> = {
  stylish: stylishStream, json: jsonStream, sarif: sarifStream, github: githubStream, gitlab: gitlabStream, junit: junitStream, compact: compactStream,
};
export type ReportFormat = keyof typeof REPORTERS;
export const REPORT_FORMATS = Object.keys(REPORTERS) as ReportFormat[];

export { compact, github, gitlab, json, junit, sarif, stylish };
export { renderFrame } from './frame.js';
export type { ReportContext, Reporter, StreamingReporter } from './types.js';
