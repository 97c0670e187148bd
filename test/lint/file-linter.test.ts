// lintLines: streaming delivery and --quiet's dropped warnings keep the same counts.
import { expect } from 'chai';
import { lintLines, type FileDiagnostic } from '../../src/lint/file-linter.js';
import type { RawLine } from '../../src/files/line-reader.js';

function lines(texts: string[]): AsyncIterable<RawLine[]> {
  let offset = 0;
  const batch = texts.map((text, i) => {
    const raw: RawLine = { text, line: i + 1, hasCR: false, hasLF: true, offset, byteOffset: offset, bom: false };
    offset += text.length + 1;
    return raw;
  });
  return (async function* () { yield batch; })();
}

const FILE = ['a u32 x;u32 y', 'b u32  z', 'c u32 common_pid;u8 d', 'a u64 x'];

describe('file linter', () => {
  it('collects, streams and (for --quiet) drops warnings with the same counts', async () => {
    const collected = await lintLines('f.ue', lines(FILE), { abi: 'linux' });
    const streamed: FileDiagnostic[] = [];
    const s = await lintLines('f.ue', lines(FILE), { abi: 'linux', onDiagnostic: (d) => streamed.push(d) });
    const quiet: FileDiagnostic[] = [];
    const q = await lintLines('f.ue', lines(FILE), { abi: 'linux', onDiagnostic: (d) => quiet.push(d), dropWarnings: true });

    expect(collected.warningCount).to.be.greaterThan(0);
    expect(collected.errorCount).to.be.greaterThan(0);
    expect(streamed).to.deep.equal(collected.diagnostics);
    for (const r of [s, q]) {
      expect([r.errorCount, r.warningCount, r.fixableCount]).to.deep.equal([collected.errorCount, collected.warningCount, collected.fixableCount]);
    }
    expect(quiet).to.deep.equal(collected.diagnostics.filter((d) => d.severity === 'error'));
  });

  it('ignores dropWarnings when collecting (the --fix passes need every fix)', async () => {
    const all = await lintLines('f.ue', lines(FILE), { abi: 'linux', dropWarnings: true });
    expect(all.diagnostics.some((d) => d.severity === 'warning')).to.equal(true);
  });
});
