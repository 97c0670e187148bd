// Code frames of long lines: a line wider than FRAME_WIDTH is cut to a window
// around the primary mark, the carets still sit under the marked text, and a
// related span on the same line that does not fit gets a block of its own.
import { expect } from 'chai';
import { Chalk } from 'chalk';
import fc from 'fast-check';
import type { FileDiagnostic } from '../../src/lint/file-linter.js';
import { displayLine, FRAME_WIDTH, lineWindow, renderFrame } from '../../src/report/frame.js';

const chalk = new Chalk({ level: 0 });
const pos = (line: number, column: number) => ({ line, column, offset: column - 1 });

/** A diagnostic on line 1 marking UTF-16 columns [from, to) (0-based) of `text`. */
function diagnostic(text: string, from: number, to: number, related?: [number, number]): FileDiagnostic {
  return {
    code: 'UE104', name: 'duplicate-field-name', severity: 'warning', message: 'm', file: 'a.ue',
    range: { start: pos(1, from + 1), end: pos(1, to + 1) }, sourceLine: text,
    related: related && [{ file: 'a.ue', label: 'first defined here', range: { start: pos(1, related[0] + 1), end: pos(1, related[1] + 1) }, sourceLine: text }],
  };
}

/** The source row and the first marker row of a frame, without their gutters. */
function rows(frame: string): { source: string; marker: string } {
  const lines = frame.split('\n');
  const at = lines.findIndex((l) => /^\d+ \| /.test(l.trimStart()));
  const strip = (l: string) => l.slice(l.indexOf('| ') + 2);
  return { source: strip(lines[at]!), marker: strip(lines[at + 1]!) };
}

describe('code frames of long lines', () => {
  const long = `big ${Array.from({ length: 60 }, (_, i) => `u32 f${i}`).join(';')}`; // about 500 columns

  it('shows a short line whole', () => {
    const text = 'wake u32 pid; u32 pid';
    expect(rows(renderFrame(diagnostic(text, 18, 21), chalk))).to.deep.equal({ source: text, marker: '                  ^^^' });
  });

  it('cuts a long line to a window around the mark, with the carets under the marked text', () => {
    const at = long.indexOf('f30');
    const { source, marker } = rows(renderFrame(diagnostic(long, at, at + 3), chalk));
    expect(source.startsWith('…') && source.endsWith('…')).to.equal(true);
    expect(source.length).to.equal(FRAME_WIDTH + 2);
    const caret = marker.indexOf('^');
    expect(marker.trim()).to.equal('^^^');
    expect(source.slice(caret, caret + 3)).to.equal('f30');
  });

  it('keeps the end of the line when the mark is there (a span just past the text)', () => {
    const { source, marker } = rows(renderFrame(diagnostic(long, long.length, long.length + 1), chalk));
    expect(source.startsWith('…')).to.equal(true);
    expect(source.endsWith('f59')).to.equal(true);
    expect(marker.indexOf('^')).to.equal(source.length);
  });

  it('gives a related span on the same line that does not fit a block of its own', () => {
    const first = long.indexOf('f1;');
    const second = long.indexOf('f55');
    const frame = renderFrame(diagnostic(long, second, second + 3, [first, first + 2]), chalk);
    expect(frame).to.contain('::: a.ue:1:');
    const blocks = frame.split('\n').filter((l) => /^\d+ \| /.test(l.trimStart()));
    expect(blocks).to.have.length(2);
    expect(frame).to.contain('first defined here');
  });

  it('keeps a related span in the same block when it fits', () => {
    const text = `e ${'x'.repeat(150)} u32 a; u32 a`;
    const second = text.lastIndexOf(' a') + 1;
    const first = text.indexOf(' a;') + 1;
    const frame = renderFrame(diagnostic(text, second, second + 1, [first, first + 1]), chalk);
    expect(frame).not.to.contain(':::');
    expect(frame).to.contain('- first defined here');
  });

  it('every mark that fits the window sits under its own text (fast-check)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', ' ', ';', '\t', 'é', '😀', '\u0001'), minLength: 1, maxLength: 400 });
    fc.assert(fc.property(text, fc.nat(), fc.nat(), (t, a, b) => {
      const { cells, columns } = displayLine(t);
      const from = columns[a % (t.length + 1)]!;
      const to = Math.max(from, columns[b % (t.length + 1)]!);
      const w = lineWindow(cells, from);
      if (!w.holds(from, to) || to > cells.length) return;
      const shown = displayLine(w.text).cells; // one entry per column: a wide character's second column is ''
      expect(shown.slice(w.shift(from), w.shift(to)).join('')).to.equal(cells.slice(from, to).join(''));
      expect(shown.length).to.be.at.most(FRAME_WIDTH + 2);
    }), { numRuns: 3_000 });
  });
});
