import { expect } from 'chai';
import { NotADefinitionFileError, firstInvalidUtf8, readLines, type RawLine } from '../../src/files/line-reader.js';

async function collect(chunks: (string | Uint8Array)[]): Promise<RawLine[]> {
  const out: RawLine[] = [];
  for await (const l of readLines((async function* () { yield* chunks; })())) out.push(l);
  return out;
}

async function failure(chunks: (string | Uint8Array)[]): Promise<NotADefinitionFileError> {
  try {
    await collect(chunks);
  } catch (err) {
    expect(err).to.be.instanceOf(NotADefinitionFileError);
    return err as NotADefinitionFileError;
  }
  return expect.fail('expected NotADefinitionFileError');
}

describe('files/line-reader', () => {
  it('splits LF and CRLF lines and tracks offsets', async () => {
    const lines = await collect(['a u32 x\r\nb u', '32 y\nlast']);
    expect(lines.map((l) => [l.text, l.line, l.hasCR, l.hasLF, l.offset, l.byteOffset])).to.deep.equal([
      ['a u32 x', 1, true, true, 0, 0],
      ['b u32 y', 2, false, true, 9, 9],
      ['last', 3, false, false, 17, 17],
    ]);
  });

  it('strips a BOM from line 1 and counts its bytes', async () => {
    const lines = await collect([Buffer.from([0xef, 0xbb]), Buffer.from([0xbf, 0x61, 0x0a, 0xc3, 0xa9, 0x0a])]);
    expect(lines.map((l) => [l.text, l.bom, l.offset, l.byteOffset])).to.deep.equal([['a', true, 0, 0], ['é', false, 2, 5]]);
  });

  it('decodes multi-byte characters split across chunks', async () => {
    const bytes = Buffer.from('x é€😀\n');
    const lines = await collect([...bytes].map((b) => Buffer.from([b])));
    expect(lines.map((l) => l.text)).to.deep.equal(['x é€😀']);
  });

  it('rejects NUL bytes with the byte offset', async () => {
    const err = await failure(['ok u32 a\n', Buffer.from([0x41, 0x00])]);
    expect(err.byteOffset).to.equal(10);
    expect(err.message).to.equal('not a definition file (NUL byte at byte offset 10)');
  });

  it('rejects invalid UTF-8 with the offset of the first bad byte, across chunks', async () => {
    expect((await failure([Buffer.from([0x61, 0x62, 0xff])])).byteOffset).to.equal(2);
    expect((await failure([Buffer.from([0x61, 0xe2, 0x82]), Buffer.from([0x41])])).byteOffset).to.equal(1);
    expect((await failure([Buffer.from([0x61, 0xe2, 0x82])])).byteOffset).to.equal(1);
  });

  it('firstInvalidUtf8 rejects overlongs and surrogates', () => {
    expect(firstInvalidUtf8(Buffer.from('héllo'))).to.equal(-1);
    expect(firstInvalidUtf8(Uint8Array.from([0xc0, 0x80]))).to.equal(0);
    expect(firstInvalidUtf8(Uint8Array.from([0x41, 0xed, 0xa0, 0x80]))).to.equal(1);
    expect(firstInvalidUtf8(Uint8Array.from([0xe2, 0x82]), false)).to.equal(-1);
  });
});
