// Identifiers for generated code. Event and field names are arbitrary bytes, so every identifier
// is built, not copied: a readable form of the name, then, only where two names would share an
// identifier, a hash of the name (or of the definition, for two events of one name). The result
// depends on the set of names, never on their order, so reordering lines renames nothing. Pure.

/** FNV-1a (32-bit) over the UTF-16 code units of `s`, as 8 lower-case hex digits. */
export function nameHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h = Math.imul(h ^ (c & 0xff), 0x01000193);
    h = Math.imul(h ^ (c >>> 8), 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

export interface Named {
  /** The name the identifier is made from, e.g. an event name. */
  name: string;
  /** What tells two items of the same name apart, e.g. the definition string. Unique per item. */
  key: string;
}

/**
 * One identifier per item, unique under `fold` (e.g. lower-casing when upper-case macros are
 * derived too), and the same whatever the order of `items`:
 * 1. `readable(name)` when no other item's readable form folds to the same text;
 * 2. otherwise every item of the clash gets `_` and the hash of its name (of its key when the
 *    clash holds two items of one name): `a-b`, `a.b` → `a_b_1f0c9a4e`, `a_b_9e01d2c3`;
 * 3. a clash left after that (a hash collision) is numbered `_2`, `_3`… in the order of the keys.
 */
export function resolveIdents(items: readonly Named[], readable: (name: string) => string, fold: (id: string) => string = (id) => id): string[] {
  const ids = items.map((it) => readable(it.name));
  for (const group of clashes(ids, fold)) {
    const names = new Map<string, number>();
    for (const i of group) names.set(items[i]!.name, (names.get(items[i]!.name) ?? 0) + 1);
    for (const i of group) {
      const { name, key } = items[i]!;
      ids[i] = `${ids[i]}_${nameHash(names.get(name)! > 1 ? key : name)}`;
    }
  }
  const taken = new Set(ids.map(fold));
  for (const group of clashes(ids, fold)) {
    const [, ...rest] = [...group].sort((a, b) => compare(items[a]!.key, items[b]!.key) || a - b);
    for (const i of rest) {
      const base = ids[i]!;
      let n = 2;
      while (taken.has(fold(`${base}_${n}`))) n++;
      ids[i] = `${base}_${n}`;
      taken.add(fold(ids[i]!));
    }
  }
  return ids;
}

/** Groups of indices (two or more) whose identifiers fold to the same text. */
function clashes(ids: readonly string[], fold: (id: string) => string): number[][] {
  const byId = new Map<string, number[]>();
  ids.forEach((id, i) => {
    const f = fold(id);
    const g = byId.get(f);
    if (g) g.push(i);
    else byId.set(f, [i]);
  });
  return [...byId.values()].filter((g) => g.length > 1);
}

/** Code-unit order, independent of locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** e.g. `sched_wakeup` → `SchedWakeup`, `my-evt.2` → `MyEvt2`, `` → `Event`, `9p` → `Event9p`. */
export function pascalIdent(name: string): string {
  const words = name.match(/[A-Za-z0-9]+/g) ?? [];
  const id = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
  return id === '' || /^[0-9]/.test(id) ? `Event${id}` : id;
}

/**
 * The readable C form of a name, to follow a prefix such as `ue_` or `f_`: letters and digits,
 * runs of anything else as one `_`, never a leading, trailing or double `_` (C++ reserves `__`
 * anywhere). e.g. `sched_wakeup` → `sched_wakeup`, `my-evt.2` → `my_evt_2`, `__GNUC__` → `GNUC`,
 * `` → `fallback`.
 */
export function cWords(name: string, fallback: string): string {
  const id = name.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, '');
  return id === '' ? fallback : id;
}
