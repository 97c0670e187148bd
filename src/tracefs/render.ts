// Renderers for what tracefs shows of a user event: the `format` file (spec §6)
// and the `dynamic_events` listing line (spec §7). Pure text, byte-exact.
import type { AbiProfile } from '../layout/profiles.js';
import type { EventLayout, LayoutField } from '../layout/types.js';
import { printFmt } from './print-fmt.js';

const COMMON_BLOCK =
  '\tfield:unsigned short common_type;\toffset:0;\tsize:2;\tsigned:0;\n' +
  '\tfield:unsigned char common_flags;\toffset:2;\tsize:1;\tsigned:0;\n' +
  '\tfield:unsigned char common_preempt_count;\toffset:3;\tsize:1;\tsigned:0;\n' +
  '\tfield:int common_pid;\toffset:4;\tsize:4;\tsigned:1;\n';

/**
 * The declaration part of a field line. Arrays put the name before the `[`:
 * v5 copies the suffix verbatim (`char msg[0x14]`, quirk `char a][8`); linux ≥ 6.2
 * prints a length attribute user_events never sets, so `char msg[]`.
 */
export function fieldDeclaration(f: LayoutField, profile: AbiProfile): string {
  const p = f.type.indexOf('[');
  if (p < 0 || f.type.startsWith('__data_loc')) return `${f.type} ${f.name}`;
  const suffix = profile.formatArrays === 'verbatim' ? f.type.slice(p) : '[]';
  return `${f.type.slice(0, p)} ${f.name}${suffix}`;
}

/** The tracefs `format` file; `id` fills the `ID:` line (`<ID>` when omitted). */
export function renderFormatFile(event: EventLayout, profile: AbiProfile, id?: number): string {
  let out = `name: ${event.name}\nID: ${id ?? '<ID>'}\nformat:\n${COMMON_BLOCK}\n`;
  for (const f of event.fields) {
    out += `\tfield:${fieldDeclaration(f, profile)};\toffset:${f.offset >>> 0};\tsize:${f.size >>> 0};\tsigned:${f.signed ? 1 : 0};\n`;
  }
  return `${out}\nprint fmt: ${printFmt(event.fields, profile)}\n`;
}

function listField(f: LayoutField, profile: AbiProfile): string {
  const size = profile.listStructSizes && f.type.startsWith('struct ') ? ` ${f.size}` : '';
  return `${f.type} ${f.name}${size}`;
}

/** e.g. `u:evt __data_loc char[] path; struct pt p 16; s64 ts` (linux lists struct sizes, v5 does not). */
export function renderDynamicEventsLine(event: EventLayout, profile: AbiProfile): string {
  const fields = event.fields.map((f) => listField(f, profile)).join('; ');
  return `u:${event.name}${fields ? ' ' + fields : ''}`;
}
