// A newc ("070701") cpio archive, the format the kernel unpacks as an initramfs. Written here
// rather than with a cpio binary so the runner needs no root, no kernel tree and no tool but
// Node: the format is a 110-byte ASCII header per entry, the name, and the data, each padded
// to 4 bytes (Documentation/driver-api/early-userspace/buffer-format.rst).

export interface CpioEntry {
  /** Path inside the archive, without a leading `/`, e.g. `init`, `dev`. */
  name: string;
  /** `file` (default) or `dir`. */
  kind?: 'file' | 'dir';
  /** Permission bits, e.g. 0o755. */
  mode?: number;
  data?: Uint8Array;
}

const FILE = 0o100000;
const DIR = 0o040000;

function hex8(n: number): string {
  return n.toString(16).padStart(8, '0');
}

function pad4(n: number): number {
  return (4 - (n % 4)) % 4;
}

/** The archive bytes: the entries in order, then the `TRAILER!!!` entry. */
export function newcArchive(entries: readonly CpioEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const enc = new TextEncoder();
  let ino = 1;
  const add = (name: string, mode: number, nlink: number, data: Uint8Array): void => {
    const nameBytes = enc.encode(`${name}\0`);
    // Fields: ino mode uid gid nlink mtime filesize devmajor devminor rdevmajor rdevminor namesize check.
    const header = `070701${[ino++, mode, 0, 0, nlink, 0, data.length, 0, 0, 0, 0, nameBytes.length, 0].map(hex8).join('')}`;
    parts.push(enc.encode(header), nameBytes, new Uint8Array(pad4(header.length + nameBytes.length)));
    parts.push(data, new Uint8Array(pad4(data.length)));
  };
  for (const e of entries) {
    if (e.name.startsWith('/') || e.name === '') throw new Error(`cpio entry name must be relative: ${JSON.stringify(e.name)}`);
    const dir = e.kind === 'dir';
    add(e.name, (dir ? DIR : FILE) | (e.mode ?? (dir ? 0o755 : 0o644)), dir ? 2 : 1, dir ? new Uint8Array(0) : (e.data ?? new Uint8Array(0)));
  }
  add('TRAILER!!!', 0, 1, new Uint8Array(0));
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
