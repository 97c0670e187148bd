// KernelBytes.slice of a non-ASCII definition slices the text itself when it can;
// it must always equal decoding the UTF-8 bytes of the range (what the kernel holds).
import { expect } from 'chai';
import fc from 'fast-check';
import { toKernelBytes } from '../../src/source/kernel-bytes.js';

const RUNS = Number(process.env.FC_RUNS ?? 10_000);
const decode = (bytes: string, s: number, e: number) => Buffer.from(bytes.slice(s, e), 'latin1').toString('utf8');

describe('kernel bytes', () => {
  it(`slice(s, e) equals decoding bytes s..e, for any range of any text (${RUNS} runs)`, () => {
    const text = fc.string({ unit: fc.oneof(fc.constantFrom('a', ' ', ';', '[', ']', 'é', '€', '😀', '\u00a0', '\ud800', '\udc00', 'à'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })), minLength: 1, maxLength: 12 });
    fc.assert(fc.property(text, fc.nat(), fc.nat(), (t, a, b) => {
      const src = toKernelBytes(`x${t}`);
      const n = src.bytes.length + 1;
      const [s, e] = [a % n, b % n].sort((x, y) => x - y) as [number, number];
      expect(src.slice(s, e), JSON.stringify([t, s, e])).to.equal(decode(src.bytes, s, e));
    }), { numRuns: RUNS });
  });

  it(`toTextOffset maps every byte to the character that holds it, for any text (${RUNS} runs)`, () => {
    const text = fc.string({ unit: fc.constantFrom('a', ' ', 'é', '€', '😀', '\u00a0', '\ud800', '\udc00', '\u07ff', '\u0800', '\uffff'), minLength: 1, maxLength: 12 });
    fc.assert(fc.property(text, (t) => {
      const src = toKernelBytes(t);
      // Reference: walk the code points; a lone surrogate is encoded as U+FFFD (3 bytes).
      const expected: number[] = [];
      let at = 0;
      for (const ch of t) {
        const cp = ch.codePointAt(0)!;
        const n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
        for (let k = 0; k < n; k++) expected.push(at);
        at += ch.length;
      }
      expected.push(t.length);
      expect(expected.map((_, b) => src.toTextOffset(b)), JSON.stringify(t)).to.deep.equal(expected);
    }), { numRuns: RUNS });
  });

  it('maps byte offsets to the character that holds them', () => {
    const src = toKernelBytes('té😀x');
    expect(src.bytes.length).to.equal(1 + 2 + 4 + 1);
    expect([0, 1, 2, 3, 6, 7, 8].map((b) => src.toTextOffset(b))).to.deep.equal([0, 1, 1, 2, 2, 4, 5]);
    expect(src.slice(1, 3)).to.equal('é');
    expect(src.slice(1, 2)).to.equal('\ufffd'); // half a character
  });
});
