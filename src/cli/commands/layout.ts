// `ue-lint layout <definition | --file F>`: the field table (name, type, offset,
// size, signed, payload offset) as a table, JSON, a packed C struct, or an SVG byte map.
import type { Argv } from 'yargs';
import { cLayoutStructs } from '../../codegen/c.js';
import { classifyField, type AbiName, type EventLayout, type LayoutField } from '../../index.js';
import { byteMapsSvg } from '../../svg/index.js';
import type { CliCommand } from '../command.js';
import { collectDefinitions, parseAll } from '../definitions.js';
import { inputOptions, resolveSettings, settingOptions, type SettingArgs } from '../options.js';

/** Bytes of the common header before the first user field; payload offset = offset − 8. */
export const COMMON_HEADER_SIZE = 8;

export interface LayoutArgs extends SettingArgs {
  /** One quoted definition, or `-` (several words: an unquoted definition, a usage error). */
  definition?: string[];
  file?: string;
  stdinFilename?: string;
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

/**
 * The packed C structs of the payloads (what follows the write index), with offset comments:
 * codegen's own structs, names and escaping (`struct ue_wake_fixed { uint32_t f_pid; … }`).
 */
export function layoutC(events: readonly { event: EventLayout; definition: string }[], abi: AbiName): string {
  return `#include <stdint.h>\n\n${cLayoutStructs(events.map((e) => e.event), events.map((e) => e.definition), abi)}`;
}

export const layoutCommand: CliCommand<LayoutArgs> = {
  command: 'layout [definition..]',
  describe: 'Print the field layout of a definition (name, type, offset, size, signed, payload offset)',
  builder: (y: Argv) =>
    inputOptions(settingOptions(y), { operands: false })
      .positional('definition', { type: 'string', describe: 'A definition, quoted, e.g. "wake u32 pid; char[16] comm"; - reads a definition file from standard input' })
      .option('file', { type: 'string', describe: 'Read definitions from a definition file instead (- for standard input)' })
      .option('format', { alias: 'f', choices: ['table', 'json', 'c', 'svg'] as const, default: 'table' as const, describe: 'table, json, a packed C struct, or an SVG byte map' })
      .example('ue-lint layout "wake u32 pid; char[16] comm"', 'field table')
      .example('ue-lint layout --file events.ue --format c', 'C structs for every event in a file')
      .example('ue-lint layout "wake u32 pid" --format svg > wake.svg', 'a byte map picture (every event of a --file, stacked)') as unknown as Argv<LayoutArgs>,
  run: async (args, ctx) => {
    const settings = await resolveSettings(args, ctx);
    const defs = await collectDefinitions(args, ctx, { command: 'layout', rules: settings.rules });
    const { events, errors } = parseAll(defs, settings, ctx, args.color);
    if (!events) return 1;
    const abi = settings.abi;
    if (args.format === 'svg') {
      ctx.io.stdout.write(byteMapsSvg(events.map((e) => e.event), { abi }));
    } else if (args.format === 'json') {
      const list = events.map((e) => layoutJson(e.event, abi));
      const single = defs.length === 1 && defs[0]!.file === '<argument>';
      ctx.io.stdout.write(`${JSON.stringify(single ? list[0] : list, null, 2)}\n`);
    } else {
      const text = args.format === 'c'
        ? layoutC(events.map((e) => ({ event: e.event, definition: e.src.definition })), abi)
        : events.map((e) => layoutTable(e.event, abi)).join('\n');
      ctx.io.stdout.write(text);
    }
    // An error reported (e.g. UE107 on an empty event name) fails the run, as lint does.
    return errors > 0 ? 1 : 0;
  },
};
