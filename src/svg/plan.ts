// Where each byte of a record goes in a byte map: the boxes (common header and user fields) at
// their byte positions, and the rows they fall in, with long runs of rows inside one field
// elided. Numbers only, no drawing. Work is per field, never per byte or per row, so a
// `struct x a 2147483647` plans as fast as a `u8`.
import { classifyField } from '../layout/classify.js';
import type { EventLayout, FieldKind } from '../layout/types.js';

/** Bytes of the common header before the first user field (spec §2.7). */
export const HEADER_SIZE = 8;
/** Bytes of `write_index` before the payload in a write() (spec §8). */
export const WRITE_INDEX_SIZE = 4;

/** The common header, as every format file lists it (spec §6.1). */
export const HEADER_FIELDS = [
  { name: 'common_type', type: 'unsigned short', offset: 0, size: 2, signed: false },
  { name: 'common_flags', type: 'unsigned char', offset: 2, size: 1, signed: false },
  { name: 'common_preempt_count', type: 'unsigned char', offset: 3, size: 1, signed: false },
  { name: 'common_pid', type: 'int', offset: 4, size: 4, signed: true },
] as const;

export interface PlannedBox {
  /** Index in `event.fields`, or -1 … -4 for the common header fields. */
  index: number;
  name: string;
  type: string;
  kind: FieldKind | 'header';
  signed: boolean;
  /** Where the bytes are: the running sum of sizes from 8 (what a writer packs). */
  start: number;
  size: number;
  /** The offset the kernel reports; differs from `start` only after the u32 offset wrapped. */
  reportedOffset: number;
}

/** A visible row: bytes [start, start + bytesPerRow). `elided` rows stand for a run of rows inside one box. */
export type PlannedRow =
  | { kind: 'row'; start: number }
  | { kind: 'elided'; start: number; end: number; box: number };

export interface Plan {
  bytesPerRow: number;
  boxes: PlannedBox[];
  rows: PlannedRow[];
  /** Record byte just past the fixed part (8 + the sum of field sizes). */
  fixedEnd: number;
  /** True when some field's reported offset is not its byte position (offsets wrapped at 2^32). */
  wrapped: boolean;
}

/** Rows of 16 bytes, or 32 when the fixed part needs more than 8 rows of 16. */
export function defaultBytesPerRow(event: EventLayout): 16 | 32 {
  let end = HEADER_SIZE;
  for (const f of event.fields) end += f.size;
  return end > 128 ? 32 : 16;
}

/** At least this many whole rows inside one box are drawn as one elided row. */
const ELIDE_MIN_ROWS = 2;

export function planByteMap(event: EventLayout, bytesPerRow: number): Plan {
  const boxes: PlannedBox[] = HEADER_FIELDS.map((h, i) => ({
    index: -1 - i, name: h.name, type: h.type, kind: 'header', signed: h.signed, start: h.offset, size: h.size, reportedOffset: h.offset,
  }));
  let at = HEADER_SIZE;
  let wrapped = false;
  for (const [index, f] of event.fields.entries()) {
    // A size of 0 or less cannot come from the layout engine; draw such a field as one byte wide
    // rather than lose it (the text still says its size).
    const size = Number.isSafeInteger(f.size) && f.size > 0 ? f.size : 0;
    boxes.push({ index, name: f.name, type: f.type, kind: classifyField(f.type), signed: f.signed, start: at, size, reportedOffset: f.offset });
    if (f.offset !== at) wrapped = true;
    at += size;
  }
  const fixedEnd = at;
  const R = bytesPerRow;

  // ELISIONS: whole rows strictly between a box's first and last row, when there are enough.
  const elisions: { from: number; to: number; box: number }[] = [];
  boxes.forEach((b, i) => {
    if (b.size === 0) return;
    const first = Math.floor(b.start / R);
    const last = Math.floor((b.start + b.size - 1) / R);
    if (last - first - 1 >= ELIDE_MIN_ROWS) elisions.push({ from: first + 1, to: last - 1, box: i });
  });

  const rows: PlannedRow[] = [];
  const lastRow = Math.floor((Math.max(fixedEnd, HEADER_SIZE) - 1) / R);
  let e = 0;
  for (let r = 0; r <= lastRow; ) {
    const next = elisions[e];
    if (next && next.from === r) {
      rows.push({ kind: 'elided', start: r * R, end: (next.to + 1) * R, box: next.box });
      r = next.to + 1;
      e++;
    } else {
      rows.push({ kind: 'row', start: r * R });
      r++;
    }
  }
  return { bytesPerRow: R, boxes, rows, fixedEnd, wrapped };
}

/** The part of box `b` that lies in the row starting at `rowStart`: [from, to) in record bytes, or undefined. */
export function segmentIn(b: PlannedBox, rowStart: number, bytesPerRow: number): { from: number; to: number } | undefined {
  const end = b.start + Math.max(b.size, 1);
  const from = Math.max(b.start, rowStart);
  const to = Math.min(end, rowStart + bytesPerRow);
  return from < to ? { from, to } : undefined;
}
