// Every row of the spec's tables (§2.4, §2.6, §2.7, §9, §10, §11), for both ABIs.
// Each row asserts acceptance or the errno, and every field's type, name, offset,
// size and signedness.
import { expect } from 'chai';
import { parseDefinition, type AbiName } from '../../src/index.js';

/** [name, type, offset, size, signed(1|0)] */
type F = [string, string, number, number, 0 | 1];
/** 'A' with fields, or an errno string. */
type Outcome = { fields: F[]; flags?: string[] } | string;
interface Row {
  def: string;
  linux: Outcome;
  v5: Outcome;
}

const A = (...fields: F[]): Outcome => ({ fields });
const same = (def: string, o: Outcome): Row => ({ def, linux: o, v5: o });

function check(row: Row, abi: AbiName): void {
  const r = parseDefinition(row.def, { abi });
  const want = row[abi];
  if (typeof want === 'string') {
    expect(r.ok, `expected ${want}`).to.equal(false);
    if (!r.ok) expect(r.errno).to.equal(want);
    expect(r.diagnostics.some((d) => d.severity === 'error' && d.errno !== undefined), 'a diagnostic carries the errno').to.equal(true);
    return;
  }
  expect(r.ok, `expected acceptance, got ${JSON.stringify(r.diagnostics.map((d) => d.code))}`).to.equal(true);
  if (!r.ok) return;
  const got: F[] = r.event.fields.map((f) => [f.name, f.type, f.offset, f.size, f.signed ? 1 : 0]);
  expect(got).to.deep.equal(want.fields);
  expect(r.event.flags).to.deep.equal(want.flags ?? []);
}

function table(title: string, rows: Row[]): void {
  describe(title, () => {
    for (const row of rows) {
      for (const abi of ['linux', 'v5'] as const) {
        it(`${abi}: ${JSON.stringify(row.def)}`, () => check(row, abi));
      }
    }
  });
}

// §2.4 "Consequences worth testing" (each piece after `e `).
table('spec §2.4 field pieces', [
  same('e u32 a', A(['a', 'u32', 8, 4, 0])),
  same('e u32', 'EINVAL'),
  same('e u32 ', A(['', 'u32', 8, 4, 0])),
  same('e u32 a ', 'EINVAL'),
  same('e u32  a', 'EINVAL'),
  same('e u32\ta', 'EINVAL'),
  same('e u32 a\t', A(['a\t', 'u32', 8, 4, 0])),
  same('e unsigned int a', A(['a', 'unsigned int', 8, 4, 0])),
  same('e unsigned int', 'EINVAL'),
  same('e unsigned int ', A(['', 'unsigned int', 8, 4, 0])),
  same('e unsigned  int a', 'EINVAL'),
  same('e struct  foo 20', A(['foo', 'struct ', 8, 20, 1])),
  same('e u8 a[4]', A(['a[4]', 'u8', 8, 1, 0])),
  same('e int a; int a', A(['a', 'int', 8, 4, 1], ['a', 'int', 12, 4, 1])),
  same('e u32 common_pid', A(['common_pid', 'u32', 8, 4, 0])),
  same('e struct s a 4294967295 x', 'EINVAL'),
  same('e struct s a 4294967295', 'EPERM'),
  same('e struct s a 4294967295;u32 b', 'EPERM'),
]);

// §2.5 type table.
table('spec §2.5 type table', [
  same('e s64 a;u64 b', A(['a', 's64', 8, 8, 1], ['b', 'u64', 16, 8, 0])),
  same('e s32 a;u32 b;int c;unsigned int d', A(['a', 's32', 8, 4, 1], ['b', 'u32', 12, 4, 0], ['c', 'int', 16, 4, 1], ['d', 'unsigned int', 20, 4, 0])),
  same('e s16 a;u16 b;short c;unsigned short d', A(['a', 's16', 8, 2, 1], ['b', 'u16', 10, 2, 0], ['c', 'short', 12, 2, 1], ['d', 'unsigned short', 14, 2, 0])),
  same('e s8 a;u8 b;char c;unsigned char d', A(['a', 's8', 8, 1, 1], ['b', 'u8', 9, 1, 0], ['c', 'char', 10, 1, 1], ['d', 'unsigned char', 11, 1, 0])),
  same('e unsigned char[4] a', A(['a', 'unsigned char[4]', 8, 4, 0])),
  same('e __data_loc u32 x', A(['x', '__data_loc u32', 8, 4, 1])),
  same('e __rel_loc char x', A(['x', '__rel_loc char', 8, 4, 1])),
  same('e __data_loc whatever x', A(['x', '__data_loc whatever', 8, 4, 1])),
  same('e __data_loc unsigned char[] x', A(['x', '__data_loc unsigned char[]', 8, 4, 1])),
  same('e __rel_loc unsigned char[] x', A(['x', '__rel_loc unsigned char[]', 8, 4, 1])),
  same('e u8[4] a', 'EINVAL'),
  same('e int[2] a', 'EINVAL'),
  same('e u32[] a', 'EINVAL'),
  same('e long a', 'EINVAL'),
  same('e unsigned long a', 'EINVAL'),
  same('e bool a', 'EINVAL'),
  same('e u128 a', 'EINVAL'),
  same('e pid_t a', 'EINVAL'),
  same('e char * a', 'EINVAL'),
  same('e CHAR a', 'EINVAL'),
  same('e struct foo a', 'EINVAL'),
]);

// §2.6 number syntax: array lengths.
table('spec §2.6 array lengths', [
  same('e char[0x14] a', A(['a', 'char[0x14]', 8, 20, 1])),
  same('e char[0X14] a', A(['a', 'char[0X14]', 8, 20, 1])),
  same('e char[024] a', A(['a', 'char[024]', 8, 20, 1])),
  same('e char[+8] a', A(['a', 'char[+8]', 8, 8, 1])),
  same('e char[+20] a', A(['a', 'char[+20]', 8, 20, 1])),
  same('e char[08] a', 'EINVAL'),
  same('e char[0x] a', 'EINVAL'),
  same('e char[] a', 'EINVAL'),
  same('e char[-1] a', 'EINVAL'),
  same('e char[20]x a', A(['a', 'char[20]x', 8, 20, 1])),
  { def: 'e char[20]abcdef a', linux: 'EINVAL', v5: A(['a', 'char[20]abcdef', 8, 20, 1]) },
  same('e char[0x0000000000001] a', 'EINVAL'),
  same('e char[1234567] a', 'EINVAL'),
  { def: 'e char[8 a]', linux: 'EINVAL', v5: A(['a]', 'char[8', 8, 8, 1]) },
  { def: 'e char[9 abcde]', linux: 'EINVAL', v5: A(['abcde]', 'char[9', 8, 9, 1]) },
  same('e char[9 abcdef]', 'EINVAL'),
  { def: 'e unsigned char[1 x]', linux: 'EINVAL', v5: A(['x]', 'unsigned char[1', 8, 1, 0]) },
  { def: 'e char[1 a;u8 ]', linux: 'EINVAL', v5: A(['a', 'char[1', 8, 1, 1], [']', 'u8', 9, 1, 0]) },
  same('e char[8', 'EINVAL'),
  same('e char[8 ab', 'EINVAL'),
  same('e char[1024] a', A(['a', 'char[1024]', 8, 1024, 1])),
  { def: 'e char[1025] a', linux: 'EINVAL', v5: A(['a', 'char[1025]', 8, 1025, 1]) },
  { def: 'e char[8192] a', linux: 'EINVAL', v5: A(['a', 'char[8192]', 8, 8192, 1]) },
  same('e char[8193] a', 'EINVAL'),
  same('e char[0] a', 'EINVAL'),
  same('e char[20\n] a', A(['a', 'char[20\n]', 8, 20, 1])),
]);

// §2.6 struct sizes.
table('spec §2.6 struct sizes', [
  same('e struct foo a 20', A(['a', 'struct foo', 8, 20, 1])),
  same('e struct foo a 020', A(['a', 'struct foo', 8, 20, 1])),
  same('e struct foo a +16', A(['a', 'struct foo', 8, 16, 1])),
  same('e struct foo a 0', 'EINVAL'),
  same('e struct foo a 0x14', 'EINVAL'),
  same('e struct foo a -1', 'EINVAL'),
  same('e struct foo a ', 'EINVAL'),
  same('e struct foo a 2147483647', A(['a', 'struct foo', 8, 2147483647, 1])),
  same('e struct foo a 2147483648', 'ERRNO_2147483648'),
  same('e struct foo a 2147483649', 'ERRNO_2147483647'),
  same('e struct foo a 3000000000', 'ERRNO_1294967296'),
  same('e struct foo a 4000000000', 'ERRNO_294967296'),
  same('e struct foo a 4294967274', 'EINVAL'),
  same('e struct foo a 4294967280', 'EBUSY'),
  same('e struct foo a 4294967284', 'ENOMEM'),
  same('e struct foo a 4294967294', 'ENOENT'),
  same('e struct foo a 4294967295', 'EPERM'),
  same('e struct foo a 4294967296', 'EINVAL'),
]);

// §2.7 layout: packed, and the 32-bit wrap.
table('spec §2.7 offsets', [
  same('e u8 a;u64 b', A(['a', 'u8', 8, 1, 0], ['b', 'u64', 9, 8, 0])),
  same('e struct A a 2147483647;struct B b 2147483647;struct C c 2147483647;u32 d', A(
    ['a', 'struct A', 8, 2147483647, 1], ['b', 'struct B', 2147483655, 2147483647, 1],
    ['c', 'struct C', 6, 2147483647, 1], ['d', 'u32', 2147483653, 4, 0])),
  same('e u8 a;struct X b 2147483647;struct Y c 2147483647;u8 d', A(
    ['a', 'u8', 8, 1, 0], ['b', 'struct X', 9, 2147483647, 1], ['c', 'struct Y', 2147483656, 2147483647, 1], ['d', 'u8', 7, 1, 0])),
]);

const e255 = 'é'.repeat(255);
// §11 quick reference.
table('spec §11 quick reference', [
  same('test', A()),
  same('', A()),
  same('test ', A()),
  same('test  ', A()),
  same(' test u32 a', 'EINVAL'),
  same('test  u32 a', A(['a', 'u32', 8, 4, 0])),
  same('test u32 a;', A(['a', 'u32', 8, 4, 0])),
  same('test u32 a;;', A(['a', 'u32', 8, 4, 0])),
  same('test ;u32 a', A(['a', 'u32', 8, 4, 0])),
  same('test u32 a;u32 b', A(['a', 'u32', 8, 4, 0], ['b', 'u32', 12, 4, 0])),
  same('test u32 ', A(['', 'u32', 8, 4, 0])),
  same('test u32 a ', 'EINVAL'),
  same('test\tu32 a', 'EINVAL'),
  same('test u32 a\t', A(['a\t', 'u32', 8, 4, 0])),
  { def: 'test:BPF_ITER u32 a', linux: 'EINVAL', v5: { fields: [['a', 'u32', 8, 4, 0]], flags: ['BPF_ITER'] } },
  { def: 'test: u32 a', linux: 'EINVAL', v5: A(['a', 'u32', 8, 4, 0]) },
  { def: 'test:X', linux: 'EINVAL', v5: A() },
  { def: 'e:BPF_ITER,BPF_ITER', linux: 'EINVAL', v5: { fields: [], flags: ['BPF_ITER'] } },
  { def: 'e:bpf_iter', linux: 'EINVAL', v5: A() },
  { def: 'e:X,', linux: 'EINVAL', v5: A() },
  { def: 'a:b:c u32 x', linux: 'EINVAL', v5: A(['x', 'u32', 8, 4, 0]) },
  same('e u32 a:b', A(['a:b', 'u32', 8, 4, 0])),
  same('test long a', 'EINVAL'),
  same('test bool a', 'EINVAL'),
  same('test u32[4] a', 'EINVAL'),
  same('test char[0] a', 'EINVAL'),
  same('test char[] a', 'EINVAL'),
  same('test char[1024] a', A(['a', 'char[1024]', 8, 1024, 1])),
  { def: 'test char[1025] a', linux: 'EINVAL', v5: A(['a', 'char[1025]', 8, 1025, 1]) },
  same('test char[8193] a', 'EINVAL'),
  same('test char[0x14] a', A(['a', 'char[0x14]', 8, 20, 1])),
  same('test char[024] a', A(['a', 'char[024]', 8, 20, 1])),
  same('test char[+20] a', A(['a', 'char[+20]', 8, 20, 1])),
  same('test char[08] a', 'EINVAL'),
  { def: 'test char[20]abcdef a', linux: 'EINVAL', v5: A(['a', 'char[20]abcdef', 8, 20, 1]) },
  { def: 'test char[8 a]', linux: 'EINVAL', v5: A(['a]', 'char[8', 8, 8, 1]) },
  { def: 'test char[9 abcde]', linux: 'EINVAL', v5: A(['abcde]', 'char[9', 8, 9, 1]) },
  same('test char[9 abcdef]', 'EINVAL'),
  { def: 'test char[1 a;u8 ]', linux: 'EINVAL', v5: A(['a', 'char[1', 8, 1, 1], [']', 'u8', 9, 1, 0]) },
  same('test char[1234567] a', 'EINVAL'),
  same('test struct foo a 20', A(['a', 'struct foo', 8, 20, 1])),
  same('test struct foo a', 'EINVAL'),
  same('test struct foo a 0', 'EINVAL'),
  same('test struct foo a 0x14', 'EINVAL'),
  same('test struct foo a 4294967295', 'EPERM'),
  same('test struct foo a 2147483648', 'ERRNO_2147483648'),
  same('test struct foo a 3000000000', 'ERRNO_1294967296'),
  { def: 'test:BPF_ITER struct foo a 4294967295', linux: 'EINVAL', v5: 'EPERM' },
  same('test struct a a 2147483647;struct b b 2147483647;struct c c 2147483647', A(
    ['a', 'struct a', 8, 2147483647, 1], ['b', 'struct b', 2147483655, 2147483647, 1], ['c', 'struct c', 6, 2147483647, 1])),
  same('test u32 a 4', 'EINVAL'),
  same('test __data_loc char[] a', A(['a', '__data_loc char[]', 8, 4, 1])),
  same('test __data_loc u32 a', A(['a', '__data_loc u32', 8, 4, 1])),
  same('test __data_loc  char[] a', 'EINVAL'),
  same('test unsigned int a', A(['a', 'unsigned int', 8, 4, 0])),
  same('test unsigned  int a', 'EINVAL'),
  same('x'.repeat(512), 'EINVAL'),
  same('x'.repeat(511), A()),
  same('é'.repeat(256), 'EINVAL'),
  { def: e255, linux: { fields: [] }, v5: { fields: [] } },
  { def: 'test char[4]ééé a', linux: 'EINVAL', v5: A(['a', 'char[4]ééé', 8, 4, 1]) },
  same('test \u00a0u32 a', 'EINVAL'),
]);

// §9 / §10 worked examples (field tables; format text is in tracefs tests).
table('spec §9/§10 worked examples', [
  same('test u32 count', A(['count', 'u32', 8, 4, 0])),
  { def: 'msg:BPF_ITER,FOO char[0x14] text;unsigned int id; u8 lvl', linux: 'EINVAL', v5: {
    fields: [['text', 'char[0x14]', 8, 20, 1], ['id', 'unsigned int', 28, 4, 0], ['lvl', 'u8', 32, 1, 0]], flags: ['BPF_ITER'] } },
  same('msg char[20] text;unsigned int id; u8 lvl', A(['text', 'char[20]', 8, 20, 1], ['id', 'unsigned int', 28, 4, 0], ['lvl', 'u8', 32, 1, 0])),
  same('evt __data_loc char[] path;__rel_loc char[] note; struct pt p 16;s64 ts', A(
    ['path', '__data_loc char[]', 8, 4, 1], ['note', '__rel_loc char[]', 12, 4, 1], ['p', 'struct pt', 16, 16, 1], ['ts', 's64', 32, 8, 1])),
  { def: 'q char[8 a]', linux: 'EINVAL', v5: A(['a]', 'char[8', 8, 8, 1]) },
  same('empty', A()),
]);

describe('spec: text input rules', () => {
  it('reports the event name of 255 `é` as the decoded text', () => {
    const r = parseDefinition(e255);
    expect(r.ok && r.event.name).to.equal(e255);
  });
  it('ends the definition at the first NUL', () => {
    const r = parseDefinition('test u32 a\u0000;u32 b');
    expect(r.ok && r.event.fields.map((f) => f.name)).to.deep.equal(['a']);
    expect(r.diagnostics.map((d) => d.code)).to.include('UE111');
  });
  it('does not treat U+0085, U+2028, U+3000 or U+FEFF as whitespace', () => {
    for (const ch of ['\u0085', '\u2028', '\u3000', '\ufeff']) {
      const r = parseDefinition(`test ${ch}u32 a`);
      expect(r.ok, JSON.stringify(ch)).to.equal(false);
    }
  });
  it('skips ASCII whitespace (tab, CR, LF, VT, FF) at the start of a piece', () => {
    const r = parseDefinition('test \t\r\n\v\fu32 a');
    expect(r.ok && r.event.fields[0]).to.deep.equal({ type: 'u32', name: 'a', offset: 8, size: 4, signed: false });
  });
  it('counts UTF-8 bytes in the char[ tail (linux) and v5 scan', () => {
    expect(parseDefinition('test char[4]é a').ok).to.equal(true); // tail `4]é` is 4 bytes
    expect(parseDefinition('test char[4]ééé a').ok).to.equal(false);
  });
});
