// `ue-lint layout --format svg`: a byte map of a record. The common header and each field are
// boxes spanning their bytes on a ruler of byte offsets (16 or 32 bytes a row), signed and
// unsigned told apart by hue and by a ± / + badge, `__data_loc`/`__rel_loc` fields with an
// arrow to the dynamic data after the fixed part, and the write() buffer (4-byte write_index,
// then the payload) drawn against record offsets. Self-contained: inline CSS that follows
// prefers-color-scheme, text as text, <title> and <desc>. Pure: a tree of fixed elements whose
// user text is escaped by the serialiser (xml.ts), so no name can become markup.
import type { AbiName, EventLayout } from '../layout/types.js';
import { defaultBytesPerRow, HEADER_FIELDS, HEADER_SIZE, planByteMap, segmentIn, WRITE_INDEX_SIZE, type Plan, type PlannedBox } from './plan.js';
import { BYTE_MAP_CSS } from './style.js';
import { el, serialize, visibleText, SVG_NS, type SvgElement, type SvgNode } from './xml.js';

export interface ByteMapOptions {
  /** Shown in the heading; layouts do not record their ABI. Default `linux`. */
  abi?: AbiName;
  /** Bytes per row: 16 or 32. Default: 16, or 32 when the fixed part needs more than 8 rows of 16. */
  bytesPerRow?: 16 | 32;
  /** Prefix of element ids (the arrowhead marker, title, desc), for several maps in one page. Default `uebm`. */
  idPrefix?: string;
}

// GEOMETRY (px). Text is monospace, so widths are known: about 0.6 em per character.
const PAD = 16;
const LEFT = 84; // row labels (record offsets)
const AXIS = 76; // payload offsets, right of the grid
const LANE = 8; // one vertical lane per dynamic field, right of the axis
const ROW_H = 50;
const ELIDED_H = 26;
const BAND_H = 36;
const DYN_BOX_H = 46;
const LINE_H = 15;
const CHAR_W = { name: 7.25, small: 6.35 } as const;

/** A byte map of one event as a standalone SVG document. */
export function byteMapSvg(event: EventLayout, options: ByteMapOptions = {}): string {
  return `${serialize(byteMapTree([event], options))}\n`;
}

/** Byte maps of several events (e.g. every event of a file) stacked in one SVG document. */
export function byteMapsSvg(events: readonly EventLayout[], options: ByteMapOptions = {}): string {
  return `${serialize(byteMapTree(events, options))}\n`;
}

/** The SVG as an element tree (the playground builds DOM nodes from it with `toDom`). */
export function byteMapTree(events: readonly EventLayout[], options: ByteMapOptions = {}): SvgElement {
  const p = (options.idPrefix ?? 'uebm').replace(/[^A-Za-z0-9_-]/g, '_') || 'uebm';
  const abi = options.abi ?? 'linux';
  const groups: SvgElement[] = [];
  const descs: string[] = [];
  let y = 0;
  let width = 0;
  for (const [i, event] of events.entries()) {
    const R = options.bytesPerRow ?? defaultBytesPerRow(event);
    const plan = planByteMap(event, R);
    const drawn = drawEvent(event, plan, abi, `${p}-arrow`);
    groups.push(el('g', { class: 'event', 'data-index': i, 'data-bytes-per-row': R, transform: `translate(0 ${y})` }, drawn.nodes));
    descs.push(describe(event, plan, abi));
    y += drawn.height + (i < events.length - 1 ? PAD : 0);
    width = Math.max(width, drawn.width);
  }
  if (events.length === 0) {
    width = 320;
    y = 48;
    groups.push(el('text', { x: PAD, y: 30, class: 'muted' }, 'no events'));
  }
  const title = events.length === 1 ? `Byte map of user_events event ${visibleText(events[0]!.name)} (${abi} ABI)` : `Byte maps of ${events.length} user_events events (${abi} ABI)`;
  return el(
    'svg',
    { xmlns: SVG_NS, width, height: y, viewBox: `0 0 ${width} ${y}`, role: 'img', 'aria-labelledby': `${p}-title ${p}-desc`, class: 'uebm' },
    el('title', { id: `${p}-title` }, title),
    el('desc', { id: `${p}-desc` }, descs.join('\n\n')),
    el('style', {}, BYTE_MAP_CSS),
    el(
      'defs', {},
      el('marker', { id: `${p}-arrow`, viewBox: '0 0 8 8', markerWidth: 8, markerHeight: 8, refX: 7, refY: 4, orient: 'auto', markerUnits: 'userSpaceOnUse' },
        el('path', { class: 'head', d: 'M0 0L8 4L0 8z' })),
    ),
    el('rect', { class: 'bg', width, height: y }),
    groups,
  );
}

/** `s` cut to `max` characters (code points), with `…` where cut; '' when not even one fits. */
export function fit(s: string, max: number): string {
  const cps = Array.from(s);
  if (cps.length <= max) return s;
  if (max < 2) return '';
  return `${cps.slice(0, max - 1).join('')}…`;
}

const chars = (px: number, w: number) => Math.max(0, Math.floor(px / w));

const signClass = (b: PlannedBox) => `${b.signed ? 'sg' : 'un'}${b.kind === 'header' ? ' hdr' : ''}${b.kind === 'data-loc' || b.kind === 'rel-loc' ? ' dyn' : ''}`;

function badge(x: number, y: number, signed: boolean): SvgElement[] {
  return [
    el('rect', { class: 'badge', x, y, width: 12, height: 12, rx: 6 }),
    el('text', { class: 'bt', x: x + 6, y: y + 9.5, 'text-anchor': 'middle' }, signed ? '±' : '+'),
  ];
}

function boxTitle(b: PlannedBox): string {
  const where = b.kind === 'header' ? `record offset ${b.start}` : `record offset ${b.reportedOffset}, payload offset ${b.reportedOffset - HEADER_SIZE}`;
  return `${visibleText(b.name)}: ${visibleText(b.type)}, ${where}, ${b.size} byte${b.size === 1 ? '' : 's'}, ${b.signed ? 'signed' : 'unsigned'}`;
}

function offsetText(b: PlannedBox, max: number): string {
  if (b.kind === 'header') return fit(`@${b.start}`, max);
  if (b.reportedOffset !== b.start) return fit(`@${b.reportedOffset} (wrapped)`, max);
  const payload = b.start - HEADER_SIZE;
  for (const t of [`@${b.start} · payload ${payload}`, `@${b.start} p${payload}`, `@${b.start}`]) if (t.length <= max) return t;
  return fit(`@${b.start}`, max);
}

type Cells = [string, string, string, string, string, string];

interface Drawn {
  nodes: SvgNode[];
  width: number;
  height: number;
}

function drawEvent(event: EventLayout, plan: Plan, abi: AbiName, marker: string): Drawn {
  const R = plan.bytesPerRow;
  const CW = R === 16 ? 44 : 26;
  const gridW = R * CW;
  const gx = PAD + LEFT; // grid left
  const gr = gx + gridW; // grid right
  const dyn = plan.boxes.filter((b) => b.kind === 'data-loc' || b.kind === 'rel-loc');
  const width = gr + AXIS + dyn.length * LANE + PAD;
  const xOf = (recordByte: number, rowStart: number) => gx + (recordByte - rowStart) * CW;
  const nodes: SvgNode[] = [];
  let y = PAD;

  // HEADING
  const fixed = plan.fixedEnd - HEADER_SIZE;
  const nameMax = chars(gr + AXIS - PAD, 9.1);
  nodes.push(el('text', { class: 'h1', x: PAD, y: y + 15 }, fit(visibleText(event.name), nameMax)));
  y += 22;
  const nFields = event.fields.length;
  const sub = `${abi} ABI · ${nFields} field${nFields === 1 ? '' : 's'} · fixed payload ${fixed} byte${fixed === 1 ? '' : 's'}` +
    ` (record ${plan.fixedEnd})${dyn.length > 0 ? ' + dynamic data' : ''} · write() = ${WRITE_INDEX_SIZE}-byte write_index + payload` +
    (event.flags.length > 0 ? ` · flags ${event.flags.join(',')}` : '');
  nodes.push(el('text', { class: 'muted', x: PAD, y: y + 11 }, fit(sub, chars(width - 2 * PAD, CHAR_W.small))));
  y += 18;
  if (plan.wrapped) {
    nodes.push(el('text', { class: 'warn', x: PAD, y: y + 11 }, fit('⚠ offsets wrapped at 2^32: boxes sit where the bytes are written; labels give the offset the kernel reports', chars(width - 2 * PAD, CHAR_W.small))));
    y += 16;
  }

  // LEGEND
  y += 4;
  let lx = gx;
  const legend = (cls: string, label: string, withBadge?: boolean) => {
    const g = el('g', { class: cls }, el('rect', { class: 'box', x: lx, y, width: 26, height: 16, rx: 3 }), withBadge !== undefined && badge(lx + 7, y + 2, withBadge));
    nodes.push(g, el('text', { x: lx + 32, y: y + 12 }, label));
    lx += 32 + label.length * CHAR_W.small + 16;
  };
  legend('sg', 'signed', true);
  legend('un', 'unsigned', false);
  legend('hdr dyn', '__data_loc/__rel_loc');
  legend('un hdr', 'common header');
  nodes.push(el('rect', { class: 'wi', x: lx, y, width: 26, height: 16, rx: 3 }), el('text', { x: lx + 32, y: y + 12 }, 'write() only'));
  y += 28;

  // RULER: byte columns; the left axis gives each row's record offset, the right its payload offset.
  nodes.push(el('text', { class: 'muted', x: gx - 8, y: y + 11, 'text-anchor': 'end' }, 'record'));
  nodes.push(el('text', { class: 'muted', x: gr + 8, y: y + 11 }, 'payload'));
  for (let c = 0; c < R; c++) nodes.push(el('text', { class: 'muted', x: gx + c * CW + CW / 2, y: y + 11, 'text-anchor': 'middle' }, String(c)));
  y += 18;

  // WRITE() BAND: write_index sits above common_pid, so payload byte 0 lines up with record byte 8.
  nodes.push(el('text', { x: gx - 8, y: y + BAND_H / 2 + 4, 'text-anchor': 'end' }, 'write()'));
  const wiX = xOf(WRITE_INDEX_SIZE, 0);
  const wiW = WRITE_INDEX_SIZE * CW;
  nodes.push(el('rect', { class: 'wi', x: wiX + 1, y: y + 2, width: wiW - 2, height: BAND_H - 4, rx: 3 }));
  nodes.push(el('text', { class: 'nm', x: wiX + 6, y: y + 15 }, fit('write_index', chars(wiW - 10, CHAR_W.name))));
  nodes.push(el('text', { class: 'muted', x: wiX + 6, y: y + 29 }, fit('4 bytes, not recorded', chars(wiW - 10, CHAR_W.small))));
  const px = xOf(HEADER_SIZE, 0);
  nodes.push(el('text', { class: 'muted', x: px + 14, y: y + BAND_H / 2 + 4 }, fit(`payload ↓ write() byte ${WRITE_INDEX_SIZE} = record byte ${HEADER_SIZE}`, chars(gr - px - 18, CHAR_W.small))));
  nodes.push(el('path', { class: 'flow', d: `M${px + 6} ${y + 8}V${y + BAND_H + 2}` }));
  nodes.push(el('path', { class: 'flowhead', d: `M${px + 2} ${y + BAND_H - 2}L${px + 6} ${y + BAND_H + 4}L${px + 10} ${y + BAND_H - 2}z` }));
  y += BAND_H + 6;

  // ROWS
  const gapH = 12 + Math.min(dyn.length, 8) * 3;
  const gapStep = dyn.length > 0 ? (gapH - 8) / dyn.length : 0;
  const boxNodes = new Map<PlannedBox, SvgNode[]>(plan.boxes.map((b) => [b, []]));
  // Where each box's label goes: its widest drawn segment (first on ties).
  const labelAt = new Map<PlannedBox, { x: number; y: number; w: number }>();
  const segments: { b: PlannedBox; x: number; y: number; w: number; from: number; to: number }[] = [];
  for (const row of plan.rows) {
    if (row.kind === 'elided') {
      const b = plan.boxes[row.box]!;
      nodes.push(el('text', { class: 'muted', x: gx - 8, y: y + ELIDED_H / 2 + 4, 'text-anchor': 'end' }, '⋮'));
      const n = row.end - row.start;
      boxNodes.get(b)!.push(
        el('rect', { class: 'box', x: gx + 1, y: y + 1, width: gridW - 2, height: ELIDED_H - 2, rx: 3 }),
        el('text', { class: 'muted', x: gx + gridW / 2, y: y + ELIDED_H / 2 + 4, 'text-anchor': 'middle' },
          fit(`⋮ ${n} more bytes of ${visibleText(b.name)} (record ${row.start}–${row.end - 1}) ⋮`, chars(gridW - 16, CHAR_W.small))),
      );
      y += ELIDED_H + 4;
      continue;
    }
    nodes.push(el('text', { class: 'muted', x: gx - 8, y: y + ROW_H / 2 + 4, 'text-anchor': 'end' }, String(row.start)));
    nodes.push(el('text', { class: 'muted', x: gr + 8, y: y + ROW_H / 2 + 4 }, row.start >= HEADER_SIZE ? String(row.start - HEADER_SIZE) : `−${HEADER_SIZE - row.start}`));
    for (const b of plan.boxes) {
      const s = segmentIn(b, row.start, R);
      if (!s) continue;
      const seg = { b, x: xOf(s.from, row.start), y, w: (s.to - s.from) * CW, from: s.from, to: s.to };
      segments.push(seg);
      const best = labelAt.get(b);
      if (!best || seg.w > best.w) labelAt.set(b, seg);
    }
    // The bytes after the fixed part in its last row.
    if (plan.fixedEnd > row.start && plan.fixedEnd < row.start + R) {
      const x = xOf(plan.fixedEnd, row.start);
      const w = gr - x;
      nodes.push(el('rect', { class: 'rest', x: x + 1, y: y + 1, width: w - 2, height: ROW_H - 2, rx: 3 }));
      const label = fit(dyn.length > 0 ? 'dynamic data ↓' : 'end of record', chars(w - 10, CHAR_W.small));
      if (label) nodes.push(el('text', { class: 'muted', x: x + 6, y: y + ROW_H / 2 + 4 }, label));
    }
    y += ROW_H + gapH;
  }

  for (const seg of segments) {
    const { b, x, y: sy, w } = seg;
    const out = boxNodes.get(b)!;
    out.push(el('rect', { class: 'box', x: x + 1, y: sy + 1, width: w - 2, height: ROW_H - 2, rx: 3 }));
    // A tick at every byte boundary inside the box: its size at a glance.
    if (seg.to - seg.from > 1) {
      let d = '';
      for (let k = 1; k < seg.to - seg.from; k++) d += `M${x + k * CW} ${sy + ROW_H - 1}v-4`;
      out.push(el('path', { class: 'tick', d }));
    }
    if (labelAt.get(b) === seg) {
      const hasBadge = w >= 24;
      if (hasBadge) out.push(...badge(x + w - 15, sy + 4, b.signed));
      const name = fit(visibleText(b.name), chars(w - 8 - (hasBadge ? 14 : 0), CHAR_W.name));
      if (name) out.push(el('text', { class: 'nm', x: x + 5, y: sy + 16 }, name));
      const type = fit(visibleText(b.type), chars(w - 8, CHAR_W.small));
      if (type) out.push(el('text', { x: x + 5, y: sy + 30 }, type));
      const off = offsetText(b, chars(w - 8, CHAR_W.small));
      if (off) out.push(el('text', { class: 'muted', x: x + 5, y: sy + 43 }, off));
    } else {
      const cont = fit(`…${visibleText(b.name)}`, chars(w - 8, CHAR_W.small));
      if (cont.length > 1) out.push(el('text', { class: 'muted', x: x + 5, y: sy + ROW_H / 2 + 4 }, cont));
    }
  }

  // DYNAMIC DATA: one box per dynamic field, in field order (the order encoders append the data).
  if (dyn.length > 0) {
    y += 4;
    const start = plan.fixedEnd;
    nodes.push(el('text', { x: gx, y: y + 11 }, fit(`dynamic data, after the fixed part: from record byte ${start} (payload ${start - HEADER_SIZE}), in field order`, chars(gridW, CHAR_W.small))));
    y += 18;
    const turnTop = y;
    const turnStep = 4;
    y += 6 + dyn.length * turnStep;
    const w = gridW / dyn.length;
    dyn.forEach((b, k) => {
      const x = gx + k * w;
      const rel = b.kind === 'rel-loc';
      const text = b.type.includes('char');
      const lines = [
        fit(`data of ${visibleText(b.name)}`, chars(w - 10, CHAR_W.name)),
        fit(rel ? '__rel_loc: offset from field end' : '__data_loc: offset from record start', chars(w - 10, CHAR_W.small)),
        fit(`u32 = offset | length << 16${text ? ', ends with NUL' : ''}`, chars(w - 10, CHAR_W.small)),
      ];
      const g = el('g', { class: `ddata-box${rel ? ' rel' : ''}`, 'data-index': b.index, 'data-kind': b.kind },
        el('title', {}, `dynamic data of ${visibleText(b.name)} (${visibleText(b.type)}): the field holds ${rel ? 'its offset from the end of the field' : 'its offset from the start of the record'} in the low 16 bits and its length in the high 16 bits${text ? '; the data ends with a NUL byte' : ''}`),
        el('rect', { class: 'ddata', x: x + 2, y: y + 1, width: w - 4, height: DYN_BOX_H - 2, rx: 3 }),
        lines[0] && el('text', { class: 'nm', x: x + 7, y: y + 15 }, lines[0]),
        lines[1] && el('text', { x: x + 7, y: y + 29 }, lines[1]),
        lines[2] && el('text', { class: 'muted', x: x + 7, y: y + 42 }, lines[2]),
      );
      nodes.push(g);
      // ARROW: down from the field into the gap below its row, right to lane k, down to the turn
      // row, left above the data box, down into it. Earlier fields use inner lanes and turn
      // higher, so the paths do not cross below the grid.
      const src = labelAt.get(b)!;
      const sx = src.x + src.w / 2;
      const gapY = src.y + ROW_H + 5 + k * gapStep;
      const laneX = gr + AXIS + LANE / 2 + k * LANE;
      const turnY = turnTop + 3 + k * turnStep;
      const cx = x + w / 2;
      nodes.push(el('path', { class: `arrow${rel ? ' rel' : ''}`, 'data-index': b.index, d: `M${sx} ${src.y + ROW_H - 1}V${gapY}H${laneX}V${turnY}H${cx}V${y}`, 'marker-end': `url(#${marker})` }));
    });
    y += DYN_BOX_H + 10;
  }

  // FIELD LIST: every box as a line of text, complete where the boxes had to cut it.
  y += 6;
  const rows = plan.boxes.map((b) => {
    const hdr = b.kind === 'header';
    const off = hdr ? b.start : b.reportedOffset;
    return { cls: hdr ? 'muted' : 'line', cells: [String(off), hdr ? '' : String(off - HEADER_SIZE), String(b.size), b.signed ? '±' : '+', visibleText(b.type), visibleText(b.name)] as Cells };
  });
  const head: Cells = ['record', 'payload', 'size', 'sign', 'type', 'name'];
  const colChars = (i: number) => Math.max(...[head, ...rows.map((r) => r.cells)].map((c) => Array.from(c[i]).length));
  // Right-aligned numbers, then the sign, type and name, each column as wide as its longest cell.
  const ends = [0, 1, 2].reduce<number[]>((acc, i) => [...acc, (acc.at(-1) ?? gx - 2 * CHAR_W.small) + (colChars(i) + 2) * CHAR_W.small], []);
  const signX = ends[2]! + 2 * CHAR_W.small;
  const typeX = signX + 6 * CHAR_W.small;
  const typeChars = Math.min(28, colChars(4));
  const nameX = typeX + (typeChars + 2) * CHAR_W.small;
  const nameChars = chars(gr + AXIS - nameX, CHAR_W.small);
  const listLine = (cls: string, cells: Cells) => {
    y += LINE_H;
    nodes.push(el('g', { class: cls },
      el('text', { x: ends[0]!, y, 'text-anchor': 'end' }, cells[0]),
      el('text', { x: ends[1]!, y, 'text-anchor': 'end' }, cells[1]),
      el('text', { x: ends[2]!, y, 'text-anchor': 'end' }, cells[2]),
      el('text', { x: signX, y }, cells[3]),
      el('text', { x: typeX, y }, fit(cells[4], typeChars)),
      el('text', { x: nameX, y }, fit(cells[5], nameChars)),
    ));
  };
  listLine('muted', head);
  for (const r of rows) listLine(r.cls, r.cells);
  y += PAD;

  // Boxes last, each a group with a tooltip and its geometry as numbers for tests and tools.
  for (const b of plan.boxes) {
    nodes.push(el('g', { class: `field ${signClass(b)}`, 'data-index': b.index, 'data-offset': b.reportedOffset, 'data-size': b.size, 'data-signed': b.signed ? 1 : 0, 'data-kind': b.kind },
      el('title', {}, boxTitle(b)), boxNodes.get(b)!));
  }
  return { nodes, width, height: y };
}

/** The <desc>: everything the picture shows, as sentences, for screen readers and search. */
function describe(event: EventLayout, plan: Plan, abi: AbiName): string {
  const lines = [
    `Event ${visibleText(event.name)}, ${abi} ABI. The record starts with the ${HEADER_SIZE}-byte common header (${HEADER_FIELDS.map((h) => `${h.name} at ${h.offset}, ${h.size} byte${h.size === 1 ? '' : 's'}`).join('; ')}).`,
    `A write() sends a ${WRITE_INDEX_SIZE}-byte write_index, which is not recorded, and then the payload: payload byte N is record byte N + ${HEADER_SIZE}.`,
  ];
  if (event.fields.length === 0) lines.push('The event has no fields: the payload is empty.');
  for (const b of plan.boxes) if (b.kind !== 'header') lines.push(`Field ${b.index + 1}: ${boxTitle(b)}${b.kind === 'data-loc' ? '; its data follows the fixed part, at the offset it holds counted from the record start' : b.kind === 'rel-loc' ? '; its data follows the fixed part, at the offset it holds counted from the end of the field' : ''}.`);
  lines.push(`The fixed part ends at record byte ${plan.fixedEnd} (payload ${plan.fixedEnd - HEADER_SIZE} bytes).`);
  if (plan.wrapped) lines.push('The kernel computes offsets in 32 bits and they wrapped: the offsets it reports differ from where the bytes are written.');
  return lines.join('\n');
}
