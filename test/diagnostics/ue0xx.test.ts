// UE0xx: the kernel's split of the definition string (spec §1.1, §2.3, §2.4).
import { catalog } from '../../src/diagnostics/catalog.js';
import { testCode } from '../support/code-tester.js';

const e = 'é'; // 2 UTF-8 bytes, 1 UTF-16 unit
const grin = '😀'; // 4 UTF-8 bytes, 2 UTF-16 units

testCode(catalog.definitionTooLong, {
  valid: [
    'e u32 ' + 'a'.repeat(505), // 511 bytes exactly
    e.repeat(255), // 510 bytes
    'e u32 a\u0000' + 'b'.repeat(600), // the NUL cuts the definition before the limit
  ],
  invalid: [
    // The span starts at the character holding byte 511 and runs to the end.
    { marked: 'e u32 ' + 'a'.repeat(505) + '<|b|>', args: [512] },
    { marked: 'e u32 ' + 'a'.repeat(505) + '<|' + 'b'.repeat(100) + '|>', args: [611] },
    // 256 × `é` is 512 bytes: byte 511 is the second byte of the last `é`.
    { marked: e.repeat(255) + `<|${e}|>`, args: [512] },
    // 506 ASCII bytes then `ééé`: bytes 506..511, the third `é` holds byte 511.
    { marked: 'e u32 ' + 'a'.repeat(500) + e + e + `<|${e}|>`, args: [512] },
    // A surrogate pair straddling the limit is marked whole (2 UTF-16 units).
    { marked: 'e u32 ' + 'a'.repeat(503) + `<|${grin}x|>`, args: [514] },
  ],
});

testCode(catalog.flagsNotSupported, {
  valid: ['test u32 a', 'test u32 a:b', { text: 'test:BPF_ITER u32 a', abis: ['v5'] }],
  invalid: [
    { marked: 'test<|:BPF_ITER|> u32 a', args: ['BPF_ITER'] },
    { marked: 'test<|:|> u32 a', args: [''] },
    { marked: 'test<|:X|>', args: ['X'] },
    { marked: 'a<|:b:c|> u32 x', args: ['b:c'] },
    // The flag text is rejected before the fields: EINVAL, not the struct size's EPERM.
    { marked: 'test<|:BPF_ITER|> struct foo a 4294967295', args: ['BPF_ITER'] },
  ],
});

testCode(catalog.prefixWithoutSpace, {
  valid: ['test unsigned int a', 'test struct pt p 16', 'test __data_loc char[] a', 'test __rel_loc char[] a'],
  invalid: [
    { marked: 'test <|unsigned int|>', args: ['unsigned int'] },
    { marked: 'test <|struct pt|>', args: ['struct pt'] },
    { marked: 'test <|__data_loc char[]|>;u32 b', args: ['__data_loc char[]'] },
    { marked: 'test u32 a; <|__rel_loc unsigned char[]|>', args: ['__rel_loc unsigned char[]'] },
  ],
});

testCode(catalog.fieldMissingName, {
  valid: ['test u32 a', 'test u32 ', 'test', 'test ', 'test u32 a;'],
  invalid: [
    { marked: 'test <|u32|>', args: ['u32'] },
    { marked: 'test u32 a;<|u64|>', args: ['u64'] },
    { marked: 'test <|u32\ta|>', args: ['u32\ta'] }, // a tab does not separate tokens
    { marked: 'test  <|u32|>', args: ['u32'] }, // leading whitespace of a piece is skipped
    { marked: 'test <|char[8|>', args: ['char[8'] }, // the name check comes before the bracket scan
  ],
});

testCode(catalog.extraFieldToken, {
  valid: ['test u32 a;u32 b', 'test struct s a 4'],
  invalid: [
    { marked: 'test u32 a <|b|>', args: ['b'] },
    { marked: 'test u32 a <|b|> c', args: ['b'] },
    { marked: 'test struct s a 4 <|x|>', args: ['x'] },
    // Token errors come before the size checks: EINVAL, not EPERM.
    { marked: 'test struct s a 4294967295 <|x|>', args: ['x'] },
    // A leading space empties the event name and shifts every token.
    { marked: ' test u32 <|a|>', args: ['a'] },
  ],
});

testCode(catalog.doubleSpace, {
  valid: ['test u32 a', 'test  u32 a', 'test u32 a;  u32 b', { text: 'test struct  foo 20', abis: ['v5'] }],
  invalid: [
    // The span is the *second* space: the one that makes the empty token.
    { marked: 'test u32 <| |>a', args: ['a'], output: 'test u32 a' },
    { marked: 'test u32 a;u32 <| |>b', args: ['b'], output: 'test u32 a;u32 b' },
    { marked: 'test struct s <| |>a 4', args: ['4'], output: 'test struct s a 4' },
    { marked: 'test u32 a <| |>b', args: ['b'], output: null },
    { marked: 'test u32 <| |>a b', args: ['a'], output: null },
    // `unsigned  int a`: the type ends at the prefix, `int` becomes the name, `a` the extra token.
    { marked: 'test unsigned <| |>int a', args: ['a'], output: 'test unsigned int a' },
    { marked: 'test __data_loc <| |>char[] a', args: ['a'], output: 'test __data_loc char[] a' },
    { marked: `${e}${e} u32 <| |>${e}`, args: [e], output: `${e}${e} u32 ${e}` },
  ],
});

testCode(catalog.trailingSpace, {
  valid: ['test u32 a', 'test u32 ', 'test ', 'test u32 a; ', 'test u32 a;'],
  invalid: [
    { marked: 'test u32 a<| |>', output: 'test u32 a' },
    { marked: 'test u32 a<|  |>', output: 'test u32 a' },
    { marked: 'test u32 a<| |>;u32 b', output: 'test u32 a;u32 b' },
    { marked: 'test struct s a 4<| |>', output: 'test struct s a 4' },
    // Two trailing spaces after the type: keep one (an empty name), remove the second.
    { marked: 'test u32 <| |>', output: 'test u32 ' },
    { marked: `${e} u32 ${e}<| |>`, output: `${e} u32 ${e}` },
  ],
});

testCode(catalog.sizeOnNonStruct, {
  valid: ['test struct s a 4', 'test u32 a'],
  invalid: [
    { marked: 'test u32 a <|4|>', args: ['4', 'u32'] },
    { marked: 'test char[4] a <|+4|>', args: ['+4', 'char[4]'] },
    { marked: 'test unsigned int a <|16|>', args: ['16', 'unsigned int'] },
  ],
});
