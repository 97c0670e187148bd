// `ue-lint check --against`: definitions against registered events, in-process via `main()`
// with the fake io, plus one spawn of the built CLI. Targets are tracefs-shaped trees written
// from ue-lint's own `formatFile` output, captured `*.format` files, and real kernel files.
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatFile, parseDefinition } from '../../src/index.js';
import { expectGolden } from '../support/golden.js';
import { run } from './fake-io.js';
import { tempDir } from '../support/temp-dir.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TRACEFS = join(ROOT, 'fixtures', 'tracefs');

function tmp(files: Record<string, string>): string {
  const dir = tempDir('ue-check-');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** The `format` file a linux kernel shows after registering `definition`. */
function registered(definition: string, id = 1000): string {
  const r = parseDefinition(definition);
  if (!r.ok) throw new Error(`bad fixture definition: ${definition}`);
  return formatFile(r.event, { id });
}

const MSG = 'msg char[20] text; unsigned int id; u8 lvl';

/** A tracefs `events/` directory with single- and multi-format user events. */
function tracefs(): string {
  return tmp({
    'events/user_events/msg/format': registered(MSG),
    'events/user_events/msg/enable': '0\n',
    'events/user_events/enable': '0\n',
    'events/user_events_multi/m.0/format': registered('m.0 u32 a', 1),
    'events/user_events_multi/m.a/format': registered('m.a u32 a; u64 b', 2),
    'events/sched/sched_switch/format': 'not read\n',
  });
}

const compact = (stdout: string) => stdout.split('\n').filter(Boolean);

describe('cli check --against', () => {
  describe('one classification per case, against a tracefs events/user_events directory', () => {
    const cases: [title: string, definition: string, code: number, lines: string[]][] = [
      ['identical fields: clean', MSG, 0, []],
      ['the same fields spelled `;`-tight: clean (the kernel match is textual on tokens)', 'msg char[20] text;unsigned int id;u8 lvl', 0, []],
      ['missing event: UE401 warning on the name, exit 0', 'other u32 a', 0, ['e.ue:1:1: warning UE401 event `other` is not registered in the target']],
      [
        'appended field (compatible): only the EADDRINUSE conflict',
        `${MSG}; u64 ts`,
        1,
        ['e.ue:1:1: error UE403 event `msg` is registered with different fields; registering fails with EADDRINUSE'],
      ],
      [
        'moved fields: UE402 on each field name',
        'msg char[20] text; u8 lvl; unsigned int id',
        1,
        [
          'e.ue:1:1: error UE403 event `msg` is registered with different fields; registering fails with EADDRINUSE',
          'e.ue:1:23: error UE402 field `lvl` moved from offset 32 to 28 vs the registered event',
          'e.ue:1:41: error UE402 field `id` moved from offset 28 to 29 vs the registered event',
        ],
      ],
      [
        'resized field',
        'msg char[32] text; unsigned int id; u8 lvl',
        1,
        [
          'e.ue:1:1: error UE403 event `msg` is registered with different fields; registering fails with EADDRINUSE',
          'e.ue:1:14: error UE402 field `text` resized from 20 to 32 bytes vs the registered event',
          'e.ue:1:33: error UE402 field `id` moved from offset 28 to 40 vs the registered event',
          'e.ue:1:40: error UE402 field `lvl` moved from offset 32 to 44 vs the registered event',
        ],
      ],
      [
        'signedness changed',
        'msg char[20] text; int id; u8 lvl',
        1,
        [
          'e.ue:1:1: error UE403 event `msg` is registered with different fields; registering fails with EADDRINUSE',
          'e.ue:1:24: error UE402 field `id` changed type from `unsigned int` to `int` vs the registered event',
          'e.ue:1:24: error UE402 field `id` changed from unsigned to signed vs the registered event',
        ],
      ],
      [
        'removed field: UE402 on the event name',
        'msg char[20] text; unsigned int id',
        1,
        [
          'e.ue:1:1: error UE402 field `lvl` removed vs the registered event',
          'e.ue:1:1: error UE403 event `msg` is registered with different fields; registering fails with EADDRINUSE',
        ],
      ],
      [
        'renamed field: UE402 on the new name',
        'msg char[20] text; unsigned int ident; u8 lvl',
        1,
        [
          'e.ue:1:1: error UE403 event `msg` is registered with different fields; registering fails with EADDRINUSE',
          'e.ue:1:33: error UE402 field `id` renamed to `ident` vs the registered event',
        ],
      ],
      [
        'conflict alone: `char[0x14]` stores the same bytes but is different text',
        'msg char[0x14] text; unsigned int id; u8 lvl',
        1,
        ['e.ue:1:1: error UE403 event `msg` is registered with different fields; registering fails with EADDRINUSE'],
      ],
      [
        'multi-format: a variant with the same fields is reused (the `.<id>` suffix is stripped)',
        'm u32 a; u64 b',
        0,
        [],
      ],
      [
        'multi-format: a new layout never conflicts; drift is against the newest variant (`m.a`)',
        'm u64 b; u32 a',
        1,
        [
          'e.ue:1:7: error UE402 field `b` moved from offset 12 to 8 vs the registered event',
          'e.ue:1:14: error UE402 field `a` moved from offset 8 to 16 vs the registered event',
        ],
      ],
    ];
    const target = tracefs();
    for (const [title, definition, code, lines] of cases) {
      it(title, async () => {
        const dir = tmp({ 'e.ue': `${definition}\n` });
        // Multi-format events live next to user_events, so those cases check against `events/`.
        const against = title.startsWith('multi') ? join(target, 'events') : join(target, 'events', 'user_events');
        const r = await run(['check', '--against', against, 'e.ue', '-f', 'compact'], { cwd: dir });
        expect({ code: r.code, lines: compact(r.stdout), stderr: r.stderr }).to.deep.equal({ code, lines, stderr: '' });
      });
    }
  });

  it('reads an events/ directory: user_events and user_events_multi, nothing else', async () => {
    const dir = tmp({ 'e.ue': `${MSG}\nm u32 a\nsched_switch u32 a\n` });
    const r = await run(['check', '--against', join(tracefs(), 'events'), 'e.ue', '-f', 'compact'], { cwd: dir });
    expect(compact(r.stdout)).to.deep.equal(['e.ue:3:1: warning UE401 event `sched_switch` is not registered in the target']);
    expect(r.code).to.equal(0);
  });

  it('UE403 is linux only: --abi v5 reports the field drift but no EADDRINUSE', async () => {
    const dir = tmp({ 'e.ue': 'msg char[20] text; unsigned int id\n' });
    const r = await run(['check', '--against', join(tracefs(), 'events'), 'e.ue', '-f', 'compact', '--abi', 'v5'], { cwd: dir });
    expect(compact(r.stdout)).to.deep.equal(['e.ue:1:1: error UE402 field `lvl` removed vs the registered event']);
  });

  it('against a single captured format file', async () => {
    const dir = tmp({ 'e.ue': `${MSG}\nmsg2 u32 a\n` });
    const r = await run(['check', '--against', join(TRACEFS, 'ue-lint', 'L-2-msg.linux.format'), 'e.ue', '-f', 'compact'], { cwd: dir });
    expect(r.code).to.equal(0);
    expect(compact(r.stdout)).to.deep.equal(['e.ue:2:1: warning UE401 event `msg2` is not registered in the target']);
  });

  it('against a directory of captured *.format files (ue-lint output, linux)', async () => {
    const dir = tmp({ 'e.ue': 'test u32 count\nmsg char[20] text; unsigned int id; u16 lvl\nevt __data_loc char[] path; __rel_loc char[] note; struct pt p 16; s64 ts\n' });
    const captured = tmp({});
    for (const f of ['L-1-test.linux.format', 'L-2-msg.linux.format', 'L-3-evt.linux.format']) {
      writeFileSync(join(captured, f), registered(f === 'L-1-test.linux.format' ? 'test u32 count' : f === 'L-2-msg.linux.format' ? MSG : 'evt __data_loc char[] path; __rel_loc char[] note; struct pt p 16; s64 ts'));
    }
    const r = await run(['check', '--against', captured, 'e.ue', '-f', 'compact'], { cwd: dir });
    expect(compact(r.stdout)).to.deep.equal([
      'e.ue:2:1: error UE403 event `msg` is registered with different fields; registering fails with EADDRINUSE',
      'e.ue:2:41: error UE402 field `lvl` resized from 1 to 2 bytes vs the registered event',
    ]);
  });

  it('against the real kernel fixtures: redefining `sched_process_exec` with another layout drifts', async () => {
    const dir = tmp({ 'e.ue': '# a user event reusing a kernel event name\nsched_process_exec __data_loc char[] filename; u64 pid\n' });
    const r = await run(['check', '--against', join(TRACEFS, 'kernel'), 'e.ue', '-f', 'compact'], { cwd: dir });
    expect(r.code).to.equal(1);
    expect(compact(r.stdout)).to.deep.equal([
      'e.ue:2:1: error UE402 field `old_pid` removed vs the registered event',
      'e.ue:2:1: error UE403 event `sched_process_exec` is registered with different fields; registering fails with EADDRINUSE',
      // The kernel prints `signed:0` for `__data_loc`; user_events derive it from the first letter.
      'e.ue:2:38: error UE402 field `filename` changed from unsigned to signed vs the registered event',
      'e.ue:2:52: error UE402 field `pid` resized from 4 to 8 bytes vs the registered event',
      'e.ue:2:52: error UE402 field `pid` changed from signed to unsigned vs the registered event',
    ]);
  });

  it('--format json matches its golden (file offsets, errno, help)', async () => {
    const dir = tmp({ 'e.ue': '# drift\nmsg char[20] text; u8 lvl; unsigned int id\nnew u32 a\n' });
    writeFileSync(join(dir, 'msg.format'), registered(MSG));
    const r = await run(['check', '--against', 'msg.format', 'e.ue', '--format', 'json'], { cwd: dir });
    expect(r.code).to.equal(1);
    expectGolden(r.stdout, 'fixtures/golden/cli/check-json.json');
    const diagnostics = JSON.parse(r.stdout).diagnostics as { code: string; errno: string | null; offset: { start: number } }[];
    expect(diagnostics.map((d) => [d.code, d.errno, d.offset.start])).to.deep.equal([
      ['UE403', 'EADDRINUSE', 8], ['UE402', null, 30], ['UE402', null, 48], ['UE401', null, 51],
    ]);
  });

  it('runs every reporter', async () => {
    const dir = tmp({ 'e.ue': 'msg char[20] text\n' });
    writeFileSync(join(dir, 'msg.format'), registered(MSG));
    for (const f of ['stylish', 'json', 'sarif', 'github', 'compact']) {
      const r = await run(['check', '--against', 'msg.format', 'e.ue', '--format', f], { cwd: dir });
      expect(r.code, f).to.equal(1);
      expect(r.stdout, f).to.contain('UE402');
    }
  });

  it('--quiet hides UE401; --max-warnings 0 turns it into exit 1', async () => {
    const dir = tmp({ 'e.ue': 'other u32 a\n', 'msg.format': registered(MSG) });
    expect(await run(['check', '--against', 'msg.format', 'e.ue', '--quiet'], { cwd: dir })).to.deep.equal({ code: 0, stdout: '', stderr: '' });
    const r = await run(['check', '--against', 'msg.format', 'e.ue', '--max-warnings', '0', '-f', 'compact'], { cwd: dir });
    expect(r.code).to.equal(1);
    expect(r.stderr).to.equal('ue-lint: too many warnings (1, maximum 0)\n');
  });

  it('honours disable comments and config rule settings', async () => {
    const dir = tmp({
      'e.ue': '# ue-lint-disable-next-line UE401\nother u32 a\nmsg char[20] text\n',
      'msg.format': registered(MSG),
      'ue-lint.config.json': '{"rules":{"field-layout-drift":"warn"}}',
    });
    const r = await run(['check', '--against', 'msg.format', 'e.ue', '-f', 'compact'], { cwd: dir });
    expect(compact(r.stdout)).to.deep.equal([
      'e.ue:3:1: warning UE402 field `id` removed vs the registered event',
      'e.ue:3:1: warning UE402 field `lvl` removed vs the registered event',
      'e.ue:3:1: error UE403 event `msg` is registered with different fields; registering fails with EADDRINUSE',
    ]);
  });

  it('reports a definition the kernel rejects instead of comparing it', async () => {
    const dir = tmp({ 'e.ue': 'msg u32  a\n', 'msg.format': registered(MSG) });
    const r = await run(['check', '--against', 'msg.format', 'e.ue', '-f', 'compact'], { cwd: dir });
    expect(r.code).to.equal(1);
    expect(compact(r.stdout)).to.deep.equal(['e.ue:1:9: error UE006 the second space makes an empty token, so `a` is one token too many']);
  });

  it('searches directories and reads stdin, like lint', async () => {
    const dir = tmp({ 'defs/a.ue': 'gone u32 a\n', 'msg.format': registered(MSG) });
    const r = await run(['check', '--against', 'msg.format', 'defs', '-', '-f', 'compact'], { cwd: dir, stdin: 'msg u32 a\n' });
    expect(compact(r.stdout)).to.deep.equal([
      'defs/a.ue:1:1: warning UE401 event `gone` is not registered in the target',
      '<stdin>:1:1: error UE402 field `text` removed vs the registered event',
      '<stdin>:1:1: error UE402 field `id` removed vs the registered event',
      '<stdin>:1:1: error UE402 field `lvl` removed vs the registered event',
      '<stdin>:1:1: error UE403 event `msg` is registered with different fields; registering fails with EADDRINUSE',
      '<stdin>:1:9: error UE402 field `a` inserted at offset 8, inside the old layout vs the registered event',
    ]);
    expect(r.code).to.equal(1);
  });

  describe('exit 2', () => {
    it('when --against is missing or does not exist', async () => {
      const dir = tmp({ 'e.ue': `${MSG}\n` });
      expect((await run(['check', 'e.ue'], { cwd: dir })).code).to.equal(2);
      expect(await run(['check', '--against', 'nowhere', 'e.ue'], { cwd: dir })).to.deep.equal({
        code: 2, stdout: '', stderr: 'ue-lint: --against nowhere: no such file or directory\n',
      });
    });

    it('when a format file does not parse, naming the path and line', async () => {
      const dir = tmp({ 'e.ue': `${MSG}\n` });
      const r = await run(['check', '--against', join(TRACEFS, 'synthetic', 'malformed.format'), 'e.ue'], { cwd: dir });
      expect(r.code).to.equal(2);
      expect(r.stdout).to.equal('');
      expect(r.stderr).to.match(/malformed\.format:10: field line `field:u32 no_size;\\toffset:12;` lacks `offset:` or `size:`\n/);
      expect(r.stderr).to.contain('malformed.format:11: offset `twelve` is not an unsigned decimal');
    });

    it('when a directory holds no format files at all', async () => {
      const dir = tmp({ 'e.ue': `${MSG}\n`, 'junk/readme.txt': 'x' });
      const r = await run(['check', '--against', 'junk', 'e.ue'], { cwd: dir });
      expect(r.code).to.equal(2);
      expect(r.stderr).to.match(/^ue-lint: --against junk: no format files here/);
    });

    it('but an empty user_events directory is a target with no events', async () => {
      const dir = tmp({ 'e.ue': `${MSG}\n`, 'user_events/enable': '0\n' });
      const r = await run(['check', '--against', 'user_events', 'e.ue', '-f', 'compact'], { cwd: dir });
      expect(r).to.deep.equal({ code: 0, stdout: 'e.ue:1:1: warning UE401 event `msg` is not registered in the target\n', stderr: '' });
    });

    it('when a linted path is missing', async () => {
      const dir = tmp({ 'msg.format': registered(MSG) });
      expect(await run(['check', '--against', 'msg.format', 'nope.ue'], { cwd: dir })).to.deep.equal({
        code: 2, stdout: '', stderr: 'ue-lint: nope.ue: no such file or directory\n',
      });
    });
  });

  describe('end-to-end (built bin/ue-lint.cjs)', function () {
    this.timeout(60000);
    it('matches the in-process run, exit code included', async function () {
      if (!existsSync(join(ROOT, 'dist', 'cli.cjs'))) throw new Error('dist/cli.cjs is missing: run `npm run build` first');
      const dir = tmp({ 'e.ue': 'sched_process_exec __data_loc char[] filename; u64 pid\nnew u32 a\n' });
      const args = ['check', '--against', join(TRACEFS, 'kernel'), 'e.ue', '--format', 'compact'];
      const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'ue-lint.cjs'), ...args], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } });
      const same = await run(args, { cwd: dir });
      expect({ code: r.status, stdout: r.stdout, stderr: r.stderr }).to.deep.equal(same);
      expect(r.status).to.equal(1);
      expect(r.stdout).to.contain('UE403');
    });
  });
});
