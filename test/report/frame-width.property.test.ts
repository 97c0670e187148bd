// Code frames under East Asian wide and fullwidth characters and emoji: a caret stays under
// its text because every grapheme takes the columns a terminal gives it (string-width).
import { expect } from 'chai';
import { Chalk } from 'chalk';
import fc from 'fast-check';
import stringWidth from 'string-width';
import type { FileDiagnostic } from '../../src/lint/file-linter.js';
import { displayLine, renderFrame } from '../../src/report/frame.js';

const plain = new Chalk({ level: 0 });
const RUNS = Number(process.env.FC_RUNS ?? 1000);

/** Graphemes of every width class: ASCII, CJK and fullwidth (2), emoji incl. ZWJ sequences, flags and skin tones (2), combining marks (0). */
const GRAPHEMES = ['a', 'Z', '_', ' ', ';', '中', '文', 'ｕ', '３', '한', 'カ', '😀', '👍🏽', '👨‍👩‍👧', '🇩🇪', 'é', 'e\u0301', 'ä', 'ß', '→'];

function diagnostic(line: string, start: number, end: number): FileDiagnostic {
  const pos = (c: number) => ({ line: 1, column: c + 1, offset: c });
  return { code: 'UE110', name: 'unusual-field-name', severity: 'warning', message: 'm', file: 'a.ue', range: { start: pos(start), end: pos(end) }, sourceLine: line };
}

describe('report/frame: widths of wide characters and emoji', () => {
  it('a wide character takes two columns, a combining mark none', () => {
    const { cells, columns } = displayLine('中a😀e\u0301b');
    expect(cells).to.deep.equal(['中', '', 'a', '😀', '', 'e\u0301', 'b']);
    expect(columns).to.deep.equal([0, 2, 3, 3, 5, 5, 6, 7]);
    const frame = renderFrame(diagnostic('x 中文 u32 a', 5, 8), plain).split('\n');
    expect(frame[3]).to.equal('1 | x 中文 u32 a');
    expect(frame[4]).to.equal('  |        ^^^');
  });

  it(`carets stay under their text for any mix of widths (${RUNS} runs)`, () => {
    fc.assert(fc.property(
      fc.array(fc.constantFrom(...GRAPHEMES), { minLength: 1, maxLength: 40 }),
      fc.nat(), fc.nat(),
      (graphemes, a, b) => {
        const text = graphemes.join('');
        // Spans start and end on grapheme boundaries, as ue-lint's spans do.
        const bounds = [0];
        for (const g of graphemes) bounds.push(bounds[bounds.length - 1]! + g.length);
        const i = a % graphemes.length;
        const j = i + 1 + (b % (graphemes.length - i));
        const start = bounds[i]!;
        const end = bounds[j]!;
        const lines = renderFrame(diagnostic(text, start, end), plain).split('\n');
        const source = lines[3]!;
        const marks = lines[4]!;
        expect(source).to.equal(`1 | ${text}`);
        // The caret row starts exactly where the span's text starts on screen, and covers its width.
        const lead = stringWidth(`1 | ${text.slice(0, start)}`);
        const width = Math.max(1, stringWidth(text.slice(start, end)));
        expect(marks).to.equal(`  | ${' '.repeat(lead - 4)}${'^'.repeat(width)}`);
      },
    ), { numRuns: RUNS, seed: 14 });
  });

  it('a line cut to a window keeps a wide character whole or blanks it, never shifts the carets', () => {
    const line = `${'中'.repeat(70)}x u32 a`;
    const at = line.indexOf('x');
    const frame = renderFrame(diagnostic(line, at, at + 1), plain).split('\n');
    const source = frame[3]!.slice(4);
    const caret = frame[4]!.slice(4);
    expect(stringWidth(source.slice(0, source.indexOf('x')))).to.equal(caret.indexOf('^'));
  });
});
