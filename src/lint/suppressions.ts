// Per-file rule switches: `# ue-lint-disable-next-line CODE` / `# ue-lint-disable CODE`
// comments and the config's `off|warn|error` settings, applied line by line.
// Shared by `lint` and `check`, so both honour suppressions the same way.
import { findCatalogEntry } from '../diagnostics/catalog.js';
import type { Severity } from '../diagnostics/diagnostic.js';
import { parseDisableDirective } from '../files/definition-file.js';

export type RuleSetting = 'off' | 'warn' | 'error';

const ALL = '*';

/** A code from a code or rule name: `duplicate-field-name` → `UE104`. */
function codeOf(rule: string): string {
  return findCatalogEntry(rule)?.code ?? rule.toUpperCase();
}

export class Suppressions {
  private readonly forFile = new Set<string>();
  private nextLine: Set<string> | undefined;
  private thisLine: Set<string> | undefined;

  constructor(private readonly settings: Readonly<Record<string, RuleSetting>> = {}) {}

  /** Move to the next line, whose trailing `#` comment (if any) is `comment`. */
  enterLine(comment: string | undefined): void {
    this.thisLine = this.nextLine;
    this.nextLine = undefined;
    const directive = comment !== undefined ? parseDisableDirective(comment) : undefined;
    if (!directive) return;
    const codes = directive.rules.length === 0 ? [ALL] : directive.rules.map(codeOf);
    // A file-wide directive applies from its own line on; next-line to the following line only.
    if (directive.scope === 'next-line') this.nextLine = new Set(codes);
    else for (const c of codes) this.forFile.add(c);
  }

  /** `severityOf` fixed at the current line, for diagnostics computed later (`layout --file`). */
  snapshot(): (code: string, severity: Severity) => Severity | undefined {
    const frozen = new Suppressions(this.settings);
    for (const c of this.forFile) frozen.forFile.add(c);
    frozen.thisLine = this.thisLine;
    return (code, severity) => frozen.severityOf(code, severity);
  }

  /** The severity to report `code` with on the current line, or undefined when it is off or disabled. */
  severityOf(code: string, severity: Severity): Severity | undefined {
    if (this.forFile.has(ALL) || this.forFile.has(code)) return undefined;
    if (this.thisLine && (this.thisLine.has(ALL) || this.thisLine.has(code))) return undefined;
    const setting = this.settings[code];
    if (setting === 'off') return undefined;
    return setting === 'warn' ? 'warning' : setting === 'error' ? 'error' : severity;
  }
}
