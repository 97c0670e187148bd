// End-to-end: how command-line paths and patterns become files, against the built CLI
// (issue 14 "Inputs"; issue 12's named-but-ignored file). Each test builds its own tree.
import { expect } from 'chai';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/temp-dir.js';

/** Every file is one definition with a double space, so each linted file prints one compact line. */
const BAD = 'bad u32  x\n';

function tree(files: Record<string, string>): string {
  const dir = tempDir('ue-paths-');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** The files a compact run reported, in order. */
const linted = (stdout: string) => stdout.split('\n').filter(Boolean).map((l) => l.slice(0, l.indexOf(':1:')));

describe('cli paths and patterns (built bin/ue-lint.cjs)', function () {
  this.timeout(60000);

  it('uses a path that exists literally, even with glob characters in it', () => {
    const dir = tree({ 'x[1].ue': BAD, 'x1.ue': BAD, '{a,b}.ue': BAD, 'a.ue': BAD });
    const r = runCli(['x[1].ue', '{a,b}.ue', '-f', 'compact'], { cwd: dir });
    expect(r.code).to.equal(1);
    expect(linted(r.stdout)).to.deep.equal(['x[1].ue', '{a,b}.ue']);
  });

  it('matches patterns with picomatch under their base directory, each file once', () => {
    const dir = tree({ 'ev/a.ue': BAD, 'ev/sub/b.ue': BAD, 'ev/c.txt': BAD, 'd.ue': BAD });
    expect(linted(runCli(['ev/**/*.ue', '*.ue', 'ev/*.ue', '-f', 'compact'], { cwd: dir }).stdout)).to.deep.equal(['ev/a.ue', 'ev/sub/b.ue', 'd.ue']);
    expect(linted(runCli(['./ev/*.ue', '-f', 'compact'], { cwd: join(dir) }).stdout)).to.deep.equal(['ev/a.ue']);
    expect(linted(runCli(['../{a,sub/b}.ue', '-f', 'compact'], { cwd: join(dir, 'ev', 'sub') }).stdout)).to.deep.equal(['../a.ue', 'b.ue']);
  });

  it('makes an invalid pattern a usage error (exit 2), on the command line and in the config', () => {
    const dir = tree({ 'a.ue': BAD });
    for (const bad of ['a[.ue', '{a.ue', 'ev/@(x.ue']) {
      const r = runCli([bad], { cwd: dir });
      expect(r.code, bad).to.equal(2);
      expect(r.stdout).to.equal('');
      expect(r.stderr, bad).to.match(new RegExp(`^ue-lint: invalid pattern \`${bad.replace(/[[\]{}()@.]/g, '\\$&')}\`: missing closing "[\\])}]"\\n$`));
    }
    writeFileSync(join(dir, 'ue-lint.config.json'), '{ "ignore": ["vendor/**", "gen/[a-.ue"] }');
    const r = runCli(['a.ue'], { cwd: dir });
    expect(r).to.deep.equal({ code: 2, stdout: '', stderr: 'ue-lint: ue-lint.config.json: `ignore`: invalid pattern `gen/[a-.ue`: missing closing "]"\n' });
  });

  it('walks directories honouring .gitignore, skipping node_modules and hidden directories; --no-ignore turns that off', () => {
    const dir = tree({
      '.gitignore': 'build/\n*.gen.ue\n',
      'src/a.ue': BAD,
      'src/x.gen.ue': BAD,
      'src/.gitignore': 'local.ue\n!keep.gen.ue\n',
      'src/local.ue': BAD,
      'src/keep.gen.ue': BAD,
      'build/b.ue': BAD,
      'node_modules/pkg/c.ue': BAD,
      '.hidden/d.ue': BAD,
      'e.ue': BAD,
    });
    mkdirSync(join(dir, '.git'));
    expect(linted(runCli(['-f', 'compact'], { cwd: dir }).stdout)).to.deep.equal(['e.ue', 'src/a.ue', 'src/keep.gen.ue']);
    // From a subdirectory, the work tree's .gitignore above it still applies.
    expect(linted(runCli(['.', '-f', 'compact'], { cwd: join(dir, 'src') }).stdout)).to.deep.equal(['a.ue', 'keep.gen.ue']);
    expect(linted(runCli(['**/*.ue', '-f', 'compact'], { cwd: dir }).stdout)).to.deep.equal(['e.ue', 'src/a.ue', 'src/keep.gen.ue']);
    expect(linted(runCli(['--no-ignore', '-f', 'compact'], { cwd: dir }).stdout)).to.deep.equal([
      '.hidden/d.ue', 'build/b.ue', 'e.ue', 'node_modules/pkg/c.ue', 'src/a.ue', 'src/keep.gen.ue', 'src/local.ue', 'src/x.gen.ue',
    ]);
    // A file named on the command line is linted whatever .gitignore says.
    expect(linted(runCli(['build/b.ue', '-f', 'compact'], { cwd: dir }).stdout)).to.deep.equal(['build/b.ue']);
  });

  it('lints a file reached through two symlinks (or named twice) once', () => {
    const dir = tree({ 'real/a.ue': BAD });
    symlinkSync(join(dir, 'real', 'a.ue'), join(dir, 'link1.ue'));
    symlinkSync('real/a.ue', join(dir, 'link2.ue'));
    symlinkSync(join(dir, 'real'), join(dir, 'dirlink')); // a symlinked directory is not walked
    expect(linted(runCli(['-f', 'compact'], { cwd: dir }).stdout)).to.deep.equal(['link1.ue']);
    expect(linted(runCli(['link2.ue', 'link1.ue', 'real/a.ue', 'real/../real/a.ue', '-f', 'compact'], { cwd: dir }).stdout)).to.deep.equal(['link2.ue']);
  });

  it('makes a path or pattern that yields no file an error (exit 2, one line); --no-error-on-unmatched-pattern relaxes it', () => {
    const dir = tree({ 'empty/.keep': '', 'only.txt': '' });
    const cases: [string[], string][] = [
      [[], 'ue-lint: .: no *.ue files in this directory (--no-error-on-unmatched-pattern allows this)\n'],
      [['empty'], 'ue-lint: empty: no *.ue files in this directory (--no-error-on-unmatched-pattern allows this)\n'],
      [['*.ue'], 'ue-lint: *.ue: no files match this pattern (--no-error-on-unmatched-pattern allows this)\n'],
      [['nope/**/*.ue'], 'ue-lint: nope/**/*.ue: no files match this pattern (--no-error-on-unmatched-pattern allows this)\n'],
      [['missing.ue'], 'ue-lint: missing.ue: no such file or directory\n'],
    ];
    for (const [args, stderr] of cases) {
      expect(runCli(args, { cwd: dir }), args.join(' ')).to.deep.equal({ code: 2, stdout: '', stderr });
      expect(runCli([...args, '--no-error-on-unmatched-pattern'], { cwd: dir }), args.join(' ')).to.deep.equal({ code: 0, stdout: '', stderr: '' });
    }
  });

  it('says so when every file a directory or pattern holds is ignored', () => {
    const dir = tree({ 'vendor/a.ue': BAD, 'ue-lint.config.json': '{ "ignore": ["vendor/**"] }' });
    const r = runCli(['vendor'], { cwd: dir });
    expect(r).to.deep.equal({
      code: 2, stdout: '',
      stderr: 'ue-lint: vendor: every file here is ignored (hidden, node_modules, .gitignore or `ignore`); use --no-ignore to include them\n',
    });
    expect(linted(runCli(['vendor', '--no-ignore', '-f', 'compact'], { cwd: dir }).stdout)).to.deep.equal(['vendor/a.ue']);
  });

  it('warns about a file named on the command line that the config ignores, and --no-ignore lints it', () => {
    const dir = tree({ 'vendor/a.ue': BAD, 'ok.ue': 'ok u32 a\n', 'ue-lint.config.json': '{ "ignore": ["vendor/**"] }' });
    const warning = 'ue-lint: warning: vendor/a.ue is ignored by `vendor/**` (`ignore` in ue-lint.config.json); use --no-ignore to lint it\n';
    expect(runCli(['vendor/a.ue', 'ok.ue'], { cwd: dir })).to.deep.equal({ code: 0, stdout: '', stderr: warning });
    // From a subdirectory: paths shown relative to where ue-lint runs.
    expect(runCli(['a.ue'], { cwd: join(dir, 'vendor') }).stderr).to.equal(warning.replace('vendor/a.ue is', 'a.ue is').replace(' in ue-lint', ' in ../ue-lint'));
    const r = runCli(['vendor/a.ue', '--no-ignore', '-f', 'compact'], { cwd: dir });
    expect(r.code).to.equal(1);
    expect(linted(r.stdout)).to.deep.equal(['vendor/a.ue']);
    expect(r.stderr).to.equal('');
  });

  it('--stdin-filename names standard input in reports and matches it against the config', () => {
    const dir = tree({ 'ue-lint.config.json': '{ "ignore": ["vendor/**"] }' });
    const r = runCli(['-', '--stdin-filename', 'events/net.ue', '-f', 'compact'], { cwd: dir, input: BAD });
    expect(r).to.deep.equal({ code: 1, stdout: 'events/net.ue:1:9: error UE006 the second space makes an empty token, so `x` is one token too many\n', stderr: '' });
    const ignored = runCli(['-', '--stdin-filename', 'vendor/x.ue'], { cwd: dir, input: BAD });
    expect(ignored).to.deep.equal({ code: 0, stdout: '', stderr: 'ue-lint: warning: vendor/x.ue is ignored by `vendor/**` (`ignore` in ue-lint.config.json); use --no-ignore to lint it\n' });
    expect(runCli(['-', '--stdin-filename', 'vendor/x.ue', '--no-ignore', '-f', 'compact'], { cwd: dir, input: BAD }).stdout).to.match(/^vendor\/x\.ue:1:9: error UE006/);
  });

  it('takes every word after -- as a path, even one starting with -', () => {
    const dir = tree({ '-x.ue': 'x u32  a\n', 'other.ue': BAD, 'b.ue': BAD });
    const fixed = runCli(['lint', '--fix', '--', '-x.ue'], { cwd: dir });
    expect(fixed).to.deep.equal({ code: 0, stdout: '', stderr: '' });
    // Only -x.ue was fixed: the others still report their double space.
    expect(linted(runCli(['-f', 'compact'], { cwd: dir }).stdout)).to.deep.equal(['b.ue', 'other.ue']);
    expect(linted(runCli(['lint', 'b.ue', '-f', 'compact', '--', 'other.ue', '-x.ue'], { cwd: dir }).stdout)).to.deep.equal(['b.ue', 'other.ue']);
    expect(linted(runCli(['b.ue', '--rule', 'UE104=off', '-f', 'compact', '--', 'other.ue'], { cwd: dir }).stdout)).to.deep.equal(['b.ue', 'other.ue']);
  });
});
