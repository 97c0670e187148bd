// The harness protocol without QEMU: the cases file, the report channel's escaping and
// checksums, and harness.c itself compiled (gcc) and run on a report it escapes.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import fc from 'fast-check';
import { requireTool } from '../support/tools.js';
import { tempDir } from '../support/temp-dir.js';
import { casesFile, ChannelError, fnv1a, groupReport, parseReport, unescapeBlob } from './protocol.js';

const enc = new TextEncoder();

/** harness.c's put_blob, transcribed: printable ASCII but `\` as is, the rest as \xHH. */
function escape(bytes: Uint8Array): string {
  return [...bytes].map((b) => (b > 0x20 && b < 0x7f && b !== 0x5c ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`)).join('');
}

function line(body: string): string {
  return `${body} ~${fnv1a(Buffer.from(body, 'latin1')).toString(16).padStart(8, '0')}\n`;
}

describe('kernel test: harness protocol', () => {
  it('FNV-1a matches the published test vectors', () => {
    expect(fnv1a(enc.encode(''))).to.equal(0x811c9dc5);
    expect(fnv1a(enc.encode('a'))).to.equal(0xe40c292c);
    expect(fnv1a(enc.encode('foobar'))).to.equal(0xbf9cf968);
  });

  it('writes cases as hex, `-` for empty bytes', () => {
    const text = Buffer.from(
      casesFile([
        { kind: 'reg', id: 0, definition: 'e u32 a' },
        { kind: 'reg', id: 1, definition: '' },
        { kind: 'pay', id: 2, definition: 'é\u0000', cSlot: -1, payloads: [Uint8Array.of(1, 0), new Uint8Array(0)] },
        { kind: 'set', id: 3, definitions: ['a', 'b u8 x'] },
      ]),
    ).toString();
    expect(text).to.equal('reg 0 65207533322061\nreg 1 -\npay 2 c3a900 -1 0100 -\nset 3 61 622075382078\n');
  });

  it('unescapes every byte string the harness can send (500 runs)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (b) => {
        expect([...unescapeBlob(escape(b))]).to.deep.equal([...b]);
      }),
      { numRuns: 500, seed: 16 },
    );
  });

  it('parses lines into cases, blobs as bytes', () => {
    const data = enc.encode(line('B 4') + line('R 4 -22 0') + line('B 5') + line('F 5 0 =a\\x0ab\\x20') + line('END 2'));
    const { cases, end } = groupReport(parseReport(data));
    expect(end).to.equal(2);
    expect(cases.map((c) => c.id)).to.deep.equal([4, 5]);
    expect(cases[0]!.lines[0]).to.deep.equal({ tag: 'R', id: 4, args: ['-22', '0'] });
    expect(Buffer.from(cases[1]!.lines[0]!.args[1] as Uint8Array).toString()).to.equal('a\nb ');
  });

  it('drops a last line a crash cut off, and finds no END', () => {
    const data = enc.encode(`${line('B 1')}${line('R 1 0 0')}F 1 0 =name:\\x20`);
    const { cases, end } = groupReport(parseReport(data));
    expect(end).to.equal(undefined);
    expect(cases[0]!.lines.map((l) => l.tag)).to.deep.equal(['R']);
  });

  it('refuses a line with a lost, added or changed byte', () => {
    const good = line('F 1 0 =name:\\x20e');
    for (const bad of [good.replace('e ~', ' ~'), good.replace('name', 'nme'), good.replace('name', 'naxme'), good.replace(' ~', ' ')]) {
      expect(() => parseReport(enc.encode(bad)), JSON.stringify(bad)).to.throw(ChannelError);
    }
    expect(() => unescapeBlob('a\\xZZ')).to.throw(ChannelError);
    expect(() => unescapeBlob('a\tb')).to.throw(ChannelError);
  });

  it('harness.c compiles as a static program without warnings (gcc)', function () {
    requireTool(this, 'gcc', 'apt-get install -y gcc');
    this.timeout(60_000);
    const dir = tempDir('ue-kernel-harness-');
    writeFileSync(
      join(dir, 'payloads.c'),
      '#include <stddef.h>\n#include <stdint.h>\nlong ue_c_payload(int s, int f, uint32_t w, unsigned char *b, size_t c, size_t *n);\n' +
        'long ue_c_payload(int s, int f, uint32_t w, unsigned char *b, size_t c, size_t *n) { (void)s; (void)f; (void)w; (void)b; (void)c; *n = 0; return -1; }\n',
    );
    const r = spawnSync('gcc', ['-static', '-O1', '-std=gnu11', '-Wall', '-Wextra', '-Werror', '-o', join(dir, 'init'), join(dirname(fileURLToPath(import.meta.url)), 'harness.c'), join(dir, 'payloads.c')], { encoding: 'utf8' });
    expect(r.status, r.stderr).to.equal(0);
  });
});
