// A strict reading of SVG output for the tests: well-formed XML 1.0 (saxes, a conformant
// non-validating parser) and inert, i.e. nothing a viewer would run or fetch. Returns the
// elements in document order so tests can look at them.
import { SaxesParser } from 'saxes';

export interface ParsedElement {
  name: string;
  attrs: Record<string, string>;
  /** Text directly inside this element. */
  text: string;
  parent: ParsedElement | undefined;
}

/** Elements a byte map may contain. Anything else (script, foreignObject, image, use, a, iframe…) is a failure. */
const ALLOWED_ELEMENTS = new Set(['svg', 'title', 'desc', 'style', 'defs', 'marker', 'g', 'rect', 'path', 'text', 'tspan']);

/** Parses `xml`; throws on any well-formedness error. */
export function parseXml(xml: string): ParsedElement[] {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const all: ParsedElement[] = [];
  const stack: ParsedElement[] = [];
  let error: Error | undefined;
  parser.on('error', (e) => { error ??= e; });
  parser.on('opentag', (t) => {
    const attrs: Record<string, string> = {};
    for (const [k, a] of Object.entries(t.attributes)) attrs[k] = typeof a === 'string' ? a : a.value;
    const e: ParsedElement = { name: t.name, attrs, text: '', parent: stack.at(-1) };
    all.push(e);
    stack.push(e);
  });
  parser.on('closetag', () => { stack.pop(); });
  parser.on('text', (t) => { const top = stack.at(-1); if (top) top.text += t; });
  parser.on('cdata', () => { error ??= new Error('CDATA section in output'); });
  parser.on('processinginstruction', () => { error ??= new Error('processing instruction in output'); });
  parser.on('doctype', () => { error ??= new Error('DOCTYPE in output (entities could expand)'); });
  parser.write(xml).close();
  if (error) throw error;
  return all;
}

/**
 * Throws unless the document is an inert SVG: only the allowed elements, no event-handler or
 * link attributes, no `url(...)` but a reference to one of its own ids, and a stylesheet with
 * no at-rule other than `@media` and no `url(`, `expression(` or `javascript:`.
 */
export function assertInertSvg(xml: string): ParsedElement[] {
  const els = parseXml(xml);
  if (els[0]?.name !== 'svg' || els[0].attrs['xmlns'] !== 'http://www.w3.org/2000/svg') throw new Error('root is not an <svg> in the SVG namespace');
  const ids = new Set(els.map((e) => e.attrs['id']).filter((x): x is string => x !== undefined));
  for (const e of els) {
    if (!ALLOWED_ELEMENTS.has(e.name)) throw new Error(`element <${e.name}> is not allowed`);
    for (const [k, v] of Object.entries(e.attrs)) {
      const name = k.toLowerCase();
      if (name.startsWith('on')) throw new Error(`event handler attribute ${k}`);
      if (name === 'href' || name.endsWith(':href') || name === 'src' || name === 'style') throw new Error(`attribute ${k} may load or run something`);
      if (name.startsWith('xmlns') && !(name === 'xmlns' && v === 'http://www.w3.org/2000/svg')) throw new Error(`namespace declaration ${k}="${v}"`);
      for (const m of v.matchAll(/url\(([^)]*)\)/gi)) {
        const ref = m[1]!.trim();
        if (!ref.startsWith('#') || !ids.has(ref.slice(1))) throw new Error(`${k} refers outside the document: ${v}`);
      }
      if (/javascript:|data:/i.test(v) && name !== 'd') throw new Error(`${k}="${v}" holds a URL scheme`);
    }
    if (e.name === 'style') {
      const css = e.text;
      for (const m of css.matchAll(/@([a-z-]+)/gi)) if (m[1]!.toLowerCase() !== 'media') throw new Error(`stylesheet at-rule @${m[1]}`);
      if (/url\s*\(|expression\s*\(|javascript:|\\/i.test(css)) throw new Error('stylesheet may load or run something');
    }
  }
  return els;
}
