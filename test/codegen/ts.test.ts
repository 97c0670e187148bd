import { expect } from 'chai';
import { generateTsModule, tsEventIdents } from '../../src/codegen/index.js';
import { nameHash } from '../../src/codegen/names.js';
import { expectGolden } from '../support/golden.js';
import { hex, importTs, kernelCheck, layoutOf, readDefinitions, typeErrors, type GeneratedModule } from './support.js';

const KINDS = readDefinitions('fixtures/definitions/codegen/kinds.ue');
const L3 = 'evt __data_loc char[] path; __rel_loc char[] note; struct pt p 16; s64 ts';

function generate(definitions: string[], abi: 'linux' | 'v5' = 'linux'): string {
  const r = generateTsModule(definitions.map(layoutOf), { source: 'kinds.ue', abi, definitions });
  if (!r.ok) throw new Error(r.error);
  return r.text;
}

type Fn = (...args: unknown[]) => unknown;
const fn = (mod: GeneratedModule, name: string): Fn => {
  expect(mod[name], `export ${name}`).to.be.a('function');
  return mod[name] as Fn;
};

describe('codegen/ts', () => {
  it('matches the golden module for every field kind', () => {
    expectGolden(generate(KINDS), 'fixtures/golden/codegen/kinds.ts');
  });

  it('is deterministic', () => {
    expect(generate(KINDS)).to.equal(generate(KINDS));
  });

  it('type-checks under strict, noUnused*, noUncheckedIndexedAccess and exactOptionalPropertyTypes', function () {
    this.timeout(120_000); // two tsc programs: about 10 s of CPU, 30 s and more of wall time on a loaded machine
    for (const abi of ['linux', 'v5'] as const) {
      expect(typeErrors({ 'gen.ts': generate(KINDS, abi) })).to.deep.equal([]);
    }
    // Each event alone, so every subset of helpers is checked for unused code.
    for (const def of KINDS) expect(typeErrors({ 'gen.ts': generate([def]) }), def).to.deep.equal([]);
  });

  it('types the values: bigint for 64-bit, string | bytes for text, bytes for structs', function () {
    this.timeout(120_000);
    const use = `
      import { encodeEvt_f82e6e02, decodeEvt_f82e6e02, writeInts, encodeOddName2, type DecodeResult, type Evt_f82e6e02Decoded } from './gen.js';
      const b: Uint8Array = encodeEvt_f82e6e02({ path: 'a', note: new Uint8Array(1), p: new Uint8Array(16), ts: 1n }, { truncate: true });
      const r: DecodeResult<Evt_f82e6e02Decoded> = decodeEvt_f82e6e02(b);
      if (!r.ok) throw new Error(r.error);
      const d: Evt_f82e6e02Decoded = r.values;
      const s: string = d.path;
      const t: bigint = d.ts;
      writeInts(0, { a: 1, b: 1, c: 1, d: 1, e: 1, f: 1, g: 1, h: 1, i: 1, j: 1, k: 1, l: 1, m: 1n, n: 1n });
      encodeOddName2({ int: 1, int_2: 2, 'a[4]': 3, '': 4, __proto___2: 5, iov: 6 });
      export { s, t };
    `;
    expect(typeErrors({ 'gen.ts': generate(KINDS), 'use.ts': use })).to.deep.equal([]);
    const bad = `
      import { encodeEvt_f82e6e02 } from './gen.js';
      encodeEvt_f82e6e02({ path: 'a', note: 'b', p: new Uint8Array(16), ts: 1 });
    `;
    expect(typeErrors({ 'gen.ts': generate(KINDS), 'bad.ts': bad }).join('\n')).to.match(/number.*bigint/);
  });

  it('names events PascalCase; names that clash (`evt`, `Evt`) both get a hash of the name', async () => {
    const mod = await importTs(generate(KINDS));
    for (const name of ['encodeEvt_f82e6e02', 'encodeEvt_f7e098e2', 'encodeOddName2', 'encodeEmpty', 'decodeEmpty', 'writeInts', 'definitionEvt_f82e6e02']) {
      expect(mod, name).to.have.property(name);
    }
    expect(mod.definitionOddName2).to.equal(KINDS[4]);
    expect(tsEventIdents(['a_b u8 x', 'aB u8 y', 'ab u8 z'].map(layoutOf), ['a_b u8 x', 'aB u8 y', 'ab u8 z'])).to.deep.equal([`AB_${nameHash('a_b')}`, `AB_${nameHash('aB')}`, 'Ab']);
  });

  it('names an event the same whatever the order of the definitions', () => {
    const defs = ['a_b u8 x', 'aB u8 y', 'ab u8 z', 'evt u8 a', 'evt u16 a'];
    const names = (d: string[]) => new Map(tsEventIdents(d.map(layoutOf), d).map((id, i) => [d[i], id]));
    expect(names([...defs].reverse())).to.deep.equal(names(defs));
    // Two definitions of one event: a hash of each definition.
    expect(names(defs).get('evt u16 a')).to.equal(`Evt_${nameHash('evt u16 a')}`);
  });

  it('generates a definition given twice once', () => {
    expect(generate(['evt u8 a', 'evt u8 a'])).to.equal(generate(['evt u8 a']));
  });

  describe('encoding', () => {
    let mod: GeneratedModule;
    before(async () => {
      mod = await importTs(generate(KINDS));
    });

    it('encodes worked example L-3 byte for byte (spec §10)', () => {
      const p = Uint8Array.from({ length: 16 }, (_, i) => i);
      const bytes = fn(mod, 'encodeEvt_f82e6e02')({ path: 'ab', note: 'xyz', p, ts: -2n }) as Uint8Array;
      const view = new DataView(bytes.buffer);
      expect(bytes.length).to.equal(39);
      expect(view.getUint32(0, true)).to.equal(40 | (3 << 16));
      expect(view.getUint32(4, true)).to.equal(27 | (4 << 16));
      expect(hex(bytes.subarray(8, 24))).to.equal(hex(p));
      expect(view.getBigInt64(24, true)).to.equal(-2n);
      expect(Buffer.from(bytes.subarray(32)).toString('latin1')).to.equal('ab\0xyz\0');
      expect(kernelCheck(bytes, layoutOf(L3))).to.equal(null);
      expect(fn(mod, 'decodeEvt_f82e6e02')(bytes)).to.deep.equal({ ok: true, values: { path: 'ab', note: 'xyz', p, ts: -2n } });
    });

    it('prepends write_index in the write form', () => {
      const v = { x: 200 };
      const w = fn(mod, 'writeEvt_f7e098e2')(258, v) as Uint8Array;
      expect(hex(w)).to.equal('02010000c8');
      expect(() => fn(mod, 'writeEvt_f7e098e2')(-1, v)).to.throw(RangeError, /write_index -1/);
      expect(() => fn(mod, 'writeEvt_f7e098e2')(2 ** 31, v)).to.throw(RangeError, /write_index/);
      expect(hex(fn(mod, 'writeEmpty')(5, {}) as Uint8Array)).to.equal('05000000');
    });

    it('rejects out-of-range and mistyped integers, naming the field', () => {
      const ok = { a: -128, b: 255, c: 127, d: 0, e: -32768, f: 65535, g: 1, h: 1, i: -(2 ** 31), j: 2 ** 32 - 1, k: 1, l: 1, m: -(2n ** 63n), n: 2n ** 64n - 1n };
      const encode = fn(mod, 'encodeInts');
      expect(kernelCheck(encode(ok) as Uint8Array, layoutOf(KINDS[0]!))).to.equal(null);
      expect(() => encode({ ...ok, b: 256 })).to.throw(RangeError, /event `ints` field `b`: 256 is not an integer in 0\.\.255/);
      expect(() => encode({ ...ok, a: -129 })).to.throw(RangeError, /field `a`/);
      expect(() => encode({ ...ok, j: 1.5 })).to.throw(RangeError, /field `j`: 1\.5/);
      expect(() => encode({ ...ok, i: 2 ** 31 })).to.throw(RangeError, /field `i`/);
      expect(() => encode({ ...ok, m: 1 })).to.throw(RangeError, /field `m`: 1 is not a bigint/);
      expect(() => encode({ ...ok, n: -1n })).to.throw(RangeError, /field `n`: -1n/);
      expect(() => encode({ ...ok, n: 2n ** 64n })).to.throw(RangeError, /field `n`/);
    });

    it('zero-pads char[N], rejects overlong text unless truncating at a UTF-8 boundary', () => {
      const encode = fn(mod, 'encodeArrays');
      const base = { name: 'abc', tag: new Uint8Array([1, 2, 3, 4]), p: new Uint8Array(16), last: 9 };
      expect(hex((encode(base) as Uint8Array).subarray(0, 12))).to.equal('616263000000000001020304');
      expect(hex((encode({ ...base, name: '12345678' }) as Uint8Array).subarray(0, 8))).to.equal(hex(Buffer.from('12345678')));
      expect(() => encode({ ...base, name: '123456789' })).to.throw(RangeError, /field `name`: 9 bytes do not fit char\[8\]/);
      expect(() => encode({ ...base, tag: new Uint8Array(5) })).to.throw(RangeError, /field `tag`/);
      // 'abcdefgé' is 9 bytes; cutting at 8 would split é, so 7 bytes remain.
      const cut = encode({ ...base, name: 'abcdefgé' }, { truncate: true }) as Uint8Array;
      expect(hex(cut.subarray(0, 8))).to.equal(hex(Buffer.from('abcdefg\0')));
      expect(hex((encode({ ...base, tag: new Uint8Array(6).fill(7) }, { truncate: true }) as Uint8Array).subarray(8, 12))).to.equal('07070707');
      expect(() => encode({ ...base, name: 5 })).to.throw(RangeError, /field `name`: expected a string or Uint8Array, got 5/);
    });

    it('takes exactly N raw bytes for a struct', () => {
      const encode = fn(mod, 'encodeArrays');
      const base = { name: '', tag: '', p: new Uint8Array(16), last: 0 };
      expect(() => encode({ ...base, p: new Uint8Array(15) })).to.throw(RangeError, /field `p`: expected a Uint8Array of 16 bytes, got Uint8Array\(15\)/);
      expect(() => encode({ ...base, p: 'x'.repeat(16) })).to.throw(RangeError, /field `p`/);
    });

    it('appends several __data_loc and __rel_loc fields in order and passes the kernel checks', () => {
      const values = { lvl: 1, a: 'A', b: '', blob: new Uint8Array([1, 2]), words: new Uint8Array(0), c: 'ccc', d: new Uint8Array([0x41, 0]), end: 7 };
      const bytes = fn(mod, 'encodeDyn')(values) as Uint8Array;
      expect(kernelCheck(bytes, layoutOf(KINDS[3]!))).to.equal(null);
      // fixed part 1 + 4*6 + 2 = 27; data: A\0 (27) \0 (29) 0102 (30) - (32) ccc\0 (32) A\0\0 (36)
      expect(bytes.length).to.equal(39);
      const view = new DataView(bytes.buffer);
      expect(view.getUint32(1, true)).to.equal(35 | (2 << 16)); // __data_loc a: 27 + 8
      expect(view.getUint32(5, true)).to.equal(29 - 9 | (1 << 16)); // __rel_loc b: field ends at 9
      expect(view.getUint32(13, true)).to.equal(32 - 17); // __rel_loc words: empty, at its tail
      expect(fn(mod, 'decodeDyn')(bytes)).to.deep.equal({ ok: true, values: { ...values, d: 'A\0' } });
    });

    it('rejects dynamic data over 65535 bytes and offsets past 65535', () => {
      const encode = fn(mod, 'encodeEvt_f82e6e02');
      const base = { path: '', note: '', p: new Uint8Array(16), ts: 0n };
      // 65535 bytes of path fit, but then note's data starts 65559 bytes past note's field.
      expect(() => encode({ ...base, path: 'x'.repeat(65534) })).to.throw(RangeError, /field `note`: data offset 65559 exceeds the 16-bit limit/);
      expect(() => encode({ ...base, path: 'x'.repeat(65535) })).to.throw(RangeError, /field `path`: 65536 bytes \(with NUL\) exceed/);
      // path data ends at payload 32 + 40000; note's __rel_loc offset is still fine (relative)...
      expect(() => encode({ ...base, path: 'x'.repeat(40000), note: 'y'.repeat(30000) })).to.not.throw();
      const dyn = fn(mod, 'encodeDyn');
      const dbase = { lvl: 1, a: 'x'.repeat(40000), b: 'y'.repeat(30000), blob: new Uint8Array(0), words: new Uint8Array(0), c: '', d: '', end: 0 };
      // ...but a __data_loc after 70000 bytes of data cannot be addressed.
      expect(() => dyn(dbase)).to.throw(RangeError, /field `blob`: data offset \d+ exceeds the 16-bit limit 65535/);
    });
  });

  it('refuses layouts whose offsets wrapped at 2^32', () => {
    const big = 'e struct A a 2147483647;struct B b 2147483647;struct C c 2147483647;u32 d';
    const r = generateTsModule([layoutOf(big)], { source: 'x', abi: 'linux', definitions: [big] });
    expect(r).to.deep.equal({ ok: false, error: 'event `e` field `c`: offset 6 wrapped at 2^32 (expected 4294967302); the payload cannot be encoded' });
  });

  it('refuses dynamic fields that can never be addressed', () => {
    const def = 'e struct big b 70000; __data_loc char[] s';
    const r = generateTsModule([layoutOf(def)], { source: 'x', abi: 'linux', definitions: [def] });
    expect(r.ok).to.equal(false);
    expect(r.ok ? '' : r.error).to.match(/field `s`: dynamic data would start at offset 70012/);
    // A __rel_loc counts from its own end, so right after a big struct it still works.
    const rel = 'e struct big b 70000; __rel_loc char[] s';
    expect(generateTsModule([layoutOf(rel)], { source: 'x', abi: 'linux', definitions: [rel] }).ok).to.equal(true);
  });

  it('requires one definition string per event', () => {
    expect(generateTsModule([layoutOf('e u8 a')], { source: 'x', abi: 'linux', definitions: [] }).ok).to.equal(false);
  });
});
