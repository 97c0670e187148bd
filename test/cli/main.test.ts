import { expect } from 'chai';
import { mkdirSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from './fake-io.js';
import { tempDir } from '../support/temp-dir.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/files/', import.meta.url));

function tmp(files: Record<string, string | Buffer>): string {
  const dir = tempDir('ue-cli-');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('cli/main (in-process)', () => {
  describe('lint', () => {
    it('exits 0 on a clean file and prints nothing', async () => {
      const r = await run(['clean.ue'], { cwd: FIXTURES });
      expect(r).to.deep.equal({ code: 0, stdout: '', stderr: '' });
    });

    it('exits 1 on errors, with compact lines', async () => {
      const r = await run(['lint', 'problems.ue', '--format', 'compact'], { cwd: FIXTURES });
      expect(r.code).to.equal(1);
      expect(r.stdout.split('\n')).to.include('problems.ue:4:1: error UE304 event `test` is already defined with different fields');
      expect(r.stdout).to.contain('problems.ue:6:1: error UE305 deletion line has `-` without `:` after it');
      expect(r.stdout, 'disable-next-line hides UE108 on line 8').not.to.contain('problems.ue:8:');
      expect(r.stdout).to.contain('problems.ue:9:1: warning UE108');
    });

    it('reads stdin for -', async () => {
      const r = await run(['-', '--format', 'compact'], { stdin: 'ok u32 a\nbad u32  b\n' });
      expect(r.code).to.equal(1);
      expect(r.stdout).to.equal('<stdin>:2:9: error UE006 the second space makes an empty token, so `b` is one token too many\n');
    });

    it('--quiet hides warnings; --max-warnings turns too many warnings into exit 1', async () => {
      const dir = tmp({ 'w.ue': 'my-event u32 a\n' });
      expect((await run(['w.ue', '--quiet'], { cwd: dir })).stdout).to.equal('');
      expect((await run(['w.ue'], { cwd: dir })).code).to.equal(0);
      const r = await run(['w.ue', '--max-warnings', '0', '--format', 'compact'], { cwd: dir });
      expect(r.code).to.equal(1);
      expect(r.stderr).to.equal('ue-lint: too many warnings (1, maximum 0)\n');
    });

    it('searches directories recursively for *.ue, skipping node_modules', async () => {
      const dir = tmp({ 'a/x.ue': 'x u32 a\n', 'a/b/y.ue': 'y u32  a\n', 'node_modules/z.ue': 'z u32  a\n', 'a/notes.txt': 'junk  junk' });
      const r = await run(['.', '--format', 'compact'], { cwd: dir });
      expect(r.stdout).to.equal('a/b/y.ue:1:7: error UE006 the second space makes an empty token, so `a` is one token too many\n');
    });

    it('expands globs', async () => {
      const dir = tmp({ 'a/x.ue': 'x u32  a\n', 'b/y.ue': 'y u32  a\n' });
      const r = await run(['b/*.ue', '--format', 'compact'], { cwd: dir });
      expect(r.stdout).to.match(/^b\/y\.ue:1:7:/);
      expect((await run(['c/*.ue'], { cwd: dir }))).to.deep.include({ code: 2, stderr: 'ue-lint: c/*.ue: no files match this pattern (--no-error-on-unmatched-pattern allows this)\n' });
    });

    it('checks redefinitions across files (UE304) with a related location', async () => {
      const r = await run(['cross', '--format', 'json'], { cwd: FIXTURES });
      expect(r.code).to.equal(1);
      const all = JSON.parse(r.stdout).diagnostics as { code: string; related: unknown[] }[];
      // `shared u32 a;u32 b` matches `shared u32 a; u32 b` (late 6.9 rule): no UE304 for it,
      // only the portability warning for older kernels.
      expect(all.filter((x) => x.code === 'UE112')).to.have.length(1);
      const d = all.filter((x) => x.code !== 'UE112');
      expect(d).to.have.length(1);
      expect(d[0]).to.deep.include({ code: 'UE304', file: 'cross/second.ue', errno: 'EADDRINUSE' });
      expect(d[0].related[0]).to.deep.include({ file: 'cross/first.ue', label: 'first defined here' });
    });

    it('v5 ABI has no UE304, but warns that the kernel keeps the first layout (UE306)', async () => {
      const r = await run(['cross', '--abi', 'v5', '--format', 'compact'], { cwd: FIXTURES });
      expect(r.code).to.equal(0);
      expect(r.stdout).to.equal('cross/second.ue:2:1: warning UE306 event `shared` is already defined with other fields; a v5 kernel keeps the first layout\n');
    });

    it('exits 2 with one line for a missing file, a binary file and a bad option', async () => {
      expect(await run(['nope.ue'], { cwd: FIXTURES })).to.deep.equal({ code: 2, stdout: '', stderr: 'ue-lint: nope.ue: no such file or directory\n' });
      expect(await run(['binary.ue'], { cwd: FIXTURES })).to.deep.equal({ code: 2, stdout: '', stderr: 'ue-lint: binary.ue: not a definition file (NUL byte at byte offset 13)\n' });
      const r = await run(['clean.ue', '--formt', 'json'], { cwd: FIXTURES });
      expect(r).to.deep.equal({ code: 2, stdout: '', stderr: 'ue-lint: unknown option --formt (did you mean --format?); see `ue-lint --help`\n' });
      const f = await run(['clean.ue', '--format', 'xml'], { cwd: FIXTURES });
      expect(f.code).to.equal(2);
      expect(f.stderr.split('\n')).to.have.length(2);
      expect(f.stderr).to.contain('Invalid values');
    });

    it('suggests a command for a mistyped one', async () => {
      const r = await run(['lnt'], { cwd: FIXTURES });
      expect(r).to.deep.include({ code: 2, stderr: 'ue-lint: lnt: no such file or directory (did you mean the `lint` command?)\n' });
    });

    it('--fix rewrites the file, converts CRLF to LF (safe), and reports what is left', async () => {
      const dir = tmp({});
      cpSync(join(FIXTURES, 'fixable.ue'), join(dir, 'fixable.ue'));
      const r = await run(['--fix', 'fixable.ue', '--format', 'compact'], { cwd: dir });
      expect(r.stdout).to.equal('fixable.ue:1:17: warning UE102 field name `name[20]` contains `[`; the field is 1 byte, not an array\n');
      expect(r.code).to.equal(0);
      expect(readFileSync(join(dir, 'fixable.ue'), 'latin1')).to.equal('fix u32 a; char name[20]\nkeep u32 b# comment\nok u32 c\n');
      const unsafe = await run(['--fix', '--unsafe-fixes', 'fixable.ue', '--format', 'compact'], { cwd: dir });
      expect(unsafe.stdout).to.equal('');
      expect(readFileSync(join(dir, 'fixable.ue'), 'latin1')).to.equal('fix u32 a; char[20] name\nkeep u32 b# comment\nok u32 c\n');
    });
  });

  describe('config', () => {
    it('applies rule overrides by code or name and ignore globs', async () => {
      const dir = tmp({
        'ue-lint.config.json': JSON.stringify({ rules: { 'unusual-event-name': 'error', UE104: 'off' }, ignore: ['gen/**'] }),
        'a.ue': 'my-event u32 a; u32 a\n',
        'gen/b.ue': 'b u32  a\n',
      });
      const r = await run(['.', '--format', 'compact'], { cwd: dir });
      expect(r.stdout).to.equal('a.ue:1:1: error UE108 event name `my-event` has characters outside `[A-Za-z0-9_]`\n');
      expect(r.code).to.equal(1);
    });

    it('reads the "ue-lint" key of package.json, searching upward', async () => {
      const dir = tmp({ 'package.json': JSON.stringify({ name: 'x', 'ue-lint': { abi: 'v5' } }), 'sub/a.ue': 't u32 a\nt u64 a\n' });
      expect((await run(['a.ue'], { cwd: join(dir, 'sub') })).code).to.equal(0);
    });

    it('reports invalid JSON with path and line:column, exit 2', async () => {
      const dir = tmp({ '.uelintrc.json': '{\n  "abi": "linux",\n  oops\n}\n', 'a.ue': 'a u32 b\n' });
      const r = await run(['a.ue'], { cwd: dir });
      expect(r.code).to.equal(2);
      expect(r.stderr).to.match(/^ue-lint: .*\.uelintrc\.json:3:3: invalid JSON: .*\n$/);
    });

    it('rejects unknown rules and keys', async () => {
      const dir = tmp({ 'ue-lint.config.json': '{"rules":{"UE999":"off"}}', 'a.ue': 'a u32 b\n' });
      expect((await run(['a.ue'], { cwd: dir })).stderr).to.match(/unknown rule `UE999`/);
    });
  });

  describe('layout, format, explain', () => {
    it('layout prints a table', async () => {
      const r = await run(['layout', 'wake u32 pid; char[16] comm']);
      expect(r.code).to.equal(0);
      expect(r.stdout).to.equal([
        'wake (linux ABI, 2 fields)',
        'name  type      offset  size  signed  payload offset',
        '----  --------  ------  ----  ------  --------------',
        'pid   u32            8     4  no                   0',
        'comm  char[16]      12    16  yes                  4',
        '',
      ].join('\n'));
    });

    it('layout --format json and c', async () => {
      const j = JSON.parse((await run(['layout', 'e s16 a', '--format', 'json'])).stdout);
      expect(j.fields[0]).to.deep.equal({ name: 'a', type: 's16', kind: 'integer', offset: 8, size: 2, signed: true, payloadOffset: 0 });
      const c = (await run(['layout', 'e u32 a; __data_loc char[] msg', '-f', 'c'])).stdout;
      expect(c).to.contain('struct ue_e_fixed {');
      expect(c).to.contain('uint32_t f_msg;');
      expect(c).to.contain('} __attribute__((__packed__));');
    });

    it('layout of a rejected definition exits 1 with frames on stderr', async () => {
      const r = await run(['layout', 'e long a']);
      expect(r.code).to.equal(1);
      expect(r.stdout).to.equal('');
      expect(r.stderr).to.contain('error[UE201]: unknown field type `long`');
      expect(r.stderr).to.contain('rejects this definition with EINVAL');
    });

    it('layout --file on a directory or missing file exits 2', async () => {
      expect(await run(['layout', '--file', 'cross'], { cwd: FIXTURES })).to.deep.equal({ code: 2, stdout: '', stderr: 'ue-lint: cross: is a directory, expected a file\n' });
      expect((await run(['layout', '--file', 'nope.ue'], { cwd: FIXTURES })).stderr).to.equal('ue-lint: nope.ue: no such file or directory\n');
      expect((await run(['layout'], { cwd: FIXTURES })).code).to.equal(2);
    });

    it('format prints the tracefs format file with --id', async () => {
      const r = await run(['format', 'test u32 count', '--id', '1234']);
      expect(r.code).to.equal(0);
      expect(r.stdout).to.match(/^name: test\nID: 1234\nformat:\n/);
    });

    it('explain prints rule docs with Ruff headings, errno lists, and suggestions', async () => {
      const r = await run(['explain', 'UE104']);
      for (const h of ['# UE104: duplicate-field-name', '## What it does', '## Why is this bad?', '## Example', '## Use instead']) expect(r.stdout).to.contain(h);
      // The same text as the generated page, like `ruff rule`.
      const page = readFileSync(new URL('../../docs/rules/duplicate-field-name.md', import.meta.url), 'utf8');
      expect(page.endsWith(r.stdout.trimEnd() + '\n') || page.trimEnd().endsWith(r.stdout.trimEnd())).to.equal(true);
      expect((await run(['explain', 'double-space-in-field'])).stdout).to.contain('## Fix safety');
      const e = await run(['explain', 'EADDRINUSE']);
      expect(e.stdout).to.match(/^EADDRINUSE: address in use/);
      expect(e.stdout).to.contain('UE304  conflicting-redefinition');
      expect(await run(['explain', 'UE1044'])).to.deep.include({ code: 2 });
      expect((await run(['explain', 'duplicate-field-nam'])).stderr).to.contain('did you mean duplicate-field-name?');
      expect((await run(['explain'])).stdout.split('\n')[0]).to.match(/^UE001  definition-too-long/);
    });
  });

  describe('help and colour', () => {
    it('ue-lint --help shows the definition syntax and file format once; each command points to it', async () => {
      const top = await run(['--help']);
      expect(top.code).to.equal(0);
      expect(top.stdout.split('name[:FLAGS] [type name[;type name...]]').length - 1, 'syntax shown exactly once').to.equal(1);
      expect(top.stdout).to.contain('one definition per line');
      for (const argv of [['lint', '--help'], ['layout', '--help'], ['format', '--help'], ['explain', '--help']]) {
        const r = await run(argv);
        expect(r.code, argv.join(' ')).to.equal(0);
        expect(r.stdout, argv.join(' ')).not.to.contain('name[:FLAGS] [type name[;type name...]]');
        expect(r.stdout, argv.join(' ')).to.contain('`ue-lint explain syntax`');
      }
    });

    it('honours --color, FORCE_COLOR and NO_COLOR', async () => {
      const dir = tmp({ 'w.ue': 'my-event u32 a\n' });
      expect((await run(['w.ue'], { cwd: dir, tty: true })).stdout).to.match(/\x1b\[/);
      expect((await run(['w.ue'], { cwd: dir, tty: true, env: { NO_COLOR: '1' } })).stdout).not.to.match(/\x1b\[/);
      expect((await run(['w.ue', '--no-color'], { cwd: dir, tty: true })).stdout).not.to.match(/\x1b\[/);
      expect((await run(['w.ue'], { cwd: dir, env: { FORCE_COLOR: '1' } })).stdout).to.match(/\x1b\[/);
      expect((await run(['w.ue', '--color'], { cwd: dir })).stdout).to.match(/\x1b\[/);
      expect((await run(['w.ue'], { cwd: dir })).stdout).not.to.match(/\x1b\[/);
    });
  });
});
