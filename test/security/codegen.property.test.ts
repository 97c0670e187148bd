// Issue 12, "Proof": properties of generated code over random definitions the kernel accepts,
// with names (event, field, struct tag) and source paths drawn from every hostile class: line
// terminators, quotes, backslashes, comment markers, `${`, backticks, bidi controls, keywords,
// predefined macros, libc and ue-lint's own identifiers, non-ASCII text and random code points.
//
// Each property runs RUNS (1,000) seeded fast-check runs. The expensive steps are batched: all
// modules are imported in one fresh process, and headers are compiled 25 to a translation unit
// (each with its own prefix, the first with the default one), one compiler run per standard.
// Cheap checks run inside the property. When a batched check fails for a run, that run is
// replayed alone (fast-check's seed and path) so fast-check shrinks it to a small counterexample.
import { expect } from 'chai';
import fc from 'fast-check';
import { cEventIdents, cLayoutStructs, generateCHeader, generateTsModule } from '../../src/codegen/index.js';
import { parseDefinition, type AbiName, type EventLayout } from '../../src/index.js';
import { requireTool } from '../support/tools.js';
import {
  buildAndRun, C_COMPILERS, comments, compileUnits, definitionLiterals, importInFreshProcess, importProblems, nonAscii, topLevelProblems,
  type CCompiler,
} from './codegen-support.js';

const RUNS = 1000;
const PER_UNIT = 25;

// ARBITRARIES.
const FRAGMENTS = [
  // Line terminators of some language, and look-alike spaces.
  '\n', '\r', '\r\n', '\u2028', '\u2029', '\u0085', '\v', '\f', '\t', '\u00a0', '\u3000', '\u200b', '\ufeff',
  // Quotes, escapes and comment or template syntax.
  '"', "'", '`', '\\', '\\n', '\\u2028', '${', '${x}', '}', '*/', '/*', '//', '/**/', '*', '/', '<!--', '-->', '</script>', '#', '#define x 1',
  '??/', '??=', '??(', '?', '%s', '\\\\',
  // Bidi controls ("trojan source") and other invisible or combining text.
  '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c', '\u0301',
  // Controls and non-ASCII.
  '\x01', '\x1b[31m', '\x7f', '\x9b', '\ufffd', 'é', 'ß', 'Σ', '中', '😀', '\ud800', '\udfff',
  // C and C++ keywords, predefined macros, identifiers of the included headers.
  'int', 'typeof', 'auto', 'class', 'static_assert', '_Static_assert', '_Pragma', '__attribute__', 'asm', 'restrict', 'inline', '_Bool', 'bool',
  'true', 'new', 'delete', 'template', 'requires', 'co_await', 'char8_t', 'defined', 'linux', 'unix', 'i386', '__linux__', '__GNUC__', '__STDC__',
  '__cplusplus', '__FILE__', '__LINE__', '__COUNTER__', '__x86_64__', '_GNU_SOURCE', 'NULL', 'size_t', 'ssize_t', 'uint32_t', 'int8_t', 'memcpy',
  'memset', 'strlen', 'SIZE_MAX', 'UIO_MAXIOV', 'offsetof', 'iovec', 'iov_base', 'LITTLE_ENDIAN', 'htole32', 'errno', 'EOF', 'strdupa', 'major',
  // JavaScript and TypeScript.
  'constructor', '__proto__', 'prototype', 'toString', 'await', 'yield', 'let', 'arguments', 'eval', 'import', 'export', 'default', 'function',
  'process', 'globalThis', 'console', 'require', 'undefined', 'this', 'NaN',
  // ue-lint's own identifiers and their pieces.
  'ue_len', 'ue_tail', 'ue_iov', 'ue_fixed', 'ue_write_index', 'iov', 'write_index', 'fixed', 'f_a', 'UE_LINT_STATIC_ASSERT', 'ue_a_iov',
  'UE_A_IOV_COUNT', 'A_IOV_COUNT', 'encodeA', 'ueWhere', 'ueFail', 'EncodeOptions', 'DecodeResult', 'Values', 'Decoded', '_len', '_2', 'a_2',
  // Plain words that clash in PascalCase or when folded to upper case.
  'a', 'b', 'A', 'B', '_', '__', 'a_b', 'aB', 'AB', 'x1', '9', '0x1',
];
const fragment = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 3 }) },
);
/** A name: fragments joined, without the bytes that would end it (space, the separator, NUL). */
const name = (ends: RegExp) => fc.array(fragment, { maxLength: 3 }).map((parts) => parts.join('').replace(ends, ''));

const TYPES = [
  'u8', 's8', 'u16', 's16', 'u32', 's32', 'u64', 's64', 'char', 'unsigned char', 'short', 'unsigned short', 'int', 'unsigned int',
  'char[1]', 'char[4]', 'unsigned char[3]', 'char[0x10]',
  '__data_loc char[]', '__rel_loc char[]', '__data_loc u8[]', '__rel_loc unsigned char[]', '__data_loc u32[]', '__rel_loc struct x',
];
const field = fc.oneof(
  fc.record({ type: fc.constantFrom(...TYPES), name: name(/[ ;\0]/g) }).map(({ type, name: n }) => `${type} ${n}`),
  fc
    .record({ tag: name(/[ ;\0]/g).filter((t) => t !== ''), name: name(/[ ;\0]/g), size: fc.constantFrom(1, 2, 3, 16, 255) })
    .map(({ tag, name: n, size }) => `struct ${tag} ${n} ${size}`),
);
const definition = fc
  .record({
    event: name(/[ :\0]/g),
    fields: fc.array(field, { maxLength: 4 }),
    separator: fc.constantFrom(';', '; '),
    // Text after a NUL: the kernel never reads it, but it is part of the string given.
    afterNul: fc.option(name(/[]/g), { freq: 12 }),
  })
  .map(({ event, fields, separator, afterNul }) => (fields.length > 0 ? `${event} ${fields.join(separator)}` : event) + (afterNul === null ? '' : `\0${afterNul}`));

interface Sample {
  abi: AbiName;
  source: string;
  definitions: string[];
}
const sample: fc.Arbitrary<Sample> = fc
  .record({
    abi: fc.constantFrom<AbiName>('linux', 'linux', 'linux', 'v5'),
    source: fc.array(fragment, { maxLength: 3 }).map((p) => `${p.join('')}/events.ue`),
    // Repeats are likely: the same event twice, or two definitions of one name.
    definitions: fc.array(definition, { minLength: 1, maxLength: 3 }).chain((defs) => fc.shuffledSubarray([...defs, ...defs], { minLength: 1, maxLength: Math.min(4, 2 * defs.length) })),
  })
  .filter((s) => s.definitions.every((d) => parseDefinition(d, { abi: s.abi }).ok));

// GENERATION.
function layoutsOf(s: Sample): EventLayout[] {
  return s.definitions.map((d) => {
    const r = parseDefinition(d, { abi: s.abi });
    if (!r.ok) throw new Error(`rejected ${JSON.stringify(d)}`);
    return r.event;
  });
}
const distinct = (s: Sample): string[] => [...new Set(s.definitions)];

function tsOf(s: Sample): string {
  const r = generateTsModule(layoutsOf(s), { source: s.source, abi: s.abi, definitions: s.definitions });
  if (!r.ok) throw new Error(r.error);
  return r.text;
}

/** Base-26 letters: 0 → `a`, 26 → `ba`; header and layout prefixes of one unit never meet. */
const letters = (n: number): string => (n >= 26 ? letters(Math.floor(n / 26)) : '') + String.fromCharCode(97 + (n % 26));
const headerPrefix = (j: number): string | undefined => (j === 0 ? undefined : `uh${letters(j)}`);

function cOf(s: Sample, prefix?: string): string {
  const r = generateCHeader(layoutsOf(s), { source: s.source, abi: s.abi, definitions: s.definitions, ...(prefix ? { prefix } : {}) });
  if (!r.ok) throw new Error(r.error);
  return r.text;
}

/** The `_definition` identifiers of a header, in order. */
function cDefinitionIds(s: Sample, prefix?: string): string[] {
  const defs = distinct(s);
  const layouts = defs.map((d) => layoutsOf({ ...s, definitions: [d] })[0]!);
  return cEventIdents(layouts, defs, prefix).map((x) => `${x}_definition`);
}

/** A C string literal's bytes, decoded here from the C rules (octal, hex and simple escapes). */
function cLiteralBytes(literal: string): number[] {
  const SIMPLE: Record<string, number> = { n: 10, t: 9, r: 13, v: 11, f: 12, a: 7, b: 8, '\\': 92, '"': 34, "'": 39, '?': 63 };
  const out: number[] = [];
  const body = literal.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') {
      out.push(...new TextEncoder().encode(c));
      continue;
    }
    const e = body[++i]!;
    const octal = /^[0-7]{1,3}/.exec(body.slice(i));
    if (octal) {
      out.push(parseInt(octal[0], 8));
      i += octal[0].length - 1;
    } else if (e === 'x') {
      const hex = /^[0-9a-fA-F]+/.exec(body.slice(i + 1))![0];
      out.push(parseInt(hex, 16) & 0xff);
      i += hex.length;
    } else out.push(SIMPLE[e]!);
  }
  return out;
}

/** One translation unit per PER_UNIT samples: every header included twice, then every layout. */
function cUnits(samples: readonly Sample[], first: number): { headers: Record<string, string>; units: Record<string, string>; unitOf: Map<string, number[]> } {
  const headers: Record<string, string> = {};
  const units: Record<string, string> = {};
  const unitOf = new Map<string, number[]>();
  for (let start = 0; start < samples.length; start += PER_UNIT) {
    const u = `u${start / PER_UNIT}`;
    const members: number[] = [];
    const lines = ['#include <stdint.h>'];
    for (let i = start; i < Math.min(start + PER_UNIT, samples.length); i++) {
      const s = samples[i]!;
      const j = i - start;
      headers[`h${i}.h`] = cOf(s, headerPrefix(j));
      headers[`l${i}.h`] = cLayoutStructs(layoutsOf(s), s.definitions, s.abi, `ul${letters(j)}`);
      lines.push(`#include "h${i}.h"`, `#include "h${i}.h"`, `#include "l${i}.h"`);
      members.push(first + i);
    }
    units[u] = `${lines.join('\n')}\n`;
    unitOf.set(u, members);
  }
  return { headers, units, unitOf };
}

/** Compiles one sample alone (header twice, then its layout); the failures by compiler. */
function compileOne(s: Sample, compilers: readonly CCompiler[]): string[] {
  const { headers, units } = cUnits([s], 0);
  return compilers.flatMap((c) => [...compileUnits(headers, units, c).values()].map((e) => `${c.label}: ${e}`));
}

/** Fails with every problem spelled out (chai would cut a long message short). */
function expectNone(problems: readonly string[]): void {
  if (problems.length > 0) throw new Error(problems.join('\n'));
}

/** Runs the property over RUNS samples with `check` inline, collecting the samples for a batch. */
function collect(seed: number, check: (s: Sample) => void): Sample[] {
  const samples: Sample[] = [];
  fc.assert(
    fc.property(sample, (s) => {
      check(s);
      samples.push(s);
    }),
    { seed, numRuns: RUNS },
  );
  expect(samples).to.have.length(RUNS);
  return samples;
}

/** Replays run `index` of `seed` with `check` alone, so fast-check shrinks it; throws either way. */
async function replay(seed: number, index: number, check: (s: Sample) => void, batchError: string): Promise<never> {
  fc.assert(
    fc.property(sample, (s) => {
      check(s);
    }),
    { seed, path: String(index), numRuns: RUNS },
  );
  throw new Error(`run ${index} failed in the batch but passes alone:\n${batchError}`);
}

describe('security/codegen properties (issue 12)', function () {
  this.timeout(15 * 60_000);

  it(`the TypeScript module, imported in a fresh process, defines its exports and does nothing else (${RUNS} runs)`, async () => {
    const SEED = 1201;
    const inline = (s: Sample): void => {
      const text = tsOf(s);
      expect(nonAscii(text), 'non-ASCII in the module').to.deep.equal([]);
      expect(topLevelProblems(text)).to.deep.equal([]);
    };
    const samples = collect(SEED, inline);
    const reports = importInFreshProcess(samples.map(tsOf));
    const alone = (s: Sample): void => {
      expectNone(importProblems(importInFreshProcess([tsOf(s)])[0]!, s.definitions));
    };
    for (const [i, report] of reports.entries()) {
      const problems = importProblems(report, samples[i]!.definitions);
      if (problems.length > 0) await replay(SEED, i, alone, problems.join('\n'));
    }
  });

  describe('C', function () {
    before(function () {
      requireTool(this, 'gcc', 'apt-get install -y gcc');
      requireTool(this, 'g++', 'apt-get install -y g++');
    });

    it(`the header and layout --format c compile with gcc -std=c11, -std=gnu11 and g++ (${RUNS} runs)`, async () => {
      const SEED = 1202;
      const inline = (s: Sample): void => {
        for (const text of [cOf(s), cLayoutStructs(layoutsOf(s), s.definitions, s.abi)]) {
          expect(nonAscii(text), 'non-ASCII in C').to.deep.equal([]);
          expect(text).not.to.include('??');
          // Block comments only; none opens another (-Wcomment) or ends in a line splice.
          for (const c of comments(text, 'c')) expect(c, c).to.match(/^\/\*(?:(?!\/\*)[^\\]|\\(?!\n))*\*\/$/);
        }
      };
      const samples = collect(SEED, inline);
      const { headers, units, unitOf } = cUnits(samples, 0);
      for (const compiler of C_COMPILERS) {
        for (const [unit, errors] of compileUnits(headers, units, compiler)) {
          const members = unitOf.get(unit) ?? [];
          const bad = members.find((i) => compileOne(samples[i]!, [compiler]).length > 0);
          await replay(SEED, bad ?? members[0] ?? 0, (s) => {
            expectNone(compileOne(s, C_COMPILERS));
          }, `${compiler.label} ${unit}:\n${errors}`);
        }
      }
    });

    it(`the embedded definition strings equal the input: TS literals, C literals, and what gcc compiles (${RUNS} runs)`, async () => {
      const SEED = 1203;
      const inline = (s: Sample): void => {
        expect(definitionLiterals(tsOf(s))).to.deep.equal(distinct(s));
        const literals = [...cOf(s).matchAll(/^static const char \w+_definition\[\] = (".*");$/gm)].map((m) => m[1]!);
        expect(literals.map(cLiteralBytes)).to.deep.equal(distinct(s).map((d) => [...new TextEncoder().encode(d)]));
      };
      const samples = collect(SEED, inline);
      // One program prints every definition as gcc compiled it, in hex: plain -std=c11, which
      // reads trigraphs, without the warnings that the compile property already holds to.
      const c11: CCompiler = { label: 'gcc -std=c11', cmd: 'gcc', args: ['-std=c11'], ext: 'c' };
      const headers: Record<string, string> = {
        'uetest.h': 'struct uetest_def { const char *p; unsigned long n; };\n',
      };
      const units: Record<string, string> = {};
      const main = ['#include <stdio.h>', '#include "uetest.h"'];
      const prints: string[] = [];
      for (let start = 0; start < samples.length; start += PER_UNIT) {
        const u = start / PER_UNIT;
        const lines = ['#include "uetest.h"'];
        const entries: string[] = [];
        for (let i = start; i < Math.min(start + PER_UNIT, samples.length); i++) {
          const prefix = headerPrefix(i - start);
          headers[`h${i}.h`] = cOf(samples[i]!, prefix);
          lines.push(`#include "h${i}.h"`);
          entries.push(...cDefinitionIds(samples[i]!, prefix).map((id) => `{ ${id}, sizeof(${id}) - 1 }`));
        }
        lines.push(`const struct uetest_def uetest_${u}[] = {\n\t${entries.join(',\n\t')}\n};`, `const unsigned long uetest_${u}_count = ${entries.length};`);
        units[`u${u}`] = `${lines.join('\n')}\n`;
        main.push(`extern const struct uetest_def uetest_${u}[];`, `extern const unsigned long uetest_${u}_count;`);
        prints.push(`dump(uetest_${u}, uetest_${u}_count);`);
      }
      main.push(
        'static void dump(const struct uetest_def *d, unsigned long n)',
        '{',
        '\tunsigned long i, j;',
        '\tfor (i = 0; i < n; i++) {',
        '\t\tfor (j = 0; j < d[i].n; j++)',
        '\t\t\tprintf("%02x", (unsigned char)d[i].p[j]);',
        '\t\tputchar(\'\\n\');',
        '\t}',
        '}',
        'int main(void)',
        '{',
        ...prints.map((p) => `\t${p}`),
        '\treturn 0;',
        '}',
      );
      units.main = `${main.join('\n')}\n`;
      const alone = (x: Sample): void => {
        const ids = cDefinitionIds(x);
        const dump = ids.map((id) => `\tfor (j = 0; j + 1 < sizeof(${id}); j++)\n\t\tprintf("%02x", (unsigned char)${id}[j]);\n\tputchar('\\n');`);
        const one = buildAndRun({ 'h.h': cOf(x) }, { u: `#include <stdio.h>\n#include "h.h"\nint main(void)\n{\n\tunsigned long j;\n${dump.join('\n')}\n\treturn 0;\n}\n` }, c11);
        expect(one.split('\n').slice(0, -1)).to.deep.equal(distinct(x).map((d) => Buffer.from(new TextEncoder().encode(d)).toString('hex')));
      };
      let printed: string[];
      try {
        printed = buildAndRun(headers, units, c11).split('\n').slice(0, -1);
      } catch (e) {
        // A literal so broken that gcc rejects it: replay the sample whose header it names first.
        const named = /\bh(\d+)\.h:/.exec(String(e));
        return await replay(SEED, named ? Number(named[1]) : 0, alone, String(e));
      }
      const expected = samples.flatMap((s) => distinct(s).map((d) => Buffer.from(new TextEncoder().encode(d)).toString('hex')));
      expect(printed.length).to.equal(expected.length);
      let line = 0;
      for (const [i, s] of samples.entries()) {
        const got = printed.slice(line, line + distinct(s).length);
        const want = expected.slice(line, line + distinct(s).length);
        line += want.length;
        if (JSON.stringify(got) !== JSON.stringify(want)) {
          await replay(SEED, i, alone, `gcc read ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
        }
      }
    });
  });
});
