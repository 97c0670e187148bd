// The payload judge against a simulated kernel, without QEMU: the write path as spec §8 describes
// it (minimum size, then each dynamic field's bounds and NUL, in field order; records of more
// than 4072 bytes dropped), written here independently of ue-lint's decoder. The judge must agree
// with that kernel on a real plan, and name every way a tampered report differs.
import { expect } from 'chai';
import { classifyField, isDynamicString } from '../../src/index.js';
import { tempDir } from '../support/temp-dir.js';
import { buildPayloadPlan, judgePayloads, wireOf, type PayloadEvent, type PayloadPlan } from './payloads.js';
import type { CaseReport, ReportLine } from './protocol.js';

const TYPE_ID = 300;

/** What the kernel answers to one write of `payload`, and the record it stores (spec §8). */
function kernelWrite(e: PayloadEvent, payload: Uint8Array): { ret: number; record?: Uint8Array } {
  const fixed = e.layout.fields.reduce((n, f) => n + f.size, 0);
  if (payload.length < fixed) return { ret: -22 };
  const record = new Uint8Array(8 + payload.length);
  record.set([TYPE_ID & 0xff, TYPE_ID >> 8, 0, 0, 1, 0, 0, 0]);
  record.set(payload, 8);
  const view = new DataView(record.buffer);
  for (const f of e.layout.fields) {
    const kind = classifyField(f.type);
    if (kind !== 'data-loc' && kind !== 'rel-loc') continue;
    const loc = view.getUint32(f.offset, true);
    const start = kind === 'rel-loc' ? f.offset + 4 + (loc & 0xffff) : loc & 0xffff;
    const end = start + (loc >>> 16);
    if (end > record.length) return { ret: -14 };
    if (isDynamicString(f.type) && record[end - 1] !== 0) return { ret: -14 };
  }
  return { ret: payload.length + 4, record: record.length <= 4072 ? record : undefined };
}

/** One ring-buffer page per record, as trace_pipe_raw gives them (small or type_len 0 events). */
function pages(records: Uint8Array[]): Uint8Array {
  return Buffer.concat(
    records.map((r) => {
      const padded = Buffer.alloc((r.length + 3) & ~3);
      padded.set(r);
      const head = padded.length <= 112 ? Buffer.from(Uint32Array.of(padded.length / 4).buffer) : Buffer.from(Uint32Array.of(0, padded.length + 4).buffer);
      const page = Buffer.alloc(16);
      page.writeUInt32LE(head.length + padded.length, 8);
      return Buffer.concat([page, head, padded]);
    }),
  );
}

function simulate(plan: PayloadPlan): Map<number, CaseReport> {
  const reports = new Map<number, CaseReport>();
  for (const e of plan.list) {
    const lines: ReportLine[] = [];
    const line = (tag: string, ...args: (string | Uint8Array)[]) => lines.push({ tag, id: e.id, args });
    line('R', '0', '0');
    line('F', '0', Buffer.from(`name: x\nID: ${TYPE_ID}\nformat:\n`));
    line('E', '0');
    const records: Uint8Array[] = [];
    e.writes.forEach((w, k) => {
      const r = kernelWrite(e, wireOf(w).subarray(4));
      line('W', String(k), String(r.ret));
      if (r.record) records.push(r.record);
    });
    if (e.c) {
      const r = kernelWrite(e, e.writes[0]!.bytes);
      line('C', String(r.ret), e.writes[0]!.bytes);
      if (r.record) records.push(r.record);
    }
    line('T', pages(records));
    reports.set(e.id, { id: e.id, lines });
  }
  return reports;
}

describe('kernel test: judging payloads against a simulated kernel', function () {
  this.timeout(60_000);
  let plan: PayloadPlan;
  before(async () => {
    plan = await buildPayloadPlan(6, 16, tempDir('ue-kernel-payloads-'), 100);
  });

  it('agrees with a kernel that follows spec §8, documented behaviours included', () => {
    const v = judgePayloads(plan, simulate(plan));
    expect(v.failures).to.deep.equal([]);
    expect(v.agree).to.equal(v.total);
    expect(v.total).to.be.greaterThan(6 * 3);
    expect(v.documented).to.have.length(3);
  });

  const tampered = (edit: (reports: Map<number, CaseReport>) => void): string[] => {
    const reports = simulate(plan);
    edit(reports);
    return judgePayloads(plan, reports).failures;
  };
  const first = (r: Map<number, CaseReport>) => r.get(plan.list[0]!.id)!;

  it('names a changed record byte, a wrong pid, a missing record and a different C payload', () => {
    // `offset` into the first record, after the page header and the event header (4 or 8 bytes).
    const flip = (offset: number) => (r: Map<number, CaseReport>) => {
      const t = first(r).lines.find((l) => l.tag === 'T')!;
      const b = (t.args[0] as Uint8Array).slice();
      const at = 16 + ((b[16]! & 31) === 0 ? 8 : 4) + offset;
      b[at] = b[at]! ^ 0xff;
      t.args[0] = b;
    };
    expect(tampered(flip(8)).join()).to.match(/recorded bytes .* differ from the written/);
    expect(tampered(flip(4)).join()).to.match(/record of pid/);
    expect(tampered(flip(0)).join()).to.match(/record of event type/);
    expect(
      tampered((r) => {
        first(r).lines.find((l) => l.tag === 'T')!.args[0] = new Uint8Array(0);
      }).join(),
    ).to.match(/no record in the ring buffer/);
    expect(
      tampered((r) => {
        const c = first(r).lines.find((l) => l.tag === 'C')!;
        const b = (c.args[1] as Uint8Array).slice();
        b[0] = b[0]! ^ 1;
        c.args[1] = b;
      }).join(),
    ).to.match(/C payload .* differs from the TypeScript payload/);
  });

  it('names a write the kernel accepts that ue-lint refuses, and the reverse', () => {
    const refused = plan.list[0]!.writes.findIndex((w) => w.label.startsWith('string data without'));
    expect(refused).to.be.greaterThan(0);
    const setRet = (k: number, ret: (w: number) => number) => (r: Map<number, CaseReport>) => {
      const l = first(r).lines.filter((x) => x.tag === 'W')[k]!;
      l.args[1] = String(ret(Number(l.args[1])));
    };
    expect(tampered(setRet(refused, () => wireOf(plan.list[0]!.writes[refused]!).length)).join()).to.match(/string data without its NUL .*: kernel accepts .* \/ ue-lint EFAULT/);
    expect(tampered(setRet(0, () => -14)).join()).to.match(/TypeScript encoder .*: kernel EFAULT \/ ue-lint accepts/);
  });

  it('says when a documented kernel behaviour stops holding', () => {
    const edge = plan.list.find((e) => e.definition.startsWith('edge_big'))!;
    const failures = tampered((r) => {
      r.get(edge.id)!.lines.filter((x) => x.tag === 'W')[1]!.args[1] = '-22';
    });
    expect(failures.join()).to.match(/documented behaviour "ftrace drops records over 4072 bytes" does not hold/);
  });
});
