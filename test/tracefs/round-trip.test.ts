// parseFormatFile(formatFile(e)) gives back e's layout.
import { expect } from 'chai';
import fc from 'fast-check';
import { formatToDefinition, parseFormatFile } from '../../src/tracefs/read-format.js';
import type { EventLayout, LayoutField } from '../../src/layout/types.js';
import * as api from '../../src/index.js';
import { UE_LINT_CASES, readFixture } from './helpers.js';

const layout = (f: { type: string; name: string; offset: number; size: number; signed: boolean | undefined }) => ({
  type: f.type, name: f.name, offset: f.offset, size: f.size, signed: f.signed,
});
/** linux prints `char[0x14]` as `char text[]`; the reader answers `char[20]`: same bytes. */
const spelled = (f: LayoutField) => (/^(unsigned )?char\[/.test(f.type) ? { ...layout(f), type: f.type.replace(/\[.*$/s, `[${f.size}]`) } : layout(f));

describe('tracefs/round-trip with formatFile (src/index.ts)', function () {
  const parse = (definition: string, abi: 'linux' | 'v5'): EventLayout => {
    const r = api.parseDefinition(definition, { abi });
    if (!r.ok) throw new Error(`${JSON.stringify(definition)} rejected with ${r.errno}`);
    return r.event;
  };

  for (const c of UE_LINT_CASES) {
    it(`${c.file}: formatFile renders the fixture byte for byte and reads back`, () => {
      const event = parse(c.definition, c.abi);
      expect(event.fields.map(layout)).to.deep.equal(c.fields);
      const text = api.formatFile(event, { abi: c.abi });
      expect(text).to.equal(readFixture(`ue-lint/${c.file}`));
      const read = parseFormatFile(text);
      expect(read.diagnostics).to.deep.equal([]);
      expect(read.name).to.equal(event.name);
      expect(read.fields.map(layout)).to.deep.equal(c.abi === 'v5' ? event.fields.map(layout) : event.fields.map(spelled));
      // The definition read back registers the same layout.
      expect(parse(formatToDefinition(read), c.abi).fields.map(layout)).to.deep.equal(read.fields.map(layout));
    });
  }

  it('fills `ID:` when an id is given', () => {
    expect(parseFormatFile(api.formatFile(parse('test u32 count', 'linux'), { id: 1234 })).id).to.equal(1234);
  });

  it('round-trips generated definitions for both ABIs (fast-check)', () => {
    const fieldText = fc.tuple(
      fc.oneof(
        fc.constantFrom('u8', 's8', 'u16', 's16', 'u32', 's32', 'u64', 's64', 'int', 'unsigned int', 'short', 'unsigned short', 'char', 'unsigned char', '__data_loc char[]', '__rel_loc char[]'),
        fc.tuple(fc.constantFrom('char', 'unsigned char'), fc.integer({ min: 1, max: 1024 }), fc.constantFrom('dec', 'hex')).map(([t, n, base]) => `${t}[${base === 'hex' ? `0x${n.toString(16)}` : n}]`),
        fc.tuple(fc.stringMatching(/^[a-z_][a-z0-9_]{0,6}$/), fc.integer({ min: 1, max: 4096 })).map(([s, n]) => `struct ${s} @${n}`),
      ),
      fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,10}$/),
    ).map(([t, n]) => (t.startsWith('struct ') ? t.replace(/ @(\d+)$/, ` ${n} $1`) : `${t} ${n}`));
    const definition = fc.tuple(fc.stringMatching(/^[a-z_][a-z0-9_]{0,10}$/), fc.array(fieldText, { maxLength: 10 }))
      .map(([name, fields]) => (fields.length ? `${name} ${fields.join(';')}` : name));
    fc.assert(
      fc.property(definition, fc.constantFrom('linux' as const, 'v5' as const), (def, abi) => {
        const event = parse(def, abi);
        const read = parseFormatFile(api.formatFile(event, { abi }));
        expect(read.diagnostics).to.deep.equal([]);
        expect(read.fields.map(layout)).to.deep.equal(abi === 'v5' ? event.fields.map(layout) : event.fields.map(spelled));
        expect(parse(formatToDefinition(read), abi).fields.map(layout)).to.deep.equal(read.fields.map(layout));
      }),
      { numRuns: 200 },
    );
  });
});
