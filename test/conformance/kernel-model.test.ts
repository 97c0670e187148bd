// Differential conformance: ue-lint's parseDefinition against an independent,
// byte-level transliteration of the kernel procedure (./kernel-model.ts).
//
//   NODE_OPTIONS='--import tsx' npx mocha --no-config --timeout 120000 'test/conformance/kernel-model.test.ts'
//   FC_RUNS=200000 … (runs per ABI; default 10000)
//   FC_SEED=<n> to replay a run.
import { expect } from 'chai';
import fc from 'fast-check';
import { parseDefinition } from '../../src/index.js';
import { kernelModel, type ModelAbi, type ModelResult } from './kernel-model.js';

const ABIS: readonly ModelAbi[] = ['v5', 'linux'];
const FC_RUNS = Number(process.env.FC_RUNS ?? 10_000);
const FC_SEED = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);

/** ue-lint's result reduced to the compared shape. */
function lint(input: string, abi: ModelAbi): ModelResult {
  const r = parseDefinition(input, { abi });
  if (!r.ok) return { ok: false, errno: String(r.errno) };
  return {
    ok: true,
    event: {
      name: r.event.name,
      flags: [...r.event.flags],
      fields: r.event.fields.map((f) => ({ type: f.type, name: f.name, offset: f.offset, size: f.size, signed: Boolean(f.signed) })),
    },
  };
}

/** The model and ue-lint give the same result for `s`; the message shows both. */
function expectAgrees(s: string, abi: ModelAbi): void {
  const want = kernelModel(s, { abi });
  const got = lint(s, abi);
  expect(got, `input ${JSON.stringify(s)}\nmodel:   ${JSON.stringify(want)}\nue-lint: ${JSON.stringify(got)}`).to.deep.equal(want);
}

// ---------------------------------------------------------------------------
// 1. The model reproduces spec §11 (plus the §2.6 struct-size table)
// ---------------------------------------------------------------------------

/** [name, type, offset, size, signed] */
type F = [string, string, number, number, boolean];
type Want = { fields: F[]; flags?: string[]; name?: string } | string;
interface Row {
  def: string;
  v5: Want;
  linux: Want;
}
const A = (...fields: F[]): Want => ({ fields });
const both = (def: string, w: Want): Row => ({ def, v5: w, linux: w });
const u32a: F = ['a', 'u32', 8, 4, false];

const SPEC_11: Row[] = [
  both('test', { fields: [], name: 'test' }),
  both('', { fields: [], name: '' }),
  both('test ', A()),
  both('test  ', A()),
  both(' test u32 a', 'EINVAL'),
  both('test  u32 a', A(u32a)),
  both('test u32 a;', A(u32a)),
  both('test u32 a;;', A(u32a)),
  both('test ;u32 a', A(u32a)),
  both('test u32 a;u32 b', A(u32a, ['b', 'u32', 12, 4, false])),
  both('test u32 ', A(['', 'u32', 8, 4, false])),
  both('test u32 a ', 'EINVAL'),
  both('test\tu32 a', 'EINVAL'),
  both('test u32 a\t', A(['a\t', 'u32', 8, 4, false])),
  { def: 'test:BPF_ITER u32 a', v5: { fields: [u32a], flags: ['BPF_ITER'], name: 'test' }, linux: 'EINVAL' },
  { def: 'test: u32 a', v5: { fields: [u32a], name: 'test' }, linux: 'EINVAL' },
  { def: 'test:X', v5: { fields: [], name: 'test' }, linux: 'EINVAL' },
  both('test long a', 'EINVAL'),
  both('test bool a', 'EINVAL'),
  both('test u32[4] a', 'EINVAL'),
  both('test char[0] a', 'EINVAL'),
  both('test char[] a', 'EINVAL'),
  both('test char[1024] a', A(['a', 'char[1024]', 8, 1024, true])),
  { def: 'test char[1025] a', v5: A(['a', 'char[1025]', 8, 1025, true]), linux: 'EINVAL' },
  { def: 'test char[8192] a', v5: A(['a', 'char[8192]', 8, 8192, true]), linux: 'EINVAL' },
  both('test char[8193] a', 'EINVAL'),
  both('test char[0x14] a', A(['a', 'char[0x14]', 8, 20, true])),
  both('test char[024] a', A(['a', 'char[024]', 8, 20, true])),
  both('test char[+20] a', A(['a', 'char[+20]', 8, 20, true])),
  both('test char[08] a', 'EINVAL'),
  { def: 'test char[20]abcdef a', v5: A(['a', 'char[20]abcdef', 8, 20, true]), linux: 'EINVAL' },
  { def: 'test char[8 a]', v5: A(['a]', 'char[8', 8, 8, true]), linux: 'EINVAL' },
  { def: 'test char[9 abcde]', v5: A(['abcde]', 'char[9', 8, 9, true]), linux: 'EINVAL' },
  both('test char[9 abcdef]', 'EINVAL'),
  { def: 'test char[1 a;u8 ]', v5: A(['a', 'char[1', 8, 1, true], [']', 'u8', 9, 1, false]), linux: 'EINVAL' },
  both('test char[1234567] a', 'EINVAL'),
  both('test struct foo a 20', A(['a', 'struct foo', 8, 20, true])),
  both('test struct foo a', 'EINVAL'),
  both('test struct foo a 0', 'EINVAL'),
  both('test struct foo a 0x14', 'EINVAL'),
  both('test struct foo a 4294967295', 'EPERM'),
  both('test struct foo a 2147483648', 'ERRNO_2147483648'),
  both('test struct foo a 3000000000', 'ERRNO_1294967296'),
  { def: 'test:BPF_ITER struct foo a 4294967295', v5: 'EPERM', linux: 'EINVAL' },
  both(
    'test struct a a 2147483647;struct b b 2147483647;struct c c 2147483647',
    A(['a', 'struct a', 8, 2147483647, true], ['b', 'struct b', 2147483655, 2147483647, true], ['c', 'struct c', 6, 2147483647, true]),
  ),
  both('test u32 a 4', 'EINVAL'),
  both('test __data_loc char[] a', A(['a', '__data_loc char[]', 8, 4, true])),
  both('test __data_loc u32 a', A(['a', '__data_loc u32', 8, 4, true])),
  both('test __data_loc  char[] a', 'EINVAL'),
  both('test unsigned int a', A(['a', 'unsigned int', 8, 4, false])),
  both('test unsigned  int a', 'EINVAL'),
  both('x'.repeat(512), 'EINVAL'),
  both('x'.repeat(511), { fields: [], name: 'x'.repeat(511) }),
  both('é'.repeat(256), 'EINVAL'),
  both('é'.repeat(255), { fields: [], name: 'é'.repeat(255) }),
  { def: 'test char[4]ééé a', v5: A(['a', 'char[4]ééé', 8, 4, true]), linux: 'EINVAL' },
  both('test \u00a0u32 a', 'EINVAL'),
  // (The last §11 row, re-registering an existing name, is outside the model: empty system.)
];

// §2.6 struct-size table and a few related rows (§2.3, §2.6 v5-only scan rows, NUL cut).
const SPEC_EXTRA: Row[] = [
  both('e struct s a 2147483647', A(['a', 'struct s', 8, 2147483647, true])),
  both('e struct s a 2147483649', 'ERRNO_2147483647'),
  both('e struct s a 4000000000', 'ERRNO_294967296'),
  both('e struct s a 4294967274', 'EINVAL'),
  both('e struct s a 4294967280', 'EBUSY'),
  both('e struct s a 4294967284', 'ENOMEM'),
  both('e struct s a 4294967294', 'ENOENT'),
  both('e struct s a 4294967296', 'EINVAL'),
  both('e struct s a 4294967295 x', 'EINVAL'),
  both('e struct s a 4294967295;u32 b', 'EPERM'),
  both('e struct s a +020', A(['a', 'struct s', 8, 20, true])),
  both('e struct s a 20\n', A(['a', 'struct s', 8, 20, true])),
  { def: 'e:BPF_ITER,BPF_ITER', v5: { fields: [], flags: ['BPF_ITER'] }, linux: 'EINVAL' },
  { def: 'e:bpf_iter', v5: { fields: [], flags: [] }, linux: 'EINVAL' },
  { def: 'e:X,', v5: { fields: [], flags: [] }, linux: 'EINVAL' },
  { def: 'a:b:c u32 x', v5: { fields: [['x', 'u32', 8, 4, false]], name: 'a' }, linux: 'EINVAL' },
  both('e u32 a:b', A(['a:b', 'u32', 8, 4, false])),
  both('e char[0x] a', 'EINVAL'),
  both('e char[0x0000000000001] a', 'EINVAL'),
  both('e char[20]x a', A(['a', 'char[20]x', 8, 20, true])),
  { def: 'e unsigned char[1 x]', v5: A(['x]', 'unsigned char[1', 8, 1, false]), linux: 'EINVAL' },
  both('e char[8', 'EINVAL'),
  both('e char[8 ab', 'EINVAL'),
  both('e u32 a\u0000u32 b', A(u32a)),
  // Decoding keeps a leading EF BB BF (a TextDecoder would strip it as a BOM by default).
  both('\ufeffe u32 \ufeffa', { fields: [['\ufeffa', 'u32', 8, 4, false]], name: '\ufeffe' }),
  both(
    'e struct A a 2147483647;struct B b 2147483647;struct C c 2147483647;u32 d',
    A(
      ['a', 'struct A', 8, 2147483647, true],
      ['b', 'struct B', 2147483655, 2147483647, true],
      ['c', 'struct C', 6, 2147483647, true],
      ['d', 'u32', 2147483653, 4, false],
    ),
  ),
];

function expectWant(got: ModelResult, want: Want): void {
  if (typeof want === 'string') {
    expect(got, JSON.stringify(got)).to.deep.equal({ ok: false, errno: want });
    return;
  }
  expect(got.ok, JSON.stringify(got)).to.equal(true);
  if (!got.ok) return;
  const fields: F[] = got.event.fields.map((f) => [f.name, f.type, f.offset, f.size, f.signed]);
  expect(fields).to.deep.equal(want.fields);
  expect(got.event.flags).to.deep.equal(want.flags ?? []);
  if (want.name !== undefined) expect(got.event.name).to.equal(want.name);
}

describe('kernel model: spec §11 quick reference (and §2.3/§2.6 rows)', () => {
  for (const row of [...SPEC_11, ...SPEC_EXTRA]) {
    for (const abi of ABIS) {
      it(`${abi}: ${JSON.stringify(row.def.length > 40 ? row.def.slice(0, 37) + '…' : row.def)}`, () => {
        expectWant(kernelModel(row.def, { abi }), row[abi]);
      });
    }
  }
});

// ---------------------------------------------------------------------------
// 2. Differential property
// ---------------------------------------------------------------------------

const PREFIXES = ['unsigned ', 'struct ', '__data_loc unsigned ', '__data_loc ', '__rel_loc unsigned ', '__rel_loc '];
const VALID_TYPES = ['s64', 'u64', 's32', 'u32', 'int', 'unsigned int', 's16', 'u16', 'short', 'unsigned short', 's8', 'u8', 'char', 'unsigned char'];
const INVALID_TYPES = ['long', 'unsigned long', 'bool', 'u128', 'pid_t', 'char *', 'CHAR', 'u32[4]', 'int[2]', 'u8[]', 'unsigned', 'struct', '__data_loc', 'U32'];
const NUMBERS = [
  '0', '1', '4', '7', '8', '9', '20', '0x14', '0X14', '0x', '0xg', '024', '08', '+20', '+', '++1', '-1', '1\n', '20\n\n',
  '1024', '1025', '8192', '8193', '1234567', '0x2000', '0x2001', '017777', '020000', '00000001',
  '2147483647', '2147483648', '2147483649', '3000000000', '4294967274', '4294967280', '4294967284', '4294967294',
  '4294967295', '4294967296', '18446744073709551615', '18446744073709551616', '99999999999999999999999',
  '4294967255', '4294967238', '4294966784', '4294963201', '4294963200', '4294967163', '4294967162',
];
const NAMES = ['a', 'b', 'x', 'test', 'e', 'msg', 'a]', ']', 'a[4]', 'é', 'a\t', 'a\r', 'common_pid', 'BPF_ITER', 'bpf_iter'];
const PUNCT = [' ', '  ', '   ', ';', ';;', ':', ',', '\t', '\r', '\n', '\v', '\f', '\u00a0', '\u0085', '\u2028', '\u3000', '\ufeff', 'é', '\u0000', '[', ']', '#', '\\', '"'];

const FRAGMENTS = [...PUNCT, ...PREFIXES, 'char[', 'unsigned char[', ...NUMBERS, ...VALID_TYPES, ...INVALID_TYPES, ...NAMES];

/** One fragment: mostly kernel-relevant pieces, sometimes arbitrary unicode (incl. lone surrogates). */
const fragment: fc.Arbitrary<string> = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 4 }) },
  { weight: 1, arbitrary: fc.nat({ max: 0xffffffff }).map(String) },
);

/** `arb` with probability p, else null. */
const sometimes = <T,>(arb: fc.Arbitrary<T>, p: number): fc.Arbitrary<T | null> =>
  fc.oneof({ weight: Math.round(p * 100), arbitrary: arb }, { weight: Math.round((1 - p) * 100), arbitrary: fc.constant(null) });

const soup = (max: number): fc.Arbitrary<string> => fc.array(fragment, { maxLength: max }).map((a) => a.join(''));

const ws = fc.constantFrom('', '', '', ' ', '  ', '\t', '\r', '\n', '\u00a0', ' \t ', '\v\f');
const sep = fc.oneof({ weight: 10, arbitrary: fc.constant(' ') }, { weight: 1, arbitrary: fc.constantFrom('', '  ', '\t', ';', ' ;') });

const arrayType = fc
  .tuple(
    fc.constantFrom('char[', 'unsigned char[', '__data_loc char[', '__rel_loc unsigned char['),
    fc.oneof(fc.constantFrom(...NUMBERS), fc.nat({ max: 9000 }).map(String), fc.constant('')),
    fc.constantFrom(']', ']', ']', '', ']x', ']abcdef', ']ééé', ']]', ' '),
  )
  .map(([a, b, c]) => a + b + c);

const typeArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...VALID_TYPES) },
  { weight: 4, arbitrary: arrayType },
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom('struct ', 'struct  ', '__data_loc ', '__rel_loc ', '__data_loc unsigned ', '__rel_loc unsigned '), fc.constantFrom('foo', 'pt', 'char[]', 'u32', 'char', '', 'é')).map(([a, b]) => a + b) },
  { weight: 2, arbitrary: fc.constantFrom(...INVALID_TYPES) },
  { weight: 1, arbitrary: soup(3) },
);

const nameArb: fc.Arbitrary<string> = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...NAMES, '') }, { weight: 1, arbitrary: soup(3) });
const sizeArb: fc.Arbitrary<string> = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...NUMBERS) }, { weight: 1, arbitrary: fc.nat().map(String) }, { weight: 1, arbitrary: soup(2) });

/** Pieces that are usually accepted, so that multi-field layouts (offsets, wrap) get exercised. */
const goodPiece: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(ws, fc.constantFrom(...VALID_TYPES), nameArb).map(([w, t, n]) => `${w}${t} ${n}`),
  fc
    .tuple(ws, fc.constantFrom('char[', 'unsigned char['), fc.constantFrom('1', '4', '20', '0x14', '024', '+8', '1024', '1025', '8192', '0'), fc.constantFrom(']', ']x', ']abc'), nameArb)
    .map(([w, a, b, c, n]) => `${w}${a}${b}${c} ${n}`),
  fc
    .tuple(ws, fc.constantFrom('foo', 'pt', 'A', ''), nameArb, fc.constantFrom('1', '16', '+020', '2147483647', '2147483646', '1073741824', '4294967295', '2147483648', '20\n'))
    .map(([w, t, n, z]) => `${w}struct ${t} ${n} ${z}`),
  fc.tuple(ws, fc.constantFrom(...PREFIXES.filter((p) => p !== 'struct ')), fc.constantFrom('char[]', 'u32', 'char', 'x', 'int'), nameArb).map(([w, p, t, n]) => `${w}${p}${t} ${n}`),
);

const noisyPiece: fc.Arbitrary<string> = fc
  .tuple(ws, typeArb, sep, nameArb, sometimes(fc.tuple(sep, sizeArb), 0.3), sometimes(fc.tuple(sep, soup(2)), 0.1))
  .map(([w, t, s1, n, size, extra]) => w + t + s1 + n + (size ? size[0] + size[1] : '') + (extra ? extra[0] + extra[1] : ''));

const piece: fc.Arbitrary<string> = fc.oneof({ weight: 3, arbitrary: goodPiece }, { weight: 2, arbitrary: noisyPiece }, { weight: 1, arbitrary: soup(4) });

const head: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof({ weight: 6, arbitrary: fc.constantFrom('e', 'test', 'msg', 'é', '', 'a\tb') }, { weight: 1, arbitrary: soup(3) }),
    sometimes(fc.oneof(fc.constantFrom('', 'BPF_ITER', 'bpf_iter', 'BPF_ITER,BPF_ITER', 'X,', ',BPF_ITER', 'b:c', 'BPF_ITER '), soup(3)), 0.25),
  )
  .map(([n, f]) => (f === null ? n : `${n}:${f}`));

const structured: fc.Arbitrary<string> = fc
  .tuple(
    head,
    sometimes(
      fc.tuple(
        fc.constantFrom(' ', ' ', ' ', '  ', ' ;', ' \t'),
        fc.array(piece, { minLength: 1, maxLength: 6 }),
        fc.array(fc.constantFrom(';', '; ', ';', ';;'), { minLength: 5, maxLength: 5 }),
      ),
      0.95,
    ),
    sometimes(soup(3), 0.1),
  )
  .map(([h, body, tail]) => {
    let s = h;
    if (body) {
      const [lead, pieces, seps] = body;
      s += lead + pieces.map((p, i) => (i === 0 ? p : seps[i - 1]! + p)).join('');
    }
    return s + (tail ?? '');
  });

/** Definitions padded to land around the 511-byte limit. */
const nearLimit: fc.Arbitrary<string> = fc
  .tuple(structured, fc.integer({ min: 505, max: 516 }), fc.constantFrom('x', 'é', ' ', ';'))
  .map(([s, target, pad]) => {
    const len = new TextEncoder().encode(s).length;
    const padBytes = new TextEncoder().encode(pad).length;
    const n = Math.max(0, Math.floor((target - len) / padBytes));
    return pad === 'x' || pad === 'é' ? pad.repeat(n) + s : s + pad.repeat(n);
  });

const definition: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: structured },
  { weight: 3, arbitrary: soup(24) },
  { weight: 2, arbitrary: fc.tuple(structured, soup(4), structured).map(([a, b, c]) => a + b + c) },
  { weight: 1, arbitrary: nearLimit },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
);

describe('kernel model vs parseDefinition: differential property', function () {
  this.timeout(0);
  if (process.env.FC_STATS) {
    it('generator statistics (FC_STATS=1)', () => {
      for (const abi of ABIS) {
        fc.statistics(
          definition,
          (s) => {
            const r = kernelModel(s, { abi });
            return `${abi} ${r.ok ? `ok, ${Math.min(r.event.fields.length, 3)}${r.event.fields.length >= 3 ? '+' : ''} fields` : r.errno}`;
          },
          { numRuns: 20_000 },
        );
      }
    });
  }
  for (const abi of ABIS) {
    it(`${abi}: agrees on ok/errno/name/flags/fields (${FC_RUNS} runs)`, () => {
      fc.assert(
        fc.property(definition, (s) => expectAgrees(s, abi)),
        { numRuns: FC_RUNS, seed: FC_SEED },
      );
    });
  }

  // Small-alphabet properties: a tiny alphabet reaches the corner cases of one rule fast.
  const focused: Record<string, fc.Arbitrary<string>> = {
    'bracket scan': fc.oneof(
      fc
        .tuple(
          fc.constantFrom('e ', 'e  ', 'e;', 'e:BPF_ITER '),
          fc.array(fc.constantFrom('char[', 'unsigned char[', ']', ' ', ';', '1', '8', '0', 'x', '0x', '+', '\n', '\t', 'u8 ', 'a', 'ab', 'abcde', 'abcdef', 'x]', 'é', '\u0000', 'struct s ', ' 4'), { maxLength: 14 }),
        )
        .map(([h, a]) => h + a.join('')),
      // Byte-level: a number, then single bytes, so that `]` lands on every position 1..12 after `[`.
      fc
        .tuple(
          fc.constantFrom('e ', 'e u8 a;', 'e  \t'),
          fc.constantFrom('char[', 'unsigned char['),
          fc.constantFrom('1', '8', '9', '0x1', '+1', '01', '', '0', '123', '8192', '1024'),
          fc.array(fc.constantFrom('a', 'a', 'a', ' ', ' ', ';', ']', '\n', 'é', '0', 'u8 ', '\u0000'), { maxLength: 12 }),
          fc.constantFrom('', '', ']', ' u8 b', ';u8 ]'),
        )
        .map(([h, t, n, a, z]) => h + t + n + a.join('') + z),
    ),
    'split and prefixes': fc
      .array(fc.constantFrom(' ', ' ', '\t', '\u00a0', '\n', ';', ':', ',', 'unsigned', 'struct', '__data_loc', '__rel_loc', 'int', 'char', 'char[]', 'u32', 'a', 'b', '4', 'BPF_ITER'), { maxLength: 16 })
      .map((a) => a.join('')),
    'struct sizes and offsets': fc
      .array(
        fc.oneof(
          fc.constantFrom('2147483647', '2147483648', '4294967295', '1', '0', '+1', '01', '4294967296', '1073741824', '4294967288').map((n) => `struct s x ${n}`),
          fc.constantFrom('u8 a', 'u64 b', 'char[7] c', '__rel_loc x d', 'struct s x', 'u32 a '),
          fc.nat().map((n) => `struct s x ${n}`),
        ),
        { minLength: 1, maxLength: 8 },
      )
      .map((a) => `e ${a.join(';')}`),
  };
  for (const [title, arb] of Object.entries(focused)) {
    for (const abi of ABIS) {
      it(`${abi}: ${title} (${FC_RUNS} runs)`, () => {
        fc.assert(
          fc.property(arb, (s) => expectAgrees(s, abi)),
          { numRuns: FC_RUNS, seed: FC_SEED },
        );
      });
    }
  }

  // NUL cut vs the 511-byte limit.
  for (const abi of ABIS) {
    it(`${abi}: the 511-byte limit counts bytes before the first NUL`, () => {
      for (const n of [0, 1, 200, 509, 510, 511, 512, 513]) {
        for (const s of ['x'.repeat(n), `${'x'.repeat(n)}\u0000${'y'.repeat(600)}`, `e u32 ${'é'.repeat(n)}`, `${'é'.repeat(n)}\u0000`]) {
          expect(lint(s, abi), `${s.length} chars`).to.deep.equal(kernelModel(s, { abi }));
        }
      }
    });
  }

  // Every negative struct-size return value near the errno range, and a few far away.
  for (const abi of ABIS) {
    it(`${abi}: struct size 2^32-n for n = 1..4200 and scattered large n`, () => {
      const ns: number[] = [];
      for (let n = 1; n <= 4200; n++) ns.push(n);
      for (let n = 4201; n <= 2 ** 31; n = Math.floor(n * 1.37) + 1) ns.push(n);
      ns.push(2 ** 31);
      for (const n of ns) {
        const s = `e struct s a ${2 ** 32 - n}`;
        expect(lint(s, abi), s).to.deep.equal(kernelModel(s, { abi }));
      }
    });
    it(`${abi}: char[N] for every N in 0..9000, with and without a suffix`, () => {
      for (let n = 0; n <= 9000; n++) {
        for (const s of [`e char[${n}] a`, `e unsigned char[${n}]x a`, `e char[0x${n.toString(16)}] a`, `e char[0${n.toString(8)}] a`]) {
          expect(lint(s, abi), s).to.deep.equal(kernelModel(s, { abi }));
        }
      }
    });
  }
});
