import { expect } from 'chai';
import fc from 'fast-check';
import { formatToDefinition, parseFormatFile, type ReadField } from '../../src/tracefs/read-format.js';
import { FIXTURES, UE_LINT_CASES, listFixtures, readFixture, renderFormatOracle } from './helpers.js';

/** The layout part of a read field, for deep-equal comparisons. */
const layout = (f: ReadField) => ({ type: f.type, name: f.name, offset: f.offset, size: f.size, signed: f.signed });

const COMMON_NAMES = ['common_type', 'common_flags', 'common_preempt_count', 'common_pid'];

describe('tracefs/read-format', () => {
  describe('real kernel files (fixtures/tracefs/kernel)', () => {
    for (const file of listFixtures('kernel').filter((f) => f.endsWith('.format'))) {
      it(`reads ${file} with no diagnostics`, () => {
        const text = readFixture(`kernel/${file}`);
        const r = parseFormatFile(text);
        expect(r.diagnostics).to.deep.equal([]);
        expect(r.name).to.equal(file.replace(/\.format$/, ''));
        expect(r.id).to.be.a('number');
        expect(r.commonFields.map((f) => f.name)).to.deep.equal(COMMON_NAMES);
        expect(r.fields.length).to.be.greaterThan(0);
        expect(r.printFmt).to.match(/^"/);
        // Every field line is accounted for, in file order.
        const fieldLines = text.split('\n').filter((l) => l.startsWith('\tfield:')).length;
        expect(r.commonFields.length + r.fields.length).to.equal(fieldLines);
        for (const f of r.fields) expect(f.signed).to.be.a('boolean');
      });
    }

    it('sched_switch: `char prev_comm[16]` becomes type `char[16]`', () => {
      const r = parseFormatFile(readFixture('kernel/sched_switch.format'));
      expect(r.id).to.equal(372);
      expect(r.fields.map(layout)).to.deep.equal([
        { type: 'char[16]', name: 'prev_comm', offset: 8, size: 16, signed: false },
        { type: 'pid_t', name: 'prev_pid', offset: 24, size: 4, signed: true },
        { type: 'int', name: 'prev_prio', offset: 28, size: 4, signed: true },
        { type: 'long', name: 'prev_state', offset: 32, size: 8, signed: true },
        { type: 'char[16]', name: 'next_comm', offset: 40, size: 16, signed: false },
        { type: 'pid_t', name: 'next_pid', offset: 56, size: 4, signed: true },
        { type: 'int', name: 'next_prio', offset: 60, size: 4, signed: true },
      ]);
      expect(r.fields[0]!.declaration).to.equal('char prev_comm[16]');
      expect(r.fields[0]!.line).to.equal(9);
      expect(r.commonFields[3]).to.include({ type: 'int', name: 'common_pid', offset: 4, size: 4, signed: true, line: 7 });
    });

    it('sched_process_exec: `__data_loc char[] filename` keeps its brackets in the type', () => {
      const r = parseFormatFile(readFixture('kernel/sched_process_exec.format'));
      expect(layout(r.fields[0]!)).to.deep.equal({ type: '__data_loc char[]', name: 'filename', offset: 8, size: 4, signed: false });
      expect(r.printFmt).to.equal('"filename=%s pid=%d old_pid=%d", __get_str(filename), REC->pid, REC->old_pid');
    });

    it('reads pointer types, non-char arrays, flexible arrays and typed __data_loc', () => {
      const types = (file: string) => parseFormatFile(readFixture(`kernel/${file}`)).fields.map((f) => `${f.type}|${f.name}|${f.size}`);
      expect(types('sys_enter_openat.format')).to.include('const char *|filename|8');
      expect(types('tcp_probe.format')).to.include('__u8[28]|saddr|28');
      expect(types('function.format')).to.include('unsigned long[]|args|0');
      expect(types('print.format')).to.include('char[]|buf|0');
      expect(types('sock_exceed_buf_limit.format')).to.include('long[3]|sysctl_mem|24');
      expect(types('dma_map_sg.format')).to.include.members(['__data_loc u64[]|dma_addrs|4', '__data_loc unsigned int[]|lengths|4']);
      expect(types('ipi_send_cpumask.format')).to.include('__data_loc cpumask_t|cpumask|4');
    });

    it('reads header_page (not an event) without throwing and says what is missing', () => {
      const r = parseFormatFile(readFixture('kernel/header_page.txt'));
      expect(r.fields.map((f) => `${f.type} ${f.name}`)).to.deep.equal(['u64 timestamp', 'local_t commit', 'int overwrite', 'char data']);
      expect(r.diagnostics.map((d) => [d.name, d.line])).to.deep.equal([
        ['missing-event-name', 1],
        ['missing-common-separator', 1],
      ]);
    });
  });

  describe("ue-lint's own output (fixtures/tracefs/ue-lint)", () => {
    for (const c of UE_LINT_CASES) {
      it(`${c.file}: gets back the layout of \`${JSON.stringify(c.definition)}\``, () => {
        const r = parseFormatFile(readFixture(`ue-lint/${c.file}`));
        expect(r.diagnostics).to.deep.equal([]);
        expect(r.name).to.equal(c.name);
        expect(r.id).to.equal(undefined);
        expect(r.fields.map(layout)).to.deep.equal(c.fields);
      });
    }

    it('reads the print fmt verbatim (L-3)', () => {
      const r = parseFormatFile(readFixture('ue-lint/L-3-evt.linux.format'));
      expect(r.printFmt).to.equal('"path=%s note=%s p=%llu ts=%lld", __get_str(path), __get_rel_str(note), REC->p, REC->ts');
    });
  });

  describe('synthetic files (fixtures/tracefs/synthetic)', () => {
    it('reads `__rel_loc` declarations', () => {
      const r = parseFormatFile(readFixture('synthetic/foo_rel_loc.format'));
      expect(r.diagnostics).to.deep.equal([]);
      expect(r.fields.map((f) => f.type)).to.deep.equal(['__rel_loc char[]', 'u64', '__rel_loc unsigned long[]', '__rel_loc cpumask_t']);
      expect(r.fields[0]!.declaration).to.equal('__rel_loc char foo[]');
    });

    it('reads a file without `signed:` (pre-2.6.32) and its unexpanded array macro', () => {
      const r = parseFormatFile(readFixture('synthetic/old-kernel-no-signed.format'));
      expect(r.commonFields.map((f) => f.name)).to.deep.equal([...COMMON_NAMES, 'common_tgid']);
      expect(r.fields.every((f) => f.signed === undefined)).to.equal(true);
      expect(layout(r.fields[0]!)).to.deep.equal({ type: 'char[16]', name: 'prev_comm', offset: 12, size: 16, signed: undefined });
      // `TASK_COMM_LEN` is a symbolic length: only `size:` knows its value, so nothing to compare.
      expect(r.diagnostics).to.deep.equal([]);
    });

    it('reports each malformed line with its number and keeps the good fields', () => {
      const r = parseFormatFile(readFixture('synthetic/malformed.format'));
      expect(r.name).to.equal('broken');
      expect(r.id).to.equal(undefined);
      expect(r.fields.map((f) => f.name)).to.deep.equal(['ok', 'weird_signed']);
      expect(r.fields[1]!.signed).to.equal(undefined);
      expect(r.printFmt).to.equal('"ok=%u", REC->ok');
      expect(r.diagnostics.map((d) => [d.severity, d.name, d.line])).to.deep.equal([
        ['warning', 'invalid-event-id', 2],
        ['error', 'malformed-field-line', 10],
        ['error', 'malformed-field-number', 11],
        ['error', 'malformed-field-declaration', 12],
        ['warning', 'malformed-field-number', 13],
        ['warning', 'unknown-line', 14],
      ]);
      for (const d of r.diagnostics) expect(d.message).to.match(/^[a-z`].*[^.]$/);
    });
  });

  describe('declarations', () => {
    const one = (decl: string, size: number, signed = 1) =>
      parseFormatFile(`name: e\nID: 1\nformat:\n\tfield:int common_pid;\toffset:4;\tsize:4;\tsigned:1;\n\n\tfield:${decl};\toffset:8;\tsize:${size};\tsigned:${signed};\n`);
    const cases: [decl: string, size: number, type: string, name: string][] = [
      ['char text[]', 20, 'char[20]', 'text'],
      ['char text[20]', 20, 'char[20]', 'text'],
      ['char msg[0x14]', 20, 'char[0x14]', 'msg'],
      ['char msg[024]', 20, 'char[024]', 'msg'],
      ['char msg[+20]', 20, 'char[+20]', 'msg'],
      ['char msg[20]x', 20, 'char[20]x', 'msg'],
      ['char a][8', 8, 'char[8', 'a]'],
      ['unsigned char x][1', 1, 'unsigned char[1', 'x]'],
      ['unsigned char buf[]', 8, 'unsigned char[8]', 'buf'],
      ['__rel_loc char note[]', 4, '__rel_loc char[]', 'note'],
      ['__rel_loc char[] note', 4, '__rel_loc char[]', 'note'],
      ['__data_loc char[] path', 4, '__data_loc char[]', 'path'],
      ['__data_loc unsigned char[] p', 4, '__data_loc unsigned char[]', 'p'],
      ['u8 a[4]', 1, 'u8', 'a[4]'],
      ['u8 fsid[16]', 16, 'u8[16]', 'fsid'],
      ['char a[2][]', 4, 'char[4]', 'a[2]'],
      ['u32 ', 4, 'u32', ''],
      ['char []', 8, 'char[8]', ''],
      ['u32 a\t', 4, 'u32', 'a\t'],
      ['u32 a\r', 4, 'u32', 'a\r'],
      ['struct  foo', 20, 'struct ', 'foo'],
      ['unsigned int id', 4, 'unsigned int', 'id'],
    ];
    for (const [decl, size, type, name] of cases) {
      it(`\`${JSON.stringify(decl)}\` size ${size} → type \`${type}\`, name \`${JSON.stringify(name)}\``, () => {
        const r = one(decl, size);
        expect(r.diagnostics).to.deep.equal([]);
        expect(r.fields.map((f) => [f.type, f.name, f.declaration])).to.deep.equal([[type, name, decl]]);
      });
    }

    it('warns when a linux array length disagrees with `size:` and trusts the size', () => {
      const r = one('char text[7]', 20);
      expect(r.fields[0]!.type).to.equal('char[20]');
      expect(r.diagnostics).to.deep.equal([
        { severity: 'warning', name: 'array-length-mismatch', message: 'array length `7` disagrees with `size:20`; size wins', line: 6 },
      ]);
    });
  });

  describe('tolerance', () => {
    const l3 = readFixture('ue-lint/L-3-evt.linux.format');

    it('reads CRLF files like LF files', () => {
      const lf = parseFormatFile(l3);
      const crlf = parseFormatFile(l3.replace(/\n/g, '\r\n'));
      expect(crlf).to.deep.equal(lf);
    });

    it('keeps a CR that belongs to a name in an LF file', () => {
      const r = parseFormatFile('name: test\r\nID: 1\nformat:\n\tfield:int common_pid;\toffset:4;\tsize:4;\tsigned:1;\n\n\tfield:u32 a\r;\toffset:8;\tsize:4;\tsigned:0;\n');
      expect(r.name).to.equal('test\r');
      expect(r.fields[0]!.name).to.equal('a\r');
    });

    it('accepts spaces instead of tabs, and no final newline', () => {
      const spaced = l3.replace(/\t/g, '    ').replace(/\n$/, '');
      expect(parseFormatFile(spaced).fields.map(layout)).to.deep.equal(parseFormatFile(l3).fields.map(layout));
    });

    it('reads empty input and non-format text without throwing', () => {
      const empty = parseFormatFile('');
      expect(empty).to.deep.include({ name: '', id: undefined, commonFields: [], fields: [], printFmt: undefined });
      expect(empty.diagnostics.map((d) => d.name)).to.deep.equal(['missing-event-name']);
      expect(parseFormatFile('hello\nworld').diagnostics.map((d) => d.name)).to.deep.equal(['unknown-line', 'unknown-line', 'missing-event-name']);
      expect(() => parseFormatFile(undefined as unknown as string)).not.to.throw();
    });

    it('never throws, whatever the text (fast-check)', () => {
      const piece = fc.constantFrom('name: ', 'ID: ', 'format:', 'print fmt: ', '\tfield:', ';\toffset:', ';\tsize:', ';\tsigned:', '[', ']', ' ', '\t', '\n', '\r\n', ';', '0', '8', '4294967295', '99999999999999999999', 'char', '__data_loc ', '__rel_loc ', 'x');
      fc.assert(
        fc.property(fc.array(fc.oneof(piece, fc.string()), { maxLength: 40 }), (parts) => {
          const r = parseFormatFile(parts.join(''));
          expect(r.diagnostics).to.be.an('array');
          for (const f of [...r.commonFields, ...r.fields]) expect(Number.isSafeInteger(f.offset) && Number.isSafeInteger(f.size)).to.equal(true);
        }),
        { numRuns: 500 },
      );
    });
  });

  describe('generated field lists (fast-check)', () => {
    // Valid user_events fields with the spec's layout (§2.5, §2.7, §2.8).
    const fieldArb = fc.tuple(
      fc.oneof(
        fc.constantFrom('u8', 's8', 'u16', 's16', 'u32', 's32', 'u64', 's64', 'int', 'unsigned int', 'short', 'unsigned short', 'char', 'unsigned char', '__data_loc char[]', '__rel_loc char[]', '__data_loc u32', '__rel_loc unsigned char[]').map((t) => ({ type: t, struct: 0 })),
        fc.tuple(fc.constantFrom('char', 'unsigned char'), fc.integer({ min: 1, max: 1024 })).map(([t, n]) => ({ type: `${t}[${n}]`, struct: 0 })),
        fc.tuple(fc.stringMatching(/^[a-z_][a-z0-9_]{0,6}$/), fc.integer({ min: 1, max: 65536 })).map(([s, n]) => ({ type: `struct ${s}`, struct: n })),
      ),
      fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,10}$/),
    );
    const SIZES: Record<string, number> = { u8: 1, s8: 1, char: 1, 'unsigned char': 1, u16: 2, s16: 2, short: 2, 'unsigned short': 2, u32: 4, s32: 4, int: 4, 'unsigned int': 4, u64: 8, s64: 8 };
    const eventArb = fc.tuple(fc.stringMatching(/^[a-z_][a-z0-9_]{0,10}$/), fc.array(fieldArb, { maxLength: 12 })).map(([name, list]) => {
      let offset = 8;
      const fields = list.map(([t, fieldName]) => {
        const size = t.struct || SIZES[t.type] || (t.type.startsWith('__') ? 4 : Number(/\[(\d+)\]/.exec(t.type)![1]));
        const f = { type: t.type, name: fieldName, offset, size, signed: !t.type.startsWith('u') };
        offset = (offset + size) >>> 0;
        return f;
      });
      return { name, fields };
    });

    it('reads back what the spec §6 template writes, for both ABIs and any stale linux length', () => {
      fc.assert(
        fc.property(eventArb, fc.constantFrom('linux' as const, 'v5' as const), fc.array(fc.nat(5000), { minLength: 12, maxLength: 12 }), (event, abi, lens) => {
          const r = parseFormatFile(renderFormatOracle(event, abi, (i) => lens[i]!));
          expect(r.diagnostics.filter((d) => d.severity === 'error')).to.deep.equal([]);
          expect(r.name).to.equal(event.name);
          expect(r.fields.map(layout)).to.deep.equal(event.fields);
        }),
        { numRuns: 300 },
      );
    });

    it('turns the file back into the definition that registers it', () => {
      fc.assert(
        fc.property(eventArb, fc.constantFrom('linux' as const, 'v5' as const), (event, abi) => {
          const expected = event.fields.length === 0
            ? event.name
            : `${event.name} ${event.fields.map((f) => (f.type.startsWith('struct ') ? `${f.type} ${f.name} ${f.size}` : `${f.type} ${f.name}`)).join('; ')}`;
          expect(formatToDefinition(parseFormatFile(renderFormatOracle(event, abi)))).to.equal(expected);
        }),
        { numRuns: 200 },
      );
    });
  });

  describe('formatToDefinition', () => {
    const def = (file: string) => formatToDefinition(parseFormatFile(readFixture(file)));
    it('spells struct sizes and char array lengths', () => {
      expect(def('ue-lint/L-3-evt.linux.format')).to.equal('evt __data_loc char[] path; __rel_loc char[] note; struct pt p 16; s64 ts');
      expect(def('ue-lint/L-2-msg.linux.format')).to.equal('msg char[20] text; unsigned int id; u8 lvl');
      expect(def('ue-lint/V5-2-msg.v5.format')).to.equal('msg char[0x14] text; unsigned int id; u8 lvl');
      expect(def('ue-lint/linux-odd-names.linux.format')).to.equal('odd u32 a\t; struct  foo 20; unsigned char[8] ; u8 x[4]');
    });
    it('gives the bare name for an event without fields', () => {
      expect(def('ue-lint/L-5-empty.linux.format')).to.equal('empty');
    });
    it('renders kernel events too (their types need not be user_events types)', () => {
      expect(def('kernel/sched_process_exec.format')).to.equal('sched_process_exec __data_loc char[] filename; pid_t pid; pid_t old_pid');
    });
  });

  it('has fixtures in every folder', () => {
    expect(FIXTURES).to.match(/fixtures\/tracefs\/$/);
    expect(listFixtures('kernel').length).to.be.at.least(10);
    expect(listFixtures('ue-lint').length).to.equal(UE_LINT_CASES.length);
    expect(listFixtures('synthetic').length).to.equal(3);
  });
});
