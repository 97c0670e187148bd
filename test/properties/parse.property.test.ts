// Property tests: parseDefinition and formatFile never throw, on any string, and
// the layout invariants hold. Runs FC_RUNS (default 10,000) cases per property.
import { expect } from 'chai';
import fc from 'fast-check';
import { dynamicEventsLine, formatFile, parseDefinition, type AbiName, type ParseResult } from '../../src/index.js';

const RUNS = Number(process.env.FC_RUNS ?? 10_000);

/** Fragments the kernel's splitter cares about, so random strings hit real paths. */
const FRAGMENTS = [
  'test', 'e', ' ', '  ', ';', ';;', ':', ',', 'u32', 'u8', 's64', 'int', 'char', 'unsigned ', 'struct ', '__data_loc ',
  '__rel_loc ', '__data_loc unsigned ', 'char[', 'unsigned char[', ']', '[', '0x14', '20', '08', '+', '4294967295',
  '2147483648', '0', '\t', '\r', '\n', '\u00a0', '\u0000', 'é', '😀', '\ud800', 'a', 'BPF_ITER', 'common_pid', '#',
];
const fragmentString = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 24 }).map((parts) => parts.join(''));
const VALID = [
  'test char[20] msg;unsigned int id', 'evt __data_loc char[] path; __rel_loc char[] note; struct pt p 16; s64 ts',
  'msg:BPF_ITER char[0x14] text', 'e u8 a;u64 b', 'x struct s a 4294967295',
];
/** Valid definitions with random edits: insertions, deletions and replacements. */
const mutated = fc.tuple(fc.constantFrom(...VALID), fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.constantFrom(...FRAGMENTS)), { maxLength: 4 }))
  .map(([base, edits]) => edits.reduce((s, [pos, del, ins]) => {
    const p = pos % (s.length + 1);
    return s.slice(0, p) + ins + s.slice(p + del);
  }, base));
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fragmentString,
  mutated,
);
const abi = fc.constantFrom<AbiName>('linux', 'v5');

function checkInvariants(text: string, r: ParseResult): void {
  const len = text.length;
  for (const d of r.diagnostics) {
    expect(d.span.start, d.code).to.be.at.least(0);
    expect(d.span.end, d.code).to.be.at.most(len + 1); // +1: NUL diagnostics point at the NUL itself
    expect(d.span.start, d.code).to.be.at.most(d.span.end);
    expect(d.code).to.match(/^UE\d{3}$/);
    expect(d.message).to.be.a('string').and.not.equal('');
  }
  const errnoCarriers = r.diagnostics.filter((d) => d.errno !== undefined);
  if (!r.ok) {
    expect(errnoCarriers.length, 'a rejection has a diagnostic with an errno').to.be.greaterThan(0);
    expect(r.errno).to.match(/^(E[A-Z0-9]+|ERRNO_\d+)$/);
    return;
  }
  expect(errnoCarriers, 'an accepted definition has no errno').to.deep.equal([]);
  // Offsets start at 8 and add up, packed, modulo 2^32.
  let offset = 8;
  for (const f of r.event.fields) {
    expect(f.offset).to.equal(offset);
    expect(f.size).to.be.greaterThan(0);
    expect(f.signed).to.equal(!f.type.startsWith('u'));
    offset = (offset + f.size) >>> 0;
  }
}

describe('properties: parseDefinition', function () {
  this.timeout(120_000);

  it(`never throws and keeps its invariants (${RUNS} runs)`, () => {
    fc.assert(fc.property(anyText, abi, (text, a) => {
      checkInvariants(text, parseDefinition(text, { abi: a }));
    }), { numRuns: RUNS });
  });

  it(`renders every accepted layout without throwing (${RUNS} runs)`, () => {
    fc.assert(fc.property(anyText, abi, (text, a) => {
      const r = parseDefinition(text, { abi: a });
      if (!r.ok) return;
      const file = formatFile(r.event, { abi: a, id: 1 });
      expect(file.startsWith(`name: ${r.event.name}\nID: 1\nformat:\n`)).to.equal(true);
      expect(file.endsWith('\n')).to.equal(true);
      expect(dynamicEventsLine(r.event, { abi: a }).startsWith('u:')).to.equal(true);
    }), { numRuns: RUNS });
  });

  it('survives 100,000-character lines', () => {
    for (const text of ['e ' + 'u8 a;'.repeat(20_000), 'x'.repeat(100_000), ' '.repeat(100_000), ';'.repeat(100_000), '\u00a0'.repeat(100_000)]) {
      const r = parseDefinition(text);
      expect(r.ok).to.equal(false);
      if (!r.ok) expect(r.errno).to.equal('EINVAL'); // longer than 511 bytes
    }
  });

  it('is deterministic', () => {
    fc.assert(fc.property(anyText, (text) => {
      expect(parseDefinition(text)).to.deep.equal(parseDefinition(text));
    }), { numRuns: Math.min(RUNS, 2000) });
  });
});

describe('properties: re-registration fast path', function () {
  this.timeout(120_000);
  it(`never claims a self-match that the kernel's procedure denies (${RUNS} runs)`, async () => {
    const { analyzeDefinition } = await import('../../src/definition.js');
    const { plainlyIdempotent } = await import('../../src/lint/rules/non-idempotent-definition.js');
    const { argsMatchFields } = await import('../../src/layout/matching.js');
    let fast = 0;
    fc.assert(fc.property(anyText, (text) => {
      const a = analyzeDefinition(text, { abi: 'linux' });
      if (!a.result.ok) return;
      if (plainlyIdempotent(a)) {
        fast++;
        expect(argsMatchFields(a.ast.args?.raw, a.fields), JSON.stringify(text)).to.equal(true);
      }
    }), { numRuns: RUNS });
    expect(fast, 'the fast path is exercised').to.be.greaterThan(0);
  });
});

describe('properties: layout field kinds', function () {
  this.timeout(120_000);
  it(`the kind the layout records is classifyField(type) (${RUNS} runs)`, async () => {
    const { analyzeDefinition, classifyField } = await import('../../src/index.js');
    let fields = 0;
    fc.assert(fc.property(anyText, abi, (text, a) => {
      for (const f of analyzeDefinition(text, { abi: a }).fields) {
        fields++;
        expect(f.kind, JSON.stringify(text)).to.equal(classifyField(f.type));
        expect(f.arrayLength, JSON.stringify(text)).to.equal(f.kind === 'char-array' ? f.size : undefined);
      }
    }), { numRuns: RUNS });
    expect(fields, 'fields were laid out').to.be.greaterThan(0);
  });
});

describe('properties: re-registration keys', function () {
  this.timeout(120_000);
  it(`argsMatchKey(args) === fieldsMatchKey(fields) exactly when argsMatchFields(args, fields) (${RUNS} runs)`, async () => {
    const { argsMatchFields, argsMatchKey, fieldsMatchKey } = await import('../../src/layout/matching.js');
    const { toKernelBytes } = await import('../../src/source/kernel-bytes.js');
    const argsOf = (text: string) => {
      const bytes = toKernelBytes(text).bytes;
      const space = bytes.indexOf(' ');
      return space < 0 ? undefined : bytes.slice(space + 1);
    };
    let matches = 0;
    let pairs = 0;
    // A definition against its own layout (the UE106 case) and against another one's (UE304).
    fc.assert(fc.property(anyText, anyText, (first, later) => {
      const r = parseDefinition(first);
      if (!r.ok) return;
      for (const text of [first, later, first.replace(/; ?/g, ';'), first.replace(/;/g, '; ')]) {
        pairs++;
        const args = argsOf(text);
        const expected = argsMatchFields(args, r.event.fields);
        if (expected) matches++;
        expect(argsMatchKey(args) === fieldsMatchKey(r.event.fields), JSON.stringify([first, text])).to.equal(expected);
      }
    }), { numRuns: RUNS });
    expect(matches, 'matching pairs were tried').to.be.greaterThan(pairs / 20);
    expect(pairs - matches, 'non-matching pairs were tried').to.be.greaterThan(pairs / 20);
  });
});

describe('properties: identifier test', () => {
  it(`isIdentifier agrees with /^[A-Za-z_][A-Za-z0-9_]*$/ (${RUNS} runs)`, async () => {
    const { isIdentifier } = await import('../../src/lint/lint.js');
    const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
    const chars = fc.string({ unit: fc.oneof(fc.constantFrom('a', 'Z', '_', '0', '9', '@', '[', '`', '{', '/', ':', ' ', '\u0161', '\u00c1'), fc.string({ minLength: 1, maxLength: 1 })), maxLength: 8 });
    fc.assert(fc.property(chars, (s) => { expect(isIdentifier(s), JSON.stringify(s)).to.equal(IDENT.test(s)); }), { numRuns: RUNS });
  });
});
