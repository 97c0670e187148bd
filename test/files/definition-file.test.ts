import { expect } from 'chai';
import { checkDeletionLine, checkLine, parseDisableDirective, splitDefinitionLine } from '../../src/files/definition-file.js';

describe('files/definition-file', () => {
  describe('splitDefinitionLine', () => {
    const cases: [string, Partial<ReturnType<typeof splitDefinitionLine>>][] = [
      ['', { kind: 'blank', definition: '' }],
      ['   \t', { kind: 'blank' }],
      ['# note', { kind: 'comment', comment: ' note', commentStart: 0 }],
      ['  # indented', { kind: 'comment', commentStart: 2 }],
      ['test u32 a', { kind: 'definition', definition: 'test u32 a', defStart: 0, prefixed: false }],
      ['u:test u32 a', { kind: 'definition', definition: 'test u32 a', defStart: 2, prefixed: true }],
      ['u:   test u32 a', { kind: 'definition', definition: 'test u32 a', defStart: 5 }],
      ['test u32 a# note', { kind: 'definition', definition: 'test u32 a', comment: ' note' }],
      ['test u32 a \t# note', { kind: 'definition', definition: 'test u32 a', trailingWsBeforeComment: { start: 10, end: 12 } }],
      ['test u32 a ', { kind: 'definition', definition: 'test u32 a ' }],
      [' test u32 a', { kind: 'definition', definition: ' test u32 a', defStart: 0 }],
      ['-:old', { kind: 'deletion', definition: '-:old' }],
      ['!u:old u32 a', { kind: 'deletion' }],
      ['U:test', { kind: 'definition', definition: 'U:test', prefixed: false }],
    ];
    for (const [line, want] of cases) {
      it(JSON.stringify(line), () => {
        expect(splitDefinitionLine(line)).to.deep.include(want);
      });
    }
    it('keeps hasCR', () => {
      expect(splitDefinitionLine('a u32 b', true).hasCR).to.equal(true);
    });
  });

  describe('checkDeletionLine (spec §1.3)', () => {
    it('accepts -:name, !u:name, !p:system/name', () => {
      expect(checkDeletionLine('-:old')).to.deep.equal({ name: 'old', diagnostics: [] });
      expect(checkDeletionLine('!u:old u32 a')).to.deep.equal({ name: 'old', diagnostics: [] });
      expect(checkDeletionLine('!z:user_events/old')).to.deep.equal({ name: 'old', system: 'user_events', diagnostics: [] });
    });
    it('rejects - without :, ! without :, empty names', () => {
      const a = checkDeletionLine('-old').diagnostics;
      expect(a.map((d) => [d.code, d.message, d.span])).to.deep.equal([['UE305', 'deletion line has `-` without `:` after it', { start: 0, end: 1 }]]);
      expect(checkDeletionLine('!old').diagnostics[0]!.message).to.equal('deletion line has no `:` in its first word');
      expect(checkDeletionLine('!old').diagnostics[0]!.span).to.deep.equal({ start: 0, end: 4 });
      expect(checkDeletionLine('-:').diagnostics[0]!.message).to.equal('deletion line has an empty event name');
      expect(checkDeletionLine('-:sys/').diagnostics[0]!.message).to.equal('deletion line has an empty event name');
    });
  });

  describe('checkLine', () => {
    it('reports BOM on line 1, CRLF and space before comment (with a fix)', () => {
      const text = 'test u32 a # x';
      const ds = checkLine(text, splitDefinitionLine(text, true), { line: 1, bom: true });
      expect(ds.map((d) => [d.code, d.span])).to.deep.equal([
        ['UE303', { start: 0, end: 0 }],
        ['UE301', { start: 10, end: 11 }],
        ['UE302', { start: 14, end: 15 }],
      ]);
      expect(ds[1]!.fix).to.deep.include({ span: { start: 10, end: 11 }, replacement: '' });
    });
    it('does not report a BOM after line 1 or UE301 on comment lines', () => {
      expect(checkLine('  # x', splitDefinitionLine('  # x'), { line: 2, bom: true })).to.deep.equal([]);
    });
  });

  describe('parseDisableDirective', () => {
    it('parses next-line and rest-of-file forms', () => {
      expect(parseDisableDirective(' ue-lint-disable-next-line UE104, UE301')).to.deep.equal({ scope: 'next-line', rules: ['UE104', 'UE301'] });
      expect(parseDisableDirective(' ue-lint-disable unusual-event-name -- legacy')).to.deep.equal({ scope: 'rest-of-file', rules: ['unusual-event-name'] });
      expect(parseDisableDirective(' ue-lint-disable')).to.deep.equal({ scope: 'rest-of-file', rules: [] });
      expect(parseDisableDirective(' a normal comment')).to.equal(undefined);
    });
  });
});
