// Runtime payload decoding against an EventLayout, for tests and for payloads captured from a
// trace. Mirrors what the generated `decodeX` functions do. Never throws: errors are values.

import type { AbiName, EventLayout } from '../layout/types.js';
import { buildModel, COMMON_HEADER_SIZE, type ModelField } from './model.js';

/** integer ≤ 32 bits → number, 64 bits → bigint; char data → string; struct and other dynamic data → bytes. */
export type DecodedValue = number | bigint | string | Uint8Array;

/** Values keyed like the encoders' (field names, duplicates as `a_2`; see `fieldKeys`). */
export type DecodeResult = { ok: true; values: Record<string, DecodedValue> } | { ok: false; error: string };

export interface DecodeOptions {
  /** linux (default): dynamic char data must end with NUL, as the kernel checks at write time. v5 never checked. */
  abi?: AbiName;
}

/**
 * Decodes a payload (the record without its 8-byte common header, and without `write_index`).
 * `char[N]` text ends at its first NUL; dynamic char data loses its final NUL. A payload that
 * violates the layout is rejected with an error naming the field.
 *
 * @example
 * decode(Uint8Array.of(7, 0, 0, 0), layoutOf('e u32 a')) // → { ok: true, values: { a: 7 } }
 */
export function decode(payload: Uint8Array, event: EventLayout, opts: DecodeOptions = {}): DecodeResult {
  const built = buildModel(event);
  if (!built.ok) return built;
  const { model } = built;
  const ev = `event \`${event.name}\``;
  if (payload.length < model.fixedSize) {
    return { ok: false, error: `${ev}: payload is ${payload.length} bytes, shorter than the ${model.fixedSize}-byte fixed part` };
  }
  const view = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
  const strict = (opts.abi ?? 'linux') === 'linux';
  // Keys come from `fieldKeys`, which never yields `__proto__`, so a plain object is safe.
  const values: Record<string, DecodedValue> = {};
  for (const f of model.fields) {
    const r = decodeField(payload, view, f, strict);
    if (typeof r === 'object' && r !== null && 'error' in r) return { ok: false, error: `${ev} field \`${f.field.name}\`: ${r.error}` };
    values[f.key] = r;
  }
  return { ok: true, values };
}

const utf8 = new TextDecoder('utf-8');

function decodeField(payload: Uint8Array, view: DataView, f: ModelField, strict: boolean): DecodedValue | { error: string } {
  const { at } = f;
  const { size, signed } = f.field;
  switch (f.kind) {
    case 'integer':
      if (size === 8) return signed ? view.getBigInt64(at, true) : view.getBigUint64(at, true);
      if (size === 4) return signed ? view.getInt32(at, true) : view.getUint32(at, true);
      if (size === 2) return signed ? view.getInt16(at, true) : view.getUint16(at, true);
      return signed ? view.getInt8(at) : view.getUint8(at);
    case 'char-array': {
      const bytes = payload.subarray(at, at + size);
      const nul = bytes.indexOf(0);
      return utf8.decode(nul < 0 ? bytes : bytes.subarray(0, nul));
    }
    case 'struct':
      return payload.slice(at, at + size);
    case 'data-loc':
    case 'rel-loc': {
      const loc = view.getUint32(at, true);
      const offset = loc & 0xffff;
      const length = loc >>> 16;
      // __data_loc counts from the record start, which the payload lacks; __rel_loc from the field's end.
      const start = f.kind === 'rel-loc' ? at + 4 + offset : offset - COMMON_HEADER_SIZE;
      if (start < 0) return { error: `data offset ${offset} points into the common header` };
      if (start + length > payload.length) {
        return { error: `data at payload bytes ${start}..${start + length} ends past the payload end ${payload.length}` };
      }
      const data = payload.subarray(start, start + length);
      if (!f.text) return data.slice();
      if (length > 0 && data[length - 1] === 0) return utf8.decode(data.subarray(0, length - 1));
      // The kernel rejects (EFAULT) char data whose last byte is not NUL; empty data has no last
      // byte, and this decoder rejects it too rather than peek before the start as the kernel does.
      if (strict) return { error: length === 0 ? 'string data is empty, without its NUL' : 'string data does not end with NUL' };
      return utf8.decode(data);
    }
  }
}
