// The hand-written ASCII scanner (the hot path of parseDefinition) must build
// exactly the AST the Chevrotain grammar builds. Differential: both run on the
// same inputs and their ASTs are compared deeply. FC_RUNS (default 10,000) per property.
import { expect } from 'chai';
import fc from 'fast-check';
import { analyzeDefinition, parse } from '../../src/index.js';
import { scanAscii } from '../../src/grammar/scan-ascii.js';
import { TYPE_PREFIXES } from '../../src/grammar/tokens.js';
import { toKernelBytes } from '../../src/source/kernel-bytes.js';

const RUNS = Number(process.env.FC_RUNS ?? 10_000);

function scanned(text: string) {
  const src = toKernelBytes(text);
  expect(src.ascii, JSON.stringify(text)).to.equal(true);
  return scanAscii(src);
}

function expectSameAst(text: string): void {
  const reference = parse(text);
  expect(reference.diagnostics, JSON.stringify(text)).to.deep.equal([]);
  expect(scanned(text), JSON.stringify(text)).to.deep.equal(reference.ast);
}

// Everything the splitter reacts to: spaces, the kernel's other isspace bytes,
// `;`, `:`, `,`, every prefix (and near-misses), array brackets and digits.
const FRAGMENTS = [
  ' ', '  ', ';', ';;', ':', ',', '\t', '\n', '\v', '\f', '\r', 'e', 'test', 'a', 'u', 's', '_', 'un', 'st',
  ...TYPE_PREFIXES, 'unsigned', 'struct', '__data_loc', '__rel_loc', '__data_locx ', 'unsignedx', 'structs ',
  'u32', 'int', 'char', 'char[', 'unsigned char[', '[', ']', '20', '0x14', '08', '+4', 'BPF_ITER', '\x01', '\x7f',
];
const fragments = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 30 }).map((p) => p.join(''));
const asciiChars = fc.string({ unit: fc.integer({ min: 1, max: 0x7f }).map((c) => String.fromCharCode(c)), maxLength: 80 });

describe('grammar: ASCII scanner', function () {
  this.timeout(120_000);

  it('builds the same AST as the Chevrotain grammar on the kernel\'s tricky splits', () => {
    for (const text of [
      '', ' ', ':', 'test', 'test ', 'test:', 'test: ', 'a:b:c d', 't:x,,y, u32 a', 't:x y:z u32 a', 'a,b c',
      'test u32 a', 'test u32  a', 'test u32 a ', 'test u32 a  ', 'test  u32 a', 'test ;', 'test ;;', 'test u32 a;',
      'test u32 a;;u32 b', 'test u32 a; \t u32 b', 'test \t\n\v\f\r', 'test u32\ta', 'test\tu32 a',
      'test unsigned int a', 'test unsigned  int a', 'test unsigned', 'test unsigned ', 'test unsigned int',
      'test struct x 20', 'test struct  x 20', 'test struct ', 'test struct x', 'test structx a',
      'test __data_loc char[] a', 'test __data_loc unsigned char[] a', 'test __rel_loc unsigned ', 'test __data_loc  x y',
      'test char[20] msg;unsigned int id', 'test char[20 a] b', 'test :x', 'test u32 a:b,c',
      `e ${'u8 a;'.repeat(200)}`, `e ${' '.repeat(300)}`,
    ]) expectSameAst(text);
  });

  it(`builds the same AST as the Chevrotain grammar on generated fragments (${RUNS} runs)`, () => {
    fc.assert(fc.property(fragments, (text) => expectSameAst(text)), { numRuns: RUNS });
  });

  it(`builds the same AST as the Chevrotain grammar on any ASCII text without NUL (${RUNS} runs)`, () => {
    fc.assert(fc.property(asciiChars, (text) => expectSameAst(text)), { numRuns: RUNS });
  });

  it('is what analyzeDefinition uses for ASCII, and Chevrotain for the rest, with equal ASTs', () => {
    for (const text of ['test u32 a; u32  b', 'tést u32 a', 'test u32 a\u00a0', 'test u32 a\0junk', 'e\u00a0u8 x']) {
      // `source` carries per-call offset closures for non-ASCII text, so compare it by content.
      const { source: a, ...analyzed } = analyzeDefinition(text).ast;
      const { source: b, ...reference } = parse(text).ast;
      expect(analyzed, JSON.stringify(text)).to.deep.equal(reference);
      expect([a.text, a.bytes, a.ascii, a.cutAtNul]).to.deep.equal([b.text, b.bytes, b.ascii, b.cutAtNul]);
    }
  });
});
