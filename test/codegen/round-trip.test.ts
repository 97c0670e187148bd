// Property: for generated layouts and values, the generated decoder and the runtime `decode`
// both give back exactly the values the generated encoder was given, and every payload passes
// the kernel's linux write-time checks. FC_RUNS overrides the number of runs.
import { expect } from 'chai';
import fc from 'fast-check';
import { decode, fieldKeys, generateTsModule } from '../../src/codegen/index.js';
import type { EventLayout, LayoutField } from '../../src/layout/types.js';
import { importTs, kernelCheck, type GeneratedModule } from './support.js';

const RUNS = Number(process.env.FC_RUNS ?? 200);

const INTS: [string, number][] = [
  ['s8', 1], ['u8', 1], ['char', 1], ['unsigned char', 1], ['s16', 2], ['u16', 2], ['short', 2], ['unsigned short', 2],
  ['s32', 4], ['u32', 4], ['int', 4], ['unsigned int', 4], ['s64', 8], ['u64', 8],
];
const DYN = ['__data_loc char[]', '__rel_loc char[]', '__data_loc unsigned char[]', '__data_loc u8[]', '__rel_loc u32[]', '__rel_loc struct x'];

const fieldSpec: fc.Arbitrary<{ type: string; size: number }> = fc.oneof(
  fc.constantFrom(...INTS).map(([type, size]) => ({ type, size })),
  fc.record({ u: fc.boolean(), n: fc.integer({ min: 1, max: 12 }) }).map(({ u, n }) => ({ type: `${u ? 'unsigned ' : ''}char[${n}]`, size: n })),
  fc.integer({ min: 1, max: 12 }).map((n) => ({ type: 'struct s', size: n })),
  fc.constantFrom(...DYN).map((type) => ({ type, size: 4 })),
);

const layoutArb: fc.Arbitrary<EventLayout> = fc
  .record({
    name: fc.constantFrom('e', 'my-event', '9lives', ''),
    specs: fc.array(fc.record({ spec: fieldSpec, name: fc.constantFrom('a', 'b', 'a_2', 'x[1]', '', '__proto__', 'iov') }), { maxLength: 8 }),
  })
  .map(({ name, specs }) => {
    let offset = 8;
    const fields: LayoutField[] = specs.map(({ spec, name: fname }) => {
      const f = { type: spec.type, name: fname, offset, size: spec.size, signed: !spec.type.startsWith('u') };
      offset += spec.size;
      return f;
    });
    return { name, flags: [], fields };
  });

const utf8Length = (s: string): number => Buffer.byteLength(s, 'utf8');
/** A string without NUL whose UTF-8 fits n bytes: char[N] text ends at the first NUL. */
const fittingText = (n: number): fc.Arbitrary<string> =>
  fc.string({ unit: 'binary', maxLength: n }).map((s) => {
    let chars = [...s.replace(/\0/g, '')];
    while (utf8Length(chars.join('')) > n) chars = chars.slice(0, -1);
    return chars.join('');
  });

function valueArb(f: LayoutField): fc.Arbitrary<unknown> {
  const type = f.type;
  if (type.startsWith('__data_loc ') || type.startsWith('__rel_loc ')) {
    return type.includes('char') ? fc.string({ unit: 'binary', maxLength: 12 }) : fc.uint8Array({ maxLength: 12 });
  }
  if (type.startsWith('struct ')) return fc.uint8Array({ minLength: f.size, maxLength: f.size });
  if (type.includes('char[')) return fittingText(f.size);
  const bits = BigInt(f.size * 8);
  const [min, max] = f.signed ? [-(1n << (bits - 1n)), (1n << (bits - 1n)) - 1n] : [0n, (1n << bits) - 1n];
  return f.size === 8 ? fc.bigInt({ min, max }) : fc.integer({ min: Number(min), max: Number(max) });
}

const caseArb = layoutArb.chain((layout) => {
  const keys = fieldKeys(layout.fields);
  const entries = layout.fields.map((f, i) => valueArb(f).map((v) => [keys[i]!, v] as const));
  return fc.tuple(fc.constant(layout), fc.tuple(...entries).map((e) => Object.fromEntries(e) as Record<string, unknown>));
});

const modules = new Map<string, Promise<GeneratedModule>>();
function moduleFor(layout: EventLayout): Promise<GeneratedModule> {
  const key = JSON.stringify(layout);
  if (!modules.has(key)) {
    const r = generateTsModule([layout], { source: 'prop', abi: 'linux', definitions: ['generated'] });
    if (!r.ok) throw new Error(r.error);
    modules.set(key, importTs(r.text));
  }
  return modules.get(key)!;
}

const byPrefix = (mod: GeneratedModule, prefix: string): ((...a: unknown[]) => unknown) =>
  mod[Object.keys(mod).find((k) => k.startsWith(prefix))!] as (...a: unknown[]) => unknown;

describe('codegen/round-trip (fast-check)', function () {
  this.timeout(120_000);

  it('decode(encode(v)) equals v, generated and runtime decoders alike, and the kernel accepts the payload', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async ([layout, values]) => {
        const mod = await moduleFor(layout);
        const bytes = byPrefix(mod, 'encode')(values) as Uint8Array;
        expect(kernelCheck(bytes, layout)).to.equal(null);
        expect(byPrefix(mod, 'decode')(bytes)).to.deep.equal({ ok: true, values });
        expect(decode(bytes, layout)).to.deep.equal({ ok: true, values });
        const written = byPrefix(mod, 'write')(3, values) as Uint8Array;
        expect(Buffer.from(written.subarray(4)).equals(Buffer.from(bytes))).to.equal(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('Uint8Array and string inputs encode the same text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 6 }), fittingText(8), async (dyn, fixed) => {
        const layout: EventLayout = {
          name: 'e',
          flags: [],
          fields: [
            { type: 'char[8]', name: 'c', offset: 8, size: 8, signed: true },
            { type: '__rel_loc char[]', name: 'r', offset: 16, size: 4, signed: true },
          ],
        };
        const encode = byPrefix(await moduleFor(layout), 'encode');
        const asText = encode({ c: fixed, r: dyn }) as Uint8Array;
        const asBytes = encode({ c: Buffer.from(fixed), r: new Uint8Array(Buffer.from(dyn)) }) as Uint8Array;
        expect(Buffer.from(asBytes).equals(Buffer.from(asText))).to.equal(true);
      }),
      { numRuns: Math.min(RUNS, 100) },
    );
  });
});
