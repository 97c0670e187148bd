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

  it('maps byte offsets to the character that holds them', () => {
    const src = toKernelBytes('té😀x');
    expect(src.bytes.length).to.equal(1 + 2 + 4 + 1);
    expect([0, 1, 2, 3, 6, 7, 8].map((b) => src.toTextOffset(b))).to.deep.equal([0, 1, 1, 2, 2, 4, 5]);
    expect(src.slice(1, 3)).to.equal('é');
    expect(src.slice(1, 2)).to.equal('\ufffd'); // half a character
  });
});
