// The newc writer of the kernel test's initramfs, read back field by field as the kernel's
// init/initramfs.c does (without QEMU: this runs in `npm test`).
import { expect } from 'chai';
import fc from 'fast-check';
import { newcArchive, type CpioEntry } from './cpio.js';

interface Read {
  name: string;
  mode: number;
  nlink: number;
  data: Uint8Array;
}

/** An independent reader: 110-byte header of 8-digit hex fields, name, data, 4-byte padding. */
function readNewc(bytes: Uint8Array): Read[] {
  const text = Buffer.from(bytes).toString('latin1');
  const out: Read[] = [];
  let at = 0;
  const align = (n: number) => (n + 3) & ~3;
  for (;;) {
    expect(text.slice(at, at + 6), `magic at ${at}`).to.equal('070701');
    const field = (i: number) => parseInt(text.slice(at + 6 + 8 * i, at + 14 + 8 * i), 16);
    const [mode, nlink, size, nameSize] = [field(1), field(4), field(6), field(11)];
    const nameAt = at + 110;
    const name = text.slice(nameAt, nameAt + nameSize - 1);
    expect(bytes[nameAt + nameSize - 1], 'name ends with NUL').to.equal(0);
    const dataAt = align(nameAt + nameSize);
    const data = bytes.slice(dataAt, dataAt + size);
    at = align(dataAt + size);
    if (name === 'TRAILER!!!') break;
    out.push({ name, mode, nlink, data });
  }
  expect(at, 'nothing after the trailer').to.equal(bytes.length);
  return out;
}

describe('kernel test: newc cpio writer', () => {
  it('writes the header the format specifies, byte for byte', () => {
    const a = newcArchive([{ name: 'init', mode: 0o755, data: Uint8Array.of(1, 2, 3) }]);
    const head = Buffer.from(a.subarray(0, 110)).toString('latin1');
    // magic, ino 1, mode 0100755, uid, gid, nlink 1, mtime, size 3, 4 device numbers, namesize 5, check.
    expect(head).to.equal(`070701${['1', '81ed', '0', '0', '1', '0', '3', '0', '0', '0', '0', '5', '0'].map((x) => x.padStart(8, '0')).join('')}`);
    expect(Buffer.from(a.subarray(110, 116)).toString('latin1')).to.equal('init\0\0'); // 110 + 5 padded to 116
    expect([...a.subarray(116, 120)]).to.deep.equal([1, 2, 3, 0]);
  });

  it('reads back as the same entries, whatever the names and sizes (200 runs)', () => {
    const entry: fc.Arbitrary<CpioEntry> = fc.record({
      name: fc.stringMatching(/^[a-z][a-z0-9_./-]{0,20}$/),
      kind: fc.constantFrom('file' as const, 'dir' as const),
      mode: fc.integer({ min: 0, max: 0o777 }),
      data: fc.uint8Array({ maxLength: 70 }),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 6 }), (entries) => {
        const read = readNewc(newcArchive(entries));
        expect(read.map((r) => r.name)).to.deep.equal(entries.map((e) => e.name));
        read.forEach((r, i) => {
          const e = entries[i]!;
          expect(r.mode).to.equal((e.kind === 'dir' ? 0o040000 : 0o100000) | e.mode!);
          expect(r.nlink).to.equal(e.kind === 'dir' ? 2 : 1);
          expect([...r.data]).to.deep.equal(e.kind === 'dir' ? [] : [...e.data!]);
        });
      }),
      { numRuns: 200, seed: 16 },
    );
  });

  it('refuses absolute or empty names', () => {
    expect(() => newcArchive([{ name: '/init' }])).to.throw(/relative/);
    expect(() => newcArchive([{ name: '' }])).to.throw(/relative/);
  });
});
