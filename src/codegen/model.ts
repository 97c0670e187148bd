// The codegen model: what the TS and C generators and the runtime decoder agree on about an
// event — field kinds, payload offsets, value keys and identifiers — and which layouts cannot be
// encoded at all. Pure: no text generation here.

import { classifyField, isDynamicString } from '../layout/classify.js';
import type { EventLayout, FieldKind, LayoutField } from '../layout/types.js';

/** The 8-byte common header that precedes the payload in the record (spec §2.7). */
export const COMMON_HEADER_SIZE = 8;
/** Dynamic offsets and lengths are 16-bit halves of a u32 (spec §8). */
export const MAX_DYN = 0xffff;

export interface ModelField {
  field: LayoutField;
  kind: FieldKind;
  /** Payload offset = record offset − 8. */
  at: number;
  /** Property key in encoder values and decoded objects: the field name, deduplicated. */
  key: string;
  /** Dynamic data whose last byte must be NUL (type contains `char`), or a `char[N]` array. */
  text: boolean;
}

export interface EventModel {
  layout: EventLayout;
  fields: ModelField[];
  /** Sum of field sizes: the linux minimum payload size. */
  fixedSize: number;
}

export type ModelResult = { ok: true; model: EventModel } | { ok: false; error: string };

/**
 * Property keys for an event's fields, in field order. Field names may be any bytes and may
 * repeat (the kernel checks neither), so the second `a` becomes `a_2`, the third `a_3`, skipping
 * names already taken. `__proto__` is never used as a key: an object literal would set the
 * prototype instead of a property.
 */
export function fieldKeys(fields: readonly LayoutField[]): string[] {
  const taken = new Set<string>(['__proto__']);
  const direct = new Set(fields.map((f) => f.name));
  const keys: string[] = [];
  for (const f of fields) {
    let key = f.name;
    if (taken.has(key)) {
      for (let n = 2; ; n++) {
        const candidate = `${f.name}_${n}`;
        if (!taken.has(candidate) && !direct.has(candidate)) {
          key = candidate;
          break;
        }
      }
    }
    taken.add(key);
    keys.push(key);
  }
  return keys;
}

/**
 * Checks that an event can be encoded and returns its model. A layout is rejected when
 * - a field's size does not fit its kind (an integer of 3 bytes, a 2-byte `__data_loc`), or
 *   its offset is not the running sum: the kernel's u32 offsets wrapped (spec §2.7, e.g. three
 *   2147483647-byte structs), so no packed struct or byte array can hold the payload;
 * - dynamic data can never be addressed: it goes after the fixed part, and a `__data_loc` offset
 *   counts from the record start, so a fixed part ending past record byte 65535 leaves no room.
 */
export function buildModel(layout: EventLayout): ModelResult {
  const keys = fieldKeys(layout.fields);
  const fields: ModelField[] = [];
  let running = 0;
  for (const [i, field] of layout.fields.entries()) {
    const kind = classifyField(field.type);
    const where = `event \`${layout.name}\` field \`${field.name}\``;
    const sizeOk =
      kind === 'integer' ? [1, 2, 4, 8].includes(field.size)
      : kind === 'data-loc' || kind === 'rel-loc' ? field.size === 4
      : Number.isInteger(field.size) && field.size >= 1;
    if (!sizeOk) return { ok: false, error: `${where}: size ${field.size} does not fit type \`${field.type}\`` };
    if (field.offset !== COMMON_HEADER_SIZE + running) {
      return {
        ok: false,
        error: `${where}: offset ${field.offset} wrapped at 2^32 (expected ${COMMON_HEADER_SIZE + running}); the payload cannot be encoded`,
      };
    }
    const text = kind === 'char-array' || isDynamicString(field.type);
    fields.push({ field, kind, at: running, key: keys[i]!, text });
    running += field.size;
  }
  // A payload this large could not be allocated or written anyway; keep offsets exact numbers.
  if (COMMON_HEADER_SIZE + running > 0xffffffff) {
    return { ok: false, error: `event \`${layout.name}\`: fixed part of ${running} bytes exceeds the 32-bit record size` };
  }
  for (const f of fields) {
    // The smallest possible offset: the data starts right after the fixed part.
    const first = f.kind === 'data-loc' ? COMMON_HEADER_SIZE + running : running - (f.at + 4);
    if ((f.kind === 'data-loc' || f.kind === 'rel-loc') && first > MAX_DYN) {
      return {
        ok: false,
        error: `event \`${layout.name}\` field \`${f.field.name}\`: dynamic data would start at offset ${first}, past the 16-bit limit ${MAX_DYN}`,
      };
    }
  }
  return { ok: true, model: { layout, fields, fixedSize: running } };
}

/** Models for all events, or the first error. */
export function buildModels(events: readonly EventLayout[]): { ok: true; models: EventModel[] } | { ok: false; error: string } {
  const models: EventModel[] = [];
  for (const e of events) {
    const r = buildModel(e);
    if (!r.ok) return r;
    models.push(r.model);
  }
  return { ok: true, models };
}
