// The SVG byte map: golden files for representative events, and the picture checked against
// the library's layout (each box at its offset and size, signedness, arrows for dynamic fields).
import { expect } from 'chai';
import { parseDefinition, type AbiName, type EventLayout } from '../../src/index.js';
import { byteMapSvg, byteMapsSvg, planByteMap } from '../../src/svg/index.js';
import { expectGolden } from '../support/golden.js';
import { assertInertSvg, type ParsedElement } from './svg-check.js';

const GOLDEN = 'fixtures/golden/svg';

function layout(definition: string, abi: AbiName = 'linux'): EventLayout {
  const r = parseDefinition(definition, { abi });
  if (!r.ok) throw new Error(`${definition}: ${r.errno}`);
  return r.event;
}

const CASES: { file: string; definition: string; abi?: AbiName; bytesPerRow?: 16 | 32 }[] = [
  { file: 'readme', definition: 'test char[20] msg;unsigned int id' },
  { file: 'dynamic', definition: 'http_request __data_loc char[] path; u16 status; __rel_loc u8[] body; s64 duration_ns' },
  { file: 'elided', definition: 'blob struct payload data 70000; u8 crc' },
  { file: 'wrapped', definition: 'e struct A a 2147483647;struct B b 2147483647;struct C c 2147483647;u32 d' },
  { file: 'empty', definition: 'heartbeat' },
  { file: 'v5-flags', definition: 'msg:BPF_ITER char[0x14] text', abi: 'v5' },
  { file: 'rows-32', definition: 'wake u32 pid; char[16] comm; s32 prio; u64 ts', bytesPerRow: 32 },
];

const HOSTILE: EventLayout = {
  name: '<script>alert(1)</script>',
  flags: [],
  fields: [
    { type: 'u32', name: '" onload="alert(1)', offset: 8, size: 4, signed: false },
    { type: '__data_loc char[]', name: ']]><foreignObject>&amp;', offset: 12, size: 4, signed: true },
    { type: 's8', name: 'tab\there\u202eevil\u0000nul\ud800', offset: 16, size: 1, signed: true },
  ],
};

/** The field groups, keyed by data-index (-1 … -4 are the common header). */
function fieldGroups(els: ParsedElement[]): Map<number, ParsedElement> {
  const out = new Map<number, ParsedElement>();
  for (const e of els) if (e.name === 'g' && /\bfield\b/.test(e.attrs['class'] ?? '')) out.set(Number(e.attrs['data-index']), e);
  return out;
}
const inside = (els: ParsedElement[], g: ParsedElement) => els.filter((e) => { for (let p = e.parent; p; p = p.parent) if (p === g) return true; return false; });

describe('svg: byte map', () => {
  for (const c of CASES) {
    it(`${c.file}: matches its golden and is inert, well-formed SVG`, () => {
      const svg = byteMapSvg(layout(c.definition, c.abi), { abi: c.abi, ...(c.bytesPerRow ? { bytesPerRow: c.bytesPerRow } : {}) });
      assertInertSvg(svg);
      expectGolden(svg, `${GOLDEN}/${c.file}.svg`);
    });
  }

  it('hostile names: golden, inert, and every name shown as text', () => {
    const svg = byteMapSvg(HOSTILE);
    const els = assertInertSvg(svg);
    expectGolden(svg, `${GOLDEN}/hostile.svg`);
    const desc = els.find((e) => e.name === 'desc')!.text;
    expect(desc).to.contain('<script>alert(1)</script>');
    expect(desc).to.contain('" onload="alert(1)');
    expect(desc).to.contain(']]><foreignObject>&amp;');
    // Invisible and reordering characters are spelled out, not hidden.
    expect(desc).to.contain('tab\\there\\u202eevil\\x00nul\\ud800');
    expect(svg).not.to.contain('\u202e');
  });

  it('draws every field at its offset and size, with the signedness badge, as the library lays it out', () => {
    for (const c of [...CASES, { definition: 'mix s8 a;u8 b;char c;unsigned char d;s16 e;u16 f;short g;unsigned short h;int i;unsigned int j;s64 k;u64 l' }]) {
      const event = layout(c.definition, (c as { abi?: AbiName }).abi);
      const els = assertInertSvg(byteMapSvg(event));
      const groups = fieldGroups(els);
      expect(groups.size, c.definition).to.equal(event.fields.length + 4);
      for (const [i, f] of event.fields.entries()) {
        const g = groups.get(i)!;
        expect(Number(g.attrs['data-offset']), `${f.name} offset`).to.equal(f.offset);
        expect(Number(g.attrs['data-size']), `${f.name} size`).to.equal(f.size);
        expect(g.attrs['data-signed'], `${f.name} signed`).to.equal(f.signed ? '1' : '0');
        expect(g.attrs['class']).to.contain(f.signed ? 'sg' : 'un');
        const title = inside(els, g).find((e) => e.name === 'title')!;
        expect(title.text).to.contain(`${f.name}: ${f.type}, record offset ${f.offset}`);
        const badges = inside(els, g).filter((e) => e.attrs['class'] === 'bt').map((e) => e.text);
        // A badge is drawn wherever the box is wide enough for one (always at 16 bytes a row).
        for (const b of badges) expect(b).to.equal(f.signed ? '±' : '+');
      }
      const header = [0, 1, 2, 3].map((i) => Number(groups.get(-1 - i)!.attrs['data-offset']));
      expect(header).to.deep.equal([0, 2, 3, 4]);
    }
  });

  it('boxes sit on the ruler: x follows the byte column, width the bytes in that row', () => {
    const event = layout('wake u32 pid; char[16] comm; s32 prio');
    const els = assertInertSvg(byteMapSvg(event, { bytesPerRow: 16 }));
    const groups = fieldGroups(els);
    const rects = (g: ParsedElement) => inside(els, g).filter((e) => e.name === 'rect' && e.attrs['class'] === 'box').map((e) => ({ x: Number(e.attrs['x']), w: Number(e.attrs['width']) }));
    // 44 px a byte at 16 a row; the grid starts at x = 100; boxes are inset by 1 px each side.
    expect(rects(groups.get(0)!)).to.deep.equal([{ x: 100 + 8 * 44 + 1, w: 4 * 44 - 2 }]); // pid: record 8..11
    expect(rects(groups.get(1)!)).to.deep.equal([{ x: 100 + 12 * 44 + 1, w: 4 * 44 - 2 }, { x: 100 + 1, w: 12 * 44 - 2 }]); // comm: 12..27
    expect(rects(groups.get(2)!)).to.deep.equal([{ x: 100 + 12 * 44 + 1, w: 4 * 44 - 2 }]); // prio: 28..31
  });

  it('one arrow per __data_loc/__rel_loc field, to its own data box, through the marker of this document', () => {
    const event = layout('http_request __data_loc char[] path; u16 status; __rel_loc u8[] body; s64 duration_ns');
    const els = assertInertSvg(byteMapSvg(event, { idPrefix: 'pic1' }));
    const arrows = els.filter((e) => e.name === 'path' && /\barrow\b/.test(e.attrs['class'] ?? ''));
    expect(arrows.map((a) => a.attrs['data-index'])).to.deep.equal(['0', '2']);
    expect(arrows.map((a) => a.attrs['class'])).to.deep.equal(['arrow', 'arrow rel']);
    for (const a of arrows) expect(a.attrs['marker-end']).to.equal('url(#pic1-arrow)');
    const boxes = els.filter((e) => e.name === 'g' && /ddata-box/.test(e.attrs['class'] ?? ''));
    expect(boxes.map((b) => [b.attrs['data-index'], b.attrs['data-kind']])).to.deep.equal([['0', 'data-loc'], ['2', 'rel-loc']]);
    expect(els.find((e) => e.name === 'svg')!.attrs['aria-labelledby']).to.equal('pic1-title pic1-desc');
  });

  it('shows the write() buffer against record offsets: write_index over record bytes 4-7, payload from 8', () => {
    const els = assertInertSvg(byteMapSvg(layout('e u32 a')));
    const texts = els.filter((e) => e.name === 'text').map((e) => e.text);
    expect(texts).to.include('write()');
    expect(texts).to.include('write_index');
    expect(texts).to.include('payload ↓ write() byte 4 = record byte 8');
    const wi = els.find((e) => e.name === 'rect' && e.attrs['class'] === 'wi' && Number(e.attrs['y']) > 100)!;
    expect(Number(wi.attrs['x'])).to.equal(100 + 4 * 44 + 1);
    expect(Number(wi.attrs['width'])).to.equal(4 * 44 - 2);
    // The right axis gives payload offsets: −8 for the header row.
    expect(texts).to.include('−8');
  });

  it('accessible: role img labelled by <title> and <desc>, which name every field', () => {
    const event = layout('test char[20] msg;unsigned int id');
    const els = assertInertSvg(byteMapSvg(event));
    const svg = els[0]!;
    expect(svg.attrs['role']).to.equal('img');
    const [t, d] = svg.attrs['aria-labelledby']!.split(' ');
    expect(els.find((e) => e.attrs['id'] === t)!.name).to.equal('title');
    const desc = els.find((e) => e.attrs['id'] === d)!;
    expect(desc.name).to.equal('desc');
    expect(desc.text).to.contain('Field 1: msg: char[20], record offset 8, payload offset 0, 20 bytes, signed');
    expect(desc.text).to.contain('Field 2: id: unsigned int, record offset 28, payload offset 20, 4 bytes, unsigned');
    // Text is text: every label is a <text> element, none is drawn as a path.
    expect(els.filter((e) => e.name === 'text').map((e) => e.text)).to.include.members(['msg', 'char[20]', 'id', 'unsigned int']);
  });

  it('themes: one stylesheet with a prefers-color-scheme: dark block; colour is never the only cue', () => {
    const els = assertInertSvg(byteMapSvg(layout('e s32 a; u32 b')));
    const css = els.find((e) => e.name === 'style')!.text;
    expect(css).to.match(/@media \(prefers-color-scheme:dark\)\{/);
    const groups = fieldGroups(els);
    const badge = (i: number) => inside(els, groups.get(i)!).find((e) => e.attrs['class'] === 'bt')!.text;
    expect([badge(0), badge(1)]).to.deep.equal(['±', '+']);
  });

  it('elides long runs of rows inside one field, so a 2 GiB struct is a small picture', () => {
    const event = layout('huge struct blob b 2147483647; u8 tail');
    const plan = planByteMap(event, 16);
    expect(plan.rows.length).to.be.below(6);
    const svg = byteMapSvg(event);
    expect(svg.length).to.be.below(40_000);
    expect(svg).to.contain('⋮ 2147483616 more bytes of b (record 32–2147483647) ⋮'); // 32 bytes a row: rows 1 … 67108863
  });

  it('--file: several events in one document, each in its own group', () => {
    const events = [layout('a u32 x'), layout('b __rel_loc char[] s')];
    const els = assertInertSvg(byteMapsSvg(events));
    expect(els.filter((e) => e.name === 'g' && e.attrs['class'] === 'event').map((e) => e.attrs['data-index'])).to.deep.equal(['0', '1']);
    expect(els.find((e) => e.name === 'title')!.text).to.equal('Byte maps of 2 user_events events (linux ABI)');
    expect(els.filter((e) => e.name === 'marker')).to.have.length(1);
  });
});

describe('svg: row plan', () => {
  it('rows cover the record from 0 to the end of the fixed part, in order, elided runs included', () => {
    for (const def of ['a u8 x', 'b char[1024] s; u32 n', 'c struct s x 100; struct t y 17; u64 z', 'empty']) {
      for (const R of [16, 32]) {
        const plan = planByteMap(layout(def), R);
        let next = 0;
        for (const row of plan.rows) {
          expect(row.start, def).to.equal(next);
          next = row.kind === 'row' ? row.start + R : row.end;
        }
        expect(next, def).to.be.at.least(plan.fixedEnd);
        expect(next - plan.fixedEnd, def).to.be.below(R);
      }
    }
  });
});
