// Property tests: whatever the names (any UTF-16, lone surrogates, controls, markup, bidi
// overrides), a byte map is well-formed XML and inert: no script, no on* attribute, no external
// reference, no foreignObject. Layouts come both straight from arbitrary values and through
// parseDefinition from hostile definitions. Seeded; runs FC_RUNS (default 400) per property.
import { expect } from 'chai';
import fc from 'fast-check';
import { parseDefinition, type AbiName, type EventLayout, type LayoutField } from '../../src/index.js';
import { byteMapSvg, byteMapsSvg, byteMapTree, toDom, visibleText, type DomDocumentLike } from '../../src/svg/index.js';
import { serialize } from '../../src/svg/xml.js';
import { assertInertSvg } from './svg-check.js';

const RUNS = Number(process.env.FC_RUNS ?? 400);
const SEED = 18;

/** Text a hostile pull request might put in a name. */
const NASTY = [
  '<script>alert(1)</script>', '</text><script>', '<foreignObject>', ']]>', '<![CDATA[', '&', '&amp;', '&#x3c;', '"', "'",
  '" onload="alert(1)', ' onclick=x', 'javascript:', 'url(http://x/)', 'xlink:href', '<!DOCTYPE x [<!ENTITY e "e">]>', '<?xml ?>',
  '\u0000', '\u0001', '\u000b', '\u001f', '\u007f', '\u0085', '\u00a0', '\u2028', '\u202e', '\u2066', '\ufeff', '\ufffe', '\uffff',
  '\ud800', '\udfff', '😀', '\t', '\r', '\n', '\\', '@import', '}', '*/',
];
const nastyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.array(fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 3 })), { maxLength: 8 }).map((p) => p.join('')),
);
const field: fc.Arbitrary<LayoutField> = fc.record({
  type: fc.oneof(nastyString, fc.constantFrom('u32', 's8', 'char[20]', '__data_loc char[]', '__rel_loc u8[]', 'struct x', 'unsigned int')),
  name: nastyString,
  offset: fc.oneof(fc.nat(64), fc.nat()),
  size: fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 2 ** 31 }), fc.constantFrom(0, -1, 4)),
  signed: fc.boolean(),
});
const event: fc.Arbitrary<EventLayout> = fc.record({
  name: nastyString,
  flags: fc.array(fc.constantFrom('BPF_ITER'), { maxLength: 1 }),
  fields: fc.array(field, { maxLength: 8 }),
});
const options = fc.record({
  abi: fc.constantFrom<AbiName>('linux', 'v5'),
  bytesPerRow: fc.constantFrom<16 | 32>(16, 32),
  idPrefix: nastyString,
});

/** Definitions whose names (event and fields) are hostile text, as they reach the CLI. */
const definition = fc.tuple(nastyString, fc.array(fc.tuple(fc.constantFrom('u32 ', 'char[8] ', '__data_loc char[] ', '__rel_loc u8[] ', 'struct s ', 's64 '), nastyString), { maxLength: 5 }))
  .map(([name, fs]) => `${name.replace(/[ :]/g, '_')} ${fs.map(([t, n]) => `${t}${n.replace(/[ ;]/g, '_')}${t === 'struct s ' ? ' 12' : ''}`).join(';')}`);

describe('properties: svg byte map is well-formed and inert whatever the names', function () {
  this.timeout(120_000);

  it('arbitrary layouts and options', () => {
    fc.assert(fc.property(event, options, (e, o) => { assertInertSvg(byteMapSvg(e, o)); }), { numRuns: RUNS, seed: SEED });
  });

  it('several arbitrary events in one document', () => {
    fc.assert(fc.property(fc.array(event, { maxLength: 4 }), (es) => { assertInertSvg(byteMapsSvg(es)); }), { numRuns: Math.ceil(RUNS / 4), seed: SEED });
  });

  it('hostile definitions through parseDefinition, as `layout --format svg` renders them', () => {
    let accepted = 0;
    fc.assert(fc.property(definition, fc.constantFrom<AbiName>('linux', 'v5'), (d, abi) => {
      const r = parseDefinition(d, { abi });
      if (!r.ok) return;
      accepted++;
      const els = assertInertSvg(byteMapSvg(r.event, { abi }));
      // Every field's name reaches the picture as text, spelled visibly.
      const desc = els.find((e) => e.name === 'desc')!.text;
      for (const f of r.event.fields) expect(desc).to.contain(visibleText(f.name));
    }), { numRuns: RUNS, seed: SEED });
    expect(accepted, 'most generated definitions are accepted, so the property is exercised').to.be.greaterThan(RUNS / 4);
  });

  it('visible text holds no character XML cannot hold, nor an invisible or reordering one', () => {
    fc.assert(fc.property(nastyString, (s) => {
      const v = visibleText(s);
      expect(v).not.to.match(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]/);
      expect(v).not.to.match(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    }), { numRuns: RUNS, seed: SEED });
  });

  it('toDom builds the same tree through createElementNS, setAttribute and text nodes only', () => {
    fc.assert(fc.property(event, (e) => {
      const tree = byteMapTree([e]);
      const doc = new FakeDocument();
      const root = toDom(tree, doc) as FakeElement;
      // Rebuilt from the fake DOM, the document serialises exactly as the string renderer does.
      expect(serialize(root.toTree())).to.equal(serialize(withoutXmlns(tree)));
    }), { numRuns: Math.ceil(RUNS / 4), seed: SEED });
  });
});

// A DOM with nothing but the three calls toDom may use: any other (innerHTML, insertAdjacentHTML)
// would be a TypeError here.
type Node = FakeElement | { text: string };
class FakeElement {
  readonly attrs: Record<string, string> = {};
  readonly children: Node[] = [];
  constructor(readonly ns: string, readonly tag: string) {}
  setAttribute(name: string, value: string): void { this.attrs[name] = value; }
  appendChild(child: Node): void { this.children.push(child); }
  toTree(): import('../../src/svg/xml.js').SvgElement {
    expect(this.ns).to.equal('http://www.w3.org/2000/svg');
    return { tag: this.tag as never, attrs: this.attrs, children: this.children.map((c) => (c instanceof FakeElement ? c.toTree() : c.text)) };
  }
}
class FakeDocument implements DomDocumentLike {
  createElementNS(ns: string, tag: string): FakeElement { return new FakeElement(ns, tag); }
  createTextNode(text: string): { text: string } { return { text }; }
}
function withoutXmlns(t: import('../../src/svg/xml.js').SvgElement): import('../../src/svg/xml.js').SvgElement {
  const { xmlns: _drop, ...attrs } = t.attrs;
  return { ...t, attrs };
}
