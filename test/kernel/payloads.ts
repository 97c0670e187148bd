// Payloads through the kernel. For each generated event (every field kind: all integer types,
// char[N], struct, several __data_loc and __rel_loc fields in one event) the values are encoded
// by the generated TypeScript encoder and, compiled into the harness, by the generated C
// encoder. Both are written through write_index; the records are read back from the raw ring
// buffer and decoded with ue-lint's decoder. Corrupted copies of the TypeScript payload check
// that the kernel refuses exactly what ue-lint's decoder refuses (a __rel_loc offset one byte
// past the end, a string without its NUL, a __data_loc length past the end, a short payload),
// and accepts what it accepts (extra bytes after the data).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { classifyField, decode, generateCHeader, generateTsModule, isDynamicString, parseDefinition, type EventLayout, type FieldKind } from '../../src/index.js';
import { cEventIdents, fieldKeys, tsEventIdents } from '../../src/codegen/index.js';
import { errnoOf } from './judge-definitions.js';
import type { CaseReport, KernelCase, ReportLine } from './protocol.js';
import { ringRecords } from './ring-buffer.js';

// ---- events --------------------------------------------------------------------------------

const INTEGER_TYPES = ['s8', 'u8', 'char', 'unsigned char', 's16', 'u16', 'short', 'unsigned short', 's32', 'u32', 'int', 'unsigned int', 's64', 'u64'];
const TEXT_DYNAMIC = ['__data_loc char[]', '__rel_loc char[]', '__data_loc unsigned char[]', '__rel_loc unsigned char[]', '__data_loc char', '__rel_loc char'];
const RAW_DYNAMIC = ['__data_loc u8[]', '__rel_loc u32[]', '__data_loc s16[]', '__rel_loc unsigned int[]', '__data_loc unsigned long'] as const;

const fieldName = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^[a-z][a-z0-9_]{0,7}$/) },
  // Names the generators must rename: C/C++ keywords, their own parameter names, `__proto__`.
  { weight: 1, arbitrary: fc.constantFrom('int', 'iov', 'fixed', 'write_index', 'class', '__proto__', 'a', 'a') },
);
const arrayLength = fc.integer({ min: 1, max: 48 }).chain((n) => fc.constantFrom(String(n), `0x${n.toString(16)}`, `0${n.toString(8)}`));
const fixedField = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...INTEGER_TYPES) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('char[', 'unsigned char['), arrayLength).map(([t, n]) => `${t}${n}]`) },
  { weight: 1, arbitrary: fc.tuple(fc.stringMatching(/^[a-z]{1,6}$/), fc.integer({ min: 1, max: 24 })).map(([t, n]) => ({ struct: t, size: n })) },
);
const dynamicField = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...TEXT_DYNAMIC) }, { weight: 1, arbitrary: fc.constantFrom(...RAW_DYNAMIC) });

type TypeSpec = string | { struct: string; size: number };

/** Fixed and dynamic fields in a shuffled order; even events carry at least two of each dynamic kind. */
function eventArbitrary(i: number): fc.Arbitrary<string> {
  const several = i % 2 === 0;
  const dataLoc = fc.array(dynamicField.map((t) => t.replace('__rel_loc', '__data_loc')), { minLength: several ? 2 : 0, maxLength: 3 });
  const relLoc = fc.array(dynamicField.map((t) => t.replace('__data_loc', '__rel_loc')), { minLength: several ? 2 : 0, maxLength: 3 });
  return fc
    .tuple(fc.array(fixedField, { minLength: several ? 1 : 2, maxLength: 8 }), dataLoc, relLoc)
    .chain(([fixed, d, r]) => {
      const types: TypeSpec[] = [...fixed, ...d, ...r];
      return fc.tuple(fc.constant(types), fc.array(fieldName, { minLength: types.length, maxLength: types.length }), fc.array(fc.nat(), { minLength: types.length, maxLength: types.length }));
    })
    .map(([types, names, keys]) => {
      const order = types.map((_, k) => k).sort((a, b) => keys[a]! - keys[b]! || a - b);
      const pieces = order.map((k) => {
        const t = types[k]!;
        return typeof t === 'string' ? `${t} ${names[k]}` : `struct ${t.struct} ${names[k]} ${t.size}`;
      });
      return `pay_${i} ${pieces.join('; ')}`;
    });
}

// ---- values --------------------------------------------------------------------------------

export type Value = number | bigint | string | Uint8Array;

/** A code point that is not NUL (C strings cannot carry it) and not a surrogate, mostly ASCII. */
const codePoint = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0x20, max: 0x7e }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 0x1f }) },
  { weight: 1, arbitrary: fc.integer({ min: 0x80, max: 0x7ff }) },
  { weight: 1, arbitrary: fc.integer({ min: 0x800, max: 0xffff }).filter((c) => c < 0xd800 || c > 0xdfff) },
  { weight: 1, arbitrary: fc.integer({ min: 0x10000, max: 0x10ffff }) },
).map((c) => String.fromCodePoint(c));

/** A string of at most `bytes` UTF-8 bytes, often exactly that many when ASCII fills it. */
function text(bytes: number): fc.Arbitrary<string> {
  return fc.oneof(
    fc.array(codePoint, { maxLength: bytes }).map((cps) => {
      let s = '';
      for (const c of cps) if (Buffer.byteLength(s + c) <= bytes) s += c;
      return s;
    }),
    fc.constant('x'.repeat(bytes)),
  );
}

interface PlanField {
  kind: FieldKind;
  key: string;
  /** Payload offset. */
  at: number;
  size: number;
  signed: boolean;
  text: boolean;
}

function planFields(layout: EventLayout): PlanField[] {
  const keys = fieldKeys(layout.fields);
  return layout.fields.map((f, k) => {
    const kind = classifyField(f.type);
    return { kind, key: keys[k]!, at: f.offset - 8, size: f.size, signed: f.signed, text: kind === 'char-array' || isDynamicString(f.type) };
  });
}

function valueArbitrary(f: PlanField): fc.Arbitrary<Value> {
  switch (f.kind) {
    case 'integer': {
      const bits = f.size * 8;
      if (bits === 64) return f.signed ? fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }) : fc.bigInt({ min: 0n, max: 2n ** 64n - 1n });
      return f.signed ? fc.integer({ min: -(2 ** (bits - 1)), max: 2 ** (bits - 1) - 1 }) : fc.integer({ min: 0, max: 2 ** bits - 1 });
    }
    case 'char-array':
      return text(f.size);
    case 'struct':
      return fc.uint8Array({ minLength: f.size, maxLength: f.size });
    default:
      return f.text ? text(40) : fc.uint8Array({ maxLength: 40 });
  }
}

// ---- the plan ------------------------------------------------------------------------------

export interface Variant {
  label: string;
  bytes: Uint8Array;
  /** The values a record of these bytes must decode to (unchanged by an appended tail). */
  values?: Record<string, Value>;
  /** What write(2) gets: write_index 0 (the first event on a new file), then `bytes`; the generated `writeX` makes it for the encoder's payload. */
  wire?: Uint8Array;
  /**
   * A payload the kernel accepts and ue-lint's decoder refuses on purpose, with the section of
   * docs/kernel.md that explains it. Judged separately: both sides must still behave as documented.
   */
  documented?: string;
  /** A payload ftrace drops although the write succeeds (docs/kernel.md): no record is expected. */
  dropped?: string;
}

export interface PayloadEvent {
  id: number;
  definition: string;
  layout: EventLayout;
  fields: PlanField[];
  fixedSize: number;
  values: Record<string, Value>;
  /** Generated events: [0] is the TypeScript encoder's payload, the rest are corrupted copies. */
  writes: Variant[];
  /** The generated C encoder writes the same values after `writes` (false for the hand-made edge events). */
  c: boolean;
}

export interface PayloadPlan {
  events: number;
  list: PayloadEvent[];
  cases: KernelCase[];
  header: string;
  dispatcher: string;
}

/** Generates the events and values, encodes them with the generated TypeScript module, and generates the C side. */
export async function buildPayloadPlan(count: number, seed: number, work: string, firstId: number): Promise<PayloadPlan> {
  const definitions = Array.from({ length: count }, (_, i) => fc.sample(eventArbitrary(i), { numRuns: 1, seed: seed + i })[0]!);
  const layouts = definitions.map((d) => {
    const r = parseDefinition(d, { abi: 'linux' });
    if (!r.ok) throw new Error(`generated payload event ${JSON.stringify(d)} is not a valid definition (${r.errno})`);
    return r.event;
  });
  const opts = { source: 'kernel-payloads.ue', abi: 'linux' as const, definitions };
  const ts = generateTsModule(layouts, opts);
  const c = generateCHeader(layouts, opts);
  if (!ts.ok || !c.ok) throw new Error(`codegen failed: ${!ts.ok ? ts.error : !c.ok ? c.error : ''}`);
  const tsFile = join(work, 'events.ts');
  writeFileSync(tsFile, ts.text);
  const mod = (await import(pathToFileURL(tsFile).href)) as Record<string, (values: unknown) => Uint8Array>;
  const tsIds = tsEventIdents(layouts, definitions);
  const cIds = cEventIdents(layouts, definitions);

  const list: PayloadEvent[] = [];
  const slots: string[] = [];
  layouts.forEach((layout, i) => {
    const fields = planFields(layout);
    const values = fc.sample(fc.tuple(...fields.map(valueArbitrary)), { numRuns: 1, seed: seed + 7919 * (i + 1) })[0]!;
    const record: Record<string, Value> = Object.create(null) as Record<string, Value>;
    fields.forEach((f, k) => (record[f.key] = values[k]!));
    const encode = mod[`encode${tsIds[i]}`];
    if (typeof encode !== 'function') throw new Error(`the generated module has no encode${tsIds[i]}`);
    const payload = encode({ ...record });
    const write = mod[`write${tsIds[i]}`] as unknown as ((index: number, values: unknown) => Uint8Array) | undefined;
    if (typeof write !== 'function') throw new Error(`the generated module has no write${tsIds[i]}`);
    const wire = write(0, { ...record });
    const fixedSize = fields.reduce((n, f) => n + f.size, 0);
    list.push({
      id: firstId + i,
      definition: definitions[i]!,
      layout,
      fields,
      fixedSize,
      values: record,
      writes: [{ label: 'TypeScript encoder', bytes: payload, values: record, wire }, ...corruptions(payload, fields, fixedSize, record)],
      c: true,
    });
    // The call and writev in one statement: compound literals live only as long as their block.
    slots.push(`\tcase ${i}:\n\t\treturn ue_finish(${cIds[i]}_iov(iov, &write_index, (void *)fixed${fields.map((f) => `, ${cArgument(f, record[f.key]!)}`).join('')}), iov, fd, bytes, cap, len);`);
  });

  const dispatcher = `/* generated by test/kernel/payloads.ts: the C encoder's payload of each event */
#include <errno.h>
#include "events.h"

long ue_c_payload(int slot, int fd, uint32_t write_index, unsigned char *bytes, size_t cap, size_t *len);

/* Copies what the encoder put in iov[1..n) to bytes, then writes it all. */
static long ue_finish(int n, const struct iovec *iov, int fd, unsigned char *bytes, size_t cap, size_t *len)
{
	if (n < 0)
		return ${ENCODER_REFUSED};
	for (int i = 1; i < n; i++) {
		if (*len + iov[i].iov_len > cap)
			return ${ENCODER_REFUSED};
		memcpy(bytes + *len, iov[i].iov_base, iov[i].iov_len);
		*len += iov[i].iov_len;
	}
	ssize_t w = writev(fd, iov, n);
	return w < 0 ? -errno : (long)w;
}

long ue_c_payload(int slot, int fd, uint32_t write_index, unsigned char *bytes, size_t cap, size_t *len)
{
	static unsigned char fixed[1 << 16];
	struct iovec iov[64];
	*len = 0;
	switch (slot) {
${slots.join('\n')}
	default:
		return ${NO_SLOT};
	}
}
`;
  list.push(...edgeEvents(firstId + count));
  const cases: KernelCase[] = list.map((e, i) => ({ kind: 'pay', id: e.id, definition: e.definition, cSlot: e.c ? i : -1, payloads: e.writes.map(wireOf) }));
  return { events: count, list, cases, header: c.text, dispatcher };
}

/** The bytes write(2) gets for a variant. */
export function wireOf(w: Variant): Uint8Array {
  if (w.wire) return w.wire;
  const out = new Uint8Array(4 + w.bytes.length);
  out.set(w.bytes, 4);
  return out;
}

const NO_SLOT = -100001;
const ENCODER_REFUSED = -100002;

function cBytes(b: Uint8Array): string {
  return b.length === 0 ? '(const unsigned char *)""' : `(const unsigned char[]){${[...b].map((x) => `0x${x.toString(16)}`).join(',')}}`;
}

function cString(s: string): string {
  return `"${[...Buffer.from(s, 'utf8')].map((x) => `\\${x.toString(8).padStart(3, '0')}`).join('')}"`;
}

function cArgument(f: PlanField, v: Value): string {
  if (typeof v === 'bigint') {
    if (!f.signed) return `${v}ULL`;
    return v === -(2n ** 63n) ? '(-9223372036854775807LL - 1)' : `${v}LL`;
  }
  if (typeof v === 'number') return v === -(2 ** 31) ? '(-2147483647 - 1)' : f.size === 4 && !f.signed ? `${v}u` : String(v);
  if (typeof v === 'string') return cString(v);
  return f.kind === 'struct' ? cBytes(v) : `${cBytes(v)}, ${v.length}`;
}

/** Copies of a valid payload that the kernel must refuse (or, for a tail, accept). */
function corruptions(payload: Uint8Array, fields: PlanField[], fixedSize: number, values: Record<string, Value>): Variant[] {
  const out: Variant[] = [];
  const loc = (b: Uint8Array, at: number) => new DataView(b.buffer, b.byteOffset).getUint32(at, true);
  const setLoc = (b: Uint8Array, at: number, v: number) => new DataView(b.buffer, b.byteOffset).setUint32(at, v >>> 0, true);
  const rel = fields.find((f) => f.kind === 'rel-loc');
  if (rel) {
    const b = payload.slice();
    const length = loc(b, rel.at) >>> 16;
    const offset = b.length - (rel.at + 4) - length + 1; // the data ends one byte past the payload
    if (offset >= 0 && offset <= 0xffff) {
      setLoc(b, rel.at, offset | (length << 16));
      out.push({ label: '__rel_loc offset: data ends 1 byte past the payload', bytes: b });
    }
  }
  const textDyn = fields.find((f) => (f.kind === 'rel-loc' || f.kind === 'data-loc') && f.text);
  if (textDyn) {
    const b = payload.slice();
    const v = loc(b, textDyn.at);
    const start = textDyn.kind === 'rel-loc' ? textDyn.at + 4 + (v & 0xffff) : (v & 0xffff) - 8;
    const end = start + (v >>> 16);
    b[end - 1] = 0x41;
    out.push({ label: 'string data without its NUL', bytes: b });
  }
  const data = fields.find((f) => f.kind === 'data-loc');
  if (data) {
    const b = payload.slice();
    const v = loc(b, data.at);
    const length = b.length - ((v & 0xffff) - 8) + 1; // one byte past the payload
    if (length <= 0xffff) {
      setLoc(b, data.at, (v & 0xffff) | (length << 16));
      out.push({ label: '__data_loc length: data ends 1 byte past the payload', bytes: b });
    }
  }
  if (fixedSize > 0) out.push({ label: 'payload 1 byte shorter than the fixed part', bytes: payload.slice(0, fixedSize - 1) });
  const tail = new Uint8Array(payload.length + 3);
  tail.set(payload);
  tail.set([0xde, 0xad, 0x00], payload.length);
  out.push({ label: '3 bytes after the data', bytes: tail, values });
  return out;
}

/**
 * Hand-made payloads at the edges of the kernel's write-time checks (spec §8): empty string data
 * (the kernel checks the byte *before* the start), data inside the common header or the fixed
 * part, two fields sharing data.
 */
function edgeEvents(firstId: number): PayloadEvent[] {
  const make = (id: number, definition: string, writes: Variant[]): PayloadEvent => {
    const r = parseDefinition(definition, { abi: 'linux' });
    if (!r.ok) throw new Error(`edge event ${definition} does not parse`);
    const fields = planFields(r.event);
    return { id, definition, layout: r.event, fields, fixedSize: fields.reduce((n, f) => n + f.size, 0), values: {}, writes, c: false };
  };
  const bytes = (...parts: (number[] | string)[]) => Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));
  const loc = (offset: number, length: number) => [offset & 0xff, offset >> 8, length & 0xff, length >> 8];
  // edge_text: z at payload 0, r (__rel_loc, data from payload 5 + offset) at 1, d (__data_loc, from record 0 = payload -8) at 5; data from 9.
  const text = 'edge_text u8 z; __rel_loc char[] r; __data_loc char[] d';
  // edge_raw: h (__data_loc u8[]) at payload 0, x at 4.
  const raw = 'edge_raw __data_loc u8[] h; u32 x';
  const blob = Uint8Array.from({ length: 4064 }, (_, i) => (i * 7) & 0xff);
  return [
    make(firstId, text, [
      { label: 'both strings share "ab\\0"', bytes: bytes([7], loc(4, 3), loc(17, 3), 'ab\0'), values: { z: 7, r: 'ab', d: 'ab' } },
      { label: 'r: empty data right after a non-NUL byte', bytes: bytes([7], loc(6, 0), loc(17, 3), 'ab\0') },
      { label: 'r: empty data right after a NUL byte', bytes: bytes([7], loc(7, 0), loc(17, 3), 'ab\0'), documented: 'empty string data' },
    ]),
    make(firstId + 1, raw, [
      { label: 'h: the 4 bytes of x, inside the fixed part', bytes: bytes(loc(12, 4), [1, 2, 3, 4]), values: { h: Uint8Array.of(1, 2, 3, 4), x: 0x04030201 } },
      { label: 'h: 4 bytes of the common header', bytes: bytes(loc(0, 4), [1, 2, 3, 4]), documented: 'data in the common header' },
      { label: 'h: from the common header into x, 1 byte past the end', bytes: bytes(loc(4, 13), [1, 2, 3, 4]) },
    ]),
    // The largest record a 4 KiB ring-buffer page holds is 4072 bytes: the header and 4064 payload bytes.
    make(firstId + 2, 'edge_big struct blob b 4064', [
      { label: 'a 4064-byte payload', bytes: blob, values: { b: blob } },
      { label: 'a 4065-byte payload', bytes: bytes([...blob], [0]), dropped: 'ftrace drops records over 4072 bytes' },
    ]),
  ];
}

// ---- judging -------------------------------------------------------------------------------

function args(report: CaseReport, tag: string): ReportLine[] {
  return report.lines.filter((l) => l.tag === tag);
}

const EINVAL = -22;
const EFAULT = -14;

/** Values equal as the decoder returns them (strings, numbers, bigints, bytes). */
function sameValues(got: Record<string, unknown>, want: Record<string, Value>): string | undefined {
  for (const [k, w] of Object.entries(want)) {
    const g = got[k];
    const same = w instanceof Uint8Array ? g instanceof Uint8Array && Buffer.from(g).equals(Buffer.from(w)) : g === w;
    if (!same) return `field ${k}: recorded ${fmt(g)}, written ${fmt(w)}`;
  }
  return undefined;
}

function fmt(v: unknown): string {
  if (v instanceof Uint8Array) return `bytes ${Buffer.from(v).toString('hex')}`;
  if (typeof v === 'bigint') return `${v}n`;
  return JSON.stringify(v);
}

/** Checks one recorded entry against what was written. */
function checkRecord(data: Uint8Array | undefined, written: Uint8Array, e: PayloadEvent, id: number, values: Record<string, Value> | undefined): string | undefined {
  if (data === undefined) return 'no record in the ring buffer';
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (view.getUint16(0, true) !== id) return `record of event type ${view.getUint16(0, true)}, not ${id}`;
  if (view.getInt32(4, true) !== 1) return `record of pid ${view.getInt32(4, true)}, not 1 (the harness)`;
  const pad = data.length - 8 - Math.max(written.length, 1);
  if (pad < 0 || pad > 3) return `record of ${data.length - 8} payload bytes for ${written.length} written`;
  const recorded = data.subarray(8, 8 + written.length);
  if (!Buffer.from(recorded).equals(Buffer.from(written))) {
    return `recorded bytes ${Buffer.from(recorded).toString('hex')} differ from the written ${Buffer.from(written).toString('hex')}`;
  }
  if (values === undefined) return undefined;
  const decoded = decode(recorded, e.layout, { abi: 'linux' });
  if (!decoded.ok) return `ue-lint's decoder rejects the record: ${decoded.error}`;
  return sameValues(decoded.values, values);
}

export interface PayloadVerdict {
  /** Payloads judged (documented differences excluded) and how many agree. */
  total: number;
  agree: number;
  /** Documented differences that still behave as docs/kernel.md says. */
  documented: string[];
  failures: string[];
}

export function judgePayloads(plan: PayloadPlan, reports: Map<number, CaseReport>): PayloadVerdict {
  const v: PayloadVerdict = { total: 0, agree: 0, documented: [], failures: [] };
  for (const e of plan.list) {
    const report = reports.get(e.id);
    const counted = e.writes.filter((w) => w.documented === undefined && w.dropped === undefined).length + (e.c ? 1 : 0);
    v.total += counted;
    const fail = (what: string) => v.failures.push(`payload event ${JSON.stringify(e.definition)}: ${what}`);
    if (!report || report.crashed) {
      fail(report?.crashed ?? 'no report');
      continue;
    }
    const reg = Number(args(report, 'R')[0]?.args[0]);
    const enable = Number(args(report, 'E')[0]?.args[0]);
    const format = args(report, 'F')[0]?.args[1];
    const idMatch = format instanceof Uint8Array ? /\nID: (\d+)\n/.exec(Buffer.from(format).toString('latin1')) : null;
    if (reg !== 0 || enable !== 0 || !idMatch) {
      fail(`registration ${errnoOf(reg)}, enable ${enable}, format file ${idMatch ? 'read' : 'unreadable'}: nothing was written`);
      continue;
    }
    const typeId = Number(idMatch[1]);
    const writeIndex = Number(args(report, 'R')[0]?.args[1]);
    if (writeIndex !== 0) {
      fail(`write_index is ${writeIndex}: the payloads were written with 0`);
      continue;
    }
    let records;
    try {
      records = ringRecords(args(report, 'T')[0]?.args[0] as Uint8Array);
    } catch (err) {
      fail(`the ring buffer cannot be read: ${(err as Error).message}`);
      continue;
    }
    let next = 0;
    const problems: string[] = [];
    e.writes.forEach((w, k) => {
      const ret = Number(args(report, 'W')[k]?.args[1]);
      const decoded = decode(w.bytes, e.layout, { abi: 'linux' });
      const shown = `${w.label} ${Buffer.from(w.bytes).toString('hex')}`;
      if (w.wire && !Buffer.from(w.wire).equals(Buffer.from(wireOf({ ...w, wire: undefined })))) {
        problems.push(`${shown}: writeX(0, values) gives ${Buffer.from(w.wire).toString('hex')}, not index 0 and encodeX(values)`);
        return;
      }
      if (w.dropped !== undefined) {
        // Accepted, valid for ue-lint, and not recorded: the ring buffer cannot hold it (docs/kernel.md).
        const problem =
          ret !== w.bytes.length + 4 ? `the kernel refuses it (${errnoOf(ret)})`
          : !decoded.ok ? `ue-lint's decoder refuses it: ${decoded.error}`
          : undefined;
        if (problem === undefined) v.documented.push(`${w.dropped}: ${w.label}`);
        else problems.push(`${w.label}: documented behaviour "${w.dropped}" does not hold: ${problem}; update docs/kernel.md`);
        return;
      }
      if (w.documented !== undefined) {
        // The kernel accepts and records it; ue-lint's decoder refuses it (docs/kernel.md).
        const problem =
          ret !== w.bytes.length + 4 ? `the kernel no longer accepts it (${errnoOf(ret)})`
          : decoded.ok ? "ue-lint's decoder now accepts it"
          : checkRecord(records[next++]?.data, w.bytes, e, typeId, undefined);
        if (problem === undefined) v.documented.push(`${w.documented}: ${w.label}`);
        else problems.push(`${shown}: documented difference "${w.documented}" does not hold: ${problem}; update docs/kernel.md`);
        return;
      }
      const wantRet = decoded.ok ? w.bytes.length + 4 : w.bytes.length < e.fixedSize ? EINVAL : EFAULT;
      let problem: string | undefined;
      if (ret !== wantRet) {
        problem = `kernel ${ret >= 0 ? `accepts (${ret} bytes)` : errnoOf(ret)} / ue-lint ${decoded.ok ? `accepts (${wantRet} bytes)` : `${errnoOf(wantRet)}: ${decoded.error}`}`;
      } else if (ret > 0) {
        problem = checkRecord(records[next++]?.data, w.bytes, e, typeId, w.values);
      }
      if (problem === undefined) v.agree++;
      else problems.push(`${shown}: ${problem}`);
    });
    if (e.c) {
      const c = args(report, 'C')[0];
      const cRet = Number(c?.args[0]);
      const cBytesWritten = c?.args[1] as Uint8Array | undefined;
      const tsBytes = e.writes[0]!.bytes;
      let cProblem: string | undefined;
      if (cRet !== tsBytes.length + 4 || cBytesWritten === undefined) cProblem = `writev returned ${cRet >= -4095 && cRet < 0 ? errnoOf(cRet) : cRet}, expected ${tsBytes.length + 4}`;
      else if (!Buffer.from(cBytesWritten).equals(Buffer.from(tsBytes))) cProblem = `C payload ${Buffer.from(cBytesWritten).toString('hex')} differs from the TypeScript payload ${Buffer.from(tsBytes).toString('hex')}`;
      else cProblem = checkRecord(records[next++]?.data, cBytesWritten, e, typeId, e.values);
      if (cProblem === undefined) v.agree++;
      else problems.push(`C encoder: ${cProblem}`);
    }
    if (next !== records.length && problems.length === 0) problems.push(`${records.length - next} unexpected records in the ring buffer`);
    if (problems.length > 0) fail(`values ${fmtValues(e.values)}\n  ${problems.join('\n  ')}`);
  }
  return v;
}

function fmtValues(v: Record<string, Value>): string {
  return `{ ${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}: ${fmt(x)}`).join(', ')} }`;
}
