import { expect } from 'chai';
import { readFileSync, readdirSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { applyFixesToFile, applyLineEdits } from '../../src/files/apply-fixes.js';
import { tempDir } from '../support/temp-dir.js';

describe('files/apply-fixes', () => {
  it('applies non-overlapping edits right to left and skips overlaps', () => {
    expect(applyLineEdits('a  b  c', [{ start: 1, end: 3, replacement: ' ' }, { start: 4, end: 6, replacement: ' ' }])).to.deep.equal({ text: 'a b c', applied: 2 });
    expect(applyLineEdits('abcdef', [{ start: 0, end: 3, replacement: 'X' }, { start: 2, end: 4, replacement: 'Y' }])).to.deep.equal({ text: 'Xdef', applied: 1 });
  });

  it('rewrites only fixed lines, keeps CRLF, BOM and mode, leaves no temp file', async () => {
    const dir = tempDir('ue-fix-');
    const file = join(dir, 'a.ue');
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('x u32  a\r\nkeep  me\r\ny u32  b')]));
    chmodSync(file, 0o640);
    const n = await applyFixesToFile(file, [{ line: 1, start: 5, end: 7, replacement: ' ' }, { line: 3, start: 5, end: 7, replacement: ' ' }]);
    expect(n).to.equal(2);
    expect(readFileSync(file)).to.deep.equal(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('x u32 a\r\nkeep  me\r\ny u32 b')]));
    expect(statSync(file).mode & 0o777).to.equal(0o640);
    expect(readdirSync(dir)).to.deep.equal(['a.ue']);
  });

  it('never rewrites a file the edits do not change', async () => {
    const dir = tempDir('ue-fix-');
    const file = join(dir, 'a.ue');
    writeFileSync(file, 'x u32 a\n');
    const before = statSync(file).mtimeMs;
    await new Promise((r) => setTimeout(r, 20));
    expect(await applyFixesToFile(file, [{ line: 1, start: 0, end: 1, replacement: 'x' }])).to.equal(0);
    expect(await applyFixesToFile(file, [])).to.equal(0);
    expect(statSync(file).mtimeMs).to.equal(before);
    expect(readdirSync(dir)).to.deep.equal(['a.ue']);
  });
});
