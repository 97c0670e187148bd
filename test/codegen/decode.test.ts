import { expect } from 'chai';
import { decode, generateTsModule } from '../../src/codegen/index.js';
import { importTs, layoutOf } from './support.js';

const L3 = layoutOf('evt __data_loc char[] path; __rel_loc char[] note; struct pt p 16; s64 ts');

/** L-3 payload: path "ab" and note "xyz" right after the 32-byte fixed part (spec §10). */
function l3Payload(): Uint8Array {
  const b = new Uint8Array(39);
  const v = new DataView(b.buffer);
  v.setUint32(0, 40 | (3 << 16), true);
  v.setUint32(4, 27 | (4 << 16), true);
  v.setBigInt64(24, 5n, true);
  b.set(Buffer.from('ab\0xyz\0'), 32);
  return b;
}

/** [description, mutation, expected error] — each payload violates the layout in one way. */
const INVALID: [string, (b: Uint8Array) => Uint8Array, RegExp][] = [
  ['short payload', (b) => b.subarray(0, 31), /event `evt`: payload is 31 bytes, shorter than the 32-byte fixed part/],
  ['__data_loc past the end', (b) => (new DataView(b.buffer).setUint32(0, 40 | (9 << 16), true), b), /field `path`: data at payload bytes 32\.\.41 ends past the payload end 39/],
  ['__data_loc into the common header', (b) => (new DataView(b.buffer).setUint32(0, 4 | (1 << 16), true), b), /field `path`: data offset 4 points into the common header/],
  ['__rel_loc past the end', (b) => (new DataView(b.buffer).setUint32(4, 28 | (4 << 16), true), b), /field `note`: data at payload bytes 36\.\.40 ends past the payload end 39/],
  ['missing NUL', (b) => ((b[38] = 0x21), b), /field `note`: string data does not end with NUL/],
];

describe('codegen/decode', () => {
  it('decodes worked example L-3', () => {
    expect(decode(l3Payload(), L3)).to.deep.equal({ ok: true, values: { path: 'ab', note: 'xyz', p: new Uint8Array(16), ts: 5n } });
  });

  it('decodes every integer kind with its signedness', () => {
    const layout = layoutOf('e s8 a; u8 b; char c; unsigned short d; int e; u64 f; s64 g');
    const b = new Uint8Array(1 + 1 + 1 + 2 + 4 + 8 + 8).fill(0xff);
    expect(decode(b, layout)).to.deep.equal({ ok: true, values: { a: -1, b: 255, c: -1, d: 65535, e: -1, f: 2n ** 64n - 1n, g: -1n } });
  });

  it('ends char[N] text at the first NUL and keeps duplicate field names apart', () => {
    const layout = layoutOf('e char[4] a; char[4] a; u8 a_2');
    expect(decode(Uint8Array.from([0x68, 0x69, 0, 0x7a, 0x61, 0x62, 0x63, 0x64, 1]), layout)).to.deep.equal({ ok: true, values: { a: 'hi', a_3: 'abcd', a_2: 1 } });
  });

  describe('rejects payloads that violate the layout, naming the field', () => {
    for (const [what, mutate, error] of INVALID) {
      it(what, async () => {
        const r = decode(mutate(l3Payload()), L3);
        expect(r.ok).to.equal(false);
        expect(r.ok ? '' : r.error).to.match(error);
      });
    }

    it('the same way in the generated decoder, which returns the error instead of throwing', async () => {
      const defs = ['evt __data_loc char[] path; __rel_loc char[] note; struct pt p 16; s64 ts'];
      const gen = generateTsModule([L3], { source: 'x', abi: 'linux', definitions: defs });
      if (!gen.ok) throw new Error(gen.error);
      const decodeEvt = (await importTs(gen.text)).decodeEvt as (b: Uint8Array) => unknown;
      for (const [what, mutate, error] of INVALID) {
        const r = decodeEvt(mutate(l3Payload())) as { ok: boolean; error?: string };
        expect(r.ok, what).to.equal(false);
        expect(r.error, what).to.match(error);
        expect(r, what).to.deep.equal(decode(mutate(l3Payload()), L3));
      }
    });
  });

  it('accepts char data without NUL under the v5 ABI, which never checked it', () => {
    const b = l3Payload();
    b[38] = 0x21;
    const r = decode(b, L3, { abi: 'v5' });
    expect(r.ok && r.values.note).to.equal('xyz!');
    expect(decode(b, L3).ok).to.equal(false);
  });

  it('returns an error instead of throwing for a layout that cannot be encoded', () => {
    const r = decode(new Uint8Array(4), { name: 'e', flags: [], fields: [{ type: 'u32', name: 'a', offset: 12, size: 4, signed: false }] });
    expect(r).to.deep.equal({ ok: false, error: 'event `e` field `a`: offset 12 wrapped at 2^32 (expected 8); the payload cannot be encoded' });
  });
});
