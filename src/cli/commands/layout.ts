// `ue-lint layout <definition | --file F>`: the field table (name, type, offset,
// size, signed, payload offset) as a table, JSON, a packed C struct, or an SVG byte map.
import type { Argv } from 'yargs';
import { classifyField, type AbiName, type EventLayout, type LayoutField } from '../../index.js';
import { byteMapsSvg } from '../../svg/index.js';
import type { CliCommand } from '../command.js';
import { collectDefinitions, parseAll } from '../definitions.js';

/** Bytes of the common header before the first user field; payload offset = offset − 8. */
export const COMMON_HEADER_SIZE = 8;

export interface LayoutArgs {
  definition?: string;
  file?: string;
  abi: AbiName;
  format: 'table' | 'json' | 'c' | 'svg';
  color?: boolean;
}

const payload = (f: LayoutField) => f.offset - COMMON_HEADER_SIZE;

/** Plain-text table, columns aligned; numbers right-aligned. */
export function layoutTable(event: EventLayout, abi: AbiName): string {
  const head = ['name', 'type', 'offset', 'size', 'signed', 'payload offset'];
  const rows = event.fields.map((f) => [f.name, f.type, String(f.offset), String(f.size), f.signed ? 'yes' : 'no', String(payload(f))]);
  const numeric = [false, false, true, true, false, true];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fmt = (r: string[]) => r.map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  const title = `${event.name} (${abi} ABI, ${event.fields.length} field${event.fields.length === 1 ? '' : 's'}${event.flags.length ? `, flags ${event.flags.join(',')}` : ''})`;
  if (rows.length === 0) return `${title}\n`;
  return [title, fmt(head), fmt(widths.map((w) => '-'.repeat(w))), ...rows.map(fmt)].join('\n') + '\n';
}

export function layoutJson(event: EventLayout, abi: AbiName) {
  return {
    name: event.name,
    abi,
    flags: event.flags,
    fields: event.fields.map((f) => ({
      name: f.name, type: f.type, kind: classifyField(f.type), offset: f.offset, size: f.size, signed: f.signed, payloadOffset: payload(f),
    })),
  };
}

const C_IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const cName = (s: string) => (C_IDENT.test(s) ? s : s.replace(/[^A-Za-z0-9_]/g, '_').replace(/^(?=[0-9]|$)/, '_'));
const cComment = (s: string) => s.replace(/\*\//g, '*\\/').replace(/[\x00-\x1f\x7f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);

function cType(f: LayoutField): { decl: (name: string) => string; note: string } {
  const kind = classifyField(f.type);
  switch (kind) {
    case 'char-array':
      return { decl: (n) => `${f.type.startsWith('unsigned') ? 'unsigned char' : 'char'} ${n}[${f.size}]`, note: '' };
    case 'struct':
      return { decl: (n) => `unsigned char ${n}[${f.size}]`, note: `${f.type}, ` };
    case 'data-loc':
      return { decl: (n) => `uint32_t ${n}`, note: `${f.type}: offset from record start | length << 16, ` };
    case 'rel-loc':
      return { decl: (n) => `uint32_t ${n}`, note: `${f.type}: offset from end of field | length << 16, ` };
    default: {
      const bits = f.size * 8;
      const known = [8, 16, 32, 64].includes(bits);
      return known
        ? { decl: (n) => `${f.signed ? '' : 'u'}int${bits}_t ${n}`, note: f.type === `${f.signed ? 's' : 'u'}${bits}` ? '' : `${f.type}, ` }
        : { decl: (n) => `unsigned char ${n}[${f.size}]`, note: `${f.type}, ` };
    }
  }
}

/** A packed C struct of the payload (what follows the write index), with offset comments; needs `<stdint.h>`. */
export function layoutC(event: EventLayout, abi: AbiName): string {
  const decls = event.fields.map((f) => {
    const t = cType(f);
    const name = cName(f.name);
    const renamed = name === f.name ? '' : `name \`${cComment(f.name)}\`, `;
    return { code: `${t.decl(name)};`, comment: `/* ${renamed}${cComment(t.note)}payload ${payload(f)}, record ${f.offset}, size ${f.size} */` };
  });
  const width = Math.max(0, ...decls.map((d) => d.code.length));
  const lines = [
    `/* ${cComment(event.name)} (${abi} ABI): the payload written after the 32-bit write index. */`,
    `/* Record offsets include the ${COMMON_HEADER_SIZE}-byte common header. */`,
    `struct ${cName(event.name)} {`,
    ...(decls.length === 0 ? ['\t/* no fields */'] : decls.map((d) => `\t${d.code.padEnd(width)}  ${d.comment}`)),
    '} __attribute__((packed));',
  ];
  return lines.join('\n') + '\n';
}

export const layoutCommand: CliCommand<LayoutArgs> = {
  command: 'layout [definition]',
  describe: 'Print the field layout of a definition (name, type, offset, size, signed, payload offset)',
  builder: (y: Argv) =>
    y
      .positional('definition', { type: 'string', describe: 'A definition, quoted, e.g. "wake u32 pid; char[16] comm"' })
      .option('file', { type: 'string', describe: 'Read definitions from a definition file instead' })
      .option('abi', { choices: ['linux', 'v5'] as const, default: 'linux' as AbiName, describe: 'Kernel ABI' })
      .option('format', { alias: 'f', choices: ['table', 'json', 'c', 'svg'] as const, default: 'table' as const, describe: 'table, json, a packed C struct, or an SVG byte map' })
      .example('ue-lint layout "wake u32 pid; char[16] comm"', 'field table')
      .example('ue-lint layout --file events.ue --format c', 'C structs for every event in a file')
      .example('ue-lint layout "wake u32 pid" --format svg > wake.svg', 'a byte map picture (every event of a --file, stacked)') as unknown as Argv<LayoutArgs>,
  run: async (args, ctx) => {
    const defs = await collectDefinitions(args.definition, args.file, ctx);
    const events = parseAll(defs, args.abi, ctx, args.color);
    if (!events) return 1;
    if (args.format === 'svg') {
      ctx.io.stdout.write(byteMapsSvg(events.map((e) => e.event), { abi: args.abi }));
    } else if (args.format === 'json') {
      const list = events.map((e) => layoutJson(e.event, args.abi));
      ctx.io.stdout.write(`${JSON.stringify(args.file === undefined ? list[0] : list, null, 2)}\n`);
    } else {
      const render = args.format === 'c' ? layoutC : layoutTable;
      const body = events.map((e) => render(e.event, args.abi)).join('\n');
      ctx.io.stdout.write(args.format === 'c' ? `#include <stdint.h>\n\n${body}` : body);
    }
    return 0;
  },
};
