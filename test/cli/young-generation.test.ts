// The lint memory policy relies on a V8 flag that V8 reads at every young-generation
// growth. These tests fail if a Node upgrade drops the flag or stops honouring it.
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { capYoungGeneration } from '../../src/cli/young-generation.js';

// Keeps ~2 MB surviving every scavenge, which makes V8 grow the young generation.
const GROW = `
const v8 = require('v8');
if (process.argv[1] === 'cap') v8.setFlagsFromString('--semi-space-growth-factor=1');
const keep = new Array(40000);
for (let i = 0; i < 400000; i++) keep[i % 40000] = { i, s: 'x' + i };
const s = v8.getHeapSpaceStatistics().find((x) => x.space_name === 'new_space');
process.stdout.write(String(s.space_size));`;

describe('cli: young-generation cap', function () {
  this.timeout(30_000);

  it('the growth-factor flag exists in this Node (no "unrecognized flag" output)', () => {
    const r = spawnSync(process.execPath, ['-e', "require('v8').setFlagsFromString('--semi-space-growth-factor=1')"], { encoding: 'utf8' });
    expect(r.status).to.equal(0);
    expect(r.stdout + r.stderr).to.equal('');
  });

  it('setting it at run time stops the young generation from growing', () => {
    const size = (mode: string) => Number(spawnSync(process.execPath, ['-e', GROW, mode], { encoding: 'utf8' }).stdout);
    const grown = size('free');
    const capped = size('cap');
    expect(capped).to.be.greaterThan(0);
    expect(grown, `without the flag the young generation grows (${grown} vs ${capped} bytes)`).to.be.greaterThan(capped);
  });

  it('returns a stopper and never keeps the process alive', () => {
    const stop = capYoungGeneration();
    expect(stop).to.be.a('function');
    stop();
    stop(); // idempotent
  });
});
