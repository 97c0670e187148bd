// The cross-line, cross-file registry behind UE304/UE306: every event name seen so
// far, where it was first defined and, once the name comes back, a 64-bit hash of
// the first definition's layout key.
//
// Why it looks like this: a lint of a huge file keeps one entry per distinct name
// (the benchmark's 1,000,000-line file has a million), so an entry is a row of
// typed arrays plus the name's UTF-8 bytes in one arena, found through an
// open-addressing table: about 50 bytes per name, against about 250 for a Map of
// objects holding a copy of the line. The line itself is read back from the file
// (by byte offset) when its name first comes back, to derive the key, and when a
// conflict is reported; inputs that cannot be read back (stdin) keep their line
// text instead. A name that never comes back costs no key at all.

/** Reads back the line that starts at `byteOffset` (without its line ending), or undefined. */
export interface LineSource {
  readLine(byteOffset: number): string | undefined;
}

/** Where an event was first defined, as needed for a "first defined here" location. */
export interface RegisteredEvent {
  file: string;
  /** 1-based line number. */
  line: number;
  /** UTF-16 column where the definition starts in its line. */
  defStart: number;
  /** UTF-16 offset of the line start in its file. */
  lineOffset: number;
  /** The line's text, read back from the file; '' when it can no longer be read. */
  sourceLine: string;
}

export interface Registration {
  line: number;
  defStart: number;
  lineOffset: number;
  byteOffset: number;
  /** The text of the line, kept (as a flat copy) only when the file has no LineSource. */
  lineText: string;
}

/** A copy that does not share memory with the string it came from (a slice would pin its whole read chunk). */
function flatCopy(s: string): string {
  return Buffer.from(s, 'utf8').toString('utf8');
}

// Two independent 32-bit lanes (a 64-bit hash): with a million names, the chance
// that any two different layout keys collide is about 2^-64 per comparison.
let hashHi = 0;
let hashLo = 0;
function hash64(s: string): void {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  hashHi = h1 >>> 0;
  hashLo = h2 >>> 0;
}

/** FNV-1a over UTF-16 code units; `nameIsAscii` is set as a side result. */
let nameIsAscii = true;
function nameHash(name: string): number {
  let h = 0x811c9dc5;
  let ascii = true;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c > 0x7f) ascii = false;
    h = Math.imul(h ^ c, 16777619);
  }
  nameIsAscii = ascii;
  return h >>> 0;
}

// Rows live in fixed-size chunks: growing never copies (no transient second copy of
// a large registry) and never over-allocates by more than one chunk.
const CHUNK_BITS = 16;
// Name arena chunks of 1 MiB; a name is at most MAX_NAME_BYTES.
const ARENA_BITS = 20;
const ARENA_CHUNK = 1 << ARENA_BITS;
const ARENA_MASK = ARENA_CHUNK - 1;
const MAX_NAME_BYTES = 0xffff;
const CHUNK = 1 << CHUNK_BITS;
const MASK = CHUNK - 1;
type Typed = Uint8Array | Uint16Array | Uint32Array | Float64Array;

/** A column of numbers; a chunk exists once a row in it is set (unset rows read 0). */
class Column<T extends Typed> {
  private readonly chunks: (T | undefined)[] = [];
  constructor(private readonly make: (n: number) => T) {}
  get(i: number): number {
    const chunk = this.chunks[i >>> CHUNK_BITS];
    return chunk === undefined ? 0 : chunk[i & MASK]!;
  }
  set(i: number, v: number): void {
    const c = i >>> CHUNK_BITS;
    while (this.chunks.length <= c) this.chunks.push(undefined);
    (this.chunks[c] ??= this.make(CHUNK))[i & MASK] = v;
  }
}

interface FileInfo {
  name: string;
  source: LineSource | undefined;
}

/** Every event registered so far, across lines and files, by name. Deletion lines register nothing. */
export class EventRegistry {
  private count = 0;
  // Per entry (a row across these columns): 24 bytes, and 9 more for the key once
  // a name comes back (the key columns are sparse: a chunk without keys is not allocated).
  private readonly nameStart = new Column((n) => new Uint32Array(n));
  private readonly nameLen = new Column((n) => new Uint16Array(n));
  private readonly lineOf = new Column((n) => new Uint32Array(n));
  /** The definition's column; almost always 0 or 2 (`u:`), larger ones go to `wideDefStart`. */
  private readonly defStartOf = new Column((n) => new Uint16Array(n));
  private readonly byteOffsetOf = new Column((n) => new Float64Array(n));
  /** byteOffset − lineOffset (UTF-8 bytes beyond UTF-16 units, and the BOM), see `wideDelta`. */
  private readonly offsetDelta = new Column((n) => new Uint32Array(n));
  private readonly keyHi = new Column((n) => new Uint32Array(n));
  private readonly keyLo = new Column((n) => new Uint32Array(n));
  private readonly keyKnown = new Column((n) => new Uint8Array(n));
  private readonly wideDefStart = new Map<number, number>();
  private readonly wideDelta = new Map<number, number>();
  /** Entries are added file by file: entry `runStart[i]` onwards belong to file `runFile[i]`. */
  private readonly runStart: number[] = [];
  private readonly runFile: number[] = [];
  /** Entries removed by `removeFile` (their rows stay; the table forgets them). */
  private readonly removed = new Set<number>();
  /** Line texts of entries whose file has no LineSource. */
  private readonly kept = new Map<number, string>();
  // Name bytes (UTF-8), back to back, in chunks; a name never spans two chunks.
  private readonly arena: Buffer[] = [];
  private arenaUsed = 0; // in the last chunk
  // Open addressing with linear probing, at most 3/4 full: slot i is the pair
  // [name hash, entry index + 1] at 2i, 2i + 1 (0 = empty). The hash sits next to the
  // entry so that a miss, the usual case, touches one cache line and not the rows.
  private table = new Uint32Array(2 * 1024);
  private lastMissSlot = -1;
  private lastHitSlot = -1;
  private lastMissHash = 0;
  private readonly files: FileInfo[] = [];
  private readonly fileIndex = new Map<string, number>();

  /** How many names are registered. */
  get size(): number {
    return this.count - this.removed.size;
  }

  /** Declare a file (once) and how to read its lines back; returns its index. */
  private fileId(name: string, source: LineSource | undefined): number {
    let id = this.fileIndex.get(name);
    if (id === undefined) {
      id = this.files.length;
      this.files.push({ name, source });
      this.fileIndex.set(name, id);
    } else {
      this.files[id]!.source = source;
    }
    return id;
  }

  // A name's place in the arena: chunk index in the high bits, offset in the low 24.
  private nameEquals(entry: number, name: string, ascii: boolean): boolean {
    const at = this.nameStart.get(entry);
    const chunk = this.arena[at >>> ARENA_BITS]!;
    const start = at & ARENA_MASK;
    const len = this.nameLen.get(entry);
    if (ascii) {
      if (len !== name.length) return false;
      for (let i = 0; i < len; i++) if (chunk[start + i] !== name.charCodeAt(i)) return false;
      return true;
    }
    return chunk.toString('utf8', start, start + len) === name;
  }

  private fileOf(entry: number): number {
    let lo = 0;
    let hi = this.runStart.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.runStart[mid]! <= entry) lo = mid;
      else hi = mid - 1;
    }
    return this.runFile[lo]!;
  }

  /** The entry index for `name`, or -1. */
  find(name: string): number {
    const h = nameHash(name);
    const ascii = nameIsAscii;
    const t = this.table;
    const mask = (t.length >>> 1) - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const v = t[2 * s + 1]!;
      if (v === 0) {
        this.lastMissSlot = s; // where `add` inserts this name
        this.lastMissHash = h;
        return -1;
      }
      if (t[2 * s] === h && this.nameEquals(v - 1, name, ascii)) {
        this.lastHitSlot = s; // where `remove` finds this name
        return v - 1;
      }
    }
  }

  /** Register `name` unless it is known; returns false when it already was. */
  add(name: string, file: string, source: LineSource | undefined, r: Registration): boolean {
    if (this.find(name) >= 0) return false;
    const slot = this.lastMissSlot;
    const h = this.lastMissHash;
    const ascii = nameIsAscii;
    const bytes = ascii ? name.length : Buffer.byteLength(name, 'utf8');
    if (bytes > MAX_NAME_BYTES) return false; // longer than any definition the kernel accepts
    const e = this.count++;
    if (this.arena.length === 0 || this.arenaUsed + bytes > ARENA_CHUNK) {
      this.arena.push(Buffer.allocUnsafe(ARENA_CHUNK));
      this.arenaUsed = 0;
    }
    const chunk = this.arena[this.arena.length - 1]!;
    if (ascii) for (let i = 0; i < bytes; i++) chunk[this.arenaUsed + i] = name.charCodeAt(i);
    else chunk.write(name, this.arenaUsed, 'utf8');
    this.nameStart.set(e, ((this.arena.length - 1) << ARENA_BITS) | this.arenaUsed);
    this.nameLen.set(e, bytes);
    this.arenaUsed += bytes;
    const f = this.fileId(file, source);
    if (this.runFile[this.runFile.length - 1] !== f) { this.runStart.push(e); this.runFile.push(f); }
    this.lineOf.set(e, r.line);
    if (r.defStart > 0xffff) this.wideDefStart.set(e, r.defStart);
    this.defStartOf.set(e, Math.min(r.defStart, 0xffff));
    const delta = r.byteOffset - r.lineOffset;
    if (delta > 0xffffffff) this.wideDelta.set(e, delta);
    this.offsetDelta.set(e, Math.min(delta, 0xffffffff));
    this.byteOffsetOf.set(e, r.byteOffset);
    if (!source) this.kept.set(e, flatCopy(r.lineText));
    this.table[2 * slot] = h;
    this.table[2 * slot + 1] = e + 1;
    const slots = this.table.length >>> 1;
    if ((this.count - this.removed.size) * 4 > slots * 3) this.rebuildTable(slots * 2);
    return true;
  }

  /**
   * Forget `name` (a deletion line removed the event), so that defining it again starts afresh.
   * Backward-shift deletion keeps every probe chain intact without tombstones, so a file that
   * deletes and recreates names costs the same as one that only creates them.
   */
  remove(name: string): boolean {
    const entry = this.find(name);
    if (entry < 0) return false;
    const t = this.table;
    const mask = (t.length >>> 1) - 1;
    let hole = this.lastHitSlot;
    for (let j = (hole + 1) & mask; t[2 * j + 1] !== 0; j = (j + 1) & mask) {
      const home = t[2 * j]! & mask;
      // Move j back into the hole unless its home lies cyclically in (hole, j].
      if (((j - home) & mask) >= ((j - hole) & mask)) {
        t[2 * hole] = t[2 * j]!;
        t[2 * hole + 1] = t[2 * j + 1]!;
        hole = j;
      }
    }
    t[2 * hole] = 0;
    t[2 * hole + 1] = 0;
    this.lastMissSlot = -1;
    this.removed.add(entry);
    this.kept.delete(entry);
    return true;
  }

  /** Has `setKey` been called for the entry? */
  hasKey(entry: number): boolean {
    return this.keyKnown.get(entry) === 1;
  }

  /** Remember the entry's layout key (only its 64-bit hash is kept). */
  setKey(entry: number, key: string): void {
    hash64(key);
    this.keyHi.set(entry, hashHi);
    this.keyLo.set(entry, hashLo);
    this.keyKnown.set(entry, 1);
  }

  /** Does the entry's layout key equal `key`? (Compares 64-bit hashes.) */
  keyEquals(entry: number, key: string): boolean {
    hash64(key);
    return this.keyKnown.get(entry) === 1 && this.keyHi.get(entry) === hashHi && this.keyLo.get(entry) === hashLo;
  }

  /** Where the entry was defined, with its line read back from the file. */
  location(entry: number): RegisteredEvent {
    const f = this.files[this.fileOf(entry)]!;
    const byteOffset = this.byteOffsetOf.get(entry);
    let sourceLine: string | undefined;
    if (f.source) {
      try {
        sourceLine = f.source.readLine(byteOffset);
      } catch {
        sourceLine = undefined; // the file changed or vanished: report without its text
      }
    } else {
      sourceLine = this.kept.get(entry);
    }
    return {
      file: f.name,
      line: this.lineOf.get(entry),
      defStart: this.wideDefStart.get(entry) ?? this.defStartOf.get(entry),
      lineOffset: byteOffset - (this.wideDelta.get(entry) ?? this.offsetDelta.get(entry)),
      sourceLine: sourceLine ?? '',
    };
  }

  /** Forget a file's events, before it is linted again (after `--fix`). */
  removeFile(file: string): void {
    const id = this.fileIndex.get(file);
    if (id === undefined) return;
    for (let e = 0; e < this.count; e++) {
      if (this.fileOf(e) === id && !this.removed.has(e)) {
        this.removed.add(e);
        this.kept.delete(e);
      }
    }
    this.rebuildTable(this.table.length >>> 1);
  }

  /** A fresh table of `slots` slots with every entry not removed (the hashes come from the old table). */
  private rebuildTable(slots: number): void {
    const old = this.table;
    const t = new Uint32Array(2 * slots);
    const mask = slots - 1;
    for (let i = 0; i < old.length; i += 2) {
      const v = old[i + 1]!;
      if (v === 0 || this.removed.has(v - 1)) continue;
      let s = old[i]! & mask;
      while (t[2 * s + 1] !== 0) s = (s + 1) & mask;
      t[2 * s] = old[i]!;
      t[2 * s + 1] = v;
    }
    this.table = t;
  }
}
