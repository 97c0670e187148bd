// The two ends of the harness protocol (test/kernel/harness.c): the /cases file the runner
// writes, and the report lines the harness sends back on the second serial port.

/** One case for the harness. Definitions are JS strings, sent as their UTF-8 bytes. */
export type KernelCase =
  | { kind: 'reg'; id: number; definition: string }
  | { kind: 'pay'; id: number; definition: string; cSlot: number; payloads: Uint8Array[] }
  /** Registered at once; `multiFormat` ones with USER_EVENT_REG_MULTI_FORMAT. */
  | { kind: 'set'; id: number; definitions: string[]; multiFormat?: string[] }
  /** `second` registered while `first` exists: the re-registration match (spec §4.2). */
  | { kind: 'pair'; id: number; first: string; second: string }
  /** init exits, the kernel panics: proves the runner resumes after a crash. */
  | { kind: 'die'; id: number };

const enc = new TextEncoder();

function hex(bytes: Uint8Array): string {
  return bytes.length === 0 ? '-' : Buffer.from(bytes).toString('hex');
}

/** The /cases file: one case per line, bytes in hex (`-` when empty). */
export function casesFile(cases: readonly KernelCase[]): Uint8Array {
  const lines = cases.map((c) => {
    switch (c.kind) {
      case 'reg':
        return `reg ${c.id} ${hex(enc.encode(c.definition))}`;
      case 'pay':
        return `pay ${c.id} ${hex(enc.encode(c.definition))} ${c.cSlot} ${c.payloads.map(hex).join(' ')}`;
      case 'set':
        return `set ${c.id} ${[...c.definitions.map((d) => hex(enc.encode(d))), ...(c.multiFormat ?? []).map((d) => `m${hex(enc.encode(d))}`)].join(' ')}`;
      case 'pair':
        return `pair ${c.id} ${hex(enc.encode(c.first))} ${hex(enc.encode(c.second))}`;
      case 'die':
        return `die ${c.id}`;
    }
  });
  return enc.encode(lines.map((l) => `${l}\n`).join(''));
}

/** A report line: its tag (`R`, `F`, …), case id, and the other tokens; blobs are bytes. */
export interface ReportLine {
  tag: string;
  id: number;
  args: (string | Uint8Array)[];
}

export class ChannelError extends Error {}

/** FNV-1a, 32 bits, as harness.c computes it over each line. */
export function fnv1a(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (const b of bytes) h = Math.imul(h ^ b, 16777619) >>> 0;
  return h >>> 0;
}

/** Undoes harness.c's put_blob: printable ASCII as is, `\xHH` for every other byte. */
export function unescapeBlob(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) {
      if (text[i + 1] !== 'x' || !/^[0-9a-f]{2}$/.test(text.slice(i + 2, i + 4))) throw new ChannelError(`bad escape at ${i} in blob`);
      out.push(parseInt(text.slice(i + 2, i + 4), 16));
      i += 3;
    } else if (c > 0x20 && c < 0x7f) {
      out.push(c);
    } else {
      throw new ChannelError(`unescaped byte 0x${c.toString(16)} in blob`);
    }
  }
  return Uint8Array.from(out);
}

/**
 * Parses the report channel. Every complete line must carry a matching checksum; a last line
 * without its newline is what a crash cut off and is dropped. Throws ChannelError when a
 * line is damaged: the channel must never lose or change a byte.
 */
export function parseReport(data: Uint8Array): ReportLine[] {
  const text = Buffer.from(data).toString('latin1');
  const lines = text.split('\n');
  lines.pop(); // after the last newline: empty, or a line the crash cut off
  return lines.map((raw, n) => {
    const m = /^(.*) ~([0-9a-f]{8})$/s.exec(raw);
    if (!m) throw new ChannelError(`report line ${n + 1} has no checksum: ${JSON.stringify(raw.slice(0, 80))}`);
    const body = m[1]!;
    if (fnv1a(Buffer.from(body, 'latin1')) !== parseInt(m[2]!, 16)) {
      throw new ChannelError(`report line ${n + 1} fails its checksum: ${JSON.stringify(body.slice(0, 80))}`);
    }
    const [tag, id, ...rest] = body.split(' ');
    return {
      tag: tag!,
      id: Number(id),
      args: rest.map((t) => (t.startsWith('=') ? unescapeBlob(t.slice(1)) : t)),
    };
  });
}

/** What the harness reported for one case, in order. `crashed` when the machine died during it. */
export interface CaseReport {
  id: number;
  lines: ReportLine[];
  crashed?: string;
}

/** Groups report lines by case (`B` starts one); the `END` line's count, if the run finished. */
export function groupReport(lines: readonly ReportLine[]): { cases: CaseReport[]; end: number | undefined } {
  const cases: CaseReport[] = [];
  let end: number | undefined;
  for (const l of lines) {
    if (l.tag === 'END') end = l.id;
    else if (l.tag === 'B') cases.push({ id: l.id, lines: [] });
    else if (cases.length > 0 && cases[cases.length - 1]!.id === l.id) cases[cases.length - 1]!.lines.push(l);
    else throw new ChannelError(`report line ${l.tag} ${l.id} outside its case`);
  }
  return { cases, end };
}
