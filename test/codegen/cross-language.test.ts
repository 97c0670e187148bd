// The same values through the generated TypeScript and the generated C (compiled with gcc and
// run) give byte-identical writes: write_index, fixed part and dynamic data.
import { expect } from 'chai';
import { cEventIdents, fieldKeys, generateCHeader, generateTsModule, tsEventIdents } from '../../src/codegen/index.js';
import { classifyField, isDynamicString } from '../../src/layout/classify.js';
import { cString } from '../../src/codegen/escape.js';
import type { EventLayout } from '../../src/layout/types.js';
import { requireTool } from '../support/tools.js';
import { hex, importTs, kernelCheck, layoutOf, readDefinitions, run, withTempDir } from './support.js';

const KINDS = readDefinitions('fixtures/definitions/codegen/kinds.ue');
const bytes = (...b: number[]): Uint8Array => Uint8Array.from(b);
const seq = (n: number, from = 1): Uint8Array => Uint8Array.from({ length: n }, (_, i) => (from + i * 37) & 0xff);

type Values = Record<string, unknown>;
/** Cases per event name; a case that does not fit must fail in both languages. */
const CASES: Record<string, Values[]> = {
  ints: [
    { a: -128, b: 0, c: -128, d: 0, e: -32768, f: 0, g: -32768, h: 0, i: -(2 ** 31), j: 0, k: -(2 ** 31), l: 0, m: -(2n ** 63n), n: 0n },
    { a: 127, b: 255, c: 127, d: 255, e: 32767, f: 65535, g: 32767, h: 65535, i: 2 ** 31 - 1, j: 2 ** 32 - 1, k: 2 ** 31 - 1, l: 2 ** 32 - 1, m: 2n ** 63n - 1n, n: 2n ** 64n - 1n },
    { a: -1, b: 1, c: 65, d: 200, e: -2, f: 258, g: -300, h: 1000, i: -123456, j: 123456, k: 7, l: 8, m: -5n, n: 0x0102030405060708n },
  ],
  arrays: [
    { name: '', tag: '', p: seq(16), last: 0 },
    { name: 'abcdefgh', tag: 'wxyz', p: seq(16, 200), last: 255 },
    { name: 'é✓', tag: 'a', p: new Uint8Array(16), last: 1 },
    { name: 'abcdefghi', tag: '', p: seq(16), last: 0 }, // too long: error in both
  ],
  evt: [
    { path: 'ab', note: 'xyz', p: seq(16), ts: 1700000000000000000n },
    { path: '', note: '', p: new Uint8Array(16), ts: -1n },
    { path: '/tmp/ü', note: 'x'.repeat(300), p: seq(16, 9), ts: 0n },
  ],
  dyn: [
    { lvl: 1, a: 'A', b: '', blob: bytes(1, 2), words: new Uint8Array(0), c: 'ccc', d: 'd', end: 7 },
    { lvl: 0, a: '', b: 'bb', blob: new Uint8Array(0), words: seq(8), c: '', d: '', end: 65535 },
    { lvl: 255, a: 'x'.repeat(1000), b: 'y'.repeat(2000), blob: seq(3000), words: seq(400), c: 'z', d: '✓', end: 1 },
  ],
  'odd-name.2': [{ int: 1, int_2: 2, 'a[4]': 3, '': 4, __proto___2: 5, iov: -6 }],
  Evt: [{ x: 42 }],
  empty: [{}],
};

/** A C argument list for `values`, with any arrays it needs declared in `decls`. */
function cArgs(layout: EventLayout, values: Values, decls: string[]): string[] {
  const keys = fieldKeys(layout.fields);
  return layout.fields.flatMap((f, i) => {
    const v = values[keys[i]!];
    const kind = classifyField(f.type);
    if (kind === 'integer') {
      const n = v as number | bigint;
      const suffix = f.signed ? 'LL' : 'ULL';
      return [n < 0 ? `(-${-BigInt(n) - 1n}${suffix} - 1)` : `${n}${suffix}`];
    }
    if (kind === 'char-array' || isDynamicString(f.type)) return [cString(v as string)];
    const b = v as Uint8Array;
    const name = `arr${decls.length}`;
    decls.push(`static const uint8_t ${name}[] = { ${[...b, 0].join(', ')} };`);
    return kind === 'struct' ? [name] : [name, `${b.length}`];
  });
}

describe('codegen/cross-language (TypeScript vs C)', function () {
  before(function () {
    requireTool(this, 'gcc', 'apt-get install -y gcc');
  });

  it('writes byte-identical payloads for every field kind, incl. several __data_loc and __rel_loc', async () => {
    const layouts = KINDS.map(layoutOf);
    const opts = { source: 'kinds.ue', abi: 'linux' as const, definitions: KINDS };
    const tsGen = generateTsModule(layouts, opts);
    const cGen = generateCHeader(layouts, opts);
    if (!tsGen.ok || !cGen.ok) throw new Error('generation failed');
    const mod = await importTs(tsGen.text);
    const tsIds = tsEventIdents(layouts);
    const cIds = cEventIdents(layouts);

    const expected: string[] = [];
    const blocks: string[] = [];
    layouts.forEach((layout, e) => {
      const cases = CASES[layout.name];
      expect(cases, `cases for ${layout.name}`).to.not.equal(undefined);
      for (const [n, values] of cases!.entries()) {
        const index = 1000 * e + n;
        // TypeScript side.
        try {
          const out = (mod[`write${tsIds[e]}`] as (i: number, v: Values) => Uint8Array)(index, values);
          expect(kernelCheck(out.subarray(4), layout), `${layout.name} #${n}`).to.equal(null);
          expected.push(hex(out));
        } catch (err) {
          expect(err).to.be.instanceOf(RangeError);
          expected.push('ERR');
        }
        // C side.
        const decls: string[] = [];
        const args = cArgs(layout, values, decls);
        const id = cIds[e]!;
        const fixed = layout.fields.length > 0 ? [`&fixed_${e}_${n}`] : [];
        blocks.push(`{
          ${decls.join('\n')}
          struct iovec iov[${id.toUpperCase()}_IOV_COUNT];
          uint32_t index = ${index}u;
          ${layout.fields.length > 0 ? `static struct ${id}_fixed fixed_${e}_${n};` : ''}
          dump(iov, ${id}_iov(${['iov', '&index', ...fixed, ...args].join(', ')}));
        }`);
      }
    });
    const program = `#include <stdio.h>
      #include "gen.h"
      static void dump(const struct iovec *iov, int n)
      {
        int i;
        size_t j;
        if (n < 0) { puts("ERR"); return; }
        for (i = 0; i < n; i++)
          for (j = 0; j < iov[i].iov_len; j++) printf("%02x", ((const unsigned char *)iov[i].iov_base)[j]);
        putchar('\\n');
      }
      int main(void)
      {
        ${blocks.join('\n')}
        return 0;
      }
    `;
    const actual = withTempDir({ 'gen.h': cGen.text, 'main.c': program }, (dir) => {
      run('gcc', ['-std=c11', '-Wall', '-Wextra', '-Werror', '-pedantic', '-o', 'main', 'main.c'], dir);
      return run(`${dir}/main`, [], dir);
    });
    expect(actual.trimEnd().split('\n')).to.deep.equal(expected);
    expect(expected.filter((l) => l === 'ERR')).to.have.length(1);
    // And what C wrote, the generated TypeScript decoder reads back as the values.
    const lines = actual.trimEnd().split('\n');
    let line = 0;
    layouts.forEach((layout, e) => {
      for (const [n, values] of CASES[layout.name]!.entries()) {
        const out = lines[line++]!;
        if (out === 'ERR') continue;
        const payload = Uint8Array.from(Buffer.from(out, 'hex')).subarray(4);
        const decoded = (mod[`decode${tsIds[e]}`] as (b: Uint8Array) => unknown)(payload);
        expect(decoded, `${layout.name} #${n}`).to.deep.equal({ ok: true, values });
      }
    });
  });
});
