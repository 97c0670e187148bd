// Hardening (issue 5): the generated `decodeX` functions never throw, on random byte buffers and
// on mutations of valid payloads, and agree exactly with the runtime `decode` (values, UTF-8
// replacement characters and error messages). FC_RUNS (default 10,000) runs per property.
import { expect } from 'chai';
import fc from 'fast-check';
import { decode, generateTsModule, parseDefinition, type EventLayout } from '../../src/index.js';
import { tsEventIdents } from '../../src/codegen/index.js';
import { importTs, readDefinitions, type GeneratedModule } from './support.js';

const RUNS = Number(process.env.FC_RUNS ?? 10_000);
const ABIS = ['linux', 'v5'] as const;
type Abi = (typeof ABIS)[number];

const KINDS = readDefinitions('fixtures/definitions/codegen/kinds.ue');
const LAYOUTS: EventLayout[] = KINDS.map((d) => {
  const r = parseDefinition(d, { abi: 'linux' });
  if (!r.ok) throw new Error(d);
  return r.event;
});
const IDS = tsEventIdents(LAYOUTS);

/** A valid payload per event (encoded by the generated encoder), for the mutation property. */
const SAMPLES: Record<string, Record<string, unknown>> = {
  ints: { a: -1, b: 1, c: 65, d: 200, e: -2, f: 258, g: -300, h: 1000, i: -123456, j: 123456, k: 7, l: 8, m: -5n, n: 1n },
  arrays: { name: 'é✓', tag: 'wxyz', p: new Uint8Array(16).fill(3), last: 9 },
  evt: { path: '/tmp/ü', note: 'xyz', p: new Uint8Array(16), ts: 1n },
  dyn: { lvl: 1, a: 'A', b: '', blob: Uint8Array.of(1, 2), words: new Uint8Array(8), c: 'ccc', d: '✓', end: 7 },
  'odd-name.2': { int: 1, int_2: 2, 'a[4]': 3, '': 4, __proto___2: 5, iov: -6 },
  Evt: { x: 42 },
  empty: {},
};

type Decoder = (bytes: Uint8Array) => unknown;

describe('codegen: generated decoders never throw (fast-check)', function () {
  this.timeout(180_000);
  const modules = new Map<Abi, GeneratedModule>();
  const valid: Uint8Array[] = [];

  before(async () => {
    // Compile each module once; every run reuses it.
    for (const abi of ABIS) {
      const r = generateTsModule(LAYOUTS, { source: 'kinds.ue', abi, definitions: KINDS });
      if (!r.ok) throw new Error(r.error);
      modules.set(abi, await importTs(r.text));
    }
    const linux = modules.get('linux')!;
    LAYOUTS.forEach((l, i) => valid.push((linux[`encode${IDS[i]}`] as (v: unknown) => Uint8Array)(SAMPLES[l.name])));
  });

  const decoderOf = (abi: Abi, i: number): Decoder => modules.get(abi)![`decode${IDS[i]}`] as Decoder;

  /** Never throws, returns a well-formed result, and matches the runtime decoder exactly. */
  function check(abi: Abi, i: number, bytes: Uint8Array): void {
    let r: unknown;
    expect(() => (r = decoderOf(abi, i)(bytes))).to.not.throw();
    const expected = decode(bytes, LAYOUTS[i]!, { abi });
    expect(r).to.deep.equal(expected);
    if (!expected.ok) expect(expected.error).to.match(/^event `[^`]*`(: payload is| field `)/);
  }

  const eventIndex = fc.integer({ min: 0, max: LAYOUTS.length - 1 });
  const abiArb = fc.constantFrom(...ABIS);

  it(`on random byte buffers (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(eventIndex, abiArb, fc.uint8Array({ maxLength: 96 }), fc.nat(8), (i, abi, bytes, skip) => {
        check(abi, i, bytes);
        // The same bytes at a non-zero byteOffset of a larger buffer (a Node Buffer slice).
        const big = new Uint8Array(bytes.length + skip);
        big.set(bytes, skip);
        check(abi, i, big.subarray(skip));
      }),
      { numRuns: RUNS },
    );
  });

  it(`on mutations of valid payloads: bytes changed, cut or appended (${RUNS} runs)`, () => {
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
      fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('append' as const), bytes: fc.uint8Array({ maxLength: 8 }) }),
    );
    fc.assert(
      fc.property(eventIndex, abiArb, fc.array(edit, { minLength: 1, maxLength: 4 }), (i, abi, edits) => {
        let b = Uint8Array.from(valid[i]!);
        for (const e of edits) {
          if (e.kind === 'set' && b.length > 0) b[e.at % b.length] = e.byte;
          else if (e.kind === 'cut') b = b.slice(0, e.at % (b.length + 1));
          else if (e.kind === 'append') b = Uint8Array.from([...b, ...e.bytes]);
        }
        check(abi, i, b);
      }),
      { numRuns: RUNS },
    );
  });

  it('decodes invalid UTF-8 like TextDecoder: one U+FFFD per maximal invalid subsequence', () => {
    const i = LAYOUTS.findIndex((l) => l.name === 'arrays');
    // char[8] name: E2 82 41 (truncated ✓ then A), ED A0 80 (a surrogate), F0.
    const b = new Uint8Array(29);
    b.set([0xe2, 0x82, 0x41, 0xed, 0xa0, 0x80, 0xf0, 0x80]);
    const r = decoderOf('linux', i)(b) as { ok: true; values: { name: string } };
    expect(r.values.name).to.equal('\ufffdA\ufffd\ufffd\ufffd\ufffd\ufffd');
    expect(r.values.name).to.equal(new TextDecoder().decode(b.subarray(0, 8)));
  });
});
