// The Diagnostic shape shared by the grammar, layout, lint, CLI and reporters.
// Pure data: no rendering and no colours here (see report/ and diagnostics/frame.ts).

/** Half-open range of UTF-16 offsets into the text that was parsed, e.g. `{ start: 5, end: 8 }`. */
export interface Span {
  start: number;
  end: number;
}

export type Severity = 'error' | 'warning';

/** A secondary span with a two-to-four word label, e.g. "first defined here". */
export interface RelatedSpan {
  span: Span;
  label: string;
}

/**
 * Whether a fix may be applied without asking (Ruff's "applicability").
 * - `safe`: never changes the layout of a definition the kernel accepts, and never
 *   turns an accepted definition into a rejected one. `--fix` applies it.
 * - `unsafe`: a suggestion that may change what the kernel registers (e.g. UE102's
 *   `char msg[20]` → `char[20] msg`, a 1-byte field becoming a 20-byte one). Shown in
 *   the output; applied only with `--fix --unsafe-fixes`.
 */
export type Applicability = 'safe' | 'unsafe';

/** A mechanical text edit that fixes the diagnostic. */
export interface Fix {
  span: Span;
  replacement: string;
  /** One line describing the edit, e.g. "collapse the double space". */
  description: string;
  applicability: Applicability;
  /** The edit stands for the whole file: every CRLF line ending becomes LF (UE302). */
  lineEndings?: 'lf';
}

export interface Diagnostic {
  /** Stable code from the catalog, e.g. `UE003`. */
  code: string;
  /** Kebab-case rule name from the catalog, e.g. `extra-field-token`. */
  name: string;
  severity: Severity;
  /** Terse primary message: lowercase, no full stop, names in backticks. */
  message: string;
  /** The narrowest span on the offending text. */
  span: Span;
  /** The errno the kernel would return for this problem (only for kernel rejections). */
  errno?: string;
  /** What to do about it. */
  help?: string;
  related?: RelatedSpan[];
  fix?: Fix;
}
