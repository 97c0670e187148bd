// UE104 on many fields: the rule switches from a pairwise scan to a hash table
// above 16 named fields. Both must report exactly what the naive definition says:
// every field whose name appeared before, related to its first occurrence.
import { expect } from 'chai';
import fc from 'fast-check';
import { analyzeDefinition } from '../../src/index.js';

const RUNS = Math.min(Number(process.env.FC_RUNS ?? 10_000), 2_000);

/** `e u8 n0; u8 n1; …` with the UTF-16 span of every name. */
function definitionOf(names: readonly string[]): { text: string; spans: { start: number; end: number }[] } {
  let text = 'e';
  const spans: { start: number; end: number }[] = [];
  names.forEach((n, i) => {
    text += i === 0 ? ' u8 ' : '; u8 ';
    spans.push({ start: text.length, end: text.length + n.length });
    text += n;
  });
  return { text, spans };
}

function expected(names: readonly string[], spans: readonly { start: number; end: number }[]) {
  const out: { span: { start: number; end: number }; first: { start: number; end: number } }[] = [];
  names.forEach((n, i) => {
    if (n === '') return;
    const j = names.indexOf(n);
    if (j < i) out.push({ span: spans[i]!, first: spans[j]! });
  });
  return out;
}

function reported(text: string) {
  return analyzeDefinition(text).result.diagnostics
    .filter((d) => d.code === 'UE104')
    .map((d) => ({ span: d.span, first: d.related![0]!.span }));
}

describe('UE104 duplicate-field-name on many fields', () => {
  // A small alphabet makes duplicates and hash-slot collisions common.
  const name = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom('a', 'b', 'pid', 'x1', 'ab', 'ba', '') },
    { weight: 4, arbitrary: fc.stringMatching(/^[a-z_][a-z0-9_]{0,5}$/) },
  );

  it(`matches the naive definition on 1 to 120 fields (${RUNS} runs)`, () => {
    // Length first, uniformly: fast-check's default sizes would rarely pass 16 fields.
    const names = fc.integer({ min: 1, max: 120 }).chain((n) => fc.array(name, { minLength: n, maxLength: n }));
    fc.assert(fc.property(names, (names) => {
      const { text, spans } = definitionOf(names);
      expect(reported(text), text).to.deep.equal(expected(names, spans));
    }), { numRuns: RUNS });
  });

  it('reports the later copies of a name on a 40-field definition, each related to the first', () => {
    const names = Array.from({ length: 40 }, (_, i) => (i % 10 === 9 ? 'dup' : `f${i}`));
    const { text, spans } = definitionOf(names);
    const got = reported(text);
    expect(got).to.have.length(3);
    expect(got.map((g) => g.first)).to.deep.equal([spans[9], spans[9], spans[9]]);
    expect(got.map((g) => g.span)).to.deep.equal([spans[19], spans[29], spans[39]]);
  });
});
