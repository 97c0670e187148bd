import { expect } from 'chai';
import {
  canonicalFieldText,
  checkAgainst,
  compareLayouts,
  diffEventSets,
  type DriftChange,
  type DriftEvent,
  type DriftField,
} from '../../src/drift/compare.js';
import { parseFormatFile } from '../../src/tracefs/read-format.js';
import { readFixture } from '../tracefs/helpers.js';

/** A layout from `type name` pieces with the spec's offsets (§2.7) and signedness (§2.8). */
function ev(name: string, ...pieces: string[]): DriftEvent {
  const SIZES: Record<string, number> = { u8: 1, s8: 1, char: 1, u16: 2, s16: 2, u32: 4, s32: 4, int: 4, 'unsigned int': 4, u64: 8, s64: 8 };
  let offset = 8;
  const fields: DriftField[] = pieces.map((p) => {
    const words = p.split(' ');
    const isStruct = words[0] === 'struct';
    const type = isStruct ? `struct ${words[1]}` : words.slice(0, -1).join(' ');
    const fieldName = isStruct ? words[2]! : words[words.length - 1]!;
    const size = isStruct ? Number(words[3]) : SIZES[type] ?? (type.startsWith('__') ? 4 : Number(/\[([^\]]+)\]/.exec(type)![1]));
    const f = { type, name: fieldName, offset, size, signed: !type.startsWith('u') };
    offset += size;
    return f;
  });
  return { name, fields };
}

/** `classification kind field old→new`, compact enough to read a whole table at once. */
const brief = (c: DriftChange) =>
  `${c.classification} ${c.kind}${c.field === undefined ? '' : ` ${c.field}`}${c.old === undefined && c.new === undefined ? '' : ` ${String(c.old ?? '')}→${String(c.new ?? '')}`}`;

describe('drift/compare', () => {
  describe('compareLayouts: one event, old → new', () => {
    const base = ev('msg', 'char[20] text', 'unsigned int id', 'u8 lvl');
    const cases: [title: string, next: DriftEvent, expected: string[]][] = [
      ['identical fields: no change', ev('msg', 'char[20] text', 'unsigned int id', 'u8 lvl'), []],
      [
        'field appended at the end: compatible, but a linux re-registration conflicts',
        ev('msg', 'char[20] text', 'unsigned int id', 'u8 lvl', 'u64 ts'),
        [
          'reregistration-conflict fields-differ char[20] text; unsigned int id; u8 lvl→char[20] text; unsigned int id; u8 lvl; u64 ts',
          'compatible field-appended ts →u64 ts',
        ],
      ],
      [
        'field inserted in the middle: breaking, and every later field moves',
        ev('msg', 'char[20] text', 'u16 level', 'unsigned int id', 'u8 lvl'),
        [
          'reregistration-conflict fields-differ char[20] text; unsigned int id; u8 lvl→char[20] text; u16 level; unsigned int id; u8 lvl',
          'breaking field-moved id 28→30',
          'breaking field-moved lvl 32→34',
          'breaking field-inserted level →u16 level',
        ],
      ],
      [
        'field removed: breaking',
        ev('msg', 'char[20] text', 'unsigned int id'),
        [
          'reregistration-conflict fields-differ char[20] text; unsigned int id; u8 lvl→char[20] text; unsigned int id',
          'breaking field-removed lvl u8 lvl→',
        ],
      ],
      [
        'field renamed in place: breaking',
        ev('msg', 'char[20] text', 'unsigned int ident', 'u8 lvl'),
        [
          'reregistration-conflict fields-differ char[20] text; unsigned int id; u8 lvl→char[20] text; unsigned int ident; u8 lvl',
          'breaking field-renamed ident id→ident',
        ],
      ],
      [
        'field resized: breaking, and the fields after it move',
        ev('msg', 'char[32] text', 'unsigned int id', 'u8 lvl'),
        [
          'reregistration-conflict fields-differ char[20] text; unsigned int id; u8 lvl→char[32] text; unsigned int id; u8 lvl',
          'breaking field-resized text 20→32',
          'breaking field-moved id 28→40',
          'breaking field-moved lvl 32→44',
        ],
      ],
      [
        'signedness changed: breaking (the type changes with it)',
        ev('msg', 'char[20] text', 'int id', 'u8 lvl'),
        [
          'reregistration-conflict fields-differ char[20] text; unsigned int id; u8 lvl→char[20] text; int id; u8 lvl',
          'breaking field-type-changed id unsigned int→int',
          'breaking field-signedness-changed id false→true',
        ],
      ],
      [
        'fields reordered: breaking moves',
        ev('msg', 'char[20] text', 'u8 lvl', 'unsigned int id'),
        [
          'reregistration-conflict fields-differ char[20] text; unsigned int id; u8 lvl→char[20] text; u8 lvl; unsigned int id',
          'breaking field-moved id 28→29',
          'breaking field-moved lvl 32→28',
        ],
      ],
      [
        'same bytes spelled differently (`char[0x14]`): only the re-registration conflicts',
        ev('msg', 'char[0x14] text', 'unsigned int id', 'u8 lvl'),
        ['reregistration-conflict fields-differ char[20] text; unsigned int id; u8 lvl→char[0x14] text; unsigned int id; u8 lvl'],
      ],
    ];
    for (const [title, next, expected] of cases) {
      it(title, () => {
        expect(compareLayouts(base, next).map(brief)).to.deep.equal(expected);
      });
    }

    it('struct type changed at the same size: breaking', () => {
      const changes = compareLayouts(ev('e', 'struct pt p 16'), ev('e', 'struct pq p 16'));
      expect(changes.map(brief)).to.deep.equal([
        'reregistration-conflict fields-differ struct pt p 16→struct pq p 16',
        'breaking field-type-changed p struct pt→struct pq',
      ]);
    });

    it('struct size changed: the canonical text carries the size (spec §4.2)', () => {
      expect(canonicalFieldText(ev('e', 'struct pt p 16').fields[0]!)).to.equal('struct pt p 16');
      expect(compareLayouts(ev('e', 'struct pt p 16'), ev('e', 'struct pt p 24')).map((c) => c.kind)).to.deep.equal(['fields-differ', 'field-resized']);
    });

    it('unknown signedness (old kernels) is not a change', () => {
      const old = ev('e', 'u32 a');
      const unknown = { name: 'e', fields: old.fields.map((f) => ({ ...f, signed: undefined })) };
      expect(compareLayouts(old, unknown)).to.deep.equal([]);
      expect(compareLayouts(unknown, old)).to.deep.equal([]);
    });

    it('matches duplicate names in order', () => {
      const changes = compareLayouts(ev('e', 'u32 a', 'u32 a'), ev('e', 'u32 a', 'u32 a', 'u32 a'));
      expect(changes.map(brief)).to.deep.equal([
        'reregistration-conflict fields-differ u32 a; u32 a→u32 a; u32 a; u32 a',
        'compatible field-appended a →u32 a',
      ]);
      expect(changes[1]!.newIndex).to.equal(2);
    });

    it('zero fields → some fields: appended, compatible', () => {
      expect(compareLayouts(ev('e'), ev('e', 'u8 a')).map(brief)).to.deep.equal([
        'reregistration-conflict fields-differ →u8 a',
        'compatible field-appended a →u8 a',
      ]);
    });

    it('names the event, the field and the indexes, with a one-line message', () => {
      const resized = compareLayouts(ev('msg', 'u8 a', 'u32 b'), ev('msg', 'u16 a', 'u32 b'))[1]!;
      expect(resized).to.deep.equal({
        classification: 'breaking', kind: 'field-resized', event: 'msg', field: 'a', oldIndex: 0, newIndex: 0, old: 1, new: 2,
        message: 'field `a` resized from 1 to 2 bytes',
      });
      const all = compareLayouts(ev('msg', 'u8 a', 'u32 b'), ev('msg', 'u16 a', 'u32 b'));
      expect(all.map((c) => c.message)).to.deep.equal([
        'event `msg` is registered with different fields; re-registering fails with EADDRINUSE',
        'field `a` resized from 1 to 2 bytes',
        'field `b` moved from offset 9 to 10',
      ]);
    });

    it('shows control bytes in messages as escapes', () => {
      const [, removed] = compareLayouts(ev('e', 'u32 a', 'u32 b'), ev('e', 'u32 a'));
      expect(removed!.message).to.equal('field `b` removed');
      const tab = { name: 'e', fields: [{ type: 'u32', name: 'a\t', offset: 8, size: 4, signed: false }] };
      expect(compareLayouts(tab, ev('e')).map((c) => c.message)[1]).to.equal('field `a\\t` removed');
    });
  });

  describe('diffEventSets', () => {
    it('classifies new events as compatible and removed events as breaking', () => {
      const r = diffEventSets([ev('a', 'u32 x'), ev('gone', 'u8 y')], [ev('a', 'u32 x'), ev('fresh', 's64 ts')]);
      expect(r.changes.map((c) => `${c.event}: ${brief(c)}`)).to.deep.equal([
        'gone: breaking event-removed',
        'fresh: compatible event-added →s64 ts',
      ]);
      expect(r.summary).to.deep.equal({ compatible: 1, breaking: 1, reregistrationConflict: 0 });
      expect(r.breaking).to.equal(true);
    });

    it('is not breaking when only compatible changes and conflicts occur', () => {
      const r = diffEventSets([ev('a', 'u32 x')], [ev('a', 'u32 x', 'u32 y'), ev('b')]);
      expect(r.summary).to.deep.equal({ compatible: 2, breaking: 0, reregistrationConflict: 1 });
      expect(r.breaking).to.equal(false);
    });

    it('compares a name defined twice by its first definition', () => {
      const r = diffEventSets([ev('a', 'u32 x')], [ev('a', 'u32 x'), ev('a', 'u64 x')]);
      expect(r.changes).to.deep.equal([]);
    });

    it('reads both sides from format files (ue-lint output against a definition layout)', () => {
      const v5 = parseFormatFile(readFixture('ue-lint/V5-2-msg.v5.format'));
      const linux = parseFormatFile(readFixture('ue-lint/L-2-msg.linux.format'));
      // `char[0x14]` (v5 verbatim) and `char[20]` store the same bytes: text differs, layout does not.
      expect(diffEventSets([v5], [linux]).changes.map((c) => c.kind)).to.deep.equal(['fields-differ']);
      expect(diffEventSets([linux], [ev('msg', 'char[20] text', 'unsigned int id', 'u8 lvl')]).changes).to.deep.equal([]);
    });
  });

  describe('checkAgainst', () => {
    const registered = [
      parseFormatFile(readFixture('ue-lint/L-2-msg.linux.format')),
      parseFormatFile(readFixture('kernel/sched_switch.format')),
    ];

    it('reports a definition missing from the target', () => {
      const r = checkAgainst([ev('nothere', 'u32 a')], registered);
      expect(r.changes.map(brief)).to.deep.equal(['compatible event-missing']);
      expect(r.changes[0]!.message).to.equal('event `nothere` is not registered in the target');
    });

    it('ignores registered events no definition mentions, and accepts a match', () => {
      expect(checkAgainst([ev('msg', 'char[20] text', 'unsigned int id', 'u8 lvl')], registered).changes).to.deep.equal([]);
    });

    it('reports the EADDRINUSE clash and each field change against the registered event', () => {
      const r = checkAgainst([ev('msg', 'char[20] text', 'u64 id', 'u8 lvl')], registered);
      expect(r.changes.map(brief)).to.deep.equal([
        'reregistration-conflict fields-differ char[20] text; unsigned int id; u8 lvl→char[20] text; u64 id; u8 lvl',
        'breaking field-resized id 4→8',
        'breaking field-moved lvl 32→36',
      ]);
      expect(r.breaking).to.equal(true);
    });
  });
});
