// The benchmark corpus generator (bench/corpus.mjs): deterministic, realistic in
// length, and a real mix of accepted and rejected definitions. No timing here:
// figures belong in BENCHMARKS.md (`npm run bench`), never in assertions.
import { expect } from 'chai';
import { DEFAULT_SEED, averageBytes, corpusHash, generateDefinitions, generateFileLines, mulberry32 } from '../../bench/corpus.mjs';
import { parseDefinition } from '../../src/index.js';

describe('bench corpus generator', () => {
  const corpus = generateDefinitions(5_000);

  it('is deterministic: the same seed gives the same corpus', () => {
    expect(corpusHash(generateDefinitions(5_000, DEFAULT_SEED))).to.equal(corpusHash(corpus));
    expect(corpusHash(generateDefinitions(5_000, DEFAULT_SEED + 1))).not.to.equal(corpusHash(corpus));
    const a = mulberry32(42);
    const b = mulberry32(42);
    for (let i = 0; i < 100; i++) expect(a()).to.equal(b());
  });

  it('averages about 70 bytes per definition, like real files', () => {
    expect(averageBytes(corpus)).to.be.within(60, 80);
  });

  it('mixes accepted and rejected definitions under both ABIs', () => {
    for (const abi of ['linux', 'v5'] as const) {
      const results = corpus.map((d) => parseDefinition(d, { abi }));
      const accepted = results.filter((r) => r.ok).length;
      expect(accepted, `${abi} accepted`).to.be.within(corpus.length * 0.5, corpus.length * 0.95);
      expect(results.some((r) => !r.ok && r.errno === 'EINVAL'), `${abi} has EINVAL`).to.equal(true);
    }
    // Definitions the two ABIs judge differently (e.g. `:BPF_ITER`, `char[1025]`) are in the mix too.
    expect(corpus.some((d) => parseDefinition(d, { abi: 'linux' }).ok !== parseDefinition(d, { abi: 'v5' }).ok)).to.equal(true);
  });

  it('writes file lines that are single lines with some comments and blanks', () => {
    const lines = [...generateFileLines(2_000)];
    expect(lines.filter((l) => l !== '' && !l.startsWith('#'))).to.have.length(2_000);
    expect(lines.some((l) => l.startsWith('#'))).to.equal(true);
    expect(lines.some((l) => l === '')).to.equal(true);
    expect(lines.every((l) => !/[\n\r\0]/.test(l))).to.equal(true);
    expect(corpusHash(generateFileLines(2_000))).to.equal(corpusHash(lines));
  });
});
