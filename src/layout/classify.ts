// Classify a field by its stored type string. Pure; shared by layout, codegen and decode.
import type { FieldKind } from './types.js';

/** e.g. `__data_loc char[]` → `data-loc`, `char[20]` → `char-array`, `struct pt` → `struct`, `u32` → `integer`. */
export function classifyField(type: string): FieldKind {
  if (type.startsWith('__data_loc ')) return 'data-loc';
  if (type.startsWith('__rel_loc ')) return 'rel-loc';
  if (type.startsWith('struct ')) return 'struct';
  if (type.startsWith('char[') || type.startsWith('unsigned char[')) return 'char-array';
  return 'integer';
}

/** Dynamic (`__data_loc`/`__rel_loc`) data is NUL-checked by the kernel iff the type contains `char`. */
export function isDynamicString(type: string): boolean {
  return (type.startsWith('__data_loc ') || type.startsWith('__rel_loc ')) && type.includes('char');
}
