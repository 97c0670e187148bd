// The compact UE304 registry: exact name lookup (ASCII and not), growth, keys,
// read-back of the first definition's line, and removal after --fix.
import { expect } from 'chai';
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventRegistry, type LineSource } from '../../src/lint/event-registry.js';
import { fileLineSource } from '../../src/files/line-source.js';

const at = (line: number, lineText = `e${line} u32 a`) => ({ line, defStart: 0, lineOffset: line * 10, byteOffset: line * 10, lineText });

describe('event registry', () => {
  it('removes a name and keeps every other one findable, whatever the order (fast-check against a Map)', () => {
    // Up to 760 names in the first 1,024-slot table (it grows past 768), so that probe chains
    // collide, run long and wrap around the end of the table.
    const op = fc.tuple(fc.constantFrom('add', 'add', 'remove', 'find'), fc.integer({ min: 0, max: 759 }));
    fc.assert(fc.property(fc.array(op, { minLength: 200, maxLength: 1500 }), (ops) => {
      const r = new EventRegistry();
      const model = new Map<string, number>();
      let line = 0;
      for (const [kind, n] of ops) {
        const name = `n${n}`;
        if (kind === 'add') {
          line++;
          expect(r.add(name, 'a.ue', undefined, at(line))).to.equal(!model.has(name));
          if (!model.has(name)) model.set(name, line);
        } else if (kind === 'remove') {
          expect(r.remove(name)).to.equal(model.delete(name));
        }
        const e = r.find(name);
        expect(e >= 0).to.equal(model.has(name));
        if (e >= 0) expect(r.location(e).line).to.equal(model.get(name));
      }
      expect(r.size).to.equal(model.size);
      for (const [name, l] of model) expect(r.location(r.find(name)).line, name).to.equal(l);
    }), { numRuns: 100, seed: 15 });
  });

  it('finds exactly the names it holds, through growth and rehashing', () => {
    const r = new EventRegistry();
    const names = Array.from({ length: 20_000 }, (_, i) => `event_${i}`);
    names.forEach((n, i) => expect(r.add(n, 'a.ue', undefined, at(i + 1))).to.equal(true));
    expect(r.size).to.equal(names.length);
    for (let i = 0; i < names.length; i += 997) {
      const e = r.find(names[i]!);
      expect(e).to.be.at.least(0);
      expect(r.location(e)).to.deep.include({ file: 'a.ue', line: i + 1 });
    }
    for (const miss of ['event_', 'event_20000', 'Event_1', 'event_1 ', '']) expect(r.find(miss), miss).to.equal(-1);
    expect(r.add('event_5', 'b.ue', undefined, at(1)), 'a known name is not added again').to.equal(false);
    expect(r.location(r.find('event_5')).file).to.equal('a.ue');
  });

  it('compares non-ASCII names exactly (UTF-8 in the arena)', () => {
    const r = new EventRegistry();
    r.add('café', 'a.ue', undefined, at(1));
    r.add('cafe', 'a.ue', undefined, at(2));
    r.add('😀x', 'a.ue', undefined, at(3));
    expect(r.location(r.find('café')).line).to.equal(1);
    expect(r.location(r.find('cafe')).line).to.equal(2);
    expect(r.location(r.find('😀x')).line).to.equal(3);
    expect(r.find('caf\u00e9\u0301')).to.equal(-1);
    expect(r.find('😀')).to.equal(-1);
  });

  it('keeps a layout key as a hash, set once the name comes back', () => {
    const r = new EventRegistry();
    r.add('e', 'a.ue', undefined, at(1));
    const e = r.find('e');
    expect(r.hasKey(e)).to.equal(false);
    expect(r.keyEquals(e, 'u32 a'), 'no key yet: nothing is equal').to.equal(false);
    r.setKey(e, 'u32 a');
    expect(r.hasKey(e)).to.equal(true);
    expect(r.keyEquals(e, 'u32 a')).to.equal(true);
    expect(r.keyEquals(e, 'u32 b')).to.equal(false);
    expect(r.keyEquals(e, 'u32 a;')).to.equal(false);
  });

  it('reads the first line back through the file\'s LineSource, or keeps the text without one', () => {
    const r = new EventRegistry();
    const reads: number[] = [];
    const source: LineSource = { readLine: (off) => { reads.push(off); return `line at ${off}`; } };
    r.add('a', 'file.ue', source, at(3, 'not kept'));
    r.add('b', '<stdin>', undefined, at(4, 'kept text'));
    expect(reads, 'nothing is read at registration').to.deep.equal([]);
    expect(r.location(r.find('a')).sourceLine).to.equal('line at 30');
    expect(r.location(r.find('b')).sourceLine).to.equal('kept text');
    const failing: LineSource = { readLine: () => { throw new Error('EACCES'); } };
    r.add('c', 'gone.ue', failing, at(5));
    expect(r.location(r.find('c')).sourceLine, 'an unreadable file gives no text, not an exception').to.equal('');
  });

  it('forgets one file\'s names (before re-linting it after --fix)', () => {
    const r = new EventRegistry();
    for (let i = 0; i < 3000; i++) r.add(`x${i}`, i % 3 === 0 ? 'fixed.ue' : 'other.ue', undefined, at(i + 1));
    r.removeFile('fixed.ue');
    expect(r.size).to.equal(2000);
    expect(r.find('x0')).to.equal(-1);
    expect(r.find('x1')).to.be.at.least(0);
    expect(r.add('x0', 'fixed.ue', undefined, at(7))).to.equal(true);
    expect(r.location(r.find('x0')).line).to.equal(7);
    r.removeFile('never-seen.ue');
    expect(r.size).to.equal(2001);
  });
});

describe('file line source', () => {
  let dir: string;
  before(() => { dir = mkdtempSync(join(tmpdir(), 'ue-lint-lines-')); });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a line back by byte offset: BOM, CRLF, UTF-8, a last line without newline, lines over one read chunk', () => {
    const long = `big ${'u8 a;'.repeat(2000)}`;
    const lines = ['\ufefffirst u32 a', 'crlf u32 b\r', 'tést u8 c', long, 'last u16 d'];
    const path = join(dir, 'f.ue');
    writeFileSync(path, lines.join('\n'));
    const src = fileLineSource(path);
    let offset = 0;
    const expected = ['first u32 a', 'crlf u32 b', 'tést u8 c', long, 'last u16 d'];
    lines.forEach((l, i) => {
      expect(src.readLine(offset), `line ${i + 1}`).to.equal(expected[i]);
      offset += Buffer.byteLength(l) + 1;
    });
    expect(src.readLine(offset + 100), 'past the end').to.equal(undefined);
    src.close();
    expect(src.readLine(0), 'reopens after close').to.equal('first u32 a');
    src.close();
  });
});
