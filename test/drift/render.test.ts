import { expect } from 'chai';
import { diffEventSets, type DriftEvent } from '../../src/drift/compare.js';
import { renderDiffJson, renderDiffMarkdown, renderDiffText } from '../../src/drift/render.js';

const field = (type: string, name: string, offset: number, size: number) => ({ type, name, offset, size, signed: !type.startsWith('u') });
const OLD: DriftEvent[] = [
  { name: 'msg', fields: [field('u32', 'id', 8, 4), field('u8', 'lvl', 12, 1)] },
  { name: 'gone', fields: [] },
];
const NEW: DriftEvent[] = [
  { name: 'msg', fields: [field('u64', 'id', 8, 8), field('u8', 'lvl', 16, 1), field('u8', 'a|b', 17, 1)] },
  { name: 'fresh', fields: [field('u32', 'x`y', 8, 4)] },
];

describe('drift/render', () => {
  const result = diffEventSets(OLD, NEW);

  it('renders Markdown for a pull-request comment, breaking changes first', () => {
    expect(renderDiffMarkdown(result, { oldLabel: 'main:events.ue', newLabel: 'events.ue' })).to.equal(
      [
        '### ue-lint diff (`main:events.ue` → `events.ue`)',
        '',
        '**3 breaking**, 1 re-registration conflict, 2 compatible',
        '',
        '| Class | Event | Field | Change | Old | New |',
        '|---|---|---|---|---|---|',
        '| breaking | `msg` | `id` | field `id` resized from 4 to 8 bytes | 4 | 8 |',
        '| breaking | `msg` | `lvl` | field `lvl` moved from offset 12 to 16 | 12 | 16 |',
        '| breaking | `gone` |  | event `gone` removed |  |  |',
        '| re-registration conflict | `msg` |  | event `msg` is registered with different fields; re-registering fails with EADDRINUSE | `u32 id; u8 lvl` | `u64 id; u8 lvl; u8 a\\|b` |',
        '| compatible | `msg` | `a\\|b` | field `a\\|b` appended at offset 17 |  | `u8 a\\|b` |',
        '| compatible | `fresh` |  | event `fresh` added |  | ``u32 x`y`` |',
        '',
      ].join('\n'),
    );
  });

  it('says so when nothing changed', () => {
    expect(renderDiffMarkdown(diffEventSets(OLD, OLD))).to.equal('### ue-lint diff\n\nNo layout changes.\n');
  });

  it('renders stable JSON', () => {
    const json = JSON.parse(renderDiffJson(result));
    expect(Object.keys(json)).to.deep.equal(['version', 'breaking', 'summary', 'changes']);
    expect(json.version).to.equal(1);
    expect(json.breaking).to.equal(true);
    expect(json.summary).to.deep.equal({ compatible: 2, breaking: 3, reregistrationConflict: 1 });
    expect(json.changes[1]).to.deep.equal({
      classification: 'breaking', kind: 'field-resized', event: 'msg', field: 'id', old: 4, new: 8, oldIndex: 0, newIndex: 0,
      message: 'field `id` resized from 4 to 8 bytes',
    });
    expect(renderDiffJson(result).endsWith('}\n')).to.equal(true);
  });

  it('renders one concise line per change', () => {
    const lines = renderDiffText(result).trimEnd().split('\n');
    expect(lines[0]).to.equal('breaking: msg.id: field `id` resized from 4 to 8 bytes');
    expect(lines.at(-1)).to.equal('3 breaking, 1 re-registration conflict(s), 2 compatible');
  });
});
