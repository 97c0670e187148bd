// UE2xx: the type table, `char[N]` and struct sizes, and offsets (spec §2.5-2.7).
import { catalog } from '../../src/diagnostics/catalog.js';
import { testCode } from '../support/code-tester.js';

testCode(catalog.unknownType, {
  valid: ['test s64 a', 'test unsigned short a', 'test __data_loc whatever a', 'test __rel_loc char x', 'test struct pt p 16'],
  invalid: [
    { marked: 'test <|long|> a', args: ['long'] },
    { marked: 'test <|u32[4]|> a', args: ['u32[4]'] },
    { marked: 'test <|CHAR|> a', args: ['CHAR'] },
    { marked: 'test u32 a;<|bool|> b', args: ['bool'] },
    { marked: 'test <|unsigned long|> a', args: ['unsigned long'] },
    // `unsigned  int`: the type is the prefix itself, `unsigned `, and `int` the name.
    { marked: 'test <|unsigned |> int', args: ['unsigned '] },
    // U+00A0 is bytes C2 A0; C2 is not whitespace, so the piece is not skipped.
    { marked: 'test <|\u00a0u32|> a', args: ['\u00a0u32'] },
  ],
});

testCode(catalog.invalidArrayLength, {
  valid: ['test char[20] a', 'test char[0x14] a', 'test char[024] a', 'test char[+20] a', 'test unsigned char[1] a'],
  invalid: [
    { marked: 'test char[<|0|>] a', args: ['0'] },
    { marked: 'test char[<|08|>] a', args: ['08'] },
    { marked: 'test char[<|0x|>] a', args: ['0x'] },
    { marked: 'test char[<|-1|>] a', args: ['-1'] },
    // No digits: the span is the `[]` itself.
    { marked: 'test char<|[]|> a', args: [''] },
    { marked: 'test unsigned char[<|x|>] a', args: ['x'] },
  ],
});

testCode(catalog.arrayTooLarge, {
  valid: ['test char[1024] a', { text: 'test char[8192] a', abis: ['v5'] }, { text: 'test char[2048] a', abis: ['v5'] }],
  invalid: [
    { marked: 'test char[<|2048|>] a', args: [2048, 1024], abis: ['linux'] },
    { marked: 'test char[<|1025|>] a', args: [1025, 1024], abis: ['linux'] },
    { marked: 'test char[<|0x401|>] a', args: [1025, 1024], abis: ['linux'] },
    { marked: 'test char[<|8193|>] a', args: [8193, 8192], abis: ['v5'] },
    { marked: 'test char[<|8193|>] a', args: [8193, 1024], abis: ['linux'] },
    // v5: `]` is the 8th byte after `[`, so the scan succeeds but 1234567 > 8192.
    { marked: 'test char[<|1234567|>] a', args: [1234567, 8192], abis: ['v5'] },
  ],
});

testCode(catalog.arraySuffixTooLong, {
  valid: ['test char[20] a', 'test char[20]x a', { text: 'test char[20]abcdef a', abis: ['v5'] }, { text: 'test char[4]ééé a', abis: ['v5'] }],
  invalid: [
    // linux: the whole tail of the type token after `[`.
    { marked: 'test char[<|20]abcdef|> a', args: ['20]abcdef'], abis: ['linux'] },
    { marked: 'test char[<|1234567]|> a', args: ['1234567]'], abis: ['linux'] },
    { marked: 'test char[<|0x0000000000001]|> a', args: ['0x0000000000001]'], abis: ['linux'] },
    // `4]ééé` is 8 bytes but 5 UTF-16 units.
    { marked: 'test char[<|4]ééé|> a', args: ['4]ééé'], abis: ['linux'] },
    // v5: the 8 bytes after `[` the scan reads, past the token if need be.
    { marked: 'test char[<|0x000000|>0000001] a', args: ['0x000000'], abis: ['v5'] },
    { marked: 'test char[<|9 abcdef|>]', args: ['9 abcdef'], abis: ['v5'] },
  ],
});

testCode(catalog.arrayMissingBracket, {
  valid: ['test char[8] a', { text: 'test char[8 a]', abis: ['v5'] }],
  invalid: [
    { marked: 'test <|char[8|> a]', args: ['char[8'], abis: ['linux'] },
    { marked: 'test <|char[9|> abcde]', args: ['char[9'], abis: ['linux'] },
    { marked: 'test <|char[1|> a;u8 ]', args: ['char[1'], abis: ['linux'] },
    { marked: 'test <|unsigned char[1|> x]', args: ['unsigned char[1'], abis: ['linux'] },
    // Both: the definition ends before any `]` (v5 would read past its copy).
    { marked: 'test <|char[8|> ab', args: ['char[8'] },
    { marked: 'test <|char[4|> a', args: ['char[4'] },
  ],
});

testCode(catalog.structMissingSize, {
  valid: ['test struct pt p 16'],
  invalid: [
    { marked: 'test struct pt <|p|>', args: ['struct pt'] },
    { marked: 'test struct pt <|p|>;u32 b', args: ['struct pt'] },
    { marked: 'test <|struct pt|> ', args: ['struct pt'] }, // empty name: point at the type
  ],
});

testCode(catalog.invalidStructSize, {
  valid: ['test struct pt p 16', 'test struct pt p +16', 'test struct pt p 016', 'test struct pt p 2147483647'],
  invalid: [
    { marked: 'test struct pt p <|0x10|>', args: ['0x10'] },
    { marked: 'test struct foo a <|0|>', args: ['0'] },
    { marked: 'test struct foo a <|-1|>', args: ['-1'] },
    { marked: 'test struct foo a <|4294967296|>', args: ['4294967296'] }, // does not fit 32 bits
    { marked: 'test struct foo a <|1e3|>', args: ['1e3'] },
  ],
});

testCode(catalog.structSizeNegative, {
  valid: ['test struct foo a 2147483647', 'test struct foo a 16'],
  invalid: [
    { marked: 'test struct foo a <|4294967295|>', args: ['4294967295', 'EPERM'], errno: 'EPERM' },
    { marked: 'test struct foo a <|2147483648|>', args: ['2147483648', 'ERRNO_2147483648'], errno: 'ERRNO_2147483648' },
    { marked: 'test struct foo a <|2147483649|>', args: ['2147483649', 'ERRNO_2147483647'], errno: 'ERRNO_2147483647' },
    { marked: 'test struct foo a <|3000000000|>', args: ['3000000000', 'ERRNO_1294967296'], errno: 'ERRNO_1294967296' },
    { marked: 'test struct foo a <|4000000000|>', args: ['4000000000', 'ERRNO_294967296'], errno: 'ERRNO_294967296' },
    { marked: 'test struct foo a <|4294967274|>', args: ['4294967274', 'EINVAL'], errno: 'EINVAL' },
    { marked: 'test struct foo a <|4294967280|>', args: ['4294967280', 'EBUSY'], errno: 'EBUSY' },
    { marked: 'test struct foo a <|4294967284|>', args: ['4294967284', 'ENOMEM'], errno: 'ENOMEM' },
    { marked: 'test struct foo a <|4294967294|>', args: ['4294967294', 'ENOENT'], errno: 'ENOENT' },
    // The first failing piece decides; later pieces are never looked at.
    { marked: 'test struct s a <|4294967295|>;u32 b', args: ['4294967295', 'EPERM'], errno: 'EPERM' },
    { marked: 'test struct s a <|4294967295|>;long b', args: ['4294967295', 'EPERM'], errno: 'EPERM' },
    // v5 flags never fail, so the size error wins (linux rejects the flag text first).
    { marked: 'test:BPF_ITER struct foo a <|4294967295|>', args: ['4294967295', 'EPERM'], errno: 'EPERM', abis: ['v5'] },
    { marked: 'test:BPF_ITER struct foo a <|4294967295|>', args: ['4294967295', 'EPERM'], errno: 'EPERM', abis: ['linux'], result: { ok: false, errno: 'EINVAL' } },
  ],
});

testCode(catalog.offsetWraps, {
  valid: ['e struct A a 2147483647;struct B b 2147483647', 'e struct A a 16;struct B b 16;struct C c 16'],
  invalid: [
    { marked: 'e struct A a 2147483647;struct B b 2147483647;struct C <|c|> 2147483647', args: ['c', 6], result: { ok: true } },
    // Reported once, on the first field that starts after the wrap.
    { marked: 'e u8 a;struct X b 2147483647;struct Y c 2147483647;u8 <|d|>;u8 e', args: ['d', 7], result: { ok: true } },
  ],
});

testCode(catalog.arraySuffixIgnored, {
  valid: ['test char[20] a', { text: 'test char[8 a]', abis: ['v5'] }],
  invalid: [
    { marked: 'test char[20]<|x|> a', args: ['x'] },
    { marked: 'test unsigned char[2]<|yz|> a', args: ['yz'] },
    { marked: 'test char[20]<|abcdef|> a', args: ['abcdef'], abis: ['v5'], result: { ok: true } },
    { marked: 'test char[4]<|ééé|> a', args: ['ééé'], abis: ['v5'], result: { ok: true } },
  ],
});

testCode(catalog.v5BracketScan, {
  valid: ['test char[8] a', 'test char[8]x a'],
  invalid: [
    // The span is the `]` the scan found outside the type token.
    { marked: 'q char[8 a<|]|>', args: ['char[8', 'a]'], result: { ok: true } },
    { marked: 'test char[9 abcde<|]|>', args: ['char[9', 'abcde]'], result: { ok: true } },
    { marked: 'test unsigned char[1 x<|]|>', args: ['unsigned char[1', 'x]'], result: { ok: true } },
    // The scan crosses the `;` into the next piece, which becomes `u8` named `]`.
    { marked: 'test char[1 a;u8 <|]|>', args: ['char[1', 'a;u8 ]'], result: { ok: true } },
  ],
});
