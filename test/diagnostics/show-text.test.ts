// showText: control bytes, DEL and NBSP are escaped; everything else (lone
// surrogates included) is shown as is. Its fast path returns the text untouched
// when a native scan finds nothing to escape, so it is held to a char-by-char reference.
import { expect } from 'chai';
import fc from 'fast-check';
import { showText } from '../../src/diagnostics/catalog.js';

function reference(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\n') out += '\\n';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else if (c === 0xa0) out += '\\u00a0';
    else out += ch;
  }
  return out;
}

describe('showText', () => {
  it('escapes control bytes, DEL and NBSP', () => {
    expect(showText('a\tb\r\n\u0000\u001f\u007f\u00a0c')).to.equal('a\\tb\\r\\n\\x00\\x1f\\x7f\\u00a0c');
    expect(showText('plain é 😀 \ud800')).to.equal('plain é 😀 \ud800');
  });

  it('agrees with a char-by-char reference on any text (fast-check)', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 24 }),
      fc.array(fc.constantFrom('a', ' ', '\t', '\u0000', '\u007f', '\u00a0', '\u0080', 'é', '\ud800', '\udc00'), { maxLength: 12 }).map((p) => p.join('')),
    );
    fc.assert(fc.property(text, (s) => { expect(showText(s)).to.equal(reference(s)); }), { numRuns: 5_000 });
  });
});
