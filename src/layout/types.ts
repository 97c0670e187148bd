// Layout data types. Every value notes whether it is parsed *from the definition*
// or *deduced* by the layout engine from the ABI profile.

import type { Diagnostic } from '../diagnostics/diagnostic.js';

export type AbiName = 'linux' | 'v5';

/** One user field, exactly as the kernel stores and reports it. */
export interface LayoutField {
  /** From the definition: the stored type string, e.g. `unsigned int`, `char[0x14]`, `__data_loc char[]`. */
  type: string;
  /** From the definition: the stored name, any bytes, e.g. `id`, `a\t`, `` (empty). */
  name: string;
  /** Deduced: offset in the record (first user field at 8), unsigned 32-bit, wraps. */
  offset: number;
  /** Deduced: size in bytes (from the type table, `char[N]`, or the struct size token). */
  size: number;
  /** Deduced: false iff the type's first byte is `u`. */
  signed: boolean;
}

/** The public result of a successful registration. */
export interface EventLayout {
  /** From the definition: the event name (bytes before the first space and first `:`). */
  name: string;
  /** Deduced: flags the kernel recognised, e.g. `['BPF_ITER']` (v5 only; linux is always `[]`). */
  flags: string[];
  fields: LayoutField[];
}

/**
 * What a field's bytes hold, deduced from its type string:
 * - `integer`: `u8`…`s64`, `int`, `short`, `char` and the unsigned variants
 * - `char-array`: `char[N]` / `unsigned char[N]`, N bytes inline, not NUL-checked
 * - `struct`: `struct X`, raw bytes of the declared size
 * - `data-loc`: `__data_loc …`, u32 = offset from record start | length << 16
 * - `rel-loc`: `__rel_loc …`, u32 = offset from the end of the field | length << 16
 */
export type FieldKind = 'integer' | 'char-array' | 'struct' | 'data-loc' | 'rel-loc';

export type ParseResult =
  | { ok: true; event: EventLayout; diagnostics: Diagnostic[] }
  | { ok: false; errno: string; diagnostics: Diagnostic[] };

export interface ParseOptions {
  /** ABI profile name; defaults to `linux`. */
  abi?: AbiName;
}

export interface FormatFileOptions {
  abi?: AbiName;
  /** Fills the `ID:` line; the kernel assigns it at registration. Defaults to 0. */
  id?: number;
}
