// Layout drift: how one version of an event's fields differs from another, classified for
// CI gates (compatible / breaking / re-registration conflict). Pure: no fs, no output text
// beyond each change's one-line message (renderers live in drift/render.ts).

import { showText as show } from '../diagnostics/catalog.js';
import { classifyField } from '../layout/classify.js';

/** The part of a field drift looks at; `LayoutField` and the reader's `ReadField` both fit. */
export interface DriftField {
  type: string;
  name: string;
  offset: number;
  size: number;
  /** `undefined` when unknown (old kernels print no `signed:`); then signedness is not compared. */
  signed: boolean | undefined;
}

/** An event as drift sees it: `EventLayout` and `FormatFileResult` both fit. */
export interface DriftEvent {
  name: string;
  fields: readonly DriftField[];
}

/**
 * - `compatible`: readers of the old layout keep working (new event, field appended at the end)
 * - `breaking`: readers of the old layout misread data (moved, resized, re-typed, removed …)
 * - `reregistration-conflict`: same name, different field text; a linux kernel answers EADDRINUSE
 */
export type DriftClass = 'compatible' | 'breaking' | 'reregistration-conflict';

export type DriftKind =
  | 'event-added' // e.g. new `wake u32 pid`
  | 'event-removed' // consumers of the event find nothing
  | 'event-missing' // `check --against`: defined here, not registered in the target
  | 'fields-differ' // same name, different field text: EADDRINUSE on re-registration
  | 'field-appended' // new field after the old fixed payload
  | 'field-inserted' // new field inside the old fixed payload
  | 'field-removed'
  | 'field-renamed' // same offset, size and type, different name
  | 'field-moved' // offset changed
  | 'field-resized' // size changed
  | 'field-signedness-changed'
  | 'field-type-changed'; // same size, different type, e.g. `u32` → `s32`, `struct a` → `struct b`

export interface DriftChange {
  classification: DriftClass;
  kind: DriftKind;
  /** The event name. */
  event: string;
  /** The field name (the new name for a rename); absent for event-level changes. */
  field?: string;
  /** The old value: an offset, size, type, signedness, field name or field text. */
  old?: string | number | boolean;
  new?: string | number | boolean;
  /** Index of the field in the old / new field list, for mapping back to spans. */
  oldIndex?: number;
  newIndex?: number;
  /** One line, lowercase, names in backticks, e.g. "field `id` moved from offset 28 to 32". */
  message: string;
}

export interface DiffSummary {
  compatible: number;
  breaking: number;
  reregistrationConflict: number;
}

export interface DiffResult {
  changes: DriftChange[];
  summary: DiffSummary;
  /** True when any change is `breaking`: the CI gate's exit code 1. */
  breaking: boolean;
}

/**
 * The field text a linux kernel compares on re-registration (spec §4.2): `type name`, plus the
 * decimal size for `struct` types, e.g. `struct pt p 16`.
 */
export function canonicalFieldText(f: DriftField): string {
  return f.type.startsWith('struct ') ? `${f.type} ${f.name} ${f.size}` : `${f.type} ${f.name}`;
}

/**
 * Every change from `expected` (the baseline: old file, or the registered event) to `actual`
 * (the candidate: new file, or the definition about to register). Both must have the same name.
 *
 * @example
 * compareLayouts(
 *   { name: 'e', fields: [{ type: 'u32', name: 'a', offset: 8, size: 4, signed: false }] },
 *   { name: 'e', fields: [{ type: 'u64', name: 'a', offset: 8, size: 8, signed: false }] },
 * ); // [fields-differ (reregistration-conflict), field-resized (breaking)]
 */
export function compareLayouts(expected: DriftEvent, actual: DriftEvent): DriftChange[] {
  const event = actual.name;
  const oldFields = expected.fields;
  const newFields = actual.fields;
  const changes: DriftChange[] = [];

  const oldText = oldFields.map(canonicalFieldText);
  const newText = newFields.map(canonicalFieldText);
  if (oldText.length !== newText.length || oldText.some((t, i) => t !== newText[i])) {
    changes.push({
      classification: 'reregistration-conflict',
      kind: 'fields-differ',
      event,
      old: oldText.join('; '),
      new: newText.join('; '),
      message: `event \`${show(event)}\` is registered with different fields; re-registering fails with EADDRINUSE`,
    });
  }

  // MATCH: by name, the k-th `x` of the old list with the k-th `x` of the new one
  // (duplicate names register fine).
  const pairOfOld = new Map<number, number>();
  const usedNew = new Set<number>();
  const byName = new Map<string, number[]>();
  newFields.forEach((f, i) => byName.set(f.name, [...(byName.get(f.name) ?? []), i]));
  oldFields.forEach((f, i) => {
    const j = byName.get(f.name)?.shift();
    if (j !== undefined) {
      pairOfOld.set(i, j);
      usedNew.add(j);
    }
  });
  // RENAME: an unmatched old field whose slot (offset, size, type) an unmatched new field took.
  const renamedTo = new Map<number, number>();
  oldFields.forEach((o, i) => {
    if (pairOfOld.has(i)) return;
    const j = newFields.findIndex(
      (n, k) => !usedNew.has(k) && n.offset === o.offset && n.size === o.size && sameType(o, n),
    );
    if (j >= 0) {
      renamedTo.set(i, j);
      usedNew.add(j);
    }
  });

  // REPORT: old fields in order (changed, renamed or removed), then the new fields.
  oldFields.forEach((o, i) => {
    const base = { event, oldIndex: i } as const;
    const r = renamedTo.get(i);
    if (r !== undefined) {
      const n = newFields[r]!;
      changes.push({
        ...base, classification: 'breaking', kind: 'field-renamed', field: n.name, newIndex: r, old: o.name, new: n.name,
        message: `field \`${show(o.name)}\` renamed to \`${show(n.name)}\``,
      });
      return;
    }
    const j = pairOfOld.get(i);
    if (j === undefined) {
      changes.push({
        ...base, classification: 'breaking', kind: 'field-removed', field: o.name, old: canonicalFieldText(o),
        message: `field \`${show(o.name)}\` removed`,
      });
      return;
    }
    const n = newFields[j]!;
    const field = { ...base, field: n.name, newIndex: j, classification: 'breaking' } as const;
    const label = `field \`${show(n.name)}\``;
    if (o.offset !== n.offset) {
      changes.push({ ...field, kind: 'field-moved', old: o.offset, new: n.offset, message: `${label} moved from offset ${o.offset} to ${n.offset}` });
    }
    if (o.size !== n.size) {
      changes.push({ ...field, kind: 'field-resized', old: o.size, new: n.size, message: `${label} resized from ${o.size} to ${n.size} bytes` });
    } else if (!sameType(o, n)) {
      changes.push({ ...field, kind: 'field-type-changed', old: o.type, new: n.type, message: `${label} changed type from \`${show(o.type)}\` to \`${show(n.type)}\`` });
    }
    if (o.signed !== undefined && n.signed !== undefined && o.signed !== n.signed) {
      const word = (s: boolean) => (s ? 'signed' : 'unsigned');
      changes.push({ ...field, kind: 'field-signedness-changed', old: o.signed, new: n.signed, message: `${label} changed from ${word(o.signed)} to ${word(n.signed)}` });
    }
  });

  // A new field is harmless only past the old fixed payload: old readers never look there.
  const oldEnd = oldFields.reduce((end, f) => Math.max(end, f.offset + f.size), 8);
  newFields.forEach((n, j) => {
    if (usedNew.has(j)) return;
    const appended = n.offset >= oldEnd;
    changes.push({
      classification: appended ? 'compatible' : 'breaking',
      kind: appended ? 'field-appended' : 'field-inserted',
      event, field: n.name, newIndex: j, new: canonicalFieldText(n),
      message: appended
        ? `field \`${show(n.name)}\` appended at offset ${n.offset}`
        : `field \`${show(n.name)}\` inserted at offset ${n.offset}, inside the old layout`,
    });
  });
  return changes;
}

/**
 * Classify every change between two sets of events, matched by name. A name defined twice on
 * one side is compared by its first definition (the one the kernel registers).
 *
 * @example
 * const r = diffEventSets(oldEvents, newEvents);
 * if (r.breaking) process.exitCode = 1;
 */
export function diffEventSets(oldEvents: readonly DriftEvent[], newEvents: readonly DriftEvent[]): DiffResult {
  const oldByName = firstByName(oldEvents);
  const newByName = firstByName(newEvents);
  const changes: DriftChange[] = [];
  for (const [name, o] of oldByName) {
    const n = newByName.get(name);
    if (n) changes.push(...compareLayouts(o, n));
    else {
      changes.push({
        classification: 'breaking', kind: 'event-removed', event: name,
        message: `event \`${show(name)}\` removed`,
      });
    }
  }
  for (const [name, n] of newByName) {
    if (oldByName.has(name)) continue;
    changes.push({
      classification: 'compatible', kind: 'event-added', event: name, new: n.fields.map(canonicalFieldText).join('; '),
      message: `event \`${show(name)}\` added`,
    });
  }
  return toResult(changes);
}

/**
 * `check --against`: compare each definition with the event registered under its name.
 * Registered events no definition mentions are ignored (the target holds other programs' events).
 * Baseline is the registered event, so "moved from 8 to 12" means registered 8, defined 12.
 */
export function checkAgainst(definitions: readonly DriftEvent[], registered: readonly DriftEvent[]): DiffResult {
  const target = firstByName(registered);
  const changes: DriftChange[] = [];
  for (const [name, def] of firstByName(definitions)) {
    const reg = target.get(name);
    if (reg) changes.push(...compareLayouts(reg, def));
    else {
      changes.push({
        classification: 'compatible', kind: 'event-missing', event: name,
        message: `event \`${show(name)}\` is not registered in the target`,
      });
    }
  }
  return toResult(changes);
}

function toResult(changes: DriftChange[]): DiffResult {
  const count = (c: DriftClass) => changes.filter((x) => x.classification === c).length;
  const summary = { compatible: count('compatible'), breaking: count('breaking'), reregistrationConflict: count('reregistration-conflict') };
  return { changes, summary, breaking: summary.breaking > 0 };
}

function firstByName(events: readonly DriftEvent[]): Map<string, DriftEvent> {
  const map = new Map<string, DriftEvent>();
  for (const e of events) if (!map.has(e.name)) map.set(e.name, e);
  return map;
}

/**
 * Types are the same when their text is, or when both are char arrays of one size and
 * signedness: `char[0x14]` (v5 verbatim) and `char[20]` (read from `char text[]`) store the same bytes.
 */
function sameType(a: DriftField, b: DriftField): boolean {
  if (a.type === b.type) return true;
  const unsigned = (t: string) => t.startsWith('unsigned ');
  return (
    classifyField(a.type) === 'char-array' && classifyField(b.type) === 'char-array' &&
    a.size === b.size && unsigned(a.type) === unsigned(b.type)
  );
}
