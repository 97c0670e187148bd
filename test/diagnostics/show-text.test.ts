// showText: control bytes, DEL and NBSP are escaped; everything else (lone
// surrogates included) is shown as is. Its fast path returns the text untouched
// when a native scan finds nothing to escape, so it is held to an independent reference.
import { expect } from 'chai';
import fc from 'fast-check';
import { showText } from '../../src/diagnostics/catalog.js';

// An independent formulation: one regex replace over UTF-16 units (every escaped
// character is a single unit, so surrogates pass through either way).
const NAMED: Record<string, string> = { '\t': '\\t', '\r': '\\r', '\n': '\\n', '\u00a0': '\\u00a0' };
const reference = (s: string) =>
  s.replace(/[\x00-\x1f\x7f\xa0]/g, (ch) => NAMED[ch] ?? `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`);

describe('showText', () => {
  it('escapes control bytes, DEL and NBSP', () => {
    expect(showText('a\tb\r\n\u0000\u001f\u007f\u00a0c')).to.equal('a\\tb\\r\\n\\x00\\x1f\\x7f\\u00a0c');
    expect(showText('plain é 😀 \ud800')).to.equal('plain é 😀 \ud800');
  });

  it('agrees with a regex-replace reference on any text (fast-check)', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 24 }),
      fc.array(fc.constantFrom('a', ' ', '\t', '\u0000', '\u007f', '\u00a0', '\u0080', 'é', '\ud800', '\udc00'), { maxLength: 12 }).map((p) => p.join('')),
    );
    fc.assert(fc.property(text, (s) => { expect(showText(s)).to.equal(reference(s)); }), { numRuns: 5_000 });
  });
});
