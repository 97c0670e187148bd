// Issue 12, "Generated code": a reproduction of every example, on `codegen` (TypeScript and C)
// and `layout --format c`. The random counterpart is codegen.property.test.ts.
import { expect } from 'chai';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCHeader, generateTsModule, parseDefinition, type EventLayout } from '../../src/index.js';
import { dedent } from '../../src/codegen/template.js';
import { run as cli } from '../cli/fake-io.js';
import { tempDir } from '../support/temp-dir.js';
import { requireTool } from '../support/tools.js';
import { C_COMPILERS, comments, compileUnits, definitionLiterals, importInFreshProcess, importProblems, nonAscii, topLevelProblems, type CCompiler } from './codegen-support.js';

function layouts(definitions: readonly string[]): EventLayout[] {
  return definitions.map((d) => {
    const r = parseDefinition(d, { abi: 'linux' });
    if (!r.ok) throw new Error(`the kernel rejects ${JSON.stringify(d)}: ${r.errno}`);
    return r.event;
  });
}

function tsModule(definitions: string[]): string {
  const r = generateTsModule(layouts(definitions), { source: 'events.ue', abi: 'linux', definitions });
  if (!r.ok) throw new Error(r.error);
  return r.text;
}

function cHeader(definitions: string[], source = 'events.ue', prefix?: string): string {
  const r = generateCHeader(layouts(definitions), { source, abi: 'linux', definitions, ...(prefix ? { prefix } : {}) });
  if (!r.ok) throw new Error(r.error);
  return r.text;
}

/** Every problem of a module: characters, top-level shape, and a real import in a fresh process. */
function moduleProblems(text: string, definitions: string[]): string[] {
  const [report] = importInFreshProcess([text]);
  return [...nonAscii(text).map((c) => `contains ${c}`), ...topLevelProblems(text), ...importProblems(report!, definitions)];
}

// More standards than the property test uses: the keywords differ between them.
const EXTRA_COMPILERS: readonly CCompiler[] = [
  { label: 'g++ -std=c++11', cmd: 'g++', args: ['-std=c++11', '-Wall', '-Wextra', '-Werror', '-pedantic', '-Wshadow'], ext: 'cpp' },
  { label: 'g++ -std=c++20', cmd: 'g++', args: ['-std=c++20', '-Wall', '-Wextra', '-Werror', '-pedantic', '-Wshadow'], ext: 'cpp' },
  { label: 'gcc -std=c17', cmd: 'gcc', args: ['-std=c17', '-Wall', '-Wextra', '-Werror', '-pedantic', '-Wshadow'], ext: 'c' },
];

/** Compiles `unit` (which includes `headers`) with every compiler; the failures by compiler. */
function compileEverywhere(headers: Record<string, string>, unit: string): Record<string, string> {
  const failed: Record<string, string> = {};
  for (const c of [...C_COMPILERS, ...EXTRA_COMPILERS]) {
    const errors = compileUnits(headers, { u0: unit }, c);
    if (errors.size > 0) failed[c.label] = [...errors.values()].join('');
  }
  return failed;
}

const LINE_BREAKERS = ['\n', '\r', '\u2028', '\u2029', '\u0085', '\v', '\f'];
const BIDI = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c'];

describe('security/codegen: generated code stays inert whatever the names (issue 12)', function () {
  this.timeout(120_000);

  describe('comments and strings', () => {
    it('a name with U+2028 cannot end a `//` comment and run code when the TypeScript module is imported', () => {
      const defs = [
        'x\u2028console.log(1)// u32 a',
        'e u32 x\u2028console.log(2)//;u8 y\u2029globalThis.pwned=1//',
        'f struct t\u2028process.exit(3)// p 4',
        'g\u0085console.log(4)// u8 \rconsole.log(5)//',
      ];
      const text = tsModule(defs);
      expect(moduleProblems(text, defs)).to.deep.equal([]);
      expect(text).to.include('// u32 x\\u2028console.log(2)//');
    });

    it('U+00A0 and other look-alikes cannot pass for spaces in comments', () => {
      const text = tsModule(['e u32 a\u00a0b;u32 c\u3000d;u32 e\u200bf']);
      expect(text).to.include('// u32 a\\u00a0b');
      expect(text).to.include('// u32 c\\u3000d');
      expect(text).to.include('// u32 e\\u200bf');
    });

    it('every line terminator, bidi control, comment marker, trigraph and backslash is escaped, in TS and C', () => {
      const names = [...LINE_BREAKERS, ...BIDI, '*/', '/*', '*/*/', '??/', '??=', '\\', '${', '`', '"', "'", '</script>'];
      const defs = names.map((n, i) => `ev${i}${n}x u8 a${n};char[4] ${n};struct s${n} p${n} 4;__data_loc char[] d${n}`);
      const ts = tsModule(defs);
      expect(nonAscii(ts)).to.deep.equal([]);
      expect(moduleProblems(ts, defs)).to.deep.equal([]);
      const c = cHeader(defs);
      expect(nonAscii(c)).to.deep.equal([]);
      // No comment of either language can close early or nest.
      for (const [lang, text] of [['ts', ts], ['c', c]] as const) {
        const found = comments(text, lang);
        expect(found.length).to.be.greaterThan(names.length);
        for (const comment of found) expect(comment.slice(2, -2), comment).not.to.match(/\/\*|\*\//);
      }
      // Trigraphs exist only in C: not in its strings, not in its comments.
      expect(c).not.to.include('??');
    });

    it('dedent takes only LF as a line end, so a definition holding U+2028, U+2029 or CR reaches the output unchanged', () => {
      const value = 'a\u2028 \t\u2028b\r \u2029 \u00a0';
      expect(dedent`
        x ${value}
      `).to.equal(`x ${value}`);
      expect(dedent`
        ${'\u2028'}
        y
      `).to.equal('\u2028\ny');
      const def = 'e u32 a\u2028\t\u2028b;u8 \u2029';
      expect(definitionLiterals(tsModule([def]))).to.deep.equal([def]);
    });
  });

  describe('C identifiers', function () {
    before(function () {
      requireTool(this, 'gcc', 'apt-get install -y gcc');
      requireTool(this, 'g++', 'apt-get install -y g++');
    });

    const ISSUE = ['NULL', 'size_t', 'uint32_t', 'memcpy', 'SIZE_MAX', 'UIO_MAXIOV', '__GNUC__', '_Pragma', 'linux', 'unix', 'typeof'];
    const MORE = [
      'int', 'static_assert', 'bool', 'class', 'new', 'char8_t', 'requires', 'co_await', 'offsetof', 'errno', 'EOF', 'LITTLE_ENDIAN',
      'htole32', 'strdupa', 'i386', '__cplusplus', '__STDC__', 'defined', 'iov', 'write_index', 'fixed', 'ue_len', 'ue_tail', 'ue_iov',
      'UE_LINT_STATIC_ASSERT', 'f_x', 'x_len', 'x',
    ];

    it('events and fields named after keywords, predefined macros and libc identifiers compile (c11, gnu11, c17, g++, c++11, c++20)', () => {
      // Every field kind, all named alike, so parameters, members and `_len` parameters meet too.
      const defs = [...ISSUE, ...MORE].map((n) => `${n} u32 ${n};char[4] ${n};struct ${n} ${n} 4;__data_loc char[] ${n};__rel_loc u8[] ${n};s64 ${n}`);
      const header = cHeader(defs);
      expect(compileEverywhere({ 'gen.h': header }, '#include "gen.h"\n#include "gen.h"\nint main(void) { return 0; }\n')).to.deep.equal({});
    });

    it("an earlier event's macro names cannot break a later event", () => {
      const defs = ['a u8 x', 'b u8 A_IOV_COUNT;u8 UE_A_IOV_COUNT;u8 ue_a_iov;u8 ue_a_definition', 'UE_A_IOV_COUNT u8 x', 'A_IOV_COUNT u8 y', 'ue_a_iov u8 z'];
      const header = cHeader(defs);
      const use = dedent`
        #include "gen.h"
        int main(void)
        {
        	struct iovec iov[UE_A_IOV_COUNT];
        	uint32_t index = 0;
        	struct ue_a_fixed fixed;
        	return ue_a_iov(iov, &index, &fixed, 1) == UE_A_IOV_COUNT ? 0 : 1;
        }
      `;
      expect(compileEverywhere({ 'gen.h': header }, `${use}\n`)).to.deep.equal({});
    });

    it('two headers (net/events.ue, disk/events.ue) have their own include guards and can be included together', () => {
      const net = cHeader(['rx u32 bytes'], 'net/events.ue');
      const disk = cHeader(['io u32 bytes'], 'disk/events.ue');
      const guard = (h: string) => /^#ifndef (\w+)$/m.exec(h)![1];
      expect(guard(net)).to.not.equal(guard(disk));
      const use = '#include "net.h"\n#include "disk.h"\n#include "net.h"\nint main(void) { return (int)(sizeof(ue_rx_definition) + sizeof(ue_io_definition)) - 24; }\n';
      expect(compileEverywhere({ 'net.h': net, 'disk.h': disk }, use)).to.deep.equal({});
      // Events of the same name in both: a prefix per header keeps them apart.
      const a = cHeader(['start u32 id'], 'net/events.ue', 'net');
      const b = cHeader(['start u64 id'], 'disk/events.ue', 'disk');
      expect(compileEverywhere({ 'net.h': a, 'disk.h': b }, '#include "net.h"\n#include "disk.h"\nint main(void) { return NET_START_IOV_COUNT - DISK_START_IOV_COUNT; }\n')).to.deep.equal({});
    });
  });

  describe('layout --format c', function () {
    before(function () {
      requireTool(this, 'gcc', 'apt-get install -y gcc');
      requireTool(this, 'g++', 'apt-get install -y g++');
    });

    it('has no duplicate or keyword members and no `/*` inside comments', async () => {
      const dir = tempDir('ue-sec-layout-');
      const defs = [
        'dup u8 a; u16 a; u32 a_2',
        'kw u32 int; u32 typeof; u8 linux; u8 NULL; u8 size_t',
        'cm u8 a/*b; struct x/*y*/ p 4; u8 c*/d; u8 ??/',
        'dup u64 other_layout',
        'empty',
        'int u8 x',
      ];
      writeFileSync(join(dir, 'e.ue'), `${defs.join('\n')}\n`);
      const r = await cli(['layout', '--file', 'e.ue', '--format', 'c'], { cwd: dir });
      expect(r.code, r.stderr).to.equal(0);
      expect(nonAscii(r.stdout)).to.deep.equal([]);
      for (const comment of comments(r.stdout, 'c')) expect(comment.slice(2, -2), comment).not.to.match(/\/\*|\*\//);
      expect(compileEverywhere({ 'layout.h': r.stdout }, '#include "layout.h"\nint main(void) { return 0; }\n')).to.deep.equal({});
    });
  });

  describe('stable identifiers', () => {
    it('reordering lines renames nothing: `a_b` and `aB` never swap `AB` and `AB_2`', async () => {
      const dir = tempDir('ue-sec-order-');
      mkdirSync(join(dir, 'x'));
      const lines = ['a_b u8 x', 'aB u16 y', 'evt u8 a', 'evt u32 a', 'Evt u8 b'];
      writeFileSync(join(dir, 'x', 'events.ue'), `${lines.join('\n')}\n`);
      writeFileSync(join(dir, 'events.ue'), `${[...lines].reverse().join('\n')}\n`);
      for (const lang of ['ts', 'c']) {
        const blocks = async (file: string) => {
          const r = await cli(['codegen', '--lang', lang, file], { cwd: dir });
          expect(r.code, r.stderr).to.equal(0);
          // Everything after the prelude, one block per event, in any order (without the C
          // header's closing `#endif`, which names the per-file guard).
          const body = r.stdout.replace(/\n#endif \/\* \w+ \*\/\n$/, '\n');
          return body.split(/^(?=(?:\/\/|\/\*) ---- )/m).slice(1).map((b) => b.trimEnd()).sort();
        };
        const forward = await blocks('x/events.ue');
        expect(forward).to.have.length(lines.length);
        expect(await blocks('events.ue')).to.deep.equal(forward);
      }
    });
  });
});
