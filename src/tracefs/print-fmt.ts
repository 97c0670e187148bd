// The `print fmt:` line of a format file (spec §5). Pure.
import type { AbiProfile } from '../layout/profiles.js';
import type { LayoutField } from '../layout/types.js';

const SPEC: ReadonlyMap<string, string> = new Map([
  ['s64', '%lld'], ['u64', '%llu'],
  ['s32', '%d'], ['int', '%d'], ['s16', '%d'], ['short', '%d'], ['s8', '%d'], ['char', '%d'],
  ['u32', '%u'], ['unsigned int', '%u'], ['u16', '%u'], ['unsigned short', '%u'], ['u8', '%u'], ['unsigned char', '%u'],
]);

function specFor(type: string): string {
  return SPEC.get(type) ?? (type.includes('char[') ? '%s' : '%llu');
}

function argFor(f: LayoutField): string {
  // e.g. `__data_loc char[] path` → __get_str(path); note `__rel_loc char x` gets
  // __get_rel_str with a %llu spec: the kernel's mismatch, reproduced.
  if (f.type.startsWith('__data_loc ') && f.type.includes('char')) return `__get_str(${f.name})`;
  if (f.type.startsWith('__rel_loc ') && f.type.includes('char')) return `__get_rel_str(${f.name})`;
  return `REC->${f.name}`;
}

/** e.g. `"count=%u", REC->count` (linux) or `""` (v5, or no fields). Names are pasted verbatim, as the kernel does. */
export function printFmt(fields: readonly LayoutField[], profile: AbiProfile): string {
  if (profile.printFmt === 'empty' || fields.length === 0) return '""';
  return `"${fields.map((f) => `${f.name}=${specFor(f.type)}`).join(' ')}"${fields.map((f) => `, ${argFor(f)}`).join('')}`;
}
