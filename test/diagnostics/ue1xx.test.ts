// UE1xx: definitions the kernel accepts (or would accept but for another problem)
// that are almost certainly wrong.
import { catalog } from '../../src/diagnostics/catalog.js';
import { testCode } from '../support/code-tester.js';

testCode(catalog.emptyFieldName, {
  valid: ['test u32 a', 'test', 'test ', 'test u32 a;'],
  invalid: [
    // Points at the space that made the empty token.
    { marked: 'test u32<| |>', args: ['u32'] },
    { marked: 'test u32 a;u32<| |>', args: ['u32'] },
    { marked: 'test unsigned int<| |>', args: ['unsigned int'] },
    { marked: 'test u32<| |>;u32 b', args: ['u32'] },
  ],
});

testCode(catalog.bracketInFieldName, {
  valid: ['test char[20] msg', 'test u32 a', { text: 'test char[8 a]', abis: ['linux'] }],
  invalid: [
    { marked: 'test char <|msg[20]|>', args: ['msg[20]', 1, 'char'], output: 'test char[20] msg' },
    { marked: 'test unsigned char <|x[4]|>;u32 b', args: ['x[4]', 1, 'unsigned char'], output: 'test unsigned char[4] x;u32 b' },
    { marked: 'test u8 <|a[4]|>', args: ['a[4]', 1, 'u8'], output: null },
    { marked: 'test u32 <|x[4]|>', args: ['x[4]', 4, 'u32'], output: null },
    // The field is rejected (extra token), but the name is still reported; no fix then.
    { marked: 'test char <|msg[20]|> x', args: ['msg[20]', 1, 'char'], output: null, result: { ok: false, errno: 'EINVAL' } },
  ],
});

testCode(catalog.nameTrailingWhitespace, {
  valid: ['test u32 a', 'test u32 a;u32 b'],
  invalid: [
    { marked: 'test u32 <|a\t|>', args: ['a\t'] },
    { marked: 'test u32 <|a\r|>', args: ['a\r'] },
    { marked: 'test u32 <|a\vb|>;u8 c', args: ['a\vb'] },
  ],
});

testCode(catalog.duplicateFieldName, {
  valid: ['wake u32 pid; char[16] comm; u32 tid', 'wake u32 ;u32 '],
  invalid: [
    {
      marked: 'wake u32 pid; char[16] comm; u32 <|pid|>', args: ['pid'],
      related: [{ marked: 'wake u32 <|pid|>; char[16] comm; u32 pid', label: 'first defined here' }],
    },
    {
      marked: 'e int a; struct s <|a|> 4', args: ['a'],
      related: [{ marked: 'e int <|a|>; struct s a 4', label: 'first defined here' }],
    },
  ],
});

testCode(catalog.commonFieldClash, {
  valid: ['test u32 pid', 'test u32 common', 'test u32 common_pids'],
  invalid: [
    { marked: 'test u32 <|common_pid|>', args: ['common_pid'] },
    { marked: 'test u16 <|common_type|>', args: ['common_type'] },
    { marked: 'test u8 <|common_flags|>', args: ['common_flags'] },
    { marked: 'test u8 a;u8 <|common_preempt_count|>', args: ['common_preempt_count'] },
  ],
});

testCode(catalog.nonIdempotent, {
  valid: ['test u32 a', 'test u32 a;u32 b', 'test u32 a; u32 b', 'test struct s x 20', 'test', 'test u32 a;'],
  invalid: [
    { marked: 'test u32 a;<|;|>', args: ['an empty `;` piece leaves a stray `;` token'] },
    { marked: 'test <|;|>u32 a', args: ['an empty `;` piece leaves a stray `;` token'] },
    { marked: 'test struct s x <|020|>', args: ['struct size `020` is stored as `20`'] },
    { marked: 'test struct s x <|+20|>', args: ['struct size `+20` is stored as `20`'] },
    { marked: 'test <|u32|> ', args: ['a field has an empty name'] },
    { marked: 'test u32 <|a\t|>', args: ['field name `a\\t` contains whitespace'] },
    { marked: 'test <|struct |> foo 20', args: ['type `struct ` ends in a space'] },
  ],
});

testCode(catalog.emptyEventName, {
  valid: ['test u32 a', 'test', 't', { text: 't: u32 a', abis: ['v5'] }],
  invalid: [
    { marked: '<||>' }, // zero-width: the empty definition
    { marked: '<| |>test', result: { ok: false, errno: 'EINVAL' } }, // `test` becomes a type with no name
    { marked: '<| |>test u32 a', result: { ok: false, errno: 'EINVAL' } },
    { marked: '<| |>', result: { ok: true } },
  ],
});

testCode(catalog.unusualEventName, {
  valid: ['test u32 a', 'Test_9 u32 a', { text: 'test:X u32 a', abis: ['v5'] }, ' test u32 a', ''],
  invalid: [
    { marked: '<|my-event|> u32 a', args: ['my-event'] },
    { marked: '<|a/b|>', args: ['a/b'] },
    { marked: '<|x.y|> u32 a', args: ['x.y'] },
    { marked: '<|té|> u32 a', args: ['té'] },
    { marked: '<|šı|> u32 a', args: ['šı'] }, // U+0161 and U+0131: low bytes `a` and `1`, still not word bytes
    { marked: '<|t\tu32|> a', args: ['t\tu32'] }, // a tab does not end the name
    { marked: '<|ev!|>:BPF_ITER u32 a', args: ['ev!'], abis: ['v5'] },
  ],
});

testCode(catalog.ignoredFlag, {
  valid: [{ text: 'test:BPF_ITER u32 a', abis: ['v5'] }, { text: 'test:BPF_ITER,BPF_ITER', abis: ['v5'] }, 'test u32 a:b'],
  invalid: [
    { marked: 'test:<|bpf_iter|> u32 a', args: ['bpf_iter'] },
    { marked: 'test<|:|> u32 a', args: [''] }, // `name:`: the whole flag text is empty
    { marked: 'test:X<|,|> u32 a', args: [''] }, // an empty item points at the `,` before it
    { marked: 'test:X<|,|>,BPF_ITER u32 a', args: [''] },
    { marked: 'test:<|X|>,,BPF_ITER u32 a', args: ['X'] },
    { marked: 'a:<|b:c|> u32 x', args: ['b:c'] },
    // Flags never fail in v5; the struct size decides the errno.
    { marked: 'test:<|bpf_iter|> struct foo a 4294967295', args: ['bpf_iter'], result: { ok: false, errno: 'EPERM' } },
  ],
});

testCode(catalog.unusualFieldName, {
  valid: ['test u32 a_b', 'test u32 _x9', 'test u32 a[4]', 'test u32 a\t', 'test u32 '],
  invalid: [
    { marked: 'test u32 <|a:b|>', args: ['a:b'] },
    { marked: 'test u32 <|9lives|>', args: ['9lives'] },
    { marked: 'test u32 <|"x"|>', args: ['"x"'] },
    { marked: 'test u32 a;u32 <|b%d|>', args: ['b%d'] },
    { marked: 'test u32 <|\u00a0a|>', args: ['\u00a0a'] },
  ],
});

testCode(catalog.textAfterNul, {
  valid: ['test u32 a;u32 b', 'test u32 a'],
  invalid: [
    { marked: 'test u32 a<|\u0000|>;u32 b', result: { ok: true } },
    { marked: 'test u32 a<|\u0000|>', result: { ok: true } },
    { marked: '<|\u0000|>test', result: { ok: true } }, // the definition is empty
    // The text after the NUL does not count toward the 511-byte limit.
    { marked: 'e u32 a<|\u0000|>' + 'b'.repeat(600), result: { ok: true } },
    // Nor does a problem after it: `u32  b` would be a double space.
    { marked: 'é u32 a<|\u0000|>;u32  b', result: { ok: true } },
  ],
});

testCode(catalog.separatorWithoutSpace, {
  valid: ['test u32 a; u32 b', 'test u32 a;', 'test u32 a;\tu32 b', 'test u32 a;  u32 b', 'test', 'test u32 a'],
  invalid: [
    { marked: 'test u32 a<|;|>u32 b', args: [], output: 'test u32 a; u32 b' },
    { marked: 'msg char[20] text<|;|>unsigned int id; u8 lvl', args: [], output: 'msg char[20] text; unsigned int id; u8 lvl' },
    { marked: 'test u32 a<|;|>;', args: [], output: 'test u32 a; ;' },
  ],
});
