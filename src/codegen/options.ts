// What both generators take and return, and the checks they share. Pure.

import type { AbiName, EventLayout } from '../layout/types.js';

export interface CodegenOptions {
  /** Shown in the header, e.g. `events.ue`; use a path relative to the project so output is stable. */
  source: string;
  /** linux: decoders enforce the kernel's write-time checks; v5 recorded payloads unchecked. */
  abi: AbiName;
  /** The original definition strings, one per event, in the same order. */
  definitions: string[];
  /**
   * C only: the namespace of the header's per-event identifiers, two or more lower-case letters
   * or digits starting with a letter (default `ue`: `ue_http_request_iov`). Give two headers
   * different prefixes to include both when they define events of the same name.
   */
  prefix?: string;
}

/** Generated source text, or why the events cannot be generated (e.g. offsets wrapped at 2^32). */
export type CodegenResult = { ok: true; text: string } | { ok: false; error: string };

const ABIS: readonly string[] = ['linux', 'v5'] satisfies AbiName[];

/** The options' problem as a result, or undefined when they are usable. */
export function checkOptions(events: readonly EventLayout[], opts: CodegenOptions): CodegenResult | undefined {
  if (opts.definitions.length !== events.length) {
    return { ok: false, error: `${events.length} events but ${opts.definitions.length} definition strings` };
  }
  if (!ABIS.includes(opts.abi)) return { ok: false, error: `unknown ABI ${JSON.stringify(opts.abi)} (expected linux or v5)` };
  if (opts.prefix !== undefined && !/^[a-z][a-z0-9]+$/.test(opts.prefix)) {
    return { ok: false, error: `prefix ${JSON.stringify(opts.prefix)} must be two or more lower-case letters or digits, starting with a letter` };
  }
  return undefined;
}

/**
 * The events with each definition string once (the first), since the kernel registers one
 * event for the same definition however often it is given.
 */
export function distinctEvents(events: readonly EventLayout[], definitions: readonly string[]): { layouts: EventLayout[]; definitions: string[] } {
  const seen = new Set<string>();
  const out = { layouts: [] as EventLayout[], definitions: [] as string[] };
  events.forEach((e, i) => {
    const d = definitions[i]!;
    if (seen.has(d)) return;
    seen.add(d);
    out.layouts.push(e);
    out.definitions.push(d);
  });
  return out;
}
