// Real `format` files: every captured fixture reads without errors and writes back byte for
// byte (stringifyFormatFile ∘ parseFormatFile is the identity on what a kernel wrote), and the
// shapes real kernels print that ue-lint's own output never has: print fmt over several lines,
// C expressions and macros as array lengths, files missing their `ID:` or `format:` line.
import { expect } from 'chai';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseFormatFile, stringifyFormatFile, type FormatFileResult } from '../../src/tracefs/read-format.js';

const root = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const formatFiles = (dir: string) => readdirSync(root + dir).filter((f) => f.endsWith('.format')).sort().map((f) => `${dir}/${f}`);
const read = (rel: string) => readFileSync(root + rel, 'utf8');
const semantic = (r: FormatFileResult) => ({
  name: r.name, id: r.id,
  common: r.commonFields.map(({ type, name, offset, size, signed }) => ({ type, name, offset, size, signed })),
  fields: r.fields.map(({ type, name, offset, size, signed }) => ({ type, name, offset, size, signed })),
  printFmt: r.printFmt,
});

/** A kernel-shaped file around the given field lines and print fmt. */
function kernelFile(fields: [decl: string, offset: number, size: number, signed: number][], printFmt = '""', id = 'ID: 42\n'): string {
  const common = '\tfield:unsigned short common_type;\toffset:0;\tsize:2;\tsigned:0;\n\tfield:int common_pid;\toffset:4;\tsize:4;\tsigned:1;\n';
  const own = fields.map(([d, o, s, g]) => `\tfield:${d};\toffset:${o};\tsize:${s};\tsigned:${g};\n`).join('');
  return `name: e\n${id}format:\n${common}\n${own}\nprint fmt: ${printFmt}\n`;
}

describe('tracefs/real format files', () => {
  const captured = [...formatFiles('real/tracefs/perfetto').filter((f) => !f.includes('.pasted.')), ...formatFiles('tracefs/kernel'), ...formatFiles('tracefs/ue-lint')];

  it('has captured fixtures to check', () => expect(captured.length).to.be.at.least(25));

  for (const file of captured) {
    it(`${file}: reads without errors and writes back byte for byte`, () => {
      const text = read(file);
      const r = parseFormatFile(text);
      expect(r.diagnostics.filter((d) => d.severity === 'error')).to.deep.equal([]);
      expect(stringifyFormatFile(r)).to.equal(text);
    });
  }

  for (const file of formatFiles('real/tracefs/perfetto').filter((f) => f.includes('.pasted.'))) {
    it(`${file} (pasted: tabs expanded to spaces) reads the same after a rewrite in the kernel's layout`, () => {
      const r = parseFormatFile(read(file));
      expect(r.diagnostics).to.deep.equal([]);
      expect(r.fields.length).to.be.greaterThan(0);
      expect(semantic(parseFormatFile(stringifyFormatFile(r)))).to.deep.equal(semantic(r));
    });
  }

  it('perfetto f2fs_write_checkpoint: `dev_t`, `__data_loc char[]` and a long print fmt', () => {
    const r = parseFormatFile(read('real/tracefs/perfetto/f2fs_write_checkpoint.format'));
    expect(semantic(r).fields).to.deep.equal([
      { type: 'dev_t', name: 'dev', offset: 8, size: 4, signed: false },
      { type: 'int', name: 'reason', offset: 12, size: 4, signed: true },
      { type: '__data_loc char[]', name: 'dest_msg', offset: 16, size: 4, signed: false },
    ]);
    expect(r.printFmt).to.match(/^"dev = \(%d,%d\), checkpoint for %s, state = %s", .*__get_str\(dest_msg\)$/);
  });

  describe('print fmt over several lines (the kernel prints the format string with its own newlines)', () => {
    // Modelled on rwmmio_read, whose TP_printk format ends in `\n`.
    const text = kernelFile([['u64 fn', 8, 8, 0], ['u64 addr', 16, 8, 0], ['u8 width', 24, 1, 0]], '"%llxS read addr=%llx of width=%x\n", REC->fn, REC->addr, REC->width');

    it('takes everything from `print fmt: ` to the end of the file', () => {
      const r = parseFormatFile(text);
      expect(r.diagnostics).to.deep.equal([]);
      expect(r.printFmt).to.equal('"%llxS read addr=%llx of width=%x\n", REC->fn, REC->addr, REC->width');
      expect(stringifyFormatFile(r)).to.equal(text);
    });

    it('keeps lines that look like fields or headers when they follow `print fmt:`', () => {
      const tricky = kernelFile([['u32 x', 8, 4, 0]], '"a\n\tfield:u32 y;\toffset:12;\tsize:4;\tsigned:0;\nname: z\n\n", REC->x');
      const r = parseFormatFile(tricky);
      expect(r.fields.map((f) => f.name)).to.deep.equal(['x']);
      expect(r.name).to.equal('e');
      expect(r.printFmt).to.equal('"a\n\tfield:u32 y;\toffset:12;\tsize:4;\tsigned:0;\nname: z\n\n", REC->x');
      expect(stringifyFormatFile(r)).to.equal(tricky);
    });
  });

  describe('array declarations whose length is a C expression', () => {
    const cases: [decl: string, size: number, type: string, name: string][] = [
      ['char ssid[32 + 1]', 33, 'char[33]', 'ssid'],
      ['u8 ssid[32 + 1]', 33, 'u8[33]', 'ssid'],
      ['__u8 saddr[sizeof(struct sockaddr_in6)]', 28, '__u8[28]', 'saddr'],
      ['u8 ht_capa[(int)sizeof(struct ieee80211_ht_cap)]', 26, 'u8[26]', 'ht_capa'],
      ['u8 dscp_exception[2 * 21]', 42, 'u8[42]', 'dscp_exception'],
      ['u64 mem_values[(4 * sizeof(u64)) / sizeof(u64)]', 32, 'u64[4]', 'mem_values'],
      ['char span[((((((32)-1) | ((__typeof__(32))((4)-1)))+1)/4) > 128 ? 128 : (((((32)-1) | ((__typeof__(32))((4)-1)))+1)/4))]', 8, 'char[8]', 'span'],
      ['char[] foo[16]', 16, 'char[][16]', 'foo'],
      ['struct in6_addr addrs[2 + 2]', 64, 'struct in6_addr[2 + 2]', 'addrs'],
    ];
    for (const [decl, size, type, name] of cases) {
      it(`\`${decl}\` → name \`${name}\`, type \`${type}\`, no warning`, () => {
        const text = kernelFile([[decl, 8, size, 0]]);
        const r = parseFormatFile(text);
        expect(r.diagnostics).to.deep.equal([]);
        expect(r.fields.map((f) => [f.name, f.type, f.declaration, f.offset, f.size])).to.deep.equal([[name, type, decl, 8, size]]);
        expect(stringifyFormatFile(r)).to.equal(text);
      });
    }
  });

  describe('symbolic array lengths', () => {
    it('does not compare a macro length with `size:`', () => {
      const r = parseFormatFile(kernelFile([['char comm[TASK_COMM_LEN]', 8, 16, 1], ['u32 bitrate[NUM_NL80211_BANDS]', 24, 24, 0], ['int rates[IEEE80211_NUM_BANDS]', 48, 12, 1]]));
      expect(r.diagnostics).to.deep.equal([]);
      expect(r.fields.map((f) => f.type)).to.deep.equal(['char[16]', 'u32[6]', 'int[3]']);
    });

    it('still warns when a numeric length disagrees (`char rcutorturename[8]` with `size:1`, a real kernel bug)', () => {
      const r = parseFormatFile(kernelFile([['char rcutorturename[8]', 8, 1, 1]]));
      expect(r.diagnostics.map((d) => [d.severity, d.name, d.line, d.message])).to.deep.equal([
        ['warning', 'array-length-mismatch', 7, 'array length `8` disagrees with `size:1`; size wins'],
      ]);
    });
  });

  describe('missing parts', () => {
    it('warns about a file without an `ID:` line', () => {
      const r = parseFormatFile(kernelFile([['u32 a', 8, 4, 0]], '""', ''));
      expect(r.diagnostics.map((d) => [d.severity, d.name, d.line])).to.deep.equal([['warning', 'missing-event-id', 1]]);
      expect(r.fields.map((f) => f.name)).to.deep.equal(['a']);
    });

    it('warns about a file without a `format:` line', () => {
      const r = parseFormatFile(kernelFile([['u32 a', 8, 4, 0]]).replace('format:\n', ''));
      expect(r.diagnostics.map((d) => [d.severity, d.name, d.line])).to.deep.equal([['warning', 'missing-format-section', 1]]);
      expect(r.fields.map((f) => f.name)).to.deep.equal(['a']);
    });

    it('accepts a placeholder id (`ID: <ID>`, as ue-lint and the spec print it) and keeps it verbatim', () => {
      const text = kernelFile([['u32 a', 8, 4, 0]], '""', 'ID: <ID>\n');
      const r = parseFormatFile(text);
      expect(r.diagnostics).to.deep.equal([]);
      expect([r.id, r.idText]).to.deep.equal([undefined, '<ID>']);
      expect(stringifyFormatFile(r)).to.equal(text);
    });
  });
});
