// Records of the kernel's ftrace ring buffer, as read from per_cpu/cpuN/trace_pipe_raw on
// x86-64 (kernel/trace/ring_buffer.c; the layout is described by events/header_page and
// events/header_event). Each page read is a 16-byte header (u64 timestamp, u64 commit: the
// number of data bytes, with flag bits above bit 19) and then events. An event starts with a
// u32: type_len in bits 0–4, time_delta in bits 5–31.
//   type_len 1–28: a data record of type_len × 4 bytes follows;
//   type_len 0:    the next u32 is the record length + 4, then the record;
//   29 (padding):  time_delta 0 fills the rest of the page, else a discarded record of array[0] bytes;
//   30, 31:        time extend / absolute timestamp, 8 bytes in all.
// Records are padded to 4 bytes, so a record is up to 3 bytes longer than what was written.

export interface RingRecord {
  /** The trace entry: 8-byte common header (u16 type, u8 flags, u8 preempt count, s32 pid), then the payload, then padding. */
  data: Uint8Array;
}

export class RingBufferError extends Error {}

const COMMIT_MASK = 0xfffff;

/** Parses pages as the harness sends them (each cut after its committed data). Throws on a malformed page. */
export function ringRecords(pages: Uint8Array): RingRecord[] {
  const view = new DataView(pages.buffer, pages.byteOffset, pages.byteLength);
  const out: RingRecord[] = [];
  for (let page = 0; page < pages.length; ) {
    if (page + 16 > pages.length) throw new RingBufferError(`page header at ${page} cut short`);
    const commit = view.getUint32(page + 8, true) & COMMIT_MASK;
    const start = page + 16;
    const end = start + commit;
    if (end > pages.length) throw new RingBufferError(`page at ${page} commits ${commit} bytes past the data`);
    for (let at = start; at < end; ) {
      if (at + 4 > end) throw new RingBufferError(`event header at ${at} cut short`);
      const head = view.getUint32(at, true);
      const typeLen = head & 31;
      const delta = head >>> 5;
      if (typeLen === 29) {
        if (delta === 0) break; // the rest of the page is padding
        at += 4 + view.getUint32(at + 4, true); // a discarded record
      } else if (typeLen === 30 || typeLen === 31) {
        at += 8;
      } else if (typeLen === 0) {
        const length = view.getUint32(at + 4, true);
        if (length < 4 || at + 4 + length > end) throw new RingBufferError(`record at ${at} of length ${length} overruns the page`);
        out.push({ data: pages.slice(at + 8, at + 4 + length) });
        at += 4 + length;
      } else {
        const length = typeLen * 4;
        if (at + 4 + length > end) throw new RingBufferError(`record at ${at} of length ${length} overruns the page`);
        out.push({ data: pages.slice(at + 4, at + 4 + length) });
        at += 4 + length;
      }
    }
    page = end;
  }
  return out;
}
