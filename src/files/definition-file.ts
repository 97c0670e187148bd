// One line of a definition file → what it holds, plus the file-level checks
// (UE301 space before comment, UE302 CRLF, UE303 BOM, UE305 malformed deletion).
// Pure: no fs, no colours. Spans here are UTF-16 columns into the *line* text
// (0-based, half-open), without the `\n`, the `\r` of a CRLF, or a BOM.
//
// File format: UTF-8, one definition per line; blank lines and `#` comments are
// ignored, and a comment may follow a definition (`test u32 a# note`). A line may
// carry the `dynamic_events` prefix `u:` (then whitespace is skipped, spec §1.2).
// A line whose first character is `-` or `!` is a deletion (spec §1.3).
// Compatible with `tracepoint-register -i` files (one definition per line, `#`
// comment lines); note that tool does not strip trailing comments.

import { catalog, type CatalogEntry } from '../diagnostics/catalog.js';
import type { Diagnostic, Span } from '../diagnostics/diagnostic.js';

export type LineKind = 'blank' | 'comment' | 'definition' | 'deletion';

export interface DefinitionLine {
  kind: LineKind;
  /** The text handed to the parser: after `u:` and its whitespace, before the comment and the whitespace before it. `''` for blank and comment lines. */
  definition: string;
  /** UTF-16 column (0-based) in the line where `definition` starts, e.g. 2 for `u:test u32 a`. */
  defStart: number;
  /** The comment text after `#`, e.g. ` note` for `test u32 a # note`. */
  comment?: string;
  /** Column of the `#`. */
  commentStart?: number;
  /** Whitespace between the definition and a trailing `#` comment (UE301). */
  trailingWsBeforeComment?: Span;
  /** The line ended with `\r\n` (the `\r` is not part of the line text). */
  hasCR: boolean;
  /** The line carried the `u:` prefix. */
  prefixed: boolean;
}

/** The kernel's `isspace` set, ASCII part (spec: 0x09–0x0D and 0x20; U+00A0 is two bytes in UTF-8, neither of them space). */
export function isKernelSpace(ch: string): boolean {
  return ch === ' ' || (ch >= '\t' && ch <= '\r');
}

/**
 * Split one line (without its `\n`, without the `\r` of a CRLF and without a BOM).
 * e.g. `u:test u32 a # note` → `{ kind: 'definition', definition: 'test u32 a', defStart: 2, comment: ' note', ... }`.
 */
export function splitDefinitionLine(text: string, hasCR = false): DefinitionLine {
  // Runs once per line of a file: plain loops and one result object, no spreads.
  const hash = text.indexOf('#');
  const body = hash >= 0 ? text.slice(0, hash) : text;
  let first = 0;
  while (first < body.length && isKernelSpace(body[first]!)) first++;
  let line: DefinitionLine;
  if (first === body.length) {
    line = { kind: hash >= 0 ? 'comment' : 'blank', definition: '', defStart: body.length, hasCR, prefixed: false };
  } else if (body[0] === '-' || body[0] === '!') {
    line = { kind: 'deletion', definition: body, defStart: 0, hasCR, prefixed: false };
  } else {
    let start = 0;
    let prefixed = false;
    if (body.startsWith('u:')) {
      prefixed = true;
      start = 2;
      while (start < body.length && isKernelSpace(body[start]!)) start++;
    }
    let end = body.length;
    if (hash >= 0) while (end > start && isKernelSpace(body[end - 1]!)) end--;
    line = { kind: 'definition', definition: body.slice(start, end), defStart: start, hasCR, prefixed };
    if (end < body.length) line.trailingWsBeforeComment = { start: end, end: body.length };
  }
  if (hash >= 0) {
    line.comment = text.slice(hash + 1);
    line.commentStart = hash;
  }
  return line;
}

function make(entry: CatalogEntry<any>, span: Span, args: unknown[] = [], extra: Partial<Diagnostic> = {}): Diagnostic {
  return {
    code: entry.code,
    name: entry.name,
    severity: entry.severity,
    message: entry.message(...args),
    span,
    ...(entry.errno ? { errno: entry.errno } : {}),
    ...(entry.help ? { help: entry.help(...args) } : {}),
    ...extra,
  };
}

/**
 * Check a deletion line the way `dynamic_events` parses it (spec §1.3): split on
 * whitespace runs; `-` must be followed by `:`; a `!` word needs a `:`; the event
 * part (after `:`, optionally `system/name`) must not be empty.
 * Returns the event name (or undefined) and any UE305 diagnostics (line columns).
 */
export function checkDeletionLine(body: string): { name?: string; system?: string; diagnostics: Diagnostic[] } {
  const entry = catalog.malformedDeletion;
  let i = 0;
  while (i < body.length && !isKernelSpace(body[i]!)) i++;
  const word = body.slice(0, i);
  const wordSpan = { start: 0, end: word.length };
  let eventPart: string;
  let eventStart: number;
  if (word[0] === '-') {
    if (word[1] !== ':') return { diagnostics: [make(entry, { start: 0, end: 1 }, ['has `-` without `:` after it'])] };
    eventPart = word.slice(2);
    eventStart = 2;
  } else {
    const colon = word.indexOf(':');
    if (colon < 0) return { diagnostics: [make(entry, wordSpan, ['has no `:` in its first word'])] };
    eventPart = word.slice(colon + 1);
    eventStart = colon + 1;
  }
  const slash = eventPart.indexOf('/');
  const system = slash >= 0 ? eventPart.slice(0, slash) : undefined;
  const name = slash >= 0 ? eventPart.slice(slash + 1) : eventPart;
  if (name === '') {
    const at = eventStart + eventPart.length;
    return { ...(system !== undefined ? { system } : {}), diagnostics: [make(entry, { start: Math.max(0, at - 1), end: at }, ['has an empty event name'])] };
  }
  return { name, ...(system !== undefined ? { system } : {}), diagnostics: [] };
}

export interface LineContext {
  /** 1-based line number. */
  line: number;
  /** An earlier line of the file ended with CRLF already (UE302 is reported once per file). */
  crlfSeen?: boolean;
  /** The file began with a UTF-8 BOM (only meaningful for line 1). */
  bom?: boolean;
}

/**
 * File-level diagnostics for one line, spans in line columns:
 * UE303 (BOM, line 1), UE302 (CRLF, at the first such line only), UE301 (whitespace before a trailing comment,
 * with a fix that deletes it) and UE305 (malformed deletion line).
 */
export function checkLine(text: string, split: DefinitionLine, ctx: LineContext): Diagnostic[] {
  // Nearly every line has none of these: answer without allocating (the lint hot path).
  if (!(ctx.line === 1 && ctx.bom) && split.kind !== 'deletion' && split.trailingWsBeforeComment === undefined && !(split.hasCR && !ctx.crlfSeen)) return [];
  const out: Diagnostic[] = [];
  if (ctx.line === 1 && ctx.bom) out.push(make(catalog.byteOrderMark, { start: 0, end: 0 }));
  if (split.kind === 'deletion') out.push(...checkDeletionLine(split.definition).diagnostics);
  if (split.trailingWsBeforeComment && split.definition !== '') {
    const span = split.trailingWsBeforeComment;
    out.push(make(catalog.trailingSpaceBeforeComment, span, [], {
      fix: { span, replacement: '', description: 'remove the whitespace before `#`', applicability: 'safe' },
    }));
  }
  if (split.hasCR && !ctx.crlfSeen) {
    const span = { start: text.length, end: text.length + 1 };
    out.push(make(catalog.crlfLineEnding, span, [], {
      fix: { span, replacement: '', description: 'convert every line ending of the file to LF', applicability: 'safe', lineEndings: 'lf' },
    }));
  }
  return out;
}

/** A `# ue-lint-disable-next-line CODE[,CODE]` or `# ue-lint-disable CODE` comment; no codes means every code. */
export interface DisableDirective {
  scope: 'next-line' | 'rest-of-file';
  /** Codes or rule names as written; empty means all. */
  rules: string[];
}

/** e.g. ` ue-lint-disable-next-line UE104, UE301` → `{ scope: 'next-line', rules: ['UE104', 'UE301'] }`. */
export function parseDisableDirective(comment: string): DisableDirective | undefined {
  const m = /^\s*ue-lint-disable(-next-line)?(?:\s+(.*?))?\s*$/.exec(comment);
  if (!m) return undefined;
  const rules = (m[2] ?? '').split(/[\s,]+/).filter((s) => s !== '' && s !== '--');
  // Allow a description after `--`, as ESLint does: `# ue-lint-disable UE104 -- legacy file`.
  const dash = (m[2] ?? '').indexOf('--');
  const list = dash >= 0 ? (m[2] ?? '').slice(0, dash).split(/[\s,]+/).filter(Boolean) : rules;
  return { scope: m[1] ? 'next-line' : 'rest-of-file', rules: list };
}
