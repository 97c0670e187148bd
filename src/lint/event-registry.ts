// The cross-line, cross-file registry behind UE304/UE306: every event name seen so
// far, where it was first defined and, once the name comes back, a 64-bit hash of
// the first definition's layout key.
//
// Why it looks like this: a lint of a huge file keeps one entry per distinct name
// (the benchmark's 1,000,000-line file has a million), so an entry is a row of
// typed arrays plus the name's UTF-8 bytes in one arena, found through an
// open-addressing table: about 70 bytes per name, against about 250 for a Map of
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

function grow<T extends Uint8Array | Uint32Array | Float64Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}

interface FileInfo {
  name: string;
  source: LineSource | undefined;
}

/** Every event registered so far, across lines and files, by name. Deletion lines register nothing. */
export class EventRegistry {
  private count = 0;
  private capacity = 0;
  // Per entry (a row across these arrays).
  private nameHash = new Uint32Array(0);
  private nameStart = new Uint32Array(0);
  private nameLen = new Uint32Array(0);
  private fileOf = new Uint32Array(0);
  private lineOf = new Uint32Array(0);
  private defStartOf = new Uint32Array(0);
  private keyHi = new Uint32Array(0);
  private keyLo = new Uint32Array(0);
  private keyKnown = new Uint8Array(0);
  private lineOffsetOf = new Float64Array(0);
  private byteOffsetOf = new Float64Array(0);
  /** Entries removed by `removeFile` (their rows stay; the table forgets them). */
  private readonly removed = new Set<number>();
  /** Line texts of entries whose file has no LineSource. */
  private readonly kept = new Map<number, string>();
  // Name bytes (UTF-8), back to back.
  private arena = Buffer.alloc(0);
  private arenaUsed = 0;
  // Open addressing: entry index + 1, 0 = empty; kept at most half full.
  private slots = new Uint32Array(1024);
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

  private nameEquals(entry: number, name: string, ascii: boolean): boolean {
    const start = this.nameStart[entry]!;
    const len = this.nameLen[entry]!;
    if (ascii) {
      if (len !== name.length) return false;
      for (let i = 0; i < len; i++) if (this.arena[start + i] !== name.charCodeAt(i)) return false;
      return true;
    }
    return this.arena.toString('utf8', start, start + len) === name;
  }

  /** The entry index for `name`, or -1. */
  find(name: string): number {
    const h = nameHash(name);
    const ascii = nameIsAscii;
    const mask = this.slots.length - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const v = this.slots[s]!;
      if (v === 0) return -1;
      const e = v - 1;
      if (this.nameHash[e] === h && this.nameEquals(e, name, ascii)) return e;
    }
  }

  /** Register `name` unless it is known; returns false when it already was. */
  add(name: string, file: string, source: LineSource | undefined, r: Registration): boolean {
    if (this.find(name) >= 0) return false;
    const h = nameHash(name);
    if (this.count === this.capacity) this.growRows();
    const e = this.count++;
    const bytes = nameIsAscii ? name.length : Buffer.byteLength(name, 'utf8');
    if (this.arenaUsed + bytes > this.arena.length) {
      const next = Buffer.alloc(Math.max(this.arena.length * 2, this.arenaUsed + bytes, 1 << 16));
      this.arena.copy(next, 0, 0, this.arenaUsed);
      this.arena = next;
    }
    if (nameIsAscii) for (let i = 0; i < bytes; i++) this.arena[this.arenaUsed + i] = name.charCodeAt(i);
    else this.arena.write(name, this.arenaUsed, 'utf8');
    this.nameHash[e] = h;
    this.nameStart[e] = this.arenaUsed;
    this.nameLen[e] = bytes;
    this.arenaUsed += bytes;
    const f = this.fileId(file, source);
    this.fileOf[e] = f;
    this.lineOf[e] = r.line;
    this.defStartOf[e] = r.defStart;
    this.lineOffsetOf[e] = r.lineOffset;
    this.byteOffsetOf[e] = r.byteOffset;
    this.keyKnown[e] = 0;
    if (!source) this.kept.set(e, flatCopy(r.lineText));
    if ((this.count - this.removed.size) * 2 > this.slots.length) this.rebuildTable(this.slots.length * 2);
    else this.insertSlot(e);
    return true;
  }

  /** Has `setKey` been called for the entry? */
  hasKey(entry: number): boolean {
    return this.keyKnown[entry] === 1;
  }

  /** Remember the entry's layout key (only its 64-bit hash is kept). */
  setKey(entry: number, key: string): void {
    hash64(key);
    this.keyHi[entry] = hashHi;
    this.keyLo[entry] = hashLo;
    this.keyKnown[entry] = 1;
  }

  /** Does the entry's layout key equal `key`? (Compares 64-bit hashes.) */
  keyEquals(entry: number, key: string): boolean {
    hash64(key);
    return this.keyKnown[entry] === 1 && this.keyHi[entry] === hashHi && this.keyLo[entry] === hashLo;
  }

  /** Where the entry was defined, with its line read back from the file. */
  location(entry: number): RegisteredEvent {
    const f = this.files[this.fileOf[entry]!]!;
    let sourceLine: string | undefined;
    if (f.source) {
      try {
        sourceLine = f.source.readLine(this.byteOffsetOf[entry]!);
      } catch {
        sourceLine = undefined; // the file changed or vanished: report without its text
      }
    } else {
      sourceLine = this.kept.get(entry);
    }
    return {
      file: f.name,
      line: this.lineOf[entry]!,
      defStart: this.defStartOf[entry]!,
      lineOffset: this.lineOffsetOf[entry]!,
      sourceLine: sourceLine ?? '',
    };
  }

  /** Forget a file's events, before it is linted again (after `--fix`). */
  removeFile(file: string): void {
    const id = this.fileIndex.get(file);
    if (id === undefined) return;
    for (let e = 0; e < this.count; e++) {
      if (this.fileOf[e] === id && !this.removed.has(e)) {
        this.removed.add(e);
        this.kept.delete(e);
      }
    }
    this.rebuildTable(this.slots.length);
  }

  private insertSlot(e: number): void {
    const mask = this.slots.length - 1;
    let s = this.nameHash[e]! & mask;
    while (this.slots[s] !== 0) s = (s + 1) & mask;
    this.slots[s] = e + 1;
  }

  private rebuildTable(size: number): void {
    this.slots = new Uint32Array(size);
    for (let e = 0; e < this.count; e++) if (!this.removed.has(e)) this.insertSlot(e);
  }

  private growRows(): void {
    const n = Math.max(1024, this.capacity * 2);
    this.nameHash = grow(this.nameHash, n);
    this.nameStart = grow(this.nameStart, n);
    this.nameLen = grow(this.nameLen, n);
    this.fileOf = grow(this.fileOf, n);
    this.lineOf = grow(this.lineOf, n);
    this.defStartOf = grow(this.defStartOf, n);
    this.keyHi = grow(this.keyHi, n);
    this.keyLo = grow(this.keyLo, n);
    this.keyKnown = grow(this.keyKnown, n);
    this.lineOffsetOf = grow(this.lineOffsetOf, n);
    this.byteOffsetOf = grow(this.byteOffsetOf, n);
    this.capacity = n;
  }
}
