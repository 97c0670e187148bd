// Deterministic benchmark corpora: user_events definitions from a fixed seed.
// Pure: no fs, no clock, no Math.random, so one seed always gives the same
// corpus (test/bench/bench-smoke.test.ts checks this by hash).
//
// The mix imitates real definition files: mostly valid definitions (~70%),
// invalid ones made by mutating a valid one (~20%, so their length matches),
// and spec §11 edge cases (~10%). Average length is tuned to about 70 bytes.

import { createHash } from 'node:crypto';

/** The seed every benchmark figure in BENCHMARKS.md was measured with. */
export const DEFAULT_SEED = 0x75e11e7;

/** mulberry32: a tiny 32-bit PRNG, good enough for corpora and fully reproducible. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EVENT_STEMS = [
  'sched_switch', 'sched_wakeup', 'net_rx', 'net_tx', 'block_rq', 'io_submit', 'req_start', 'req_done',
  'cache_miss', 'gc_pause', 'alloc', 'http_request', 'db_query', 'lock_wait', 'page_fault', 'task_exit',
];
const FIELD_NAMES = [
  'pid', 'tid', 'cpu', 'prio', 'ts', 'len', 'count', 'id', 'flags', 'addr', 'ret', 'state', 'msg', 'path',
  'name', 'size', 'offset', 'comm', 'latency_ns', 'status', 'bytes', 'key', 'value', 'level',
];
// [type spelling, weight]; `char[N]`, struct and __data_loc/__rel_loc are built below.
const SCALAR_TYPES = [
  ['u32', 10], ['u64', 8], ['s32', 6], ['s64', 5], ['u16', 3], ['u8', 3], ['s16', 1], ['s8', 1],
  ['int', 3], ['unsigned int', 2], ['char', 1], ['short', 1], ['unsigned short', 1], ['unsigned char', 1],
];
const SCALAR_TOTAL = SCALAR_TYPES.reduce((n, [, w]) => n + w, 0);
const ARRAY_LENGTHS = [8, 16, 16, 20, 32, 64, 128, 256];

// Invalid: each mutates one valid definition, e.g. `x u32 a;u32 b` → `x u32  a;u32 b`.
const MUTATIONS = [
  (d) => d.replace(/^(\S+ \S+) /, '$1  '), // second space after the first type, e.g. `x u32  a`
  (d) => d.replace(/(^\S+ )\S+/, '$1long'), // unknown types, spec §11
  (d) => d.replace(/(^\S+ )\S+/, '$1bool'),
  (d) => d.replace(/(^\S+ )\S+/, '$1u32[4]'),
  (d) => d.replace(/(^\S+ )\S+/, '$1float'),
  (d) => `${d};char[0] pad`,
  (d) => `${d};char[08] pad`,
  (d) => `${d};char[1025] buf`, // v5 accepts up to 8192
  (d) => `${d};char[1234567] buf`,
  (d) => `${d};struct foo blob`, // struct without size
  (d) => `${d};struct foo blob 0x14`,
  (d) => `${d} `, // trailing space
  (d) => ` ${d}`, // leading space
  (d) => d.replace(' ', '\t'), // tab after the name
  (d) => d.replace(' ', ':BPF_ITER '), // text flags: v5 yes, linux EINVAL
  (d) => `${d};u32 extra 4`,
  (d) => `${d};__data_loc  char[] note`,
  (d) => `${d};unsigned  int n`,
  (d) => `${d};char[20]abcdef tail`, // v5 yes, linux EINVAL
];

// Edge cases from spec §11 (names varied by the caller). `fileSafe: false`
// entries cannot be written as one line of a definition file (NUL, `#`, empty).
const EDGES = [
  { make: (n) => n },
  { make: (n) => `${n} ` },
  { make: () => '', fileSafe: false },
  { make: (n) => `${n}  u32 a` },
  { make: (n) => `${n} u32 a;` },
  { make: (n) => `${n} u32 a;;` },
  { make: (n) => `${n} ;u32 a` },
  { make: (n) => `${n} u32 ` },
  { make: (n) => `${n} u32 a\t` },
  { make: (n) => `${n} char[0x14] a; char[024] b; char[+20] c` },
  { make: (n) => `${n} char[8 a]` },
  { make: (n) => `${n} char[1 a;u8 ]` },
  { make: (n) => `${n} struct foo a 4294967295` },
  { make: (n) => `${n} struct foo a 2147483648` },
  { make: (n) => `${n} struct a a 2147483647;struct b b 2147483647;struct c c 2147483647` },
  { make: (n) => `${n} __data_loc u32 a; __rel_loc char[] b` },
  { make: (n) => `${n} char[4]ééé a` },
  { make: (n) => `${n} \u00a0u32 a` },
  { make: () => 'é'.repeat(255) },
  { make: () => 'é'.repeat(256) }, // 512 UTF-8 bytes: too long
  { make: (n) => `${n} ${Array.from({ length: 70 }, (_, i) => `u64 f${i}`).join(';')}` }, // > 511 bytes
  { make: (n) => `${n} u32 a\u0000junk`, fileSafe: false },
];

/**
 * A generator of definitions: `next()` returns one definition string.
 * `forFile: true` skips edge cases that cannot be a line of a definition file.
 * Event names carry a running number, so a file of them has no re-registrations
 * except those the mutations make on purpose. `namePool: N` instead repeats N
 * fixed definitions (each event defined once, the file as long as asked).
 */
export function createDefinitionGenerator(seed = DEFAULT_SEED, { forFile = false, namePool = 0 } = {}) {
  const rand = mulberry32(seed);
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  let serial = 0;
  const eventName = () => `${pick(EVENT_STEMS)}_${(serial++).toString(36)}`;
  const scalar = () => {
    let r = rand() * SCALAR_TOTAL;
    for (const [t, w] of SCALAR_TYPES) if ((r -= w) < 0) return t;
    return 'u32';
  };
  const field = (name) => {
    const r = rand();
    if (r < 0.70) return `${scalar()} ${name}`;
    if (r < 0.82) return `char[${pick(ARRAY_LENGTHS)}] ${name}`;
    if (r < 0.90) return `__data_loc char[] ${name}`;
    if (r < 0.94) return `__rel_loc char[] ${name}`;
    return `struct ${pick(['sockaddr', 'timespec', 'guid', 'pt'])} ${name} ${pick([8, 16, 16, 24, 128])}`;
  };
  const valid = () => {
    // 1–7 fields, mostly 3–5: with ~12-byte fields this averages about 70 bytes.
    const n = 1 + Math.floor(rand() * 4) + Math.floor(rand() * 4);
    const used = new Set();
    const fields = [];
    for (let i = 0; i < n; i++) {
      let name = pick(FIELD_NAMES);
      if (used.has(name)) name = `${name}${i}`;
      used.add(name);
      fields.push(field(name));
    }
    const sep = rand() < 0.6 ? ';' : '; ';
    return `${eventName()} ${fields.join(sep)}`;
  };
  const edges = forFile ? EDGES.filter((e) => e.fileSafe !== false) : EDGES;
  const fresh = () => {
    const r = rand();
    if (r < 0.7) return valid();
    if (r < 0.9) return pick(MUTATIONS)(valid());
    return pick(edges).make(eventName());
  };
  if (!namePool) return { next: fresh };
  // A bounded set of events, each always defined the same way: what a large project's
  // files look like (a kernel holds at most 32,768 user events), however long the file.
  const pool = [];
  let i = 0;
  return { next: () => (pool[i++ % namePool] ??= fresh()) };
}

/** `count` definitions for the library benchmark. */
export function generateDefinitions(count, seed = DEFAULT_SEED) {
  const gen = createDefinitionGenerator(seed);
  const out = new Array(count);
  for (let i = 0; i < count; i++) out[i] = gen.next();
  return out;
}

/**
 * Lines of a definition file (no `\n`): `definitions` definitions, plus about 3%
 * comment lines, 2% blank lines, some trailing comments and `u:` prefixes.
 * Yields strings, so a 50 MB file can be written without holding it.
 */
export function* generateFileLines(definitions, seed = DEFAULT_SEED, { namePool = 0 } = {}) {
  const gen = createDefinitionGenerator(seed, { forFile: true, namePool });
  const rand = mulberry32(seed ^ 0x9e3779b9);
  for (let i = 0; i < definitions; i++) {
    const r = rand();
    if (r < 0.03) yield `# section ${i}: events from the ${i % 7 === 0 ? 'scheduler' : 'network'} probes`;
    else if (r < 0.05) yield '';
    const def = gen.next();
    const s = rand();
    if (s < 0.02) yield `${def}# trailing note`;
    else if (s < 0.03) yield `u:${def}`;
    else yield def;
  }
}

/** sha256 of the strings, each terminated by `\n`: the corpus identity printed in BENCHMARKS.md. */
export function corpusHash(strings) {
  const h = createHash('sha256');
  for (const s of strings) h.update(s).update('\n');
  return h.digest('hex');
}

/** Average UTF-8 length in bytes. */
export function averageBytes(strings) {
  let total = 0;
  for (const s of strings) total += Buffer.byteLength(s);
  return strings.length === 0 ? 0 : total / strings.length;
}
