// parseDefinition's plain fast path (src/plain-definition.ts) must give exactly the
// full path's result (analyzeDefinition(...).result, which never takes it): the same
// values and, for JSON consumers, the same key order. FC_RUNS (default 10,000) per property.
import { expect } from 'chai';
import fc from 'fast-check';
import { analyzeDefinition, parseDefinition } from '../../src/index.js';
import { parsePlainDefinition } from '../../src/plain-definition.js';

const RUNS = Number(process.env.FC_RUNS ?? 10_000);

function expectSame(text: string): boolean {
  const plain = parsePlainDefinition(text);
  const full = analyzeDefinition(text).result;
  if (plain !== undefined) {
    expect(plain, JSON.stringify(text)).to.deep.equal(full);
    expect(JSON.stringify(plain), JSON.stringify(text)).to.equal(JSON.stringify(full));
  }
  expect(parseDefinition(text), JSON.stringify(text)).to.deep.equal(full);
  return plain !== undefined;
}

// Pieces near the plain subset's edges: every fixed type, arrays at their limits,
// dynamic and struct fields, and near misses (bad numbers, prefixes, names).
const TYPES = [
  'u8', 'u16', 'u32', 'u64', 's8', 's16', 's32', 's64', 'int', 'short', 'char', 'unsigned int', 'unsigned short',
  'unsigned char', 'char[1]', 'char[16]', 'char[1024]', 'char[1025]', 'char[0]', 'char[08]', 'char[0x10]', 'unsigned char[8]',
  'char[8]x', 'char[]', '__data_loc char[]', '__rel_loc char[]', '__data_loc unsigned char[]', '__data_loc u8', '__rel_loc x',
  'struct pt', 'struct', 'unsigned', 'unsigned long', 'long', 'u32[4]', 'bool', 'Char', 'u32\t',
];
const NAMES = ['a', 'pid', 'x1', '_', '__proto__', 'common_pid', 'common_x', 'comm', '9lives', 'a-b', 'msg[20]', 'a\tb', 'é', ''];
const SIZES = ['', ' 16', ' 1', ' 0', ' 016', ' 99999999', ' 100000000', ' 2147483647', ' 4294967295', ' +4', ' 0x10'];
const SEPS = [';', '; ', ';  ', ';\t', ';;', ' ;'];
const EVENT = ['test', 'e', 'sched_switch', 'my-event', 'a:b', 'x.y', '', 'é'];

const VALID_TYPES = TYPES.slice(0, 15).concat(['__data_loc char[]', '__rel_loc char[]', '__data_loc unsigned char[]', 'struct pt']);
const VALID_SIZES = [' 16', ' 1', ' 99999999', ' 4096'];

const pieceFrom = (types: readonly string[], names: readonly string[], sizes: readonly string[]) =>
  fc.tuple(fc.constantFrom(...types), fc.constantFrom(...names), fc.constantFrom(...sizes))
    .map(([t, n, z]) => (t.startsWith('struct') ? `${t} ${n}${z}` : `${t} ${n}`));
const definitionFrom = (events: readonly string[], heads: readonly string[], seps: readonly string[], tails: readonly string[], piece: fc.Arbitrary<string>) =>
  fc.tuple(fc.constantFrom(...events), fc.constantFrom(...heads), fc.array(fc.tuple(fc.constantFrom(...seps), piece), { minLength: 1, maxLength: 8 }), fc.constantFrom(...tails))
    // Number the names so that most definitions have no duplicates.
    .map(([e, sp, pieces, tail]) => e + sp + pieces.map(([sep, p], i) => (i === 0 ? '' : sep) + (i % 3 === 2 ? p : p.replace(/ (\w+)( \d+)?$/, (_m, n: string, z = '') => ` ${n}${i}${z}`))).join('') + tail);
// Mostly plain, with one chance in four of an edge anywhere.
const definition = fc.oneof(
  { weight: 3, arbitrary: definitionFrom(['test', 'e', 'sched_switch'], [' '], [';', '; '], [''], pieceFrom(VALID_TYPES, ['a', 'pid', '_', 'x1'], VALID_SIZES)) },
  { weight: 1, arbitrary: definitionFrom(EVENT, [' ', '  ', ''], SEPS, ['', ' ', ';', '; '], pieceFrom(TYPES, NAMES, SIZES)) },
);

describe('properties: plain-definition fast path', function () {
  this.timeout(120_000);

  it('agrees with the full path on hand-picked edges', () => {
    for (const text of [
      'test char[20] msg;unsigned int id', 'e u8 a; u8 b', 'e u8 a;u8 a', 'e u8 a;', 'e u8 a ', 'e  u8 a', 'e u8  a',
      'e struct pt p 16', 'e struct pt p 0', 'e struct pt p 2147483648', 'e __data_loc char[] s; __rel_loc char[] t',
      'e unsigned char[1024] b', 'e char[1024] a;char[1024] b', `e ${'u8 f;'.repeat(100)}u8 z`, `e ${'char[1000] a;'.repeat(2)}`,
      'e u32 common_pid', 'e u32 common_type', 'e u32 common_foo', 'e:BPF_ITER u32 a', 'e\tu32 a', 'e u32 a\u0000b',
      'e char[1024] a', 'e char[1025] a', 'e unsigned char[1025] a', 'e char[1] a', 'e char[9999] a', 'e char[01] a',
      `e ${Array.from({ length: 24 }, (_, i) => `struct s f${i} 99999999`).join(';')}`,
    ]) expectSame(text);
  });

  it(`agrees with the full path on generated definitions (${RUNS} runs)`, () => {
    let plain = 0;
    fc.assert(fc.property(definition, (text) => { if (expectSame(text)) plain++; }), { numRuns: RUNS });
    expect(plain, 'the fast path was taken').to.be.greaterThan(RUNS / 20);
  });

  it(`agrees with the full path on any text, plain-looking or not (${RUNS} runs)`, () => {
    // Plain-looking text with any character spliced in: non-ASCII (`š` is U+0161, whose low
    // byte is `a`: the byte-class table must not see it as a word byte), NUL, tabs, lone surrogates.
    const odd = fc.constantFrom('é', 'š', 'ı', 'Ű', '\u0000', '\t', '\u00a0', '\ud800', '😀', ':', '-', ' ', ';', '[', ']', '0', 'x');
    const spliced = fc.tuple(fc.constantFrom('e u8 a;u32 b', 'test char[20] msg;unsigned int id', 'e struct s p 16; __data_loc char[] d'), fc.nat(), odd)
      .map(([t, at, ch]) => t.slice(0, at % (t.length + 1)) + ch + t.slice(at % (t.length + 1)));
    fc.assert(fc.property(fc.oneof(spliced, fc.string({ unit: 'binary', maxLength: 40 })), (text) => { expectSame(text); }), { numRuns: RUNS });
  });

  it(`agrees with the full path on many-field definitions on both sides of the 511-byte limit (${Math.min(RUNS, 2000)} runs)`, () => {
    // Lengths drawn uniformly (fast-check's default sizes stay small), with both separators.
    const piece = fc.constantFrom('u8 a', 'char[64] b', 'struct s c 4096', '__data_loc char[] d', 'u64 e', 'struct t f 99999999');
    const many = fc.integer({ min: 1, max: 120 })
      .chain((n) => fc.tuple(fc.array(piece, { minLength: n, maxLength: n }), fc.constantFrom(';', '; ')))
      .map(([ps, sep]) => `big ${ps.map((p, i) => p.replace(/ (\w)( \d+)?$/, (_m, x: string, z = '') => ` ${x}${i}${z}`)).join(sep)}`);
    let tooLong = 0;
    fc.assert(fc.property(many, (text) => { if (expectSame(text) && text.length > 511) tooLong++; }), { numRuns: Math.min(RUNS, 2000) });
    expect(tooLong, 'plain definitions over 511 bytes were judged by the fast path').to.be.greaterThan(Math.min(RUNS, 2000) / 10);
  });

  it('agrees with the full path around the 511-byte limit, separators included', () => {
    for (let total = 505; total <= 516; total++) {
      for (const sep of [';', '; ']) {
        // `e u8 a;u8 b…` grown to `total` bytes with a long last name, so a `;` lands near byte 511.
        for (let shift = 0; shift < 6; shift++) {
          const head = `e ${Array.from({ length: 40 }, (_, i) => `u64 f${i}`).join(sep)}${sep}u8 `;
          const nameLength = total - head.length - shift;
          if (nameLength < 1) continue;
          const text = `${head}${'n'.repeat(nameLength)}${shift > 0 ? `${sep}u8 ${'z'.repeat(Math.max(1, shift - sep.length - 3))}` : ''}`;
          expectSame(text);
        }
      }
    }
    // Too long with other problems too: the full path takes these.
    for (const text of [`e ${'u8 a;'.repeat(110)}u8 z`, `e ${Array.from({ length: 300 }, (_, i) => `u8 f${i}`).join(';')}`]) expectSame(text);
  });
});

describe('plain-definition fast path on the benchmark corpus', function () {
  this.timeout(120_000);
  it('agrees with the full path on 20,000 corpus definitions, most of them plain', async () => {
    const { generateDefinitions } = await import('../../bench/corpus.mjs');
    let plain = 0;
    for (const text of generateDefinitions(20_000) as string[]) if (expectSame(text)) plain++;
    expect(plain).to.be.greaterThan(10_000);
  });
});
