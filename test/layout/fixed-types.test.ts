// The fixed-size type table (spec §2.5) is decided on char codes, without slicing
// (layout.ts fixedTypeAt). It must recognise exactly the fourteen spellings, at
// any offset, and nothing else.
import { expect } from 'chai';
import fc from 'fast-check';
import { FIXED_TYPES, FIXED_TYPE_SIZES, fixedSize, fixedTypeAt } from '../../src/layout/layout.js';

const SIZES: Record<string, number> = {
  u8: 1, s8: 1, char: 1, 'unsigned char': 1, u16: 2, s16: 2, short: 2, 'unsigned short': 2,
  u32: 4, s32: 4, int: 4, 'unsigned int': 4, u64: 8, s64: 8,
};

describe('layout: fixed-size types', () => {
  it('recognises the fourteen spellings of spec §2.5 with their sizes, at any offset', () => {
    expect([...FIXED_TYPES].sort()).to.deep.equal(Object.keys(SIZES).sort());
    for (const [type, size] of Object.entries(SIZES)) {
      expect(fixedSize(type), type).to.equal(size);
      const i = fixedTypeAt(`x ${type};`, 2, 2 + type.length);
      expect(FIXED_TYPES[i], type).to.equal(type);
      expect(FIXED_TYPE_SIZES[i], type).to.equal(size);
    }
  });

  it('rejects near misses', () => {
    for (const t of ['', 'u', 'u9', 'u7', 'x8', 'U8', 'u32 ', ' u32', 'u31', 'u33', 's65', 'i32', 'Int', 'inT', 'chars', 'cha',
      'shorT', 'long', 'unsigned', 'unsigned  int', 'unsigned lnt', 'unsigned chaR', 'unsigned shor', 'unsigned short ', 'char[4]', 'bool']) {
      expect(fixedSize(t), JSON.stringify(t)).to.equal(undefined);
    }
  });

  it('agrees with a plain lookup on any text (fast-check)', () => {
    const near = fc.constantFrom(...Object.keys(SIZES), 'u', 's', 'i', 'c', '1', '3', '6', '8', '2', '4', 'unsigned ', 'n', 't', ' ', 'x');
    const text = fc.oneof(fc.string({ maxLength: 16 }), fc.array(near, { maxLength: 3 }).map((p) => p.join('')));
    fc.assert(fc.property(text, fc.nat(3), (t, pad) => {
      expect(fixedSize(t), JSON.stringify(t)).to.equal(Object.hasOwn(SIZES, t) ? SIZES[t] : undefined);
      const padded = `${'#'.repeat(pad)}${t}#`;
      const i = fixedTypeAt(padded, pad, pad + t.length);
      expect(i < 0 ? undefined : FIXED_TYPES[i]).to.equal(Object.hasOwn(SIZES, t) ? t : undefined);
    }), { numRuns: 5_000 });
  });
});
