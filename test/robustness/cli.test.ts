// Hardening, CLI half (issue 5): spawn the built CLI on hostile inputs and check that
// each ends with exit 1 or 2, one stderr line naming the file, no stack trace, no hang,
// and that `--fix` never leaves a truncated file. Needs `npm run build` first.
//
// The suite runs a snapshot of bin/ue-lint.cjs + the dist/cli*.cjs bundles (and their code caches) copied into a world-readable
// temp dir, so a concurrent `npm run build` (which deletes dist/) cannot pull the CLI away
// mid-run, and so the permission case can run it as `nobody` when the tests run as root.
import { expect } from 'chai';
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync, closeSync, copyFileSync, existsSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, readFileSync,
  readdirSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync, writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NOBODY = 65534;

interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  ms: number;
}

interface RunOptions {
  cwd: string;
  timeoutMs?: number;
  uid?: number;
  gid?: number;
  /** Called once the child is spawned, e.g. to unlink its input or signal it. */
  onSpawn?: (pid: number, done: Promise<void>) => void;
}

/** Keep at most this much of stdout: some cases print megabytes and only the head matters. */
const STDOUT_KEEP = 1 << 20;

let work = '';
let bin = '';

/** Spawn `node <snapshot>/bin/ue-lint.cjs ...args`; SIGKILL it after the timeout. */
function runCommand(command: string, args: string[], opts: RunOptions): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const start = Date.now();
    const child = spawn(command, args, {
      cwd: opts.cwd,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(opts.uid !== undefined ? { uid: opts.uid, gid: opts.gid ?? opts.uid } : {}),
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (s: string) => { if (stdout.length < STDOUT_KEEP) stdout += s; });
    child.stderr.setEncoding('utf8').on('data', (s: string) => { stderr += s; });
    const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, opts.timeoutMs ?? 30_000);
    let finish!: () => void;
    const done = new Promise<void>((r) => { finish = r; });
    child.on('error', (err) => { clearTimeout(timer); finish(); reject(err); });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      finish();
      resolve({ code, signal, stdout, stderr, timedOut, ms: Date.now() - start });
    });
    if (child.pid !== undefined) opts.onSpawn?.(child.pid, done);
  });
}

const cli = (args: string[], opts: RunOptions) => runCommand(process.execPath, [bin, ...args], opts);

/** No Node crash output: no stack frames, no `Error:`/`TypeError [CODE]:` lines, no internals. */
function expectNoStackTrace(r: RunResult): void {
  const both = `${r.stderr}\n${r.stdout.slice(0, 4096)}`;
  expect(both, 'stack frame').not.to.match(/^ {4}at /m);
  expect(r.stderr, 'Node error prefix').not.to.match(/^(?:[A-Za-z]*Error|Error)(?: \[[A-Z_]+\])?:/m);
  expect(both, 'Node internals').not.to.match(/node:internal|Node\.js v\d/);
}

/** Exit `code`, and stderr is exactly one `ue-lint: …` line that names `path`. */
function expectOneLineFailure(r: RunResult, code: number, path: string, detail?: RegExp): void {
  expect(r.timedOut, 'timed out').to.equal(false);
  expectNoStackTrace(r);
  const lines = r.stderr.replace(/\n$/, '').split('\n');
  expect(lines, `stderr: ${r.stderr}`).to.have.length(1);
  expect(lines[0]).to.match(/^ue-lint: /);
  expect(lines[0]).to.contain(path);
  if (detail) expect(lines[0]).to.match(detail);
  expect(r.code, `exit code (stderr: ${r.stderr})`).to.equal(code);
}

/** Write `count` lines from `line(i)` in ~1 MiB chunks, or until `bytes` is reached. */
function writeLines(path: string, line: (i: number) => string, limit: { bytes: number }): number {
  const fd = openSync(path, 'w');
  let written = 0;
  let i = 0;
  try {
    while (written < limit.bytes) {
      let chunk = '';
      while (chunk.length < 1 << 20 && written + chunk.length < limit.bytes) chunk += `${line(i++)}\n`;
      written += writeSync(fd, chunk);
    }
  } finally {
    closeSync(fd);
  }
  return i;
}

const tempFilesIn = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.tmp'));

/** Resolve once `dir` holds a `*.tmp` file (the fix is being written) or the child has ended. */
async function whenTempFileAppears(dir: string, done: Promise<void>): Promise<boolean> {
  let ended = false;
  void done.then(() => { ended = true; });
  while (!ended) {
    if (tempFilesIn(dir).length > 0) return true;
    await new Promise((r) => setTimeout(r, 1));
  }
  return false;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The CLI bundles and their code caches in dist/ (bin/ue-lint.cjs loads them). */
const bundleFiles = () => readdirSync(join(ROOT, 'dist')).filter((f) => /^cli.*\.cjs(\.cache)?$/.test(f));

describe('robustness: the built CLI on hostile input', function () {
  this.timeout(60_000);

  before(function () {
    const dist = join(ROOT, 'dist', 'cli.cjs');
    if (!existsSync(dist)) throw new Error(`${dist} is missing: run \`npm run build\` first (this suite spawns the built CLI)`);
    work = mkdtempSync(join(tmpdir(), 'ue-lint-robust-'));
    chmodSync(work, 0o755);
    mkdirSync(join(work, 'cli', 'bin'), { recursive: true, mode: 0o755 });
    mkdirSync(join(work, 'cli', 'dist'), { mode: 0o755 });
    bin = join(work, 'cli', 'bin', 'ue-lint.cjs');
    copyFileSync(join(ROOT, 'bin', 'ue-lint.cjs'), bin);
    for (const f of bundleFiles()) copyFileSync(join(ROOT, 'dist', f), join(work, 'cli', 'dist', f));
    // Stop the upward config search here, so nothing above the temp dir leaks in.
    writeFileSync(join(work, 'ue-lint.config.json'), '{}\n');
  });

  after(function () {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  /** A fresh world-readable directory for one case, with its own empty config. */
  function caseDir(name: string): string {
    const dir = join(work, name);
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
    writeFileSync(join(dir, 'ue-lint.config.json'), '{}\n');
    return dir;
  }

  describe('a FIFO as input', function () {
    // Regular files are read synchronously; a FIFO must be opened off the main thread,
    // or waiting for its writer would leave no thread to run the signal handlers.
    before(function () { if (process.platform === 'win32') this.skip(); });

    it('is read to the end when its writer comes and goes', async () => {
      const dir = caseDir('fifo-writer');
      spawnSync('mkfifo', [join(dir, 'in.ue')]);
      const writer = spawn('sh', ['-c', 'sleep 0.3; printf "a u32 x\\nb u32  y\\n" > in.ue'], { cwd: dir, stdio: 'ignore' });
      const r = await cli(['in.ue', '--format', 'compact'], { cwd: dir, timeoutMs: 10_000 });
      writer.kill();
      expect(r.timedOut).to.equal(false);
      expect(r.code, r.stderr).to.equal(1);
      expect(r.stdout).to.match(/^in\.ue:2:\d+: error UE006 /m);
    });

    it('without a writer, SIGTERM still ends the run at once', async () => {
      const dir = caseDir('fifo-no-writer');
      spawnSync('mkfifo', [join(dir, 'in.ue')]);
      const r = await cli(['in.ue'], {
        cwd: dir,
        timeoutMs: 10_000,
        onSpawn: (pid) => { setTimeout(() => { try { process.kill(pid, 'SIGTERM'); } catch { /* already gone */ } }, 700); },
      });
      expect(r.timedOut, 'SIGKILLed after the timeout: SIGTERM was not handled').to.equal(false);
      expect(r.signal).to.equal('SIGTERM');
    });
  });

  describe('paths', () => {
    it('a missing path: exit 2, one line naming it (lint, layout, format)', async () => {
      const dir = caseDir('missing');
      expectOneLineFailure(await cli(['lint', 'nope.ue'], { cwd: dir }), 2, 'nope.ue', /no such file or directory/);
      expectOneLineFailure(await cli(['layout', '--file', 'nope.ue'], { cwd: dir }), 2, 'nope.ue', /no such file or directory/);
      expectOneLineFailure(await cli(['format', '--file', 'nope.ue'], { cwd: dir }), 2, 'nope.ue', /no such file or directory/);
    });

    it('a directory given as --file: exit 2, one line naming it (layout, format)', async () => {
      const dir = caseDir('dir-as-file');
      mkdirSync(join(dir, 'events.d'));
      for (const cmd of ['layout', 'format']) {
        expectOneLineFailure(await cli([cmd, '--file', 'events.d'], { cwd: dir }), 2, 'events.d', /is a directory/);
      }
    });
  });

  describe('the code cache', () => {
    // bin/ue-lint.cjs compiles each bundle with the V8 code cache the build recorded; a
    // cache that is missing, corrupt or from another Node version must only cost speed.
    // `lint` runs from the fast-path bundle, `layout` from the full CLI.
    for (const [label, cache] of [['missing', undefined], ['corrupt', Buffer.from('not a V8 code cache')]] as const) {
      it(`a ${label} cache: same output and exit code (fast path and full CLI)`, () => {
        const dir = caseDir(`cache-${label}`);
        mkdirSync(join(dir, 'bin'));
        mkdirSync(join(dir, 'dist'));
        copyFileSync(join(ROOT, 'bin', 'ue-lint.cjs'), join(dir, 'bin', 'ue-lint.cjs'));
        for (const f of bundleFiles().filter((f) => f.endsWith('.cjs'))) {
          copyFileSync(join(ROOT, 'dist', f), join(dir, 'dist', f));
          if (cache) writeFileSync(join(dir, 'dist', `${f}.cache`), cache);
        }
        writeFileSync(join(dir, 'a.ue'), 'e u32 a; char[4] b\nbad u32  x\nt\u00e9st u8 y\n');
        const env = { PATH: process.env.PATH ?? '' };
        for (const [args, status, marker] of [[['layout', 'e u32 a; char[4] b'], 0, 'payload offset'], [['lint', 'a.ue', '--format', 'compact'], 1, 'UE006']] as const) {
          const plain = spawnSync(process.execPath, [join(dir, 'bin', 'ue-lint.cjs'), ...args], { encoding: 'utf8', cwd: dir, env });
          const shipped = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: dir, env });
          expect(plain.status, plain.stderr).to.equal(status);
          expect(plain.stderr).to.equal('');
          expect(plain.stdout).to.equal(shipped.stdout);
          expect(plain.stdout).to.contain(marker);
        }
      });
    }
  });

  describe('permissions', () => {
    // Root bypasses read permission checks (CAP_DAC_OVERRIDE), so as root the CLI runs as
    // `nobody` for these cases; the snapshot and the case dir are world-readable for that.
    let asUser: { uid?: number; gid?: number } = {};
    let skipReason: string | undefined;

    before(function () {
      if (process.getuid?.() !== 0) return;
      const probe = spawnSync(process.execPath, ['-e', '0'], { uid: NOBODY, gid: NOBODY, cwd: work, env: { PATH: process.env.PATH ?? '' } });
      if (probe.error || probe.status !== 0) {
        skipReason = `running as root and cannot run a child as uid ${NOBODY}: ${probe.error?.message ?? `exit ${probe.status}`}`;
      } else asUser = { uid: NOBODY, gid: NOBODY };
    });

    it('a file without read permission: exit 2, one line naming it (lint, layout)', async function () {
      if (skipReason) { this.skip(); }
      const dir = caseDir('no-read');
      writeFileSync(join(dir, 'secret.ue'), 'wake u32 pid\n');
      chmodSync(join(dir, 'secret.ue'), 0o000);
      expectOneLineFailure(await cli(['lint', 'secret.ue'], { cwd: dir, ...asUser }), 2, 'secret.ue', /permission denied/);
      expectOneLineFailure(await cli(['layout', '--file', 'secret.ue'], { cwd: dir, ...asUser }), 2, 'secret.ue', /permission denied/);
    });

    it('a directory without read permission, searched for *.ue: exit 2, one line naming it', async function () {
      if (skipReason) { this.skip(); }
      const dir = caseDir('no-read-dir');
      mkdirSync(join(dir, 'locked'));
      writeFileSync(join(dir, 'locked', 'a.ue'), 'wake u32 pid\n');
      chmodSync(join(dir, 'locked'), 0o000);
      try {
        expectOneLineFailure(await cli(['lint', 'locked'], { cwd: dir, ...asUser }), 2, 'locked', /permission denied/);
      } finally {
        chmodSync(join(dir, 'locked'), 0o755);
      }
    });
  });

  describe('not a definition file: reported with the byte offset of the first bad byte', () => {
    const ascii = (n: number) => Buffer.from('wake u32 pid\n'.repeat(Math.ceil(n / 13)).slice(0, n));
    const cases: { name: string; bytes: () => Buffer; detail: RegExp }[] = [
      // ELF header: 7f 'E' 'L' 'F' 02 01 01 00 → the first bad byte is the NUL at 7.
      { name: 'elf.ue', bytes: () => Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0]), detail: /NUL byte at byte offset 7\)/ },
      // PNG header: 0x89 is not UTF-8 and comes before the NUL at 8.
      { name: 'png.ue', bytes: () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), detail: /invalid UTF-8 at byte offset 0\)/ },
      { name: 'nul.ue', bytes: () => Buffer.from('wake u32 pid\nfoo\0bar u32 x\n'), detail: /NUL byte at byte offset 16\)/ },
      { name: 'latin1.ue', bytes: () => Buffer.from('wake u32 pid\ncaf\xe9 u32 x\n', 'latin1'), detail: /invalid UTF-8 at byte offset 16\)/ },
      // Past the first 64 KiB read chunk: offsets count from the start of the file.
      { name: 'late-nul.ue', bytes: () => Buffer.concat([ascii(100_000), Buffer.from([0]), ascii(50)]), detail: /NUL byte at byte offset 100000\)/ },
      { name: 'late-ff.ue', bytes: () => Buffer.concat([ascii(70_001), Buffer.from([0xff]), ascii(50)]), detail: /invalid UTF-8 at byte offset 70001\)/ },
      // A surrogate encoded in UTF-8 (CESU-8 style) is invalid UTF-8 too.
      { name: 'surrogate.ue', bytes: () => Buffer.from([0x77, 0x20, 0xed, 0xa0, 0x80, 0x0a]), detail: /invalid UTF-8 at byte offset 2\)/ },
    ];
    for (const c of cases) {
      it(`${c.name}: exit 2, one line (lint and layout --file)`, async () => {
        const dir = caseDir(`bad-${c.name}`);
        writeFileSync(join(dir, c.name), c.bytes());
        for (const args of [['lint', c.name], ['layout', '--file', c.name]]) {
          const r = await cli(args, { cwd: dir });
          expectOneLineFailure(r, 2, c.name, /not a definition file/);
          expect(r.stderr).to.match(c.detail);
        }
      });
    }
  });

  describe('large input', () => {
    it('a 50 MB file: completes, exit 1 for its one bad line, reported at the right line', async function () {
      this.timeout(180_000);
      const dir = caseDir('big');
      const path = join(dir, 'big.ue');
      const badLine = 1_500_000;
      const lines = writeLines(path, (i) => (i + 1 === badLine ? 'bad u33 x' : `ev${i % 1000} u32 pid; char[16] comm`), { bytes: 50_000_000 });
      expect(lines).to.be.greaterThan(badLine);
      try {
        const r = await cli(['lint', 'big.ue', '--format', 'compact'], { cwd: dir, timeoutMs: 150_000 });
        expect(r.timedOut, 'timed out').to.equal(false);
        expectNoStackTrace(r);
        expect(r.stderr).to.equal('');
        expect(r.code).to.equal(1);
        expect(r.stdout.trimEnd().split('\n')).to.have.length(1);
        expect(r.stdout).to.match(new RegExp(`^big\\.ue:${badLine}:\\d+: error UE201 `));
      } finally {
        unlinkSync(path);
      }
    });

    it('a 1 MB single line: a clear UE001 diagnostic, exit 1, no hang', async () => {
      const dir = caseDir('long-line');
      writeFileSync(join(dir, 'line.ue'), `wake u32 pid; u32 a${'x'.repeat(1_000_000 - 20)}\n`);
      const compact = await cli(['lint', 'line.ue', '--format', 'compact'], { cwd: dir });
      expect(compact.timedOut, 'timed out').to.equal(false);
      expectNoStackTrace(compact);
      expect(compact.code).to.equal(1);
      expect(compact.stderr).to.equal('');
      expect(compact.stdout).to.match(/^line\.ue:1:512: error UE001 definition is 999999 bytes; the kernel accepts at most 511\n$/);
      // The default (code frame) format also ends, and says the same first.
      const stylish = await cli(['lint', 'line.ue'], { cwd: dir });
      expect(stylish.timedOut, 'timed out').to.equal(false);
      expectNoStackTrace(stylish);
      expect(stylish.code).to.equal(1);
      expect(stylish.stdout).to.match(/^error\[UE001\]: definition is 999999 bytes/);
    });

    it('a line over the 1 MiB line limit: not a definition file, exit 2, one line', async () => {
      const dir = caseDir('huge-line');
      // The newline lands in the same 64 KiB chunk that crosses the limit: still rejected.
      writeFileSync(join(dir, 'huge.ue'), `wake u32 pid\n# ${'x'.repeat(1 << 20)}\nwake u32 pid\n`);
      const r = await cli(['lint', 'huge.ue'], { cwd: dir });
      expectOneLineFailure(r, 2, 'huge.ue', /not a definition file \(line 2 is longer than 1048576 characters at byte offset 13\)/);
    });
  });

  describe('a file that changes or disappears while it is read', () => {
    const mutations: { name: string; mutate: (path: string) => void }[] = [
      { name: 'unlinked', mutate: (p) => unlinkSync(p) },
      { name: 'truncated to 100 bytes', mutate: (p) => { const fd = openSync(p, 'r+'); ftruncateSync(fd, 100); closeSync(fd); } },
      { name: 'overwritten with NUL bytes in place', mutate: (p) => { const fd = openSync(p, 'r+'); writeSync(fd, Buffer.alloc(1 << 20), 0, 1 << 20, 5_000_000); closeSync(fd); } },
    ];
    for (const m of mutations) {
      for (const delay of [0, 150, 400]) {
        it(`${m.name} ${delay} ms after spawn: a clean result or exit 2 with one line, never a crash or a hang`, async () => {
          const dir = caseDir(`moving-${m.name.replace(/\W+/g, '-')}-${delay}`);
          const path = join(dir, 'moving.ue');
          writeLines(path, (i) => `ev${i % 100} u32 pid; char[16] comm`, { bytes: 20_000_000 });
          const r = await cli(['lint', 'moving.ue', '--format', 'compact'], {
            cwd: dir,
            timeoutMs: 50_000,
            onSpawn: () => { setTimeout(() => m.mutate(path), delay); },
          });
          expect(r.timedOut, 'timed out').to.equal(false);
          expectNoStackTrace(r);
          if (r.code === 2) expectOneLineFailure(r, 2, 'moving.ue');
          else {
            expect(r.code, `stderr: ${r.stderr}`).to.be.oneOf([0, 1]);
            expect(r.stderr).to.equal('');
          }
        });
      }
    }
  });

  describe('output to a closed pipe', () => {
    for (const format of ['compact', 'stylish']) {
      it(`\`ue-lint lint big.ue --format ${format} | head -1\` exits quietly`, async function () {
        const dir = caseDir(`pipe-${format}`);
        writeLines(join(dir, 'big.ue'), () => 'wake u32 pid; char[16] comm  # c', { bytes: 3_000_000 });
        // pipefail off (the default); report ue-lint's own exit status instead of head's.
        const script = `"${process.execPath}" "${bin}" lint big.ue --format ${format} | head -1; exit "\${PIPESTATUS[0]}"`;
        const r = await runCommand('bash', ['-c', script], { cwd: dir, timeoutMs: 50_000 });
        expect(r.timedOut, 'timed out').to.equal(false);
        expectNoStackTrace(r);
        expect(r.stderr).to.equal('');
        expect(r.stdout.trimEnd().split('\n')).to.have.length(1);
        expect(r.code, 'ue-lint exit status').to.be.oneOf([0, 1]);
      });
    }
  });

  describe('--fix is atomic', () => {
    const ORIGINAL = 'wake u32 pid; char[16] comm  # c';
    const FIXED = 'wake u32 pid; char[16] comm# c';
    const FIX_BYTES = 8_000_000;

    /** A large fixable file, and the two contents that may be on disk afterwards. */
    function fixable(dir: string): { path: string; original: Buffer; fixed: Buffer } {
      const path = join(dir, 'fix.ue');
      const n = writeLines(path, () => ORIGINAL, { bytes: FIX_BYTES });
      return { path, original: readFileSync(path), fixed: Buffer.from(`${FIXED}\n`.repeat(n)) };
    }

    function expectOriginalOrFixed(path: string, original: Buffer, fixed: Buffer): 'original' | 'fixed' {
      const now = readFileSync(path);
      if (now.equals(original)) return 'original';
      if (now.equals(fixed)) return 'fixed';
      throw new Error(`${path} is neither the original nor the fixed file (${now.length} bytes; original ${original.length}, fixed ${fixed.length})`);
    }

    it('without interruption: the file is fixed, keeps its mode, and no temp file is left', async () => {
      const dir = caseDir('fix-plain');
      const { path, fixed } = fixable(dir);
      chmodSync(path, 0o640);
      const r = await cli(['lint', 'fix.ue', '--fix', '--format', 'compact'], { cwd: dir, timeoutMs: 50_000 });
      expect(r.timedOut).to.equal(false);
      expectNoStackTrace(r);
      expect(r.code).to.equal(0);
      expect(readFileSync(path).equals(fixed)).to.equal(true);
      expect(statSync(path).mode & 0o7777).to.equal(0o640);
      expect(tempFilesIn(dir)).to.deep.equal([]);
    });

    it('keeps an executable or setgid mode too', async () => {
      const dir = caseDir('fix-mode');
      const path = join(dir, 'm.ue');
      writeFileSync(path, `${ORIGINAL}\n`);
      chmodSync(path, 0o2751);
      const r = await cli(['lint', 'm.ue', '--fix'], { cwd: dir });
      expect(r.code).to.equal(0);
      expect(readFileSync(path, 'utf8')).to.equal(`${FIXED}\n`);
      expect(statSync(path).mode & 0o7777).to.equal(0o2751);
    });

    it('a file that needs no change keeps its mtime (clean, and with unfixable errors)', async () => {
      const dir = caseDir('fix-mtime');
      writeFileSync(join(dir, 'clean.ue'), 'wake u32 pid\n');
      writeFileSync(join(dir, 'broken.ue'), 'bad u33 x\n');
      const old = new Date('2001-02-03T04:05:06Z');
      for (const f of ['clean.ue', 'broken.ue']) utimesSync(join(dir, f), old, old);
      const r = await cli(['lint', 'clean.ue', 'broken.ue', '--fix', '--format', 'compact'], { cwd: dir });
      expect(r.code).to.equal(1);
      for (const f of ['clean.ue', 'broken.ue']) expect(statSync(join(dir, f)).mtimeMs, f).to.equal(old.getTime());
      expect(tempFilesIn(dir)).to.deep.equal([]);
    });

    // Signal once the temp file exists (mid-write), after a few different extra delays.
    for (const extra of [0, 10, 40, 100, 250]) {
      it(`SIGINT ${extra} ms into the write: original or fixed file, no temp file left`, async function () {
        this.timeout(120_000);
        const dir = caseDir(`fix-sigint-${extra}`);
        const { path, original, fixed } = fixable(dir);
        let sawTemp = false;
        const r = await cli(['lint', 'fix.ue', '--fix', '--format', 'compact'], {
          cwd: dir,
          timeoutMs: 100_000,
          onSpawn: (pid, done) => {
            void whenTempFileAppears(dir, done).then(async (seen) => {
              sawTemp = seen;
              if (!seen) return;
              await sleep(extra);
              try { process.kill(pid, 'SIGINT'); } catch { /* already gone */ }
            });
          },
        });
        expect(r.timedOut).to.equal(false);
        expectNoStackTrace(r);
        expect(r.stderr).to.equal('');
        expect(sawTemp, 'the fix was written through a temp file').to.equal(true);
        if (r.signal === null) expect(r.code).to.equal(0); // finished before the signal arrived
        else expect(r.signal).to.equal('SIGINT');
        expectOriginalOrFixed(path, original, fixed);
        expect(tempFilesIn(dir), 'temp files after SIGINT').to.deep.equal([]);
      });
    }

    // SIGKILL cannot be caught: a stale `.fix.ue.ue-lint-*.tmp` may remain, but never a broken target.
    for (const extra of [0, 5, 20, 60, 150, 400]) {
      it(`SIGKILL ${extra} ms into the write: the file is the original or the complete fixed one`, async function () {
        this.timeout(120_000);
        const dir = caseDir(`fix-sigkill-${extra}`);
        const { path, original, fixed } = fixable(dir);
        const r = await cli(['lint', 'fix.ue', '--fix', '--format', 'compact'], {
          cwd: dir,
          timeoutMs: 100_000,
          onSpawn: (pid, done) => {
            void whenTempFileAppears(dir, done).then(async (seen) => {
              if (!seen) return;
              await sleep(extra);
              try { process.kill(pid, 'SIGKILL'); } catch { /* already gone */ }
            });
          },
        });
        expect(r.timedOut).to.equal(false);
        expectNoStackTrace(r);
        expect(r.signal === 'SIGKILL' || r.code === 0, `exit ${r.code} ${r.signal}`).to.equal(true);
        expectOriginalOrFixed(path, original, fixed);
      });
    }
  });

  describe('configuration and options', () => {
    it('an invalid ue-lint.config.json: exit 2, one line with its path and the JSON error line:column', async () => {
      const dir = caseDir('bad-config');
      writeFileSync(join(dir, 'ue-lint.config.json'), '{\n  "abi": "linux",\n  "rules": { "UE104": "off", }\n}\n');
      writeFileSync(join(dir, 'a.ue'), 'wake u32 pid\n');
      const r = await cli(['lint', 'a.ue'], { cwd: dir });
      expectOneLineFailure(r, 2, join(dir, 'ue-lint.config.json'), /ue-lint\.config\.json:3:30: invalid JSON: Expected double-quoted property name$/);
    });

    it('an invalid --config file: exit 2, one line with its path and line:column', async () => {
      const dir = caseDir('bad-explicit-config');
      writeFileSync(join(dir, 'custom.json'), '{ "abi": linux }');
      writeFileSync(join(dir, 'a.ue'), 'wake u32 pid\n');
      const r = await cli(['lint', 'a.ue', '--config', 'custom.json'], { cwd: dir });
      expectOneLineFailure(r, 2, 'custom.json', /custom\.json:1:10: invalid JSON: Unexpected token 'l'$/);
    });

    const unknown: [string[], RegExp][] = [
      [['lint', 'a.ue', '--fixx'], /unknown option --fixx \(did you mean --fix\?\)/],
      [['lint', 'a.ue', '--formt', 'json'], /unknown option --formt \(did you mean --format\?\)/],
      [['--quite', 'a.ue'], /unknown option --quite \(did you mean --quiet\?\)/],
      [['layout', '--fil', 'a.ue'], /unknown option --fil \(did you mean --file\?\)/],
      [['format', '--file', 'a.ue', '--idd', '3'], /unknown option --idd \(did you mean --id\?\)/],
    ];
    for (const [args, message] of unknown) {
      it(`unknown option: \`ue-lint ${args.join(' ')}\` → exit 2, one line with a suggestion`, async () => {
        const dir = caseDir(`unknown-${args.join('-').replace(/\W+/g, '')}`);
        writeFileSync(join(dir, 'a.ue'), 'wake u32 pid\n');
        const r = await cli(args, { cwd: dir });
        expect(r.timedOut).to.equal(false);
        expectNoStackTrace(r);
        expect(r.code).to.equal(2);
        expect(r.stderr.replace(/\n$/, '').split('\n')).to.have.length(1);
        expect(r.stderr).to.match(message);
      });
    }
  });
});
