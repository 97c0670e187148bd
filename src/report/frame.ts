// Ruff-like code frames for file diagnostics. Pure: the colour styler is a
// parameter (a `new Chalk({ level })` from the CLI; level 0 gives plain text).
//
//   error[UE104]: duplicate field name `pid`
//    --> events.ue:3:34
//     |
//   3 | wake u32 pid; char[16] comm; u32 pid
//     |          --- first defined here  ^^^
//     |
//   help: rename one of the two fields

import type { ChalkInstance } from 'chalk';
import stringWidth from 'string-width';
import type { FileDiagnostic, FileRange, RelatedLocation } from '../lint/file-linter.js';

/** How a source character is shown: tabs as 4 spaces, control characters escaped. */
function showChar(ch: string): string {
  const c = ch.codePointAt(0)!;
  if (ch.length > (c > 0xffff ? 2 : 1)) return ch; // a cluster of several code points
  if (ch === '\t') return '    ';
  if (c < 0x20 || c === 0x7f) return `\\x${c.toString(16).padStart(2, '0')}`;
  if (c === 0xfeff) return '\\u{feff}';
  return ch;
}

/** Printable ASCII only: one column per character, no grapheme or width work. */
const PLAIN_ASCII = /^[\x20-\x7e]*$/;

let graphemes: Intl.Segmenter | undefined;

/**
 * The displayed line as display cells (one string per terminal column) and, for every
 * UTF-16 column 0..length, its display column. A tab is four cells; a control
 * character is its escape (`\x1b`); an East Asian wide or fullwidth character or an
 * emoji (a whole grapheme cluster: ZWJ sequences, flags, skin tones) takes two
 * columns, as terminals draw it: the second cell is `''`. A zero-width grapheme
 * (a lone combining mark) joins the cell before it. Widths come from string-width.
 */
export function displayLine(text: string): { cells: string[]; columns: number[] } {
  const columns: number[] = [];
  const cells: string[] = [];
  if (PLAIN_ASCII.test(text)) {
    for (let i = 0; i <= text.length; i++) columns.push(i);
    return { cells: text.split(''), columns };
  }
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  for (const { segment, index } of graphemes.segment(text)) {
    const at = cells.length;
    for (let i = 0; i < segment.length; i++) columns[index + i] = at;
    const shown = showChar(segment);
    if (shown !== segment) {
      for (const c of shown) cells.push(c);
      continue;
    }
    const width = stringWidth(segment);
    if (width === 0 && cells.length > 0) cells[cells.length - 1] += segment;
    else if (width >= 2) cells.push(segment, '');
    else cells.push(segment);
  }
  columns.push(cells.length);
  return { cells, columns };
}

/** Widest source line shown in full; a longer one is cut to a window around its first mark. */
export const FRAME_WIDTH = 120;
/** Columns kept before the first mark when a line is cut. */
const LEAD = 16;
const ELLIPSIS = '…';

/**
 * The part of a long line around a mark that starts at display column `from`, with
 * `…` where it was cut. `shift` moves a display column into the window (clamped to
 * its ends) and `holds` tells whether a span fits in it. A line of FRAME_WIDTH
 * columns or fewer is returned whole: definitions can be hundreds of bytes long,
 * and a wrapped line no longer lines up with its markers.
 */
export function lineWindow(cells: readonly string[], from: number): {
  text: string;
  shift: (column: number) => number;
  holds: (from: number, to: number) => boolean;
} {
  if (cells.length <= FRAME_WIDTH) return { text: cells.join(''), shift: (c) => c, holds: () => true };
  const start = Math.max(0, Math.min(from - LEAD, cells.length - FRAME_WIDTH));
  const end = Math.min(cells.length, start + FRAME_WIDTH);
  const head = start > 0 ? ELLIPSIS : '';
  const tail = end < cells.length ? ELLIPSIS : '';
  const lo = head.length;
  const hi = head.length + (end - start) + tail.length;
  const shown = cells.slice(start, end);
  // A cut through a two-column character leaves a blank in its place, so columns stay put.
  if (shown[0] === '') shown[0] = ' ';
  if (end < cells.length && cells[end] === '') shown[shown.length - 1] = ' ';
  return {
    text: head + shown.join('') + tail,
    shift: (c) => Math.min(Math.max(c - start + head.length, lo), hi),
    holds: (f, t) => f >= start && t <= end + 1, // +1: a mark just past the text (a line's end)
  };
}

interface Mark {
  from: number;
  to: number;
  char: '^' | '-';
  label: string;
  primary: boolean;
}

/** Draw the marker rows under one line: all marks on one row when the labels fit, else one row per mark. */
function markerRows(marks: Mark[], style: (m: Mark, s: string) => string): string[] {
  const sorted = [...marks].sort((a, b) => a.from - b.from);
  let fits = true;
  let cursor = 0;
  for (const m of sorted) {
    if (m.from < cursor) { fits = false; break; }
    cursor = m.to + (m.label ? m.label.length + 2 : 1);
  }
  const render = (row: Mark[]): string => {
    let out = '';
    let col = 0;
    for (const m of row) {
      out += ' '.repeat(Math.max(0, m.from - col));
      col = Math.max(col, m.from);
      const marker = m.char.repeat(Math.max(1, m.to - m.from)) + (m.label ? ` ${m.label}` : '');
      out += style(m, marker);
      col += marker.length + 1;
      out += ' ';
    }
    return out.trimEnd();
  };
  if (fits) return [render(sorted)];
  return sorted.map((m) => render([m]));
}

function loc(file: string, range: FileRange): string {
  return `${file}:${range.start.line}:${range.start.column}`;
}

/** Render one diagnostic as a code frame (no trailing newline). */
export function renderFrame(d: FileDiagnostic, chalk: ChalkInstance): string {
  const sevColour = d.severity === 'error' ? chalk.red : chalk.yellow;
  const lines: string[] = [];
  lines.push(`${chalk.bold(sevColour(`${d.severity}[${d.code}]`))}${chalk.bold(`: ${d.message}`)}`);

  const sameLine = (r: RelatedLocation) => r.file === d.file && r.range.start.line === d.range.start.line;
  const local = (d.related ?? []).filter(sameLine);
  const elsewhere = (d.related ?? []).filter((r) => !sameLine(r));
  const gutterWidth = Math.max(String(d.range.start.line).length, ...elsewhere.map((r) => String(r.range.start.line).length));
  const pad = ' '.repeat(gutterWidth);
  const bar = chalk.blue('|');

  // One source line with its marks, cut to a window around the first mark when
  // the line is long; returns the indexes of the marks that fall outside it.
  const block = (header: string, lineNo: number, text: string, marks: Mark[]): number[] => {
    const { cells, columns } = displayLine(text);
    const col = (c: number) => columns[Math.min(Math.max(c, 0), columns.length - 1)]! + Math.max(0, c - (columns.length - 1));
    const placed = marks.map((m) => ({ ...m, from: col(m.from), to: col(m.to) }));
    const window = lineWindow(cells, placed[0]!.from); // a mark wider than the window runs to its end
    const kept: Mark[] = [];
    const outside: number[] = [];
    placed.forEach((m, i) => {
      if (i === 0 || window.holds(m.from, m.to)) kept.push({ ...m, from: window.shift(m.from), to: window.shift(m.to) });
      else outside.push(i);
    });
    lines.push(`${pad}${chalk.blue(header)}`);
    lines.push(`${pad} ${bar}`);
    lines.push(`${chalk.blue(String(lineNo).padStart(gutterWidth))} ${bar} ${window.text}`);
    for (const row of markerRows(kept, (m, s) => (m.primary ? sevColour(s) : chalk.blue(s)))) {
      lines.push(`${pad} ${bar} ${row}`);
    }
    return outside;
  };

  const farOnSameLine = block(`--> ${loc(d.file, d.range)}`, d.range.start.line, d.sourceLine, [
    { from: d.range.start.column - 1, to: d.range.end.column - 1, char: '^', label: '', primary: true },
    ...local.map((r) => ({ from: r.range.start.column - 1, to: r.range.end.column - 1, char: '-' as const, label: r.label, primary: false })),
  ]);
  // Related spans on the same long line but outside its window get a frame of their own.
  elsewhere.unshift(...farOnSameLine.map((i) => local[i - 1]!));
  for (const r of elsewhere) {
    block(`::: ${loc(r.file, r.range)}`, r.range.start.line, r.sourceLine, [
      { from: r.range.start.column - 1, to: r.range.end.column - 1, char: '-', label: r.label, primary: false },
    ]);
  }
  lines.push(`${pad} ${bar}`);
  if (d.errno) lines.push(`${chalk.bold('note')}: the kernel answers ${d.errno}`);
  if (d.help) lines.push(`${chalk.bold.cyan('help')}: ${d.help}`);
  if (d.fix?.applicability === 'safe') lines.push(`${chalk.bold.green('fix')}: ${d.fix.description} (safe, applied by \`--fix\`)`);
  else if (d.fix) lines.push(`${chalk.bold.yellow('suggestion')}: ${d.fix.description} (unsafe: may change the layout; applied by \`--fix --unsafe-fixes\`)`);
  return lines.join('\n');
}
