// `check --against`: one definition string against the registered events of the same name,
// as coded diagnostics (UE401–UE403) with spans into the definition. Pure: the CLI reads the
// target and places the spans in files; this module never touches fs or output text.

import { analyzeDefinition } from '../definition.js';
import { catalog } from '../diagnostics/catalog.js';
import type { Diagnostic, Span } from '../diagnostics/diagnostic.js';
import { collectInto } from '../diagnostics/report.js';
import { reregistrationMatches } from '../layout/matching.js';
import type { AbiName, EventLayout } from '../layout/types.js';
import { canonicalFieldText, compareLayouts, type DriftChange, type DriftEvent } from './compare.js';

/** An event found in the target, e.g. read from `events/user_events/msg/format`. */
export interface RegisteredEvent extends DriftEvent {
  /**
   * From `user_events_multi` (name without its `.<id>` suffix): a linux kernel never answers
   * EADDRINUSE there, it creates a new `name.<id>` for a new layout.
   */
  multiFormat: boolean;
  /** Multi-format only: the `<id>` of `name.<id>`, parsed from hex; higher is newer. */
  multiId?: number;
}

/** The registered events by name; multi-format variants sorted oldest first. */
export type RegisteredIndex = ReadonlyMap<string, readonly RegisteredEvent[]>;

/** Index registered events by name. A single-format event named twice keeps its first entry. */
export function indexRegistered(events: readonly RegisteredEvent[]): RegisteredIndex {
  const map = new Map<string, RegisteredEvent[]>();
  for (const e of events) {
    const list = map.get(e.name) ?? [];
    if (!e.multiFormat && list.some((x) => !x.multiFormat)) continue;
    list.push(e);
    map.set(e.name, list);
  }
  for (const list of map.values()) list.sort((a, b) => Number(a.multiFormat) - Number(b.multiFormat) || (a.multiId ?? 0) - (b.multiId ?? 0));
  return map;
}

export interface DefinitionDriftResult {
  /** False when the kernel rejects the definition itself; `diagnostics` then holds the rejection. */
  compared: boolean;
  /** The registered event compared with, if any. */
  registered?: RegisteredEvent;
  changes: DriftChange[];
  /** Sorted by span; spans are UTF-16 offsets into the definition string. */
  diagnostics: Diagnostic[];
}

/**
 * Compare one definition with the event registered under its name:
 * - not registered → UE401 on the event name;
 * - single-format, and the kernel's textual re-registration match fails (linux ABI only) → UE403
 *   EADDRINUSE on the event name;
 * - each breaking field change → UE402 on the field's name (the event name for a removed field).
 * Multi-format variants: a variant with identical fields is reused (clean); otherwise the
 * newest variant is the baseline and only UE402 applies. A definition the kernel rejects is
 * not compared; its error diagnostics are returned instead.
 *
 * @example
 * const target = indexRegistered([{ ...parseFormatFile(text), multiFormat: false }]);
 * checkDefinition('msg u8 lvl; u32 id', target, { abi: 'linux' }).diagnostics.map((d) => d.code);
 * // ['UE403', 'UE402', 'UE402']
 */
export function checkDefinition(definition: string, target: RegisteredIndex, options: { abi: AbiName }): DefinitionDriftResult {
  const analysis = analyzeDefinition(definition, { abi: options.abi });
  const parsed = analysis.result;
  if (!parsed.ok) {
    return { compared: false, changes: [], diagnostics: parsed.diagnostics.filter((d) => d.severity === 'error') };
  }
  const event = parsed.event;
  const nameSpan: Span = analysis.ast.name.span;
  const diagnostics: Diagnostic[] = [];
  const report = collectInto(diagnostics);

  const candidates = target.get(event.name) ?? [];
  if (candidates.length === 0) {
    report(catalog.eventNotRegistered, [event.name], nameSpan);
    return { compared: true, changes: [], diagnostics };
  }
  // BASELINE: the single-format event; else a multi-format variant with the same fields; else the newest one.
  const single = candidates.find((c) => !c.multiFormat);
  const multi = candidates.filter((c) => c.multiFormat);
  const reused = (c: RegisteredEvent) => reregistrationMatches(definition, asLayout(c));
  const registered = single ?? multi.find(reused) ?? multi[multi.length - 1]!;
  const changes = compareLayouts(registered, event);
  // The kernel's own textual match (spec §4.2) decides EADDRINUSE, e.g. `u32 a;;` never matches `u32 a`.
  const conflict = options.abi === 'linux' && !registered.multiFormat && !reused(registered);
  if (conflict) {
    report(catalog.reregistrationConflictWithRegistered, [event.name, registered.fields.map(canonicalFieldText).join('; ')], nameSpan);
  }

  for (const c of changes) {
    if (c.classification === 'breaking') {
      const field = c.newIndex === undefined ? undefined : analysis.fields[c.newIndex];
      report(catalog.fieldLayoutDrift, [c.message], field?.nameSpan ?? nameSpan);
    }
  }
  diagnostics.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { compared: true, registered, changes, diagnostics };
}

/** The registered event as the matcher sees it: only type, name and size are compared. */
function asLayout(e: RegisteredEvent): EventLayout {
  return { name: e.name, flags: [], fields: e.fields.map((f) => ({ type: f.type, name: f.name, offset: f.offset, size: f.size, signed: f.signed ?? false })) };
}
