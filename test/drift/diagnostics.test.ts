// checkDefinition: UE401–UE403 with exact spans, and the UE4xx catalog examples run for real
// (their `# registered:` lines are the target), so the docs cannot lie.
import { expect } from 'chai';
import { catalogEntries } from '../../src/diagnostics/catalog.js';
import { checkDefinition, indexRegistered, type RegisteredEvent } from '../../src/drift/diagnostics.js';
import { parseDefinition } from '../../src/definition.js';
import { formatFile } from '../../src/index.js';
import { parseFormatFile } from '../../src/tracefs/read-format.js';
import type { AbiName } from '../../src/layout/types.js';

/** The event a linux kernel registers for `definition`, read back from its format file. */
function reg(definition: string, multi?: { id: number }): RegisteredEvent {
  const r = parseDefinition(definition);
  if (!r.ok) throw new Error(`bad fixture: ${definition}`);
  const read = parseFormatFile(formatFile(r.event));
  return multi ? { name: read.name, fields: read.fields, multiFormat: true, multiId: multi.id } : { name: read.name, fields: read.fields, multiFormat: false };
}

/** `CODE text-under-the-span` for each diagnostic. */
function check(definition: string, target: RegisteredEvent[], abi: AbiName = 'linux'): string[] {
  return checkDefinition(definition, indexRegistered(target), { abi }).diagnostics.map((d) => `${d.code} ${definition.slice(d.span.start, d.span.end)}`);
}

describe('drift/diagnostics: checkDefinition', () => {
  const msg = reg('msg char[20] text; unsigned int id; u8 lvl');

  it('UE401 on the event name when the target lacks it', () => {
    expect(check('other u32 a', [msg])).to.deep.equal(['UE401 other']);
  });

  it('nothing for identical fields', () => {
    expect(check('msg char[20] text; unsigned int id; u8 lvl', [msg])).to.deep.equal([]);
  });

  it('UE403 on the name, UE402 on each drifting field name', () => {
    expect(check('msg char[20] text; u8 lvl; unsigned int id', [msg])).to.deep.equal(['UE403 msg', 'UE402 lvl', 'UE402 id']);
  });

  it('UE403 carries EADDRINUSE and the registered fields in its help', () => {
    const [d] = checkDefinition('msg u32 a', indexRegistered([msg]), { abi: 'linux' }).diagnostics.filter((x) => x.code === 'UE403');
    expect(d!.errno).to.equal('EADDRINUSE');
    expect(d!.help).to.equal('the registered fields are `char[20] text; unsigned int id; u8 lvl`; use them, or a new name such as `msg_v2`');
  });

  it('a compatible appended field conflicts on linux and is clean on v5', () => {
    expect(check('msg char[20] text; unsigned int id; u8 lvl; u64 ts', [msg])).to.deep.equal(['UE403 msg']);
    expect(check('msg char[20] text; unsigned int id; u8 lvl; u64 ts', [msg], 'v5')).to.deep.equal([]);
  });

  it('UE403 follows the kernel\'s textual match: `;`-tight is the same event, a trailing `;;` is not', () => {
    const a = reg('a u32 x; u32 y');
    expect(check('a u32 x;u32 y', [a])).to.deep.equal([]);
    expect(check('a u32 x; u32 y;;', [a])).to.deep.equal(['UE403 a']);
  });

  it('a definition the kernel rejects is not compared: its errors come back', () => {
    const r = checkDefinition('msg u32  a', indexRegistered([msg]), { abi: 'linux' });
    expect(r.compared).to.equal(false);
    expect(r.diagnostics.map((d) => d.code)).to.deep.equal(['UE006']);
  });

  it('multi-format: reuse a matching variant, else compare with the newest, never UE403', () => {
    const variants = [reg('m u32 a; u64 b', { id: 10 }), reg('m u32 a', { id: 2 })];
    expect(check('m u32 a', variants)).to.deep.equal([]);
    expect(check('m u32 a; u64 b', variants)).to.deep.equal([]);
    expect(check('m u64 b', variants)).to.deep.equal(['UE402 m', 'UE402 b']); // vs id 10 (newest): `a` removed, `b` moved
  });

  it('a single-format event wins over multi-format variants of the same name', () => {
    expect(check('m u32 a', [reg('m u32 a; u64 b', { id: 1 }), reg('m u32 a')])).to.deep.equal([]);
  });
});

describe('UE4xx catalog examples', () => {
  /** `# registered: <definition>` lines are the target; the other lines are checked. */
  const run = (text: string, abi: AbiName) => {
    const lines = text.split('\n');
    const target = lines.filter((l) => l.startsWith('# registered: ')).map((l) => reg(l.slice('# registered: '.length)));
    return lines.filter((l) => !l.startsWith('#') && l !== '').flatMap((l) => checkDefinition(l, indexRegistered(target), { abi }).diagnostics.map((d) => d.code));
  };
  for (const e of catalogEntries.filter((x) => x.code.startsWith('UE4'))) {
    it(`${e.code} ${e.name}: the example produces it, "use instead" does not`, () => {
      expect(e.abis.some((abi) => run(e.docs.example, abi).includes(e.code)), e.docs.example).to.equal(true);
      for (const abi of e.abis) expect(run(e.docs.useInstead, abi), `${abi}: ${e.docs.useInstead}`).to.not.include(e.code);
    });
  }
});
