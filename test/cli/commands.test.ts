// End-to-end (built CLI): every command reads `-` from standard input, honours the
// configuration's settings, exits 1 when it reports an error, and answers the mistakes
// new users make with a message that says what to do (issue 14: Inputs, Messages).
import { expect } from 'chai';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { formatFile, parseDefinition } from '../../src/index.js';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/temp-dir.js';

function tree(files: Record<string, string>): string {
  const dir = tempDir('ue-cmd-');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const LAYOUT_X = 'x (linux ABI, 1 field)\nname  type  offset  size  signed  payload offset\n----  ----  ------  ----  ------  --------------\na     u32        8     4  no                   0\n';

describe('cli commands: stdin, configuration, exit codes, messages (built bin/ue-lint.cjs)', function () {
  this.timeout(60000);

  describe('- and --file - read standard input', () => {
    const dir = tree({ 'new.ue': 'x u32 a; u32 b\n' });

    it('layout - and layout --file -', () => {
      expect(runCli(['layout', '-'], { cwd: dir, input: 'x u32 a\n' })).to.deep.equal({ code: 0, stdout: LAYOUT_X, stderr: '' });
      expect(runCli(['layout', '--file', '-'], { cwd: dir, input: '# c\nx u32 a\n' })).to.deep.equal({ code: 0, stdout: LAYOUT_X, stderr: '' });
      const json = runCli(['layout', '-', '-f', 'json'], { cwd: dir, input: 'x u32 a\ny u8 b\n' });
      expect(JSON.parse(json.stdout).map((e: { name: string }) => e.name)).to.deep.equal(['x', 'y']);
    });

    it('format - and format --file - (ids count up)', () => {
      const r = runCli(['format', '--file', '-', '--id', '7'], { cwd: dir, input: 'x u32 a\ny u8 b\n' });
      expect(r.code).to.equal(0);
      expect(r.stdout).to.equal(`==> x/format (<stdin>:1) <==\n${formatFile(ok('x u32 a'), { id: 7 })}\n==> y/format (<stdin>:2) <==\n${formatFile(ok('y u8 b'), { id: 8 })}`);
      expect(runCli(['format', '-'], { cwd: dir, input: 'x u32 a\n' }).stdout).to.equal(formatFile(ok('x u32 a'), { id: 0 }));
    });

    it('--stdin-filename names standard input in diagnostics', () => {
      const r = runCli(['layout', '-', '--stdin-filename', 'ev/net.ue'], { cwd: dir, input: 'x u32 a;u32 b\n' });
      expect(r.stderr).to.contain(' --> ev/net.ue:1:8');
    });

    it('codegen -', () => {
      const r = runCli(['codegen', '--lang', 'ts', '-'], { cwd: dir, input: 'http_request u32 status\n' });
      expect(r.code).to.equal(0);
      expect(r.stdout).to.contain('export function encodeHttpRequest(');
      expect(r.stdout).to.contain('<stdin>');
    });

    it('diff with - as one side', () => {
      const r = runCli(['diff', '-', 'new.ue'], { cwd: dir, input: 'x u32 a\n' });
      expect(r).to.deep.equal({
        code: 1, stderr: '',
        stdout: 're-registration conflict: x: event `x` is registered with different fields; re-registering fails with EADDRINUSE\n'
          + 'compatible: x.b: field `b` appended at offset 12\n0 breaking, 1 re-registration conflict(s), 1 compatible\n',
      });
      expect(runCli(['diff', 'new.ue', '-'], { cwd: dir, input: 'x u32 a; u32 b\n' })).to.deep.include({ code: 0 });
      expect(runCli(['diff', '-', '-'], { cwd: dir, input: 'x u32 a\n' })).to.deep.equal({ code: 2, stdout: '', stderr: 'ue-lint: diff reads standard input (-) for one side only\n' });
    });

    it('check --against DIR -', () => {
      const target = tree({ 'x/format': formatFile(ok('x u32 a'), { id: 1 }) });
      const r = runCli(['check', '--against', target, '-', '-f', 'compact'], { cwd: dir, input: 'x u64 a\n' });
      expect(r.code).to.equal(1);
      expect(r.stdout).to.match(/^<stdin>:1:1: error UE403 event `x` is registered with different fields/);
    });
  });

  describe('every command reports errors with exit 1', () => {
    const dir = tree({});
    for (const command of ['layout', 'format']) {
      it(`${command} '' (UE107, accepted by the kernel) exits 1; a clean definition exits 0`, () => {
        const r = runCli([command, ''], { cwd: dir });
        expect(r.code).to.equal(1);
        expect(r.stderr).to.match(/^error\[UE107\]/);
        expect(runCli([command, 'x u32 a'], { cwd: dir }).code).to.equal(0);
        // A warning alone does not fail the run.
        const warned = runCli([command, 'x u32 a;u32 b'], { cwd: dir });
        expect(warned.code).to.equal(0);
        expect(warned.stderr).to.match(/^warning\[UE112\]/);
      });
    }
  });

  describe('the configuration applies to every command', () => {
    const dir = tree({
      'ue-lint.config.json': '{ "abi": "v5", "rules": { "UE112": "off", "UE108": "error" } }',
      'a.ue': 'x:BPF_ITER char[4] s\n',
    });

    it('layout and format use its abi (and --abi overrides it)', () => {
      expect(runCli(['layout', 'x u32 a'], { cwd: dir }).stdout).to.match(/^x \(v5 ABI, 1 field\)\n/);
      expect(runCli(['layout', 'x u32 a', '--abi', 'linux'], { cwd: dir }).stdout).to.match(/^x \(linux ABI, 1 field\)\n/);
      const v5 = runCli(['format', 'x char[4] s', '--id', '1'], { cwd: dir });
      expect(v5.stdout).to.equal(formatFile(ok('x char[4] s', 'v5'), { abi: 'v5', id: 1 }));
      expect(v5.stdout).to.contain('char s[4];');
    });

    it('codegen and diff use its abi', () => {
      // `x:BPF_ITER` is accepted by v5 only.
      const gen = runCli(['codegen', '--lang', 'c', 'a.ue'], { cwd: dir });
      expect(gen.code, gen.stderr).to.equal(0);
      expect(gen.stdout).to.contain('v5');
      const diff = runCli(['diff', 'a.ue', 'a.ue'], { cwd: dir });
      expect(diff).to.deep.equal({ code: 0, stdout: '0 breaking, 0 re-registration conflict(s), 0 compatible\n', stderr: '' });
      expect(runCli(['diff', 'a.ue', 'a.ue', '--abi', 'linux'], { cwd: dir }).stderr).to.contain('skipped a definition the kernel rejects with EINVAL');
    });

    it('layout and format honour its rules, --rule over them, and inline suppressions in --file', () => {
      expect(runCli(['layout', 'x u32 a;u32 b'], { cwd: dir }).stderr).to.equal('');
      const upgraded = runCli(['layout', 'Bad-Name u32 a'], { cwd: dir });
      expect(upgraded.code).to.equal(1);
      expect(upgraded.stderr).to.match(/^error\[UE108\]/);
      const byFlag = runCli(['format', 'x u32 a;u32 b', '--abi', 'linux', '--rule', 'separator-without-space=error'], { cwd: dir });
      expect(byFlag.code).to.equal(1);
      expect(byFlag.stderr).to.match(/^error\[UE112\]/);
      const file = tree({ 'e.ue': '# ue-lint-disable-next-line UE108\nBad-Name u32 a\nOther-Name u32 b\n' });
      const suppressed = runCli(['layout', '--file', 'e.ue', '--rule', 'UE108=error'], { cwd: file });
      expect(suppressed.code).to.equal(1);
      expect(suppressed.stderr.match(/error\[UE108\]/g)).to.have.length(1);
      expect(suppressed.stderr).to.contain(' --> e.ue:3:1');
    });
  });

  describe('messages', () => {
    const dir = tree({});

    it('an unquoted definition: say it must be quoted, and show it quoted', () => {
      expect(runCli(['layout', 'x', 'u32', 'a'], { cwd: dir })).to.deep.equal({
        code: 2, stdout: '', stderr: "ue-lint: a definition is one argument: quote it, as in `ue-lint layout 'x u32 a'`\n",
      });
      expect(runCli(['format', 'x', 'char[4]', "it's"], { cwd: dir }).stderr).to.equal("ue-lint: a definition is one argument: quote it, as in `ue-lint format 'x char[4] it'\\''s'`\n");
    });

    it('--max-warnings and --id echo the text given', () => {
      expect(runCli(['--max-warnings', 'abc'], { cwd: dir })).to.deep.equal({
        code: 2, stdout: '', stderr: 'ue-lint: --max-warnings must be a whole number, not `abc`; see `ue-lint --help`\n',
      });
      expect(runCli(['check', '--against', '.', '--max-warnings', '1.5'], { cwd: dir }).stderr).to.match(/^ue-lint: --max-warnings must be a whole number, not `1\.5`/);
      expect(runCli(['format', 'x u32 a', '--id', '0x1g'], { cwd: dir }).stderr).to.match(/^ue-lint: --id must be a whole number, not `0x1g`/);
      expect(runCli(['format', 'x u32 a', '--id', '-3'], { cwd: dir }).stderr).to.match(/^ue-lint: --id must be 0 or more, not `-3`/);
    });

    it('the syntax text is on `ue-lint --help` and `ue-lint explain syntax` only; every command points there', () => {
      const syntax = 'Definition syntax (one user_events definition):';
      const top = runCli(['--help'], { cwd: dir });
      expect(top.code).to.equal(0);
      expect(top.stdout.split(syntax)).to.have.length(2);
      const explained = runCli(['explain', 'syntax'], { cwd: dir });
      expect(explained).to.deep.include({ code: 0, stderr: '' });
      expect(explained.stdout.startsWith(syntax)).to.equal(true);
      expect(top.stdout).to.contain(explained.stdout.trimEnd());
      for (const command of ['lint', 'layout', 'format', 'codegen', 'check', 'diff', 'explain']) {
        const help = runCli([command, '--help'], { cwd: dir });
        expect(help.code, command).to.equal(0);
        expect(help.stdout, command).not.to.contain(syntax);
        expect(help.stdout, command).to.contain('Definition syntax and file format: `ue-lint explain syntax`');
      }
    });

    it('--rule: unknown codes and severities are usage errors', () => {
      expect(runCli(['--rule', 'UE999=off'], { cwd: dir }).stderr).to.equal('ue-lint: --rule UE999: unknown code or rule name; `ue-lint explain` lists them\n');
      expect(runCli(['--rule', 'UE104=loud'], { cwd: dir }).stderr).to.equal('ue-lint: --rule UE104=loud: the severity must be off, warn or error\n');
      expect(runCli(['--rule', 'UE104'], { cwd: dir }).stderr).to.equal('ue-lint: --rule UE104: expected CODE=off|warn|error, e.g. --rule UE108=off\n');
    });
  });

  describe('lint flags', () => {
    const BAD = 'bad u32  x\nBad-Name u32 a\n';

    it('-o/--output-file writes the report to FILE atomically, standard output stays empty', () => {
      const dir = tree({ 'a.ue': BAD, 'out/.keep': '' });
      const r = runCli(['a.ue', '-o', 'out/report.json', '-f', 'json'], { cwd: dir });
      expect(r).to.deep.equal({ code: 1, stdout: '', stderr: '' });
      const report = JSON.parse(readFileSync(join(dir, 'out', 'report.json'), 'utf8'));
      expect(report.summary).to.deep.include({ files: 1, errors: 1, warnings: 1, fixable: 1 });
      expect(readdirSync(join(dir, 'out')).filter((f) => f.endsWith('.tmp'))).to.deep.equal([]);
      // A usage error writes nothing; an unwritable target is exit 2 with one line.
      expect(runCli(['missing.ue', '-o', 'out/none.txt'], { cwd: dir }).code).to.equal(2);
      expect(existsSync(join(dir, 'out', 'none.txt'))).to.equal(false);
      expect(runCli(['a.ue', '-o', 'nodir/r.txt'], { cwd: dir })).to.deep.equal({ code: 2, stdout: '', stderr: 'ue-lint: nodir/r.txt: no such file or directory\n' });
    });

    it('--exit-zero: problems found exit 0; usage and I/O errors still exit 2', () => {
      const dir = tree({ 'a.ue': BAD });
      const r = runCli(['a.ue', '--exit-zero', '-f', 'compact'], { cwd: dir });
      expect(r.code).to.equal(0);
      expect(r.stdout.split('\n').filter(Boolean)).to.have.length(2);
      expect(runCli(['a.ue', '--exit-zero', '--max-warnings', '0'], { cwd: dir }).code).to.equal(0);
      expect(runCli(['missing.ue', '--exit-zero'], { cwd: dir }).code).to.equal(2);
    });

    it('--statistics counts per code, as Ruff prints them (text, or JSON with --format json)', () => {
      const dir = tree({ 'a.ue': `${BAD}c u32  y\n` });
      expect(runCli(['a.ue', '--statistics'], { cwd: dir })).to.deep.equal({
        code: 1, stderr: '', stdout: '2\tUE006\t[*] double-space-in-field\n1\tUE108\t[ ] unusual-event-name\n',
      });
      expect(JSON.parse(runCli(['a.ue', '--statistics', '-f', 'json'], { cwd: dir }).stdout)).to.deep.equal([
        { code: 'UE006', name: 'double-space-in-field', count: 2, fixable: 2 },
        { code: 'UE108', name: 'unusual-event-name', count: 1, fixable: 0 },
      ]);
      expect(runCli(['a.ue', '--statistics', '--quiet'], { cwd: dir }).stdout).to.equal('2\tUE006\t[*] double-space-in-field\n');
    });

    it('--print-config FILE prints the resolved settings as JSON and lints nothing', () => {
      const dir = tree({ 'ue-lint.config.json': '{ "abi": "v5", "rules": { "UE108": "off" }, "ignore": ["vendor/**"] }' });
      const r = runCli(['--print-config', 'vendor/x.ue', '--rule', 'UE104=error'], { cwd: dir });
      expect(r.code).to.equal(0);
      const printed = JSON.parse(r.stdout);
      expect(printed).to.deep.include({ file: 'vendor/x.ue', configFile: 'ue-lint.config.json', ignored: true, abi: 'v5', ignore: ['vendor/**'] });
      expect(printed.rules).to.deep.include({ UE108: 'off', UE104: 'error', UE006: 'error', UE301: 'warn' });
      expect(JSON.parse(runCli(['--print-config', 'x.ue'], { cwd: tree({}) }).stdout)).to.deep.include({ configFile: null, ignored: false, abi: 'linux' });
    });

    it('--format gitlab and sarif locate files from the repository root, run from a subdirectory', () => {
      const dir = tree({ 'events/net/a.ue': BAD });
      mkdirSync(join(dir, '.git'));
      const sub = join(dir, 'events');
      const gitlab = JSON.parse(runCli(['net/a.ue', '-f', 'gitlab'], { cwd: sub }).stdout);
      expect(gitlab.map((i: { location: { path: string } }) => i.location.path)).to.deep.equal(['events/net/a.ue', 'events/net/a.ue']);
      const sarif = JSON.parse(runCli(['net/a.ue', '-f', 'sarif'], { cwd: sub }).stdout);
      expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation).to.deep.equal({ uri: 'events/net/a.ue', uriBaseId: '%SRCROOT%' });
      expect(sarif.runs[0].originalUriBaseIds['%SRCROOT%'].uri).to.equal(`file://${dir}/`);
      expect(sarif.runs[0].results[0].partialFingerprints['ueLint/v1']).to.match(/^[0-9a-f]{32}:1$/);
      const junit = runCli(['net/a.ue', '-f', 'junit'], { cwd: sub }).stdout;
      expect(junit).to.contain('<testsuite name="net/a.ue" tests="2" failures="2" errors="0" skipped="0">');
    });

    it('--fix converts a CRLF file to LF (UE302 is a safe fix), reported once per file', () => {
      const dir = tree({ 'w.ue': 'a u32 x\r\nb u32 y\r\nc u32  z\r\n' });
      expect(runCli(['w.ue', '-f', 'compact'], { cwd: dir }).stdout.match(/UE302/g)).to.have.length(1);
      expect(runCli(['w.ue', '--fix'], { cwd: dir })).to.deep.equal({ code: 0, stdout: '', stderr: '' });
      expect(readFileSync(join(dir, 'w.ue'), 'utf8')).to.equal('a u32 x\nb u32 y\nc u32 z\n');
    });
  });
});

function ok(definition: string, abi: 'linux' | 'v5' = 'linux') {
  const r = parseDefinition(definition, { abi });
  if (!r.ok) throw new Error(`fixture rejected: ${definition}`);
  return r.event;
}
