// Hardening: the library answers every input with a result, never an exception.
// FC_RUNS (default 10,000) runs per property.
import { expect } from 'chai';
import fc from 'fast-check';
import { decode, formatFile, parseDefinition, parseFormatFile, type EventLayout } from '../../src/index.js';

const RUNS = Number(process.env.FC_RUNS ?? 10_000);

const DEFINITIONS = [
  'e u8 a;u64 b', 'e char[20] msg;unsigned int id', 'evt __data_loc char[] path; __rel_loc char[] note; struct pt p 16; s64 ts',
  'e __data_loc u8 bytes;__rel_loc char s;__rel_loc char[] t', 'e s16 a;short b;unsigned short c;char d;s32 e', 'e',
];
const layouts: EventLayout[] = DEFINITIONS.map((d) => {
  const r = parseDefinition(d);
  if (!r.ok) throw new Error(d);
  return r.event;
});

describe('robustness: library properties', function () {
  this.timeout(180_000);

  it(`decode never throws on random byte buffers (${RUNS} runs)`, () => {
    fc.assert(fc.property(fc.constantFrom(...layouts), fc.uint8Array({ maxLength: 96 }), fc.constantFrom('linux', 'v5' as const), (layout, bytes, abi) => {
      const r = decode(bytes, layout, { abi });
      if (!r.ok) expect(r.error).to.be.a('string').and.match(/field|payload|event/);
    }), { numRuns: RUNS });
  });

  it(`decode never throws on random layouts from random definitions (${RUNS} runs)`, () => {
    const piece = fc.constantFrom('u8 a', 'u64 b', 'char[3] c', 'struct s d 5', '__data_loc char[] e', '__rel_loc u8 f', 'unsigned short g', 'u8 a');
    fc.assert(fc.property(fc.array(piece, { maxLength: 6 }), fc.uint8Array({ maxLength: 64 }), (pieces, bytes) => {
      const r = parseDefinition(`e ${pieces.join(';')}`);
      if (r.ok) decode(bytes, r.event);
    }), { numRuns: RUNS });
  });

  it(`parseFormatFile never throws on arbitrary text (${RUNS} runs)`, () => {
    const line = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.constantFrom('name: x', 'ID: 12', 'format:', '\tfield:u32 a;\toffset:8;\tsize:4;\tsigned:0;', '\tfield:char s[];\toffset:', 'print fmt: "', '', '\r'),
    );
    fc.assert(fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
      const r = parseFormatFile(lines.join('\n'));
      expect(r.diagnostics).to.be.an('array');
    }), { numRuns: RUNS });
  });

  it(`formatFile never throws on arbitrary layouts, even ones no kernel makes (${RUNS} runs)`, () => {
    const field = fc.record({
      type: fc.string({ maxLength: 12 }), name: fc.string({ maxLength: 8 }),
      offset: fc.integer(), size: fc.integer(), signed: fc.boolean(),
    });
    fc.assert(fc.property(fc.string({ maxLength: 10 }), fc.array(field, { maxLength: 5 }), fc.option(fc.integer()), (name, fields, id) => {
      const text = formatFile({ name, flags: [], fields }, { abi: 'linux', id: id ?? undefined });
      expect(text.endsWith('\n')).to.equal(true);
    }), { numRuns: RUNS });
  });
});
