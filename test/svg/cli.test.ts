// `ue-lint layout --format svg` through the built CLI, and the promise that the byte map never
// loads on the lint fast path. Needs `npm run build` first (`npm test` does it).
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BYTE_MAP_CSS } from '../../src/svg/index.js';
import { expectGolden } from '../support/golden.js';
import { assertInertSvg } from './svg-check.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'ue-lint.cjs');

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: join(ROOT, 'fixtures', 'files'), encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('svg: layout --format svg (built CLI)', function () {
  this.timeout(60_000);
  before(function () {
    if (!existsSync(join(ROOT, 'dist', 'cli.cjs'))) throw new Error('dist/cli.cjs is missing: run `npm run build` first');
  });

  it('--file: every event of the file in one SVG document (golden)', () => {
    const r = cli(['layout', '--file', 'clean.ue', '--format', 'svg']);
    expect(r.code).to.equal(0);
    const els = assertInertSvg(r.stdout);
    expect(els.filter((e) => e.name === 'g' && e.attrs['class'] === 'event')).to.have.length(4);
    expectGolden(r.stdout, 'fixtures/golden/svg/cli-clean.svg');
  });

  it('one definition, with --abi v5', () => {
    const r = cli(['layout', 'msg:BPF_ITER char[0x14] text', '--abi', 'v5', '--format', 'svg']);
    expect(r.code).to.equal(0);
    const els = assertInertSvg(r.stdout);
    expect(els.find((e) => e.name === 'title')!.text).to.equal('Byte map of user_events event msg (v5 ABI)');
  });

  it('a rejected definition: diagnostics on stderr, exit 1, no SVG', () => {
    const r = cli(['layout', 'bad u32  a', '--format', 'svg']);
    expect(r.code).to.equal(1);
    expect(r.stdout).to.equal('');
    expect(r.stderr).to.contain('UE006');
  });

  it('the byte map is bundled into the full CLI only, never into the lint fast path', () => {
    // A stretch of the stylesheet is a marker no other module holds; the check can fail, since
    // dist/cli.cjs must hold it.
    const marker = BYTE_MAP_CSS.slice(0, 40);
    expect(readFileSync(join(ROOT, 'dist', 'cli.cjs'), 'utf8')).to.contain(marker);
    expect(readFileSync(join(ROOT, 'dist', 'cli-fast.cjs'), 'utf8')).not.to.contain(marker);
    expect(readFileSync(join(ROOT, 'dist', 'cli-fast.cjs'), 'utf8')).not.to.contain('byteMapTree');
  });
});
