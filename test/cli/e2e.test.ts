// End-to-end: spawn the built CLI (`node bin/ue-lint.cjs`, the artefact users run)
// against fixtures/files. Needs `npm run build` first (`npm test` does it).
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expectGolden } from '../support/golden.js';
import { sarifValidator } from '../report/sarif-validator.js';
import { run as runInProcess } from './fake-io.js';
import { tempDir } from '../support/temp-dir.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'ue-lint.cjs');
const FIXTURES = join(ROOT, 'fixtures', 'files');
const GOLDEN = 'fixtures/golden/cli';

function cli(args: string[], opts: { cwd?: string; input?: string } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? FIXTURES,
    input: opts.input ?? '',
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** SARIF goldens: no version (changes every release), rule metadata reduced to ids (tested against the catalog elsewhere). */
function redactSarif(sarif: string): string {
  const log = JSON.parse(sarif);
  const driver = log.runs[0].tool.driver;
  driver.version = '<version>';
  driver.rules = driver.rules.map((r: { id: string }) => r.id);
  // %SRCROOT% is this checkout's absolute path: the one machine-dependent value.
  if (log.runs[0].originalUriBaseIds) log.runs[0].originalUriBaseIds['%SRCROOT%'].uri = '<repository root>';
  return `${JSON.stringify(log, null, 2)}\n`;
}

describe('cli end-to-end (built bin/ue-lint.cjs)', function () {
  this.timeout(60000);

  before(function () {
    if (!existsSync(join(ROOT, 'dist', 'cli.cjs'))) throw new Error('dist/cli.cjs is missing: run `npm run build` first');
  });

  const formats: [string, string][] = [
    ['stylish', 'txt'], ['json', 'json'], ['sarif', 'sarif.json'], ['github', 'txt'], ['gitlab', 'json'], ['junit', 'xml'], ['compact', 'txt'],
  ];
  for (const [format, ext] of formats) {
    it(`--format ${format} matches its golden and the in-process run`, async () => {
      const r = cli(['problems.ue', 'crlf.ue', 'bom.ue', '--format', format]);
      expect(r.code).to.equal(1);
      expect(r.stderr).to.equal('');
      expect(r.stdout).not.to.match(/\x1b\[/);
      const text = format === 'sarif' ? redactSarif(r.stdout) : r.stdout;
      expect(text).not.to.contain(ROOT);
      expectGolden(text, `${GOLDEN}/lint-${format}.${ext}`);
      const same = await runInProcess(['problems.ue', 'crlf.ue', 'bom.ue', '--format', format], { cwd: FIXTURES });
      expect(same.stdout).to.equal(r.stdout);
    });
  }

  it('SARIF output validates against the SARIF 2.1.0 schema', () => {
    const r = cli(['problems.ue', 'cross', 'fixable.ue', '--format', 'sarif']);
    const validate = sarifValidator();
    expect(validate(JSON.parse(r.stdout)), JSON.stringify(validate.errors, null, 2)).to.equal(true);
  });

  it('exit codes 0, 1 and 2', () => {
    expect(cli(['clean.ue'])).to.deep.equal({ code: 0, stdout: '', stderr: '' });
    expect(cli(['problems.ue']).code).to.equal(1);
    expect(cli(['crlf.ue', 'bom.ue', '--max-warnings', '1']).code).to.equal(1);
    expect(cli(['crlf.ue', 'bom.ue', '--max-warnings', '2']).code).to.equal(0);
    expect(cli(['--bogus']).code).to.equal(2);
  });

  it('reads stdin', () => {
    const r = cli(['-', '--format', 'compact'], { input: 'ok u32 a\nbad u32  b\n' });
    expect(r).to.deep.equal({ code: 1, stdout: '<stdin>:2:9: error UE006 the second space makes an empty token, so `b` is one token too many\n', stderr: '' });
  });

  it('reports CRLF (once per file, at its first CRLF line) and BOM input without mangling it', () => {
    const r = cli(['crlf.ue', 'bom.ue', '--format', 'compact']);
    expect(r.code).to.equal(0);
    expect(r.stdout).to.equal([
      'crlf.ue:1:11: warning UE302 this file has CRLF line endings; `\\r` would become part of the definitions',
      'bom.ue:1:1: warning UE303 file starts with a UTF-8 byte order mark',
      '',
    ].join('\n'));
    const mixed = cli(['-', '--format', 'compact'], { input: 'a u32 x\nb u32 y\r\nc u32 z\r\n' });
    expect(mixed.stdout).to.equal('<stdin>:2:8: warning UE302 this file has CRLF line endings; `\\r` would become part of the definitions\n');
  });

  it('missing file, directory as --file, binary file: exit 2 with one line', () => {
    expect(cli(['missing.ue'])).to.deep.equal({ code: 2, stdout: '', stderr: 'ue-lint: missing.ue: no such file or directory\n' });
    expect(cli(['layout', '--file', 'cross'])).to.deep.equal({ code: 2, stdout: '', stderr: 'ue-lint: cross: is a directory, expected a file\n' });
    expect(cli(['binary.ue'])).to.deep.equal({ code: 2, stdout: '', stderr: 'ue-lint: binary.ue: not a definition file (NUL byte at byte offset 13)\n' });
  });

  it('--fix round trip: fixes in place atomically, keeps mode, converts CRLF to LF (a safe fix), is idempotent', () => {
    const dir = tempDir('ue-e2e-');
    const file = join(dir, 'fixable.ue');
    cpSync(join(FIXTURES, 'fixable.ue'), file);
    const mode = statSync(file).mode;
    const r = cli(['--fix', 'fixable.ue', '--format', 'compact'], { cwd: dir });
    expect(r.code).to.equal(0);
    const fixed = readFileSync(file, 'latin1');
    // UE102's fix changes the layout, so it is unsafe: only --unsafe-fixes applies it.
    expect(fixed).to.equal('fix u32 a; char name[20]\nkeep u32 b# comment\nok u32 c\n');
    expect(statSync(file).mode).to.equal(mode);
    const mtime = statSync(file).mtimeMs;
    const again = cli(['--fix', 'fixable.ue', '--format', 'compact'], { cwd: dir });
    expect(again.stdout).to.equal(r.stdout);
    expect(statSync(file).mtimeMs, 'an unchanged file is not rewritten').to.equal(mtime);
    const unsafe = cli(['--fix', '--unsafe-fixes', 'fixable.ue', '--format', 'compact'], { cwd: dir });
    expect(unsafe.code).to.equal(0);
    expect(readFileSync(file, 'latin1')).to.equal('fix u32 a; char[20] name\nkeep u32 b# comment\nok u32 c\n');
  });

  it('layout, format and explain goldens', () => {
    expectGolden(cli(['layout', '--file', 'clean.ue']).stdout, `${GOLDEN}/layout-table.txt`);
    expectGolden(cli(['layout', '--file', 'clean.ue', '--format', 'json']).stdout, `${GOLDEN}/layout-json.json`);
    expectGolden(cli(['layout', '--file', 'clean.ue', '--format', 'c']).stdout, `${GOLDEN}/layout-c.h`);
    expectGolden(cli(['format', 'wake u32 pid; char[16] comm', '--id', '1234']).stdout, `${GOLDEN}/format-wake.txt`);
    expectGolden(cli(['explain', 'UE301']).stdout, `${GOLDEN}/explain-UE301.md`);
  });
});
