// The spec's worked format files (§9, §10), dynamic_events lines (§7), print fmt
// (§5) and the re-registration match (§4.2), byte for byte.
import { expect } from 'chai';
import { dynamicEventsLine, formatFile, parseDefinition, reregistrationMatches, type AbiName, type EventLayout } from '../../src/index.js';

const COMMON = [
  '\tfield:unsigned short common_type;\toffset:0;\tsize:2;\tsigned:0;',
  '\tfield:unsigned char common_flags;\toffset:2;\tsize:1;\tsigned:0;',
  '\tfield:unsigned char common_preempt_count;\toffset:3;\tsize:1;\tsigned:0;',
  '\tfield:int common_pid;\toffset:4;\tsize:4;\tsigned:1;',
];

function expected(name: string, id: string, fieldLines: string[], fmt: string): string {
  return [`name: ${name}`, `ID: ${id}`, 'format:', ...COMMON, '', ...fieldLines, '', `print fmt: ${fmt}`, ''].join('\n');
}

function layout(def: string, abi: AbiName): EventLayout {
  const r = parseDefinition(def, { abi });
  if (!r.ok) throw new Error(`${def} rejected: ${r.errno}`);
  return r.event;
}

describe('tracefs format file (spec §6, §9, §10)', () => {
  it('V5-1: test u32 count', () => {
    expect(formatFile(layout('test u32 count', 'v5'), { abi: 'v5' })).to.equal(
      expected('test', '<ID>', ['\tfield:u32 count;\toffset:8;\tsize:4;\tsigned:0;'], '""'));
  });
  it('V5-2: verbatim array suffix and empty print fmt', () => {
    const e = layout('msg:BPF_ITER,FOO char[0x14] text;unsigned int id; u8 lvl', 'v5');
    expect(formatFile(e, { abi: 'v5', id: 1234 })).to.equal(expected('msg', '1234', [
      '\tfield:char text[0x14];\toffset:8;\tsize:20;\tsigned:1;',
      '\tfield:unsigned int id;\toffset:28;\tsize:4;\tsigned:0;',
      '\tfield:u8 lvl;\toffset:32;\tsize:1;\tsigned:0;',
    ], '""'));
  });
  it('V5-3: __data_loc keeps its type, __rel_loc gets the name before `[`', () => {
    const e = layout('evt __data_loc char[] path;__rel_loc char[] note; struct pt p 16;s64 ts', 'v5');
    expect(formatFile(e, { abi: 'v5', id: 7 })).to.equal(expected('evt', '7', [
      '\tfield:__data_loc char[] path;\toffset:8;\tsize:4;\tsigned:1;',
      '\tfield:__rel_loc char note[];\toffset:12;\tsize:4;\tsigned:1;',
      '\tfield:struct pt p;\toffset:16;\tsize:16;\tsigned:1;',
      '\tfield:s64 ts;\toffset:32;\tsize:8;\tsigned:1;',
    ], '""'));
  });
  it('V5-4: the quirk line `char a][8`', () => {
    expect(formatFile(layout('q char[8 a]', 'v5'), { abi: 'v5' })).to.contain('\tfield:char a][8;\toffset:8;\tsize:8;\tsigned:1;\n');
  });
  it('V5-5 / L-5: zero fields give two adjacent empty lines and `""`', () => {
    for (const abi of ['v5', 'linux'] as const) {
      const text = formatFile(layout('empty', abi), { abi, id: 1 });
      expect(text).to.equal(`name: empty\nID: 1\nformat:\n${COMMON.join('\n')}\n\n\nprint fmt: ""\n`);
    }
  });
  it('L-1: test u32 count', () => {
    expect(formatFile(layout('test u32 count', 'linux'), { id: 42 })).to.equal(
      expected('test', '42', ['\tfield:u32 count;\toffset:8;\tsize:4;\tsigned:0;'], '"count=%u", REC->count'));
  });
  it('L-2: arrays print `name[]`; print fmt per field', () => {
    expect(formatFile(layout('msg char[20] text;unsigned int id; u8 lvl', 'linux'))).to.equal(expected('msg', '<ID>', [
      '\tfield:char text[];\toffset:8;\tsize:20;\tsigned:1;',
      '\tfield:unsigned int id;\toffset:28;\tsize:4;\tsigned:0;',
      '\tfield:u8 lvl;\toffset:32;\tsize:1;\tsigned:0;',
    ], '"text=%s id=%u lvl=%u", REC->text, REC->id, REC->lvl'));
  });
  it('L-3: dynamic fields, struct and s64', () => {
    expect(formatFile(layout('evt __data_loc char[] path; __rel_loc char[] note; struct pt p 16; s64 ts', 'linux'))).to.equal(expected('evt', '<ID>', [
      '\tfield:__data_loc char[] path;\toffset:8;\tsize:4;\tsigned:1;',
      '\tfield:__rel_loc char note[];\toffset:12;\tsize:4;\tsigned:1;',
      '\tfield:struct pt p;\toffset:16;\tsize:16;\tsigned:1;',
      '\tfield:s64 ts;\toffset:32;\tsize:8;\tsigned:1;',
    ], '"path=%s note=%s p=%llu ts=%lld", __get_str(path), __get_rel_str(note), REC->p, REC->ts'));
  });
  it('prints wrapped offsets as unsigned 32-bit values (§2.7)', () => {
    const e = layout('e u8 a;struct X b 2147483647;struct Y c 2147483647;u8 d', 'linux');
    expect(formatFile(e)).to.contain('\tfield:u8 d;\toffset:7;\tsize:1;\tsigned:0;\n');
  });
});

describe('print fmt (spec §5)', () => {
  const fmt = (def: string) => formatFile(layout(def, 'linux')).split('print fmt: ')[1]!.trimEnd();
  it('maps every integer type to its conversion', () => {
    expect(fmt('e s64 a;u64 b;s32 c;int d;s16 e;short f;s8 g;char h')).to.equal(
      '"a=%lld b=%llu c=%d d=%d e=%d f=%d g=%d h=%d", REC->a, REC->b, REC->c, REC->d, REC->e, REC->f, REC->g, REC->h');
    expect(fmt('e u32 a;unsigned int b;u16 c;unsigned short d;u8 e;unsigned char f')).to.equal(
      '"a=%u b=%u c=%u d=%u e=%u f=%u", REC->a, REC->b, REC->c, REC->d, REC->e, REC->f');
  });
  it('reproduces the kernel mismatch for `__rel_loc char x`', () => {
    expect(fmt('e __rel_loc char x')).to.equal('"x=%llu", __get_rel_str(x)');
    expect(fmt('e __data_loc u32 x')).to.equal('"x=%llu", REC->x');
    expect(fmt('e unsigned char[4] x')).to.equal('"x=%s", REC->x');
  });
  it('pastes names verbatim, even when they break the format', () => {
    expect(fmt('e u32 a"b')).to.equal('"a"b=%u", REC->a"b');
  });
});

describe('dynamic_events listing (spec §7)', () => {
  it('lists struct sizes on linux, not in v5', () => {
    const def = 'evt __data_loc char[] path; __rel_loc char[] note; struct pt p 16; s64 ts';
    expect(dynamicEventsLine(layout(def, 'linux'))).to.equal('u:evt __data_loc char[] path; __rel_loc char[] note; struct pt p 16; s64 ts');
    expect(dynamicEventsLine(layout(def, 'v5'), { abi: 'v5' })).to.equal('u:evt __data_loc char[] path; __rel_loc char[] note; struct pt p; s64 ts');
  });
  it('shows just `u:name` for zero fields', () => {
    expect(dynamicEventsLine(layout('empty', 'linux'))).to.equal('u:empty');
  });
});

describe('re-registration match (spec §4.2)', () => {
  const existing = layout('test u32 a; u32 b', 'linux');
  const rows: [string, boolean][] = [
    ['test u32 a; u32 b', true],
    ['test u32 a; u32 b;', true],
    ['test u32 a;u32 b', true],
    ['test  u32   a;\tu32 b', true],
    ['test u32 b; u32 a', false],
    ['test u32 a', false],
    ['test', false],
    ['test:X u32 a; u32 b', false],
  ];
  for (const [def, match] of rows) {
    it(`${JSON.stringify(def)} ${match ? 'matches' : 'does not match'}`, () => {
      expect(reregistrationMatches(def, existing)).to.equal(match);
    });
  }
  it('matches zero tokens only against zero fields', () => {
    expect(reregistrationMatches('empty', layout('empty', 'linux'))).to.equal(true);
    expect(reregistrationMatches('empty  ', layout('empty', 'linux'))).to.equal(true);
    expect(reregistrationMatches('test ', existing)).to.equal(false);
  });
  it('includes the struct size in the match (since 6.5)', () => {
    const s = layout('s struct pt p 16', 'linux');
    expect(reregistrationMatches('s struct pt p 16', s)).to.equal(true);
    expect(reregistrationMatches('s struct pt p 8', s)).to.equal(false);
  });
  it('does not concern events of other names', () => {
    expect(reregistrationMatches('other u64 x', existing)).to.equal(true);
  });
  // Found by the live-kernel check (docs/kernel.md): the kernel copies a C string.
  it('ignores everything from the first NUL, as the kernel does', () => {
    expect(reregistrationMatches('test u32 a; u32 b\u0000; u8 c', existing)).to.equal(true);
    expect(reregistrationMatches('test u32 a\u0000; u32 b', existing)).to.equal(false);
    expect(reregistrationMatches('\u0000: unsigned char[137]x psqm', layout('', 'linux'))).to.equal(true);
    expect(reregistrationMatches('test:\u0000', existing)).to.equal(false);
  });

  // §4.2: create fine, but the same string again fails with EADDRINUSE.
  const nonIdempotent = ['test u32 a;;', 'test ;', 'test ; u32 a', 'test struct s x 020', 'test struct s x +20', 'test u32 ', 'e struct  x 20', 'test u32 a\t', 'test u32 a\r'];
  for (const def of nonIdempotent) {
    it(`flags ${JSON.stringify(def)} as non-idempotent (UE106)`, () => {
      const r = parseDefinition(def);
      expect(r.ok).to.equal(true);
      if (!r.ok) return;
      expect(reregistrationMatches(def, r.event)).to.equal(false);
      expect(r.diagnostics.map((d) => d.code)).to.include('UE106');
    });
  }
  for (const def of ['test u32 a;', 'test u32 a; u32 b', 'test u32 a;u32 b', 'test  u32 a', 'test struct s x 20', 'test']) {
    it(`accepts ${JSON.stringify(def)} as idempotent`, () => {
      const r = parseDefinition(def);
      expect(r.ok && reregistrationMatches(def, r.event)).to.equal(true);
      expect(r.diagnostics.map((d) => d.code)).not.to.include('UE106');
    });
  }
});
