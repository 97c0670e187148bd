// `ue-lint diff <old> <new>`: every classification, the exit-code gate, the three output
// formats (json and markdown pinned by goldens), git revisions, and one spawn of the built CLI.
import { expect } from 'chai';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expectGolden } from '../support/golden.js';
import { run } from './fake-io.js';
import { tempDir } from '../support/temp-dir.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function tmp(files: Record<string, string>): string {
  const dir = tempDir('ue-diff-');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const MSG = 'msg char[20] text; unsigned int id; u8 lvl';

async function diff(oldText: string, newText: string, ...extra: string[]) {
  const dir = tmp({ 'old.ue': oldText, 'new.ue': newText });
  return run(['diff', 'old.ue', 'new.ue', ...extra], { cwd: dir });
}

/** `classification kind field` per change, from `--format json`. */
async function kinds(oldText: string, newText: string): Promise<{ code: number; changes: string[] }> {
  const r = await diff(oldText, newText, '--format', 'json');
  expect(r.stderr).to.equal('');
  const json = JSON.parse(r.stdout) as { changes: { classification: string; kind: string; field?: string }[] };
  return { code: r.code, changes: json.changes.map((c) => `${c.classification} ${c.kind}${c.field === undefined ? '' : ` ${c.field}`}`) };
}

const CONFLICT = 'reregistration-conflict fields-differ';

describe('cli diff', () => {
  describe('classifications and the exit-code gate', () => {
    const cases: [title: string, next: string, code: number, changes: string[]][] = [
      ['no change: exit 0', MSG, 0, []],
      ['compatible: a new event, exit 0', `${MSG}\nfresh u32 a`, 0, ['compatible event-added']],
      [
        'compatible: an appended field; the re-registration conflict alone fails the gate (exit 1)',
        `${MSG}; u64 ts`,
        1,
        [CONFLICT, 'compatible field-appended ts'],
      ],
      ['breaking: a moved field', 'msg char[20] text; u8 lvl; unsigned int id', 1, [CONFLICT, 'breaking field-moved id', 'breaking field-moved lvl']],
      ['breaking: a resized field', 'msg char[24] text; unsigned int id; u8 lvl', 1, [CONFLICT, 'breaking field-resized text', 'breaking field-moved id', 'breaking field-moved lvl']],
      ['breaking: changed signedness', 'msg char[20] text; int id; u8 lvl', 1, [CONFLICT, 'breaking field-type-changed id', 'breaking field-signedness-changed id']],
      ['breaking: a removed field', 'msg char[20] text; unsigned int id', 1, [CONFLICT, 'breaking field-removed lvl']],
      ['breaking: a renamed field', 'msg char[20] text; unsigned int ident; u8 lvl', 1, [CONFLICT, 'breaking field-renamed ident']],
      ['breaking: a removed event', 'other u32 a', 1, ['breaking event-removed', 'compatible event-added']],
      ['conflict alone: the same bytes spelled `char[0x14]` (exit 1: the kernel refuses it)', 'msg char[0x14] text; unsigned int id; u8 lvl', 1, [CONFLICT]],
    ];
    for (const [title, next, code, changes] of cases) {
      it(title, async () => {
        expect(await kinds(`${MSG}\n`, `${next}\n`)).to.deep.equal({ code, changes });
      });
    }
  });

  it('prints one text line per change and a summary by default, breaking first', async () => {
    const r = await diff(`${MSG}\nold u32 a\n`, `${MSG}; u64 ts\nnew u32 a\n`);
    expect(r).to.deep.equal({
      code: 1,
      stdout: [
        'breaking: old: event `old` removed',
        're-registration conflict: msg: event `msg` is registered with different fields; re-registering fails with EADDRINUSE',
        'compatible: msg.ts: field `ts` appended at offset 33',
        'compatible: new: event `new` added',
        '1 breaking, 1 re-registration conflict(s), 2 compatible',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it('--format json and --format markdown match their goldens', async () => {
    const oldText = `${MSG}\nold u32 a\nwake u32 pid; char[16] comm\n`;
    const newText = `msg char[20] text; u16 id; u8 lvl; u64 ts\nnew u32 a\nwake u32 pid; char[16] comm\n`;
    const json = await diff(oldText, newText, '--format', 'json');
    expect(json.code).to.equal(1);
    expectGolden(json.stdout, 'fixtures/golden/cli/diff-json.json');
    const md = await diff(oldText, newText, '--format', 'markdown');
    expect(md.code).to.equal(1);
    expectGolden(md.stdout, 'fixtures/golden/cli/diff-markdown.md');
  });

  it('--abi parses both sides for that ABI', async () => {
    // v5 accepts `name:FLAGS`; linux rejects it (EINVAL), so there the event is skipped and counts as removed.
    const dir = tmp({ 'old.ue': 'msg u32 a\n', 'new.ue': 'msg:BPF_ITER u32 a\n' });
    expect(await run(['diff', 'old.ue', 'new.ue', '--abi', 'v5'], { cwd: dir })).to.deep.include({ code: 0, stderr: '' });
    const linux = await run(['diff', 'old.ue', 'new.ue'], { cwd: dir });
    expect(linux.code).to.equal(1);
    expect(linux.stdout).to.contain('breaking: msg: event `msg` removed');
    expect(linux.stderr).to.contain('new.ue:1: skipped a definition the kernel rejects with EINVAL');
  });

  it('skips definitions the kernel rejects, with a warning on stderr', async () => {
    const r = await diff(`${MSG}\n`, `${MSG}\nbad u32  b\n`);
    expect(r.code).to.equal(0);
    expect(r.stderr).to.equal('ue-lint: warning: new.ue:2: skipped a definition the kernel rejects with EINVAL; see `ue-lint lint`\n');
  });

  describe('exit 2', () => {
    it('with one side only', async () => {
      const dir = tmp({ 'a.ue': `${MSG}\n` });
      const r = await run(['diff', 'a.ue'], { cwd: dir });
      expect(r.code).to.equal(2);
      expect(r.stderr).to.match(/^ue-lint: diff needs two sides \(old and new\), got 1/);
    });

    it('with a missing file', async () => {
      const dir = tmp({ 'a.ue': `${MSG}\n` });
      expect(await run(['diff', 'a.ue', 'b.ue'], { cwd: dir })).to.deep.equal({ code: 2, stdout: '', stderr: 'ue-lint: b.ue: no such file or directory\n' });
    });

    it('with a --git-rev that is not REV:path', async () => {
      const dir = tmp({ 'a.ue': `${MSG}\n` });
      const r = await run(['diff', '--git-rev', '--output=x', 'a.ue'], { cwd: dir });
      expect(r.code).to.equal(2);
    });
  });

  describe('git revisions', function () {
    this.timeout(30000);
    const hasGit = spawnSync('git', ['--version']).status === 0;
    let repo = '';

    before(function () {
      if (!hasGit) this.skip();
      repo = tmp({ 'events.ue': `${MSG}\nwake u32 pid\n` });
      const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' });
      git('init', '-q');
      git('add', 'events.ue');
      git('-c', 'user.name=ue-lint test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'events');
      writeFileSync(join(repo, 'events.ue'), `msg char[20] text; unsigned int id\nwake u32 pid\n`);
    });

    it('diff --git-rev HEAD:events.ue events.ue compares the committed file with the working tree', async () => {
      const r = await run(['diff', '--git-rev', 'HEAD:events.ue', 'events.ue'], { cwd: repo });
      expect(r).to.deep.equal({
        code: 1,
        stdout: [
          'breaking: msg.lvl: field `lvl` removed',
          're-registration conflict: msg: event `msg` is registered with different fields; re-registering fails with EADDRINUSE',
          '1 breaking, 1 re-registration conflict(s), 0 compatible',
          '',
        ].join('\n'),
        stderr: '',
      });
    });

    it('reads a positional REV:path that is not a file, and labels the markdown sides', async () => {
      const r = await run(['diff', 'HEAD:events.ue', 'events.ue', '--format', 'markdown'], { cwd: repo });
      expect(r.code).to.equal(1);
      expect(r.stdout.split('\n')[0]).to.equal('### ue-lint diff (`HEAD:events.ue` → `events.ue`)');
    });

    it('two revisions of the same file: no change, exit 0', async () => {
      const r = await run(['diff', '--git-rev', 'HEAD:events.ue', '--git-rev', 'HEAD:events.ue'], { cwd: repo });
      expect(r.code).to.equal(0);
    });

    it('a path missing at the revision is a one-line exit 2', async () => {
      const r = await run(['diff', '--git-rev', 'HEAD:nope.ue', 'events.ue'], { cwd: repo });
      expect(r.code).to.equal(2);
      expect(r.stderr).to.match(/^ue-lint: HEAD:nope\.ue: git show failed: fatal: .*nope\.ue.*\n$/);
    });

    it('an unknown revision is a one-line exit 2', async () => {
      const r = await run(['diff', '--git-rev', 'no-such-rev:events.ue', 'events.ue'], { cwd: repo });
      expect(r.code).to.equal(2);
      expect(r.stderr.split('\n')).to.have.length(2);
      expect(r.stderr).to.match(/^ue-lint: no-such-rev:events\.ue: git show failed: /);
    });

    it('outside a repository, git fails with a one-line exit 2', async () => {
      const dir = tmp({ 'events.ue': `${MSG}\n` });
      const r = await run(['diff', '--git-rev', 'HEAD:events.ue', 'events.ue'], { cwd: dir });
      expect(r.code).to.equal(2);
      expect(r.stderr).to.match(/^ue-lint: HEAD:events\.ue: git show failed: .+\n$/);
    });
  });

  describe('end-to-end (built bin/ue-lint.cjs)', function () {
    this.timeout(60000);
    it('matches the in-process run, exit code included', async () => {
      if (!existsSync(join(ROOT, 'dist', 'cli.cjs'))) throw new Error('dist/cli.cjs is missing: run `npm run build` first');
      const dir = tmp({ 'old.ue': `${MSG}\n`, 'new.ue': 'msg char[20] text; u8 lvl; unsigned int id\n' });
      const args = ['diff', 'old.ue', 'new.ue', '--format', 'markdown'];
      const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'ue-lint.cjs'), ...args], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } });
      expect({ code: r.status, stdout: r.stdout, stderr: r.stderr }).to.deep.equal(await run(args, { cwd: dir }));
      expect(r.status).to.equal(1);
    });
  });
});
