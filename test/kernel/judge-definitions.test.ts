// The definition judge on hand-made harness reports: it agrees with a kernel that answers as
// ue-lint predicts, and names every answer that differs (so the live check cannot pass by
// comparing nothing).
import { expect } from 'chai';
import { dynamicEventsLine, errnoNumber, formatFile, parseDefinition, type EventLayout } from '../../src/index.js';
import { judgeDefinition, judgePair, predictSecond } from './judge-definitions.js';
import type { CaseReport } from './protocol.js';

const enc = new TextEncoder();

/** The report of a kernel that agrees with ue-lint, with `edit` applied to its lines. */
function report(definition: string, edit: (r: CaseReport) => void = () => {}): CaseReport {
  const r = parseDefinition(definition, { abi: 'linux' });
  const lines: CaseReport['lines'] = [];
  if (!r.ok) {
    lines.push({ tag: 'R', id: 0, args: [String(-(errnoNumber(r.errno) ?? 0)), '0'] });
  } else {
    const reachable = !['', '.', '..'].includes(r.event.name) && !r.event.name.includes('/');
    lines.push(
      { tag: 'R', id: 0, args: ['0', '0'] },
      { tag: 'A', id: 0, args: ['0'] },
      { tag: 'F', id: 0, args: reachable ? ['0', enc.encode(formatFile(r.event, { id: 285 }))] : ['2', new Uint8Array(0)] },
      { tag: 'L', id: 0, args: ['0', enc.encode(`${dynamicEventsLine(r.event)}\n`)] },
      { tag: 'Z', id: 0, args: ['300', 'auto'] },
    );
  }
  const out = { id: 0, lines };
  edit(out);
  return out;
}

function layout(definition: string): EventLayout {
  const r = parseDefinition(definition, { abi: 'linux' });
  if (!r.ok) throw new Error(definition);
  return r.event;
}

const set = (tag: string, i: number, v: string | Uint8Array) => (r: CaseReport) => {
  r.lines.find((l) => l.tag === tag)!.args[i] = v;
};

describe('kernel test: judging a definition', () => {
  it('agrees when the kernel answers as ue-lint predicts', () => {
    for (const d of ['test u32 count', 'e struct s a 4294967295', 'e char[1025] a', 'a/b u32 x', '', 'msg char[20] text; u8 lvl']) {
      expect(judgeDefinition(d, report(d)), d).to.deep.equal([]);
    }
  });

  it('names a different errno, re-registration, format file, listing or teardown', () => {
    expect(judgeDefinition('e char[1025] a', report('e char[1025] a', set('R', 0, '0')))).to.deep.equal(['registration: kernel ok / ue-lint EINVAL']);
    expect(judgeDefinition('e u32 a', report('e u32 a', set('R', 0, '-1')))).to.deep.equal(['registration: kernel EPERM / ue-lint ok']);
    expect(judgeDefinition('e u32 a', report('e u32 a', set('A', 0, '-98')))[0]).to.match(/^registering the same string again: kernel EADDRINUSE \/ ue-lint ok/);
    const withLength = formatFile(layout('e char[4] a'), { id: 285 }).replace('a[]', 'a[4]');
    const format = judgeDefinition('e char[4] a', report('e char[4] a', set('F', 1, enc.encode(withLength))));
    expect(format[0]).to.match(/^format file, line 9 differs: kernel "\\tfield:char a\[4\];/);
    expect(judgeDefinition('e u32 a', report('e u32 a', set('F', 0, '2')))[0]).to.match(/cannot open it \(ENOENT\)/);
    expect(judgeDefinition('e u32 a', report('e u32 a', set('L', 1, enc.encode('u:e u32 b\n'))))[0]).to.match(/^dynamic_events/);
    expect(judgeDefinition('e u32 a', report('e u32 a', set('Z', 1, 'stuck')))[0]).to.match(/still registered/);
    expect(judgeDefinition('a/b u32 x', report('a/b u32 x', set('F', 0, '0')))[0]).to.match(/kernel reachable/);
  });

  it('reports a crash as a disagreement', () => {
    expect(judgeDefinition('e u32 a', { ...report('e u32 a'), crashed: 'QEMU exited' })).to.deep.equal(['the machine crashed: QEMU exited']);
  });

  it('predicts a second registration in the kernel\'s order: limit and flags, then the match, then the parse', () => {
    const first = layout('test u32 a; u32 b');
    expect(predictSecond(first, 'test u32 a;u32 b')).to.equal('ok');
    expect(predictSecond(first, 'test  u32   a;\tu32 b')).to.equal('ok'); // broken as a new event, but it matches
    expect(predictSecond(first, 'test u32 b; u32 a')).to.equal('EADDRINUSE');
    expect(predictSecond(first, 'test u32 a; u32 b;;')).to.equal('EADDRINUSE');
    expect(predictSecond(first, 'test:x u32 a; u32 b')).to.equal('EINVAL');
    expect(predictSecond(first, `test u32 a; u32 b${' '.repeat(500)}`)).to.equal('EINVAL');
    expect(predictSecond(first, 'other u32  a')).to.equal('EINVAL');
    expect(predictSecond(first, 'other u64 a')).to.equal('ok');
  });

  it('names a second registration the kernel answers differently', () => {
    const pair = (ret: string): CaseReport => ({ id: 0, lines: [{ tag: 'R', id: 0, args: ['0', '0'] }, { tag: 'A', id: 0, args: [ret] }] });
    expect(judgePair('test u32 a', 'test u32 a;', pair('0'))).to.deep.equal([]);
    expect(judgePair('test u32 a', 'test u32 a;', pair('-98'))).to.deep.equal(['second registration: kernel EADDRINUSE / ue-lint ok']);
    expect(judgePair('test u32 a', 'test u32 b', pair('0'))).to.deep.equal(['second registration: kernel ok / ue-lint EADDRINUSE']);
  });
});
