// The definitions the live kernel judges: seeded fast-check samples built to reach every
// definition rule and every byte class the kernel treats specially, plus every definition of the
// fixture files. `coverage` proves the sample reaches them; the runner fails when it does not.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { catalogEntries, parseDefinition } from '../../src/index.js';
import { splitDefinitionLine } from '../../src/files/definition-file.js';

const ident = fc.stringMatching(/^[a-z_][a-z0-9_]{0,9}$/);

const eventName: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: ident },
  {
    weight: 2,
    arbitrary: fc.constantFrom('', '.', '..', 'a/b', 'enable', 'filter', 'é', 'a\tb', 'a-b.c', 'ev\r', 'ev\n', 'x'.repeat(300), '\u0820', '\u00a0x', 'e;f', 'e[1]', '#e'),
  },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('a', '\t', '\u00a0', 'é', '\u0000', '-', '.', ':', '\u{1f600}'), maxLength: 6 }) },
);

const INTEGER_TYPES = ['s8', 'u8', 'char', 'unsigned char', 's16', 'u16', 'short', 'unsigned short', 's32', 'u32', 'int', 'unsigned int', 's64', 'u64'];
const arrayLength = fc.oneof(
  fc.constantFrom('0', '1', '8', '20', '0x14', '024', '08', '+8', '0x', '', '-1', '4096', '1234567', '0X1f', '8\n', '99999999999'),
  // The linux limit, 1024, in every base.
  fc.constantFrom('1023', '1024', '1025', '0x3ff', '0x400', '0x401', '01777', '02000', '02001'),
  fc.nat(1100).map(String),
);
const arrayType = fc
  .tuple(fc.constantFrom('char[', 'unsigned char['), arrayLength, fc.constantFrom(']', ']', ']', ']x', ']abcdef', '', ']é', ']]'))
  .map(([a, n, z]) => a + n + z);
const structSize = fc.oneof(
  fc.constantFrom('1', '16', '0', '+16', '016', '0x14', '2147483647', '2147483648', '4294967295', '4294967274', '4294967294', '4294967296', '3000000000', '65536', '16\n'),
  fc.nat().map(String),
  fc.integer({ min: 2 ** 31, max: 2 ** 32 - 1 }).map(String),
);
const DYNAMIC_TYPES = [
  '__data_loc char[]', '__rel_loc char[]', '__data_loc u8[]', '__rel_loc u32[]', '__data_loc unsigned char[]',
  '__rel_loc unsigned char[]', '__data_loc char', '__rel_loc whatever', '__data_loc  char[]', '__rel_loc',
];
const BAD_TYPES = ['long', 'bool', 'u128', 'char *', 'u32[4]', 'pid_t', 'CHAR', 'unsigned', 'unsigned long', 'struct', 'int8_t', 'U32', 'u32\t'];

const fieldName: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('a', 'b', 'id', 'msg', 'count', 'x') },
  { weight: 3, arbitrary: ident },
  {
    weight: 2,
    arbitrary: fc.constantFrom('', 'a[4]', 'msg[20]', 'a\t', 'a\r', 'common_pid', 'common_type', 'é', 'a:b', '"', '%s', 'a,b', 'a]', '\u00a0', 'int', '__proto__', 'a\n'),
  },
);

/** One field piece: a type, a name, and for structs (or by mistake) a size. */
const piece: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.constantFrom(...INTEGER_TYPES), fieldName).map(([t, n]) => `${t} ${n}`) },
  { weight: 3, arbitrary: fc.tuple(arrayType, fieldName).map(([t, n]) => `${t} ${n}`) },
  { weight: 3, arbitrary: fc.tuple(ident, fieldName, fc.option(structSize, { freq: 8 })).map(([t, n, s]) => `struct ${t} ${n}${s === null ? '' : ` ${s}`}`) },
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...DYNAMIC_TYPES), fieldName).map(([t, n]) => `${t} ${n}`) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...BAD_TYPES), fieldName).map(([t, n]) => `${t} ${n}`) },
  // Malformed pieces: a bare type, a size on a non-struct, an extra token, a double or trailing space.
  {
    weight: 2,
    arbitrary: fc.tuple(fc.constantFrom('u32', 'unsigned int', 'struct s', '__data_loc char[]'), fc.constantFrom('', ' ', ' a b', ' a 4', '  a', ' a ', ' a  ')).map(([t, x]) => t + x),
  },
  { weight: 1, arbitrary: fc.constant('') },
);

const SEPARATORS = ['; ', '; ', '; ', ';', ';;', '; ;', ';\t', '; \t', ';\u00a0', ' ; ', ';\n', ';\r'];

/** A byte-class character: whitespace the kernel skips or not, NUL, 0xA0 in UTF-8, multi-byte text. */
const BYTE_CLASS = ['\t', '\n', '\r', '\v', '\f', ' ', '\u0000', '\u00a0', '\u0820', '\u00e0', 'é', '\u{1f600}', '\u0085', '\ufeff', ';', ':', '[', ']', 'x', '0'];

const structured: fc.Arbitrary<string> = fc
  .tuple(eventName, fc.oneof({ weight: 15, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom(':', ':BPF_ITER', ':x,y') }), fc.constantFrom(' ', ' ', ' ', '  ', ' \t'), fc.array(fc.tuple(piece, fc.constantFrom(...SEPARATORS)), { maxLength: 7 }))
  .map(([name, flags, sp, pieces]) => {
    const args = pieces.map(([p, sep], i) => (i === 0 ? p : sep + p)).join('');
    return `${name}${flags}${pieces.length > 0 || sp !== ' ' ? sp : ''}${args}`;
  });

/** Byte-class characters dropped into a structured definition at random positions. */
const mutated: fc.Arbitrary<string> = fc
  .tuple(structured, fc.array(fc.tuple(fc.nat(), fc.constantFrom(...BYTE_CLASS)), { minLength: 1, maxLength: 3 }))
  .map(([s, edits]) => {
    let out = s;
    for (const [at, c] of edits) {
      const i = at % (out.length + 1);
      out = out.slice(0, i) + c + out.slice(i);
    }
    return out;
  });

const utf8Length = (s: string): number => Buffer.byteLength(s, 'utf8');

/** Definitions padded to 505…516 UTF-8 bytes (the ioctl accepts at most 511), with ASCII or 2-byte padding. */
const nearLimit: fc.Arbitrary<string> = fc
  .tuple(structured, fc.integer({ min: 505, max: 516 }), fc.constantFrom('name', 'field', 'tail'), fc.constantFrom('x', 'é'))
  .map(([s, target, where, pad]) => {
    const fill = (n: number) => pad.repeat(Math.max(0, Math.floor(n / utf8Length(pad)))) + (pad === 'é' && n % 2 === 1 ? 'y' : '');
    const need = (base: string) => target - utf8Length(base);
    if (where === 'name') return fill(need(s)) + s;
    if (where === 'field') return `e u32 ${fill(need('e u32 '))}`;
    return `${s}; u8 ${fill(need(`${s}; u8 `))}`;
  });

/** Huge struct sizes that make the running offset wrap at 2^32. */
const wrapping: fc.Arbitrary<string> = fc
  .tuple(fc.array(fc.constantFrom('u8 a', 'u32 b', 'struct s c 2147483647', 'struct t d 2147483647', 'struct u e 2147483000', 'char[7] f', '__rel_loc char[] g'), { minLength: 2, maxLength: 6 }))
  .map(([p]) => `wrap struct s x 2147483647; struct t y 2147483647; ${p.join('; ')}`);

export const definitionArbitrary: fc.Arbitrary<string> = fc.oneof(
  { weight: 10, arbitrary: structured },
  { weight: 4, arbitrary: mutated },
  { weight: 2, arbitrary: nearLimit },
  { weight: 1, arbitrary: wrapping },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...BYTE_CLASS, 'u32', 'char[', 'struct ', ' a'), maxLength: 16 }) },
);

/** `count` definitions from the seeded generator. */
export function sampleDefinitions(count: number, seed: number): string[] {
  return fc.sample(definitionArbitrary, { numRuns: count, seed });
}

// ---- pairs: a second registration while the first exists (spec §4.2) ----------------------

const cleanPiece = fc.oneof(
  fc.tuple(fc.constantFrom(...INTEGER_TYPES), ident).map(([t, n]) => `${t} ${n}`),
  fc.tuple(fc.constantFrom('char[8]', 'char[0x10]', 'unsigned char[4]', '__data_loc char[]', '__rel_loc char[]', '__rel_loc u8[]'), ident).map(([t, n]) => `${t} ${n}`),
  fc.tuple(ident, ident, fc.integer({ min: 1, max: 64 })).map(([t, n, z]) => `struct ${t} ${n} ${z}`),
);
/** A definition the kernel accepts, in the spellings writers use. */
const cleanDefinition = fc
  .tuple(ident, fc.array(cleanPiece, { maxLength: 5 }), fc.constantFrom('; ', ';'))
  .map(([name, pieces, sep]) => (pieces.length === 0 ? name : `${name} ${pieces.join(sep)}`));

type Edit = (args: string, name: string) => string;
/** Edits of the args text that the kernel's textual match may or may not see through. */
const EDITS: Record<string, Edit> = {
  same: (a) => a,
  'no space after ;': (a) => a.replace(/; /g, ';'),
  'space after ;': (a) => a.replace(/;(?! )/g, '; '),
  'double space': (a) => a.replace(' ', '  '),
  'tab for a space': (a) => a.replace(' ', '\t'),
  'trailing ;': (a) => `${a};`,
  'trailing ;;': (a) => `${a};;`,
  'trailing space': (a) => `${a} `,
  'trailing tab': (a) => `${a}\t`,
  'leading space': (a) => ` ${a}`,
  'leading ;': (a) => `;${a}`,
  'U+00A0 after ;': (a) => a.replace(';', ';\u00a0'),
  'byte 0xA0 after ;': (a) => a.replace(';', ';\u0820'),
  'struct size with a leading 0': (a) => a.replace(/(struct \S+ \S+ )(\d+)/, '$10$2'),
  'struct size with +': (a) => a.replace(/(struct \S+ \S+ )(\d+)/, '$1+$2'),
  'struct size + 1': (a) => a.replace(/(struct \S+ \S+ )(\d+)/, (_m, p: string, n: string) => `${p}${Number(n) + 1}`),
  'last field dropped': (a) => a.replace(/;[^;]*$/, ''),
  'field appended': (a) => `${a}; u8 z`,
  'fields swapped': (a) => a.split(/; ?/).reverse().join('; '),
  'u32 for s32': (a) => a.replace(/\bs32\b/, 'u32').replace(/\bint\b/, 'unsigned int'),
  'char[16] for char[0x10]': (a) => a.replace('char[0x10]', 'char[16]'),
  'NUL after the first field': (a) => a.replace(';', '\u0000;'),
};

const pairArbitrary: fc.Arbitrary<{ first: string; second: string }> = fc
  .tuple(cleanDefinition, fc.array(fc.constantFrom(...Object.keys(EDITS)), { minLength: 1, maxLength: 2 }), fc.constantFrom('same', 'same', 'same', 'same', 'other', 'flags'))
  .map(([first, edits, naming]) => {
    const space = first.indexOf(' ');
    const name = space < 0 ? first : first.slice(0, space);
    let args = space < 0 ? '' : first.slice(space + 1);
    for (const e of edits) args = EDITS[e]!(args, name);
    const head = naming === 'same' ? name : naming === 'other' ? `${name}_v2` : `${name}:x`;
    return { first, second: args === '' ? head : `${head} ${args}` };
  });

/** `count` pairs from the seeded generator. */
export function samplePairs(count: number, seed: number): { first: string; second: string }[] {
  return fc.sample(pairArbitrary, { numRuns: count, seed: seed + 1 });
}

/** Every definition line of the fixture files (fixtures/**\/*.ue), in path order, with its place. */
export function fixtureDefinitions(repo: string): { definition: string; where: string }[] {
  const out: { definition: string; where: string }[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ue')) {
        const text = readFileSync(p, 'utf8').replace(/^\ufeff/, '');
        text.split('\n').forEach((raw, i) => {
          const hasCR = raw.endsWith('\r');
          const line = splitDefinitionLine(hasCR ? raw.slice(0, -1) : raw, hasCR);
          if (line.kind === 'definition') out.push({ definition: line.definition, where: `${relative(repo, p)}:${i + 1}` });
        });
      }
    }
  };
  walk(join(repo, 'fixtures'));
  return out;
}

/**
 * The real-world fixtures (fixtures/real, with their provenance): producers' definition strings,
 * and the kernel selftests' definitions and re-registration pairs. Absent files give nothing.
 */
export function realFixtures(repo: string): { definitions: { definition: string; where: string }[]; pairs: { first: string; second: string; where: string }[] } {
  const definitions: { definition: string; where: string }[] = [];
  const pairs: { first: string; second: string; where: string }[] = [];
  const read = (file: string): unknown => {
    try {
      return JSON.parse(readFileSync(join(repo, 'fixtures/real', file), 'utf8')) as unknown;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw new Error(`fixtures/real/${file}: ${(err as Error).message}`);
    }
  };
  const strings = (x: unknown): string[] => (Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : []);
  const producers = read('definitions.json');
  for (const p of Array.isArray(producers) ? (producers as Record<string, unknown>[]) : []) {
    const where = `fixtures/real/definitions.json ${String(p.id)}`;
    if (p.kind === 'definition' && typeof p.text === 'string') definitions.push({ definition: p.text, where });
    // EventHeader field lists follow a `<provider>_L<level>K<keyword> ` head.
    if (p.kind === 'args' && typeof p.text === 'string') definitions.push({ definition: `MyProvider_L4K1 ${p.text}`, where });
    // tracepoint-register examples; lines starting with `:` are EventHeader shorthand, not definitions.
    for (const line of strings(p.lines)) if (!line.startsWith(':')) definitions.push({ definition: line, where });
  }
  const selftests = read('kernel-selftests.json') as Record<string, Record<string, unknown>> | undefined;
  for (const [test, t] of Object.entries(selftests ?? {})) {
    const where = `fixtures/real/kernel-selftests.json ${test}`;
    for (const d of [...strings(t.parse), ...strings(t.nparse), ...strings(t.registered)]) definitions.push({ definition: d.replace(/^u:/, ''), where });
    for (const row of Array.isArray(t.printFmt) ? t.printFmt : []) if (Array.isArray(row) && typeof row[0] === 'string') definitions.push({ definition: row[0], where });
    for (const row of Array.isArray(t.match) ? t.match : []) {
      if (Array.isArray(row) && typeof row[0] === 'string' && typeof row[1] === 'string') pairs.push({ first: row[0], second: row[1], where });
    }
  }
  return { definitions, pairs };
}

/** What a set of definitions reaches: the diagnostic codes ue-lint reports and the byte classes. */
export interface Coverage {
  missingRules: string[];
  missingClasses: string[];
}

const CLASSES: Record<string, (bytes: Buffer, s: string) => boolean> = {
  'byte 0xA0': (b) => b.includes(0xa0),
  'U+00A0 (C2 A0) after a separator': (_b, s) => /;\u00a0/.test(s),
  tab: (b) => b.includes(0x09),
  'CR or LF': (b) => b.includes(0x0d) || b.includes(0x0a),
  NUL: (b) => b.includes(0x00),
  'multi-byte UTF-8': (b) => b.some((x) => x >= 0x80),
  '4-byte UTF-8': (b) => b.some((x) => x >= 0xf0),
  'exactly 511 bytes': (b) => b.length === 511 && !b.includes(0),
  'exactly 512 bytes': (b) => b.length === 512 && !b.includes(0),
  'struct size >= 2^31': (_b, s) => [...s.matchAll(/struct \S+ \S+ (\d+)/g)].some((m) => BigInt(m[1]!) >= 2n ** 31n),
};

/** The rules a single linux definition can trigger: UE0xx–UE2xx in the linux ABI. */
export function definitionRules(): string[] {
  return catalogEntries.filter((e) => e.code < 'UE300' && e.abis.includes('linux')).map((e) => e.code);
}

export function coverage(definitions: readonly string[]): Coverage {
  const seen = new Set<string>();
  const classes = new Set<string>();
  for (const s of definitions) {
    for (const d of parseDefinition(s, { abi: 'linux' }).diagnostics) seen.add(d.code);
    const b = Buffer.from(s, 'utf8');
    for (const [name, has] of Object.entries(CLASSES)) if (has(b, s)) classes.add(name);
  }
  return {
    missingRules: definitionRules().filter((c) => !seen.has(c)),
    missingClasses: Object.keys(CLASSES).filter((c) => !classes.has(c)),
  };
}
