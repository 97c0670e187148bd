// The trace_pipe_raw reader on pages built by hand with every event type the ring buffer writes.
import { expect } from 'chai';
import { ringRecords, RingBufferError } from './ring-buffer.js';

/** A page: u64 timestamp, u64 commit (data length | flag bits), then the events. */
function page(events: Uint8Array[], flags = 0): Uint8Array {
  const data = Buffer.concat(events);
  const head = Buffer.alloc(16);
  head.writeBigUInt64LE(123456789n, 0);
  head.writeUInt32LE((data.length | flags) >>> 0, 8);
  return Buffer.concat([head, data]);
}

const u32 = (...xs: number[]) => {
  const b = Buffer.alloc(4 * xs.length);
  xs.forEach((x, i) => b.writeUInt32LE(x >>> 0, 4 * i));
  return b;
};

/** A data event of up to 112 bytes: type_len = length / 4. */
const small = (data: number[], delta = 5) => Buffer.concat([u32((delta << 5) | (data.length / 4)), Buffer.from(data)]);
/** A data event with type_len 0: array[0] = length + 4. */
const large = (data: number[]) => Buffer.concat([u32(0, data.length + 4), Buffer.from(data)]);

describe('kernel test: ring buffer pages', () => {
  const a = [1, 2, 3, 4, 5, 6, 7, 8];
  const b = Array.from({ length: 120 }, (_, i) => i);
  it('reads small and large records, skipping time extends, discarded records and page padding', () => {
    const p = page([
      small(a),
      u32((7 << 5) | 30, 99), // time extend: 8 bytes
      large(b),
      u32((1 << 5) | 29, 8), Buffer.alloc(4), // a discarded record: array[0] = 8 bytes, itself included
      u32((3 << 5) | 31, 0), // absolute timestamp: 8 bytes
      small([9, 9, 9, 9]),
      u32(29), Buffer.alloc(12), // padding to the end of the page
    ]);
    const two = page([small([7, 7, 7, 7])], 1 << 31); // RB_MISSED_EVENTS in the commit word
    expect(ringRecords(Buffer.concat([p, two])).map((r) => [...r.data])).to.deep.equal([a, b, [9, 9, 9, 9], [7, 7, 7, 7]]);
  });

  it('refuses records that overrun their page', () => {
    expect(() => ringRecords(page([u32(3), Buffer.alloc(4)]))).to.throw(RingBufferError);
    expect(() => ringRecords(page([u32(0, 400), Buffer.alloc(8)]))).to.throw(RingBufferError);
    expect(() => ringRecords(page([small(a)]).subarray(0, 20))).to.throw(RingBufferError);
  });

  it('reads nothing from nothing', () => {
    expect(ringRecords(new Uint8Array(0))).to.deep.equal([]);
    expect(ringRecords(page([]))).to.deep.equal([]);
  });
});
