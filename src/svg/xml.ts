// A tiny SVG element tree and its serialiser. Every byte map is built as this tree, never as
// markup strings, so user text (event, field and type names: any bytes from a hostile pull
// request) can only ever become a text node or an attribute value, escaped here and nowhere
// else. Element and attribute names are fixed by the types: there is no way to make a
// <script>, a <foreignObject> or an on* handler out of data. Pure; no DOM needed.

/** The only elements a byte map uses. */
export type SvgTag = 'svg' | 'title' | 'desc' | 'style' | 'defs' | 'marker' | 'g' | 'rect' | 'path' | 'text' | 'tspan';

/** The only attributes a byte map uses (presentation, geometry and ARIA). */
export type SvgAttr =
  | 'xmlns' | 'width' | 'height' | 'viewBox' | 'role' | 'aria-labelledby' | 'aria-hidden' | 'id' | 'class'
  | 'x' | 'y' | 'dx' | 'dy' | 'rx' | 'd' | 'text-anchor' | 'marker-end' | 'markerWidth' | 'markerHeight'
  | 'refX' | 'refY' | 'orient' | 'markerUnits' | 'transform'
  // Numbers and enumerations only: lets tests and the playground read the geometry back.
  | 'data-offset' | 'data-size' | 'data-signed' | 'data-kind' | 'data-index' | 'data-bytes-per-row';

export type SvgAttrs = Partial<Record<SvgAttr, string | number>>;

export interface SvgElement {
  readonly tag: SvgTag;
  readonly attrs: SvgAttrs;
  /** Strings are text nodes. */
  readonly children: readonly SvgNode[];
}

export type SvgNode = SvgElement | string;

export const SVG_NS = 'http://www.w3.org/2000/svg';

/** Builds an element; falsy children (from `cond && el(...)`) are dropped. */
export function el(tag: SvgTag, attrs: SvgAttrs = {}, ...children: (SvgNode | false | undefined | null | readonly SvgNode[])[]): SvgElement {
  const out: SvgNode[] = [];
  for (const c of children) {
    if (c === false || c === undefined || c === null) continue;
    if (Array.isArray(c)) out.push(...(c as readonly SvgNode[]));
    else out.push(c as SvgNode);
  }
  return { tag, attrs, children: out };
}

/**
 * Characters that XML 1.0 cannot hold at all (not even as `&#…;`): C0 controls other than tab,
 * LF and CR, lone surrogates, U+FFFE and U+FFFF. `visibleText` never leaves one, but the
 * serialiser replaces any that reach it, so no input can make the output ill-formed.
 */
const XML_INVALID = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** One native scan first: nearly every string (numbers, paths, class names) needs no escape. */
const NEEDS_ESCAPE = /[&<>"\x00-\x1f\ud800-\udfff\ufffe\uffff]/;

/** Text content: `&`, `<`, `>` as entities (`>` too, so `]]>` cannot appear). */
export function escapeText(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return s;
  return s.replace(XML_INVALID, '\ufffd').replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** An attribute value inside double quotes; tab, LF and CR as references so they survive normalisation. */
export function escapeAttr(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return s;
  return s.replace(XML_INVALID, '\ufffd').replace(/[&<>"\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * How a name is shown: the text itself, with characters that are invisible, would reorder the
 * line (bidi controls: "Trojan Source"), or cannot be held by XML spelled as escapes, e.g.
 * `a\tb` → `a\tb` (backslash, t), U+202E → `\u202e`. Like `showText` in the catalog, plus the
 * bidi, format and surrogate cases a picture must not hide.
 */
export function visibleText(s: string): string {
  if (!NEEDS_VISIBLE.test(s)) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // A valid surrogate pair is one printable character.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out += s[i]! + s[i + 1]!;
        i++;
        continue;
      }
    }
    if (c === 0x09) out += '\\t';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x5c) out += '\\\\';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else if (SHOW_AS_ESCAPE(c)) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += s[i]!;
  }
  return out;
}

// C1 controls, NBSP and other spaces that look like a space, soft hyphen, zero-width and bidi
// controls, line/paragraph separators, BOM, surrogates (lone ones; pairs are handled above),
// U+FFFE/U+FFFF and the interlinear annotation characters.
const SHOW_AS_ESCAPE = (c: number): boolean =>
  (c >= 0x80 && c <= 0xa0) || c === 0xad || c === 0x061c || c === 0x180e ||
  (c >= 0x2000 && c <= 0x200f) || (c >= 0x2028 && c <= 0x202f) || (c >= 0x205f && c <= 0x206f) ||
  c === 0x3000 || c === 0xfeff || (c >= 0xd800 && c <= 0xdfff) || (c >= 0xfff9 && c <= 0xffff);

const NEEDS_VISIBLE = /[\x00-\x1f\x5c\x7f-\xa0\xad\u061c\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff\ud800-\udfff\ufff9-\uffff]/;

/** Serialises a tree as XML. Attribute order is insertion order, so output is deterministic. */
export function serialize(node: SvgNode): string {
  if (typeof node === 'string') return escapeText(node);
  let out = `<${node.tag}`;
  for (const [k, v] of Object.entries(node.attrs)) {
    if (v === undefined) continue;
    out += ` ${k}="${escapeAttr(typeof v === 'number' ? fmtNumber(v) : v)}"`;
  }
  if (node.children.length === 0) return `${out}/>`;
  out += '>';
  // Block elements get a newline per child for readable diffs of golden files; text elements
  // stay on one line because whitespace inside them is rendered.
  const block = node.tag === 'svg' || node.tag === 'g' || node.tag === 'defs';
  for (const c of node.children) out += block ? `\n${serialize(c)}` : serialize(c);
  return `${out}${block ? '\n' : ''}</${node.tag}>`;
}

/** Numbers as short, stable text: integers as is, others to two decimals. */
export function fmtNumber(n: number): string {
  if (!Number.isFinite(n)) return '0';
  if (Number.isInteger(n)) return String(n);
  return String(Math.round(n * 100) / 100);
}

/** The minimal DOM surface `toDom` needs (a browser `document` has it). */
export interface DomDocumentLike {
  createElementNS(ns: string, tag: string): DomElementLike;
  createTextNode(text: string): unknown;
}
export interface DomElementLike {
  setAttribute(name: string, value: string): void;
  appendChild(child: never): unknown;
}

/**
 * Builds real DOM nodes from a tree, for the playground: attributes through `setAttribute`,
 * text through text nodes, never markup, so nothing a name holds is ever parsed.
 */
export function toDom(node: SvgElement, doc: DomDocumentLike): DomElementLike {
  const e = doc.createElementNS(SVG_NS, node.tag);
  for (const [k, v] of Object.entries(node.attrs)) {
    if (v === undefined || k === 'xmlns') continue;
    e.setAttribute(k, typeof v === 'number' ? fmtNumber(v) : v.replace(XML_INVALID, '\ufffd'));
  }
  for (const c of node.children) {
    const child = typeof c === 'string' ? doc.createTextNode(c.replace(XML_INVALID, '\ufffd')) : toDom(c, doc);
    e.appendChild(child as never);
  }
  return e;
}
