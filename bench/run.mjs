#!/usr/bin/env node
// ue-lint benchmark suite (issue 6). `npm run bench` builds, then runs this.
// Measures the built library (dist/lib) and the shipped CLI (bin/ue-lint.cjs),
// prints a table and writes BENCHMARKS.md. These are benchmarks, not tests: a
// missed target is reported, never an exit code. Corpora come from a fixed seed
// (bench/corpus.mjs) and live in a temp dir that is deleted afterwards.
//
//   node bench/run.mjs                   full run, writes BENCHMARKS.md
//   node bench/run.mjs --quick           smoke run with small sizes (writes nothing unless --out)
//   node bench/run.mjs --only library,linearity
//   node bench/run.mjs --out FILE        write the report to FILE
//   node bench/run.mjs --keep-profile    keep the .cpuprofile (path is printed)

import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import module from 'node:module';
import os from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { PerformanceObserver } from 'node:perf_hooks';
import { DEFAULT_SEED, averageBytes, corpusHash, generateDefinitions, generateFileLines } from './corpus.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'ue-lint.cjs');
const DIST_CLI = join(ROOT, 'dist', 'cli.cjs');
const LIB = new URL('../dist/lib/index.js', import.meta.url);
const SECTIONS = ['library', 'cli', 'startup', 'memory', 'linearity', 'profile'];

const { values: opts } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    out: { type: 'string' },
    'keep-profile': { type: 'boolean', default: false },
    'profile-child': { type: 'boolean', default: false }, // internal: the --cpu-prof workload
    'library-child': { type: 'boolean', default: false }, // internal: one process of the section 1 parse timing
    rss: { type: 'string' }, // internal/debug: force the peak-RSS method, `time` or `self`
  },
});

// SIZES: the issue's figures; --quick shrinks the expensive ones for a smoke run.
const Q = opts.quick;
const SIZE = {
  libraryDefs: Q ? 10_000 : 100_000,
  libraryRuns: Q ? 5 : 9,
  libraryProcesses: Q ? 1 : 5,
  cliLines: Q ? 100_000 : 1_000_000,
  cliRuns: Q ? 3 : 5,
  startupPairs: Q ? 15 : 25,
  memSmall: 1_000_000,
  memBig: Q ? 5_000_000 : 50_000_000,
  memRuns: Q ? 2 : 3,
  linearitySizes: [1_000, 10_000, 100_000, 1_000_000],
  linearityBatches: Q ? 3 : 5,
  profilePasses: Q ? 2 : 4,
};

// ─── helpers ────────────────────────────────────────────────────────────────

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmtInt = (n) => Math.round(n).toLocaleString('en-US');
const fmtNum = (n, d = 2) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const fmtMs = (ms) => (ms >= 1000 ? `${fmtNum(ms / 1000, 2)} s` : `${fmtNum(ms, 1)} ms`);
const fmtMB = (kb) => `${fmtNum(kb / 1024, 1)} MiB`;
const log = (s = '') => process.stdout.write(`${s}\n`);

/** Write lines (no `\n` in them) to `path` in 1 MiB chunks until `maxLines` or `maxBytes`; never holds the file. */
function writeLines(path, lines, { maxBytes = Infinity } = {}) {
  const fd = openSync(path, 'w');
  let chunk = '';
  let bytes = 0;
  let count = 0;
  let definitions = 0;
  try {
    for (const line of lines) {
      const n = Buffer.byteLength(line) + 1;
      if (bytes + n > maxBytes) break;
      chunk += `${line}\n`;
      bytes += n;
      count++;
      if (line !== '' && !line.startsWith('#')) definitions++;
      if (chunk.length >= 1 << 20) { writeSync(fd, chunk); chunk = ''; }
    }
    if (chunk) writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
  return { path, bytes, lines: count, definitions };
}

// PEAK RSS: GNU time's %M is the child's ru_maxrss (KiB), taken by wait4 in the
// parent, so nothing is injected into the measured process. Without GNU time we
// preload a tiny --import hook that records the child's own
// process.resourceUsage().maxRSS at exit. process.resourceUsage() in *this*
// process does not help: it is RUSAGE_SELF and excludes children (checked: a
// child allocating 400 MB leaves the parent's maxRSS unchanged).
const RSS_HOOK = `data:text/javascript,${encodeURIComponent(
  "import{writeFileSync}from'node:fs';process.on('exit',()=>writeFileSync(process.env.UE_BENCH_RSS_OUT,String(process.resourceUsage().maxRSS)))",
)}`;

function detectRssMethod(tmp) {
  if (opts.rss === 'self') return 'self';
  const out = join(tmp, 'time-probe');
  const r = spawnSync('/usr/bin/time', ['-f', '%M', '-o', out, process.execPath, '-e', '0'], { stdio: 'ignore' });
  const ok = r.status === 0 && existsSync(out) && /^\d+\s*$/.test(readFileSync(out, 'utf8').trim().split('\n').pop());
  if (opts.rss === 'time' && !ok) throw new Error('--rss time: /usr/bin/time -f %M does not work here');
  return ok ? 'time' : 'self';
}

/**
 * Run `node <args>` once; returns wall time, peak RSS (KiB), exit status and
 * stderr. stdout goes to `stdoutPath` (a file, so a big report costs the
 * child what writing to a file costs, and never sits in this process).
 */
function runMeasured(ctx, args, opts) {
  return retryIfDistVanished(() => runMeasuredOnce(ctx, args, opts));
}

function runMeasuredOnce(ctx, args, { cwd, stdoutPath, env = process.env }) {
  const rssOut = join(ctx.tmp, `rss-${process.hrtime.bigint()}`);
  const outFd = stdoutPath ? openSync(stdoutPath, 'w') : 'ignore';
  let cmd;
  let argv;
  let childEnv = env;
  if (ctx.rssMethod === 'time') {
    cmd = '/usr/bin/time';
    argv = ['-f', '%M', '-o', rssOut, process.execPath, ...args];
  } else {
    cmd = process.execPath;
    argv = [`--import=${RSS_HOOK}`, ...args];
    childEnv = { ...env, UE_BENCH_RSS_OUT: rssOut };
  }
  const t0 = performance.now();
  const r = spawnSync(cmd, argv, { cwd, env: childEnv, stdio: ['ignore', outFd, 'pipe'], maxBuffer: 64 << 20 });
  const wallMs = performance.now() - t0;
  if (typeof outFd === 'number') closeSync(outFd);
  const rssText = existsSync(rssOut) ? readFileSync(rssOut, 'utf8').trim().split('\n').pop() : '';
  rmSync(rssOut, { force: true });
  // GNU time writes "Command exited with non-zero status 1" above %M for a non-zero exit.
  return { wallMs, rssKB: Number.parseInt(rssText, 10), status: r.status, stderr: r.stderr?.toString() ?? '', error: r.error };
}

/** A plain timed spawn (no RSS probe), for cold start. */
function runTimed(args, { cwd, env = process.env }) {
  return retryIfDistVanished(() => {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const ms = performance.now() - t0;
    return { ms, status: r.status, stderr: r.stderr.toString() };
  });
}

// A `npm run build` elsewhere in the same checkout deletes dist/ for a few
// seconds. Wait for it to come back and rerun, rather than report a failure.
function retryIfDistVanished(run) {
  for (let attempt = 0; ; attempt++) {
    const r = run();
    if (!(r.status !== 0 && /Cannot find module '[^']*dist\/cli\.mjs'/.test(r.stderr)) || attempt === 5) return r;
    log('  (dist/cli.cjs vanished mid-run, probably a concurrent build; waiting and retrying)');
    const until = Date.now() + 120_000;
    while (Date.now() < until && !existsSync(DIST_CLI)) spawnSync('sleep', ['1']);
    spawnSync('sleep', ['2']);
  }
}

/** ue-lint's exit codes: 0 clean, 1 errors found (expected with our corpora), 2 failure. */
function checkLintExit(r, what) {
  if (r.error) throw r.error;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${what}: exit ${r.status}\n${r.stderr}`);
  const stray = r.stderr.split('\n').filter((l) => l && !/^Command exited with non-zero status/.test(l) && !/^\d+$/.test(l));
  if (stray.length > 0) throw new Error(`${what}: unexpected stderr\n${stray.join('\n')}`);
}

const countNewlines = (path) => {
  const buf = readFileSync(path);
  let n = 0;
  for (let i = buf.indexOf(10); i >= 0; i = buf.indexOf(10, i + 1)) n++;
  return n;
};

// ─── sections ───────────────────────────────────────────────────────────────
// Each returns { title, figures: [{ name, value, target?, met? }], notes: [], tables: [markdown] }.

async function libraryWorkload(lib, corpus) {
  // WARM-UP: two passes per ABI so the JIT has settled before timing. Nothing is
  // kept: holding 150,000 results makes V8 pretenure the result allocation sites
  // (allocate them straight into the old generation), which slows every later
  // parse by about a third. That is a property of the caller, so the events for
  // formatFile are collected after the parse timing (collectAccepted).
  const stats = {};
  for (const abi of ['linux', 'v5']) {
    let ok = 0;
    let diags = 0;
    for (const d of corpus) {
      const r = lib.parseDefinition(d, { abi });
      diags += r.diagnostics.length;
      if (r.ok) ok++;
    }
    for (const d of corpus) lib.parseDefinition(d, { abi });
    stats[abi] = { ok, diags };
  }
  return { stats };
}

function collectAccepted(lib, corpus) {
  const accepted = { linux: [], v5: [] };
  for (const abi of ['linux', 'v5']) {
    for (const d of corpus) {
      const r = lib.parseDefinition(d, { abi });
      if (r.ok) accepted[abi].push(r.event);
    }
  }
  return accepted;
}

async function sectionLibrary(ctx) {
  const lib = await import(LIB);
  const n = SIZE.libraryDefs;
  const corpus = generateDefinitions(n, ctx.seed);
  const bytes = corpus.reduce((s, d) => s + Buffer.byteLength(d), 0);
  const avg = averageBytes(corpus);
  log(`  corpus: ${fmtInt(n)} definitions, ${fmtInt(bytes)} bytes, average ${fmtNum(avg, 1)} bytes, sha256 ${corpusHash(corpus).slice(0, 16)}…`);

  // PARSE: each process times rounds of linux then v5 (A B A B) and reports its
  // median pass per ABI; the figure is the median process. One process alone moved
  // by about ±5% from run to run on these machines (JIT and memory placement), more
  // than the passes within it, so one process's median was not a stable figure.
  const perProcess = [];
  for (let k = 0; k < SIZE.libraryProcesses; k++) {
    const args = [fileURLToPath(import.meta.url), '--library-child', ...(Q ? ['--quick'] : [])];
    const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (r.status !== 0) throw new Error(`library child failed: ${r.stderr}`);
    perProcess.push(JSON.parse(r.stdout));
  }
  const stats = perProcess[0].stats;
  const processMedian = (abi) => perProcess.map((p) => median(p.times[abi]));
  let sink = 0;
  await libraryWorkload(lib, corpus); // warm this process for the formatFile and stage timings below

  // FORMAT FILE: the tracefs `format` text of every accepted layout, same interleaving.
  const accepted = collectAccepted(lib, corpus);
  const fmtTimes = { linux: [], v5: [] };
  const fmtBytes = {};
  for (const abi of ['linux', 'v5']) {
    let out = 0;
    for (const ev of accepted[abi]) out += lib.formatFile(ev, { abi, id: 1 }).length;
    fmtBytes[abi] = out;
  }
  for (let run = 0; run < SIZE.libraryRuns; run++) {
    for (const abi of ['linux', 'v5']) {
      const evs = accepted[abi];
      const t0 = performance.now();
      for (let i = 0; i < evs.length; i++) sink += lib.formatFile(evs[i], { abi, id: i }).length;
      fmtTimes[abi].push(performance.now() - t0);
    }
  }
  // STAGES: what each step costs, to show what bounds the total. Two views:
  // the grammar (Chevrotain, step by step, against the hand-written ASCII scanner
  // that parseDefinition uses for ASCII text), and the pipeline, cumulatively.
  const { createDefinitionLexer } = await import(new URL('./grammar/tokens.js', LIB).href);
  const { createDefinitionParser } = await import(new URL('./grammar/parser.js', LIB).href);
  const { parse } = await import(new URL('./grammar/parse.js', LIB).href);
  const { scanAscii } = await import(new URL('./grammar/scan-ascii.js', LIB).href);
  const { toKernelBytes } = await import(new URL('./source/kernel-bytes.js', LIB).href);
  const { computeLayout } = await import(new URL('./layout/layout.js', LIB).href);
  const { parsePlainDefinition } = await import(new URL('./plain-definition.js', LIB).href);
  const plainSet = corpus.filter((d) => parsePlainDefinition(d) !== undefined);
  const stageLexer = createDefinitionLexer();
  const stageParser = createDefinitionParser();
  const ascii = corpus.filter((d) => toKernelBytes(d).ascii);
  const asciiAst = (d) => {
    const src = toKernelBytes(d);
    return src.ascii ? scanAscii(src) : parse(d).ast;
  };
  const ignore = () => {};
  const stageGroups = [
    {
      head: `| grammar step (linux, the ${fmtInt(ascii.length)} ASCII definitions) | median | defs/s | ns per definition |`,
      items: ascii,
      stages: [
        ['Chevrotain lexer (`tokenize`)', (d) => stageLexer.tokenize(d).tokens.length],
        ['Chevrotain lexer + parser (embedded actions)', (d) => { stageParser.input = stageLexer.tokenize(d).tokens; return stageParser.definition().pieces.length; }],
        ['Chevrotain lexer + parser + AST (`parse`)', (d) => parse(d).ast.pieces.length],
        ['hand-written ASCII scanner, same AST (`scanAscii`)', (d) => scanAscii(toKernelBytes(d)).pieces.length],
      ],
    },
    {
      head: `| full path step (cumulative, linux, all ${fmtInt(n)} definitions) | median | defs/s | ns per definition |`,
      items: corpus,
      stages: [
        ['kernel bytes (`toKernelBytes`)', (d) => (toKernelBytes(d).ascii ? 1 : 0)],
        ['+ AST (scanner for ASCII, Chevrotain for the rest)', (d) => asciiAst(d).pieces.length],
        ['+ layout and kernel checks (`computeLayout`)', (d) => computeLayout(asciiAst(d), lib.PROFILES.linux, ignore).fields.length],
        ['+ lint rules, diagnostics, result (`analyzeDefinition`)', (d) => lib.analyzeDefinition(d).result.diagnostics.length],
        ['`parseDefinition`: the plain path where it applies, else the full path', (d) => lib.parseDefinition(d).diagnostics.length],
      ],
    },
    {
      head: `| plain path (linux, the ${fmtInt(plainSet.length)} plain definitions, ${fmtNum((100 * plainSet.length) / n, 1)}%) | median | defs/s | ns per definition |`,
      items: plainSet,
      stages: [
        ['full path (`analyzeDefinition`)', (d) => lib.analyzeDefinition(d).result.diagnostics.length],
        ['plain path (`parsePlainDefinition`), same result', (d) => parsePlainDefinition(d).diagnostics.length],
      ],
    },
  ];
  const stageTables = [];
  for (const group of stageGroups) {
    const stageTimes = group.stages.map(() => []);
    for (let run = 0; run < SIZE.libraryRuns; run++) {
      group.stages.forEach(([, f], k) => {
        const t0 = performance.now();
        for (let i = 0; i < group.items.length; i++) sink += f(group.items[i]);
        stageTimes[k].push(performance.now() - t0);
      });
    }
    const stageRows = [group.head, '|---|---|---|---|'];
    group.stages.forEach(([label], k) => {
      const ms = median(stageTimes[k]);
      stageRows.push(`| ${label} | ${fmtMs(ms)} | ${fmtInt(group.items.length / (ms / 1000))} | ${fmtInt((ms * 1e6) / group.items.length)} |`);
    });
    stageTables.push(stageRows.join('\n'));
  }
  if (sink === -1) log('unreachable'); // keeps `sink` observable

  const figures = [];
  const rows = ['| ABI | accepted | diagnostics | median | defs/s | MB/s | defs/s of each process |', '|---|---|---|---|---|---|---|'];
  for (const abi of ['linux', 'v5']) {
    const medians = processMedian(abi);
    const ms = median(medians);
    const dps = n / (ms / 1000);
    const mbps = bytes / 1e6 / (ms / 1000);
    ctx.libraryPerDef ??= {};
    ctx.libraryPerDef[abi] = (ms * 1e6) / n;
    const spread = medians.map((m) => fmtInt(n / (m / 1000))).join(', ');
    rows.push(`| ${abi} | ${fmtNum((100 * stats[abi].ok) / n, 1)}% | ${fmtInt(stats[abi].diags)} | ${fmtMs(ms)} | ${fmtInt(dps)} | ${fmtNum(mbps, 2)} | ${spread} |`);
    figures.push(abi === 'linux'
      ? { name: 'parseDefinition, linux', value: `${fmtInt(dps)} defs/s (${fmtNum(mbps, 2)} MB/s)`, target: '≥ 1,000,000 defs/s', met: dps >= 1e6 }
      : { name: 'parseDefinition, v5', value: `${fmtInt(dps)} defs/s (${fmtNum(mbps, 2)} MB/s)` });
  }
  const fmtRows = ['| ABI | layouts | median | layouts/s | output MB/s |', '|---|---|---|---|---|'];
  for (const abi of ['linux', 'v5']) {
    const ms = median(fmtTimes[abi]);
    const count = accepted[abi].length;
    fmtRows.push(`| ${abi} | ${fmtInt(count)} | ${fmtMs(ms)} | ${fmtInt(count / (ms / 1000))} | ${fmtNum(fmtBytes[abi] / 1e6 / (ms / 1000), 1)} |`);
    figures.push({ name: `formatFile, ${abi}`, value: `${fmtInt(count / (ms / 1000))} layouts/s` });
  }
  return {
    title: '1. Library throughput',
    figures,
    notes: [
      `Corpus: ${fmtInt(n)} definitions (valid, invalid and spec §11 edge cases), ${fmtInt(bytes)} bytes, average **${fmtNum(avg, 1)} bytes**, seed \`0x${ctx.seed.toString(16)}\`, sha256 \`${corpusHash(corpus)}\`.`,
      `\`parseDefinition(text, { abi })\` per definition (grammar, layout, kernel checks and lint rules, diagnostics included), single thread. ${SIZE.libraryProcesses} fresh processes (\`bench/run.mjs --library-child\`), one after the other; each makes the corpus, runs two warm-up passes per ABI, then ${SIZE.libraryRuns} timed passes per ABI interleaved linux, v5, linux, v5, …, and reports its median pass. The figure is the median of the processes; the last column lists each process's figure, to show the spread between runs. MB = 10^6 bytes of UTF-8 input.`,
      '`formatFile(event, { abi, id })` over every layout that ABI accepted, timed the same way; output MB/s counts UTF-16 characters of the produced text.',
    ],
    tables: [rows.join('\n'), fmtRows.join('\n'), ...stageTables],
  };
}

async function sectionLinearity(ctx) {
  const lib = await import(LIB);
  // Shapes that would expose quadratic scans: many fields, runs of `;`, runs of
  // spaces before and inside a field, one long name. All are far over 511 bytes,
  // so the kernel rejects them; the point is that rejecting stays linear.
  const shapes = {
    'many fields (`big u32 f0;u32 f1;…`)': (len) => {
      let s = 'big ';
      for (let i = 0; s.length < len; i++) s += `u32 f${i};`;
      return s.slice(0, len);
    },
    'run of `;` (`big u32 a;;;…`)': (len) => 'big u32 a'.padEnd(len, ';'),
    'run of spaces after the name': (len) => `big${' '.repeat(len - 8)}u32 a`,
    'run of spaces inside a field (`u32     a`)': (len) => `big u32${' '.repeat(len - 9)}a`,
    'long event name': (len) => 'e'.repeat(len),
  };
  const sizes = SIZE.linearitySizes;
  // GC time, from perf_hooks 'gc' entries, so a row can be read with and without it.
  let gcMs = 0;
  const obs = new PerformanceObserver((list) => { for (const e of list.getEntries()) gcMs += e.duration; });
  obs.observe({ entryTypes: ['gc'] });
  const flushGc = () => new Promise((resolve) => setTimeout(resolve, 0));
  const header = `| shape | ${sizes.map((s) => `${fmtInt(s)} B`).join(' | ')} | 1 MB / 1 KB |`;
  const rows = [header, `|---|${sizes.map(() => '---').join('|')}|---|`];
  const figures = [];
  let worst = 0;
  let worstNoGc = 0;
  // WARM-UP: every shape at 1 KB first, so the first cell does not pay for the JIT.
  for (const make of Object.values(shapes)) for (let i = 0; i < 300; i++) lib.parseDefinition(make(1000));
  for (const [label, make] of Object.entries(shapes)) {
    const nsPerByte = [];
    const nsPerByteNoGc = [];
    for (const size of sizes) {
      const input = make(size);
      const bytes = Buffer.byteLength(input);
      // Warm up and size the batch so each batch lasts ≥ 20 ms.
      let t0 = performance.now();
      lib.parseDefinition(input);
      lib.parseDefinition(input);
      const est = Math.max((performance.now() - t0) / 2, 0.001);
      const reps = Math.max(1, Math.ceil(20 / est));
      const per = [];
      const perNoGc = [];
      for (let b = 0; b < SIZE.linearityBatches; b++) {
        await flushGc();
        const gc0 = gcMs;
        t0 = performance.now();
        for (let r = 0; r < reps; r++) lib.parseDefinition(input);
        const ms = performance.now() - t0;
        await flushGc();
        per.push(ms / reps);
        perNoGc.push(Math.max(0, ms - (gcMs - gc0)) / reps);
      }
      nsPerByte.push((median(per) * 1e6) / bytes);
      nsPerByteNoGc.push((median(perNoGc) * 1e6) / bytes);
    }
    obs.takeRecords();
    const growth = nsPerByte.at(-1) / nsPerByte[0];
    const growthNoGc = nsPerByteNoGc.at(-1) / nsPerByteNoGc[0];
    worst = Math.max(worst, growth);
    worstNoGc = Math.max(worstNoGc, growthNoGc);
    rows.push(`| ${label} | ${nsPerByte.map((x, i) => `${fmtNum(x, 1)} (${fmtNum(nsPerByteNoGc[i], 1)})`).join(' | ')} | ${fmtNum(growth, 2)}× (${fmtNum(growthNoGc, 2)}×) |`);
    log(`  ${label}: ${nsPerByte.map((x, i) => `${fmtNum(x, 1)} (${fmtNum(nsPerByteNoGc[i], 1)})`).join(' / ')} ns/byte (without GC)`);
  }
  obs.disconnect();
  // Linear vs quadratic is told apart without GC noise: quadratic code would grow ~1000×.
  // Pass mark ≤ 10×: two orders of magnitude below quadratic, above cache effects
  // (a 1 MB string does not stay in L2; small inputs carry fixed per-call cost).
  figures.push({ name: 'parse time per byte, 1 MB vs 1 KB (worst shape), GC time excluded', value: `${fmtNum(worstNoGc, 2)}×`, target: 'linear: ≤ 10× (quadratic ≈ 1000×)', met: worstNoGc <= 10 });
  figures.push({ name: 'the same, GC time included', value: `${fmtNum(worst, 2)}×` });
  return {
    title: '5. Parse time linearity',
    figures,
    notes: [
      `\`parseDefinition\` on one definition of each size (bytes of UTF-8), in ns per input byte, and in brackets the same without the time V8 spent in garbage collection during the batch (perf_hooks \`gc\` entries): median of ${SIZE.linearityBatches} batches, each batch repeated to last at least 20 ms. Linear code keeps a row flat (small inputs carry fixed per-call cost, so they may read *higher*); quadratic code would grow about 10× per column. Worst growth with GC time excluded: ${fmtNum(worstNoGc, 2)}×.`,
    ],
    tables: [rows.join('\n')],
  };
}

const lintArgs = (bin, file) => [bin, 'lint', '--format', 'compact', '--quiet', file];

async function sectionCli(ctx) {
  const file = writeLines(join(ctx.tmp, `lines-${SIZE.cliLines}.ue`), generateFileLines(SIZE.cliLines, ctx.seed));
  const lines = file.lines;
  log(`  file: ${fmtInt(lines)} lines (${fmtInt(file.definitions)} definitions), ${fmtNum(file.bytes / 1e6, 1)} MB`);
  const stdoutPath = join(ctx.tmp, 'lint-out.txt');
  const args = lintArgs(BIN, file.path);
  // Warm-up run: page cache and disk, not measured.
  checkLintExit(runMeasured(ctx, args, { cwd: ctx.tmp, stdoutPath }), 'lint warm-up');
  const runs = [];
  for (let i = 0; i < SIZE.cliRuns; i++) {
    const r = runMeasured(ctx, args, { cwd: ctx.tmp, stdoutPath });
    checkLintExit(r, 'lint');
    runs.push(r);
  }
  const reported = countNewlines(stdoutPath);
  const wall = median(runs.map((r) => r.wallMs));
  const peak = Math.max(...runs.map((r) => r.rssKB));
  const lps = lines / (wall / 1000);
  // Not a target: the same file with warnings printed too (no --quiet), for comparison.
  const loudArgs = args.filter((a) => a !== '--quiet');
  const loud = [];
  for (let i = 0; i < Math.max(2, SIZE.cliRuns - 2); i++) {
    const r = runMeasured(ctx, loudArgs, { cwd: ctx.tmp, stdoutPath });
    checkLintExit(r, 'lint (no --quiet)');
    loud.push(r);
  }
  const loudReported = countNewlines(stdoutPath);
  const loudWall = median(loud.map((r) => r.wallMs));
  return {
    title: '2. CLI lint throughput',
    figures: [
      { name: `ue-lint lint, ${fmtInt(lines)} lines`, value: `${fmtInt(lps)} lines/s (wall ${fmtMs(wall)})`, target: '≥ 300,000 lines/s', met: lps >= 300_000 },
      { name: 'ue-lint lint, peak RSS', value: fmtMB(peak), target: '< 150 MiB', met: peak < 150 * 1024 },
      { name: 'ue-lint lint without --quiet (warnings printed too)', value: `${fmtInt(lines / (loudWall / 1000))} lines/s (wall ${fmtMs(loudWall)}), peak RSS ${fmtMB(Math.max(...loud.map((r) => r.rssKB)))}` },
    ],
    notes: [
      `Command: \`node bin/ue-lint.cjs lint --format compact --quiet <file>\`, run from an empty temp dir (no config file), stdout to a file. File: ${fmtInt(lines)} lines (${fmtInt(file.definitions)} definitions, the rest comments and blank lines), ${fmtInt(file.bytes)} bytes; ${fmtInt(reported)} errors reported, exit code ${runs[0].status} (1 = errors found, as expected for this corpus).`,
      `One warm-up run, then ${SIZE.cliRuns} runs: wall time is the median (${runs.map((r) => fmtNum(r.wallMs / 1000, 2)).join(', ')} s), peak RSS the largest (${runs.map((r) => fmtNum(r.rssKB / 1024, 1)).join(', ')} MiB). Lines/s counts every line of the file.`,
      `For comparison (not a target), the same command without \`--quiet\`, which also prints the warnings (${fmtInt(loudReported)} lines of output): ${loud.length} runs after the ones above, median wall ${fmtMs(loudWall)}. With \`--quiet\`, warnings are counted (for \`--max-warnings\`) but never built.`,
    ],
    tables: [],
  };
}

function detectCompileCache(tmp) {
  const dir = join(tmp, 'compile-cache-probe');
  const api = typeof module.enableCompileCache === 'function';
  runTimed([BIN, 'lint', '--help'], { cwd: tmp, env: { ...process.env, NODE_COMPILE_CACHE: dir } });
  const wrote = existsSync(dir) && readdirSync(dir, { recursive: true }).length > 0;
  return { api, wrote, supported: api || wrote };
}

async function sectionStartup(ctx) {
  const file = writeLines(join(ctx.tmp, 'ten.ue'), generateFileLines(10, ctx.seed), {});
  const cache = detectCompileCache(ctx.tmp);
  const cacheDir = join(ctx.tmp, 'compile-cache');
  const variants = [
    { id: 'node', label: '`node -e 0`', args: ['-e', '0'] },
    { id: 'bin', label: '`node bin/ue-lint.cjs lint` (shipped entry)', args: lintArgs(BIN, file.path), lint: true },
    { id: 'dist', label: '`node dist/cli.cjs lint` (the full CLI bundle, no code cache)', args: lintArgs(DIST_CLI, file.path), lint: true },
  ];
  if (cache.supported) {
    variants.push({ id: 'cache', label: '`node bin/ue-lint.cjs lint`, NODE_COMPILE_CACHE warm', args: lintArgs(BIN, file.path), lint: true, env: { ...process.env, NODE_COMPILE_CACHE: cacheDir } });
  }
  const times = Object.fromEntries(variants.map((v) => [v.id, []]));
  // WARM-UP: 3 rounds (page cache; fills the compile cache when there is one).
  for (let round = -3; round < SIZE.startupPairs; round++) {
    for (const v of variants) {
      const r = runTimed(v.args, { cwd: ctx.tmp, env: v.env });
      if (v.lint) checkLintExit(r, v.label);
      if (round >= 0) times[v.id].push(r.ms);
    }
  }
  const base = median(times.node);
  const rows = ['| command | median | ratio to `node -e 0` | runs (min–max ms) |', '|---|---|---|---|'];
  const figures = [];
  for (const v of variants) {
    const m = median(times[v.id]);
    const ratio = m / base;
    rows.push(`| ${v.label} | ${fmtMs(m)} | ${fmtNum(ratio, 2)}× | ${times[v.id].length} (${fmtNum(Math.min(...times[v.id]), 1)}–${fmtNum(Math.max(...times[v.id]), 1)}) |`);
    if (v.id === 'bin') figures.push({ name: 'cold start, ue-lint lint on 10 lines', value: `${fmtNum(ratio, 2)}× node -e 0 (${fmtMs(m)} vs ${fmtMs(base)})`, target: '≤ 1.3×', met: ratio <= 1.3 });
    if (v.id === 'dist') figures.push({ name: 'cold start, node dist/cli.cjs (no code cache)', value: `${fmtNum(ratio, 2)}× node -e 0 (${fmtMs(m)})` });
    if (v.id === 'cache') figures.push({ name: 'cold start with NODE_COMPILE_CACHE', value: `${fmtNum(ratio, 2)}× node -e 0 (${fmtMs(m)})` });
  }
  const cacheNote = cache.supported
    ? `Node ${process.version} supports the compile cache (\`module.enableCompileCache\`: ${cache.api ? 'yes' : 'no'}, \`NODE_COMPILE_CACHE\` wrote files: ${cache.wrote ? 'yes' : 'no'}); the cached row runs with a warm cache dir.`
    : `Node ${process.version} has no compile cache: \`module.enableCompileCache\` is absent and \`NODE_COMPILE_CACHE\` wrote nothing (it arrived in Node 22.1), so there is no row for it. The shipped entry carries its own V8 code caches instead (\`dist/cli-fast.cjs.cache\` and \`dist/cli.cjs.cache\`, loaded through \`vm.Script\`); the row for the full bundle without a cache shows what the fast path and the caches save together.`;
  if (!cache.supported) figures.push({ name: 'cold start with NODE_COMPILE_CACHE', value: `not supported by Node ${process.version}` });
  return {
    title: '3. CLI cold start',
    figures,
    notes: [
      `Each command spawned with \`spawnSync\` from an empty temp dir; the lint commands check a 10-line file (\`--format compact --quiet\`). Rounds run the commands in turn (${variants.map((v) => v.id).join(', ')}, repeat), ${SIZE.startupPairs} measured rounds after 3 warm-up rounds; figures are medians, ratios are ratios of medians.`,
      cacheNote,
    ],
    tables: [rows.join('\n')],
  };
}

// Event names drawn from a bounded pool for the flatness figure: the cross-file
// EADDRINUSE check must remember one entry per distinct event name, so a file of
// unique names grows with its name count, not its byte count. A kernel holds at most
// 32,768 user events; 4,096 names is a large project. The all-unique worst case is
// measured too and reported without a target.
const MEM_NAME_POOL = 4096;

async function sectionMemory(ctx) {
  const pooled = { namePool: MEM_NAME_POOL };
  const small = writeLines(join(ctx.tmp, 'mem-small.ue'), generateFileLines(Infinity, ctx.seed, pooled), { maxBytes: SIZE.memSmall });
  const big = writeLines(join(ctx.tmp, 'mem-big.ue'), generateFileLines(Infinity, ctx.seed, pooled), { maxBytes: SIZE.memBig });
  const unique = writeLines(join(ctx.tmp, 'mem-unique.ue'), generateFileLines(Infinity, ctx.seed), { maxBytes: SIZE.memBig });
  const tiny = writeLines(join(ctx.tmp, 'mem-tiny.ue'), generateFileLines(10, ctx.seed));
  const stdoutPath = join(ctx.tmp, 'mem-out.txt');
  const res = { tiny: [], small: [], big: [], unique: [] };
  const files = [['tiny', tiny], ['small', small], ['big', big], ['unique', unique]];
  checkLintExit(runMeasured(ctx, lintArgs(BIN, small.path), { cwd: ctx.tmp, stdoutPath }), 'lint warm-up');
  for (let i = 0; i < SIZE.memRuns; i++) {
    for (const [k, f] of files) {
      if (k === 'unique' && i > 0) continue; // one run: a worst-case figure, not a target
      const r = runMeasured(ctx, lintArgs(BIN, f.path), { cwd: ctx.tmp, stdoutPath });
      checkLintExit(r, `lint ${k}`);
      res[k].push(r);
    }
  }
  const peak = (k) => Math.max(...res[k].map((r) => r.rssKB));
  const wall = (k) => median(res[k].map((r) => r.wallMs));
  const ratio = peak('big') / peak('small');
  const label = { tiny: null, small: `${MEM_NAME_POOL} event names`, big: `${MEM_NAME_POOL} event names`, unique: 'every event name distinct' };
  const rows = ['| file | lines | peak RSS | wall (median) | lines/s |', '|---|---|---|---|---|'];
  for (const [k, f] of files) {
    const size = k === 'tiny' ? `${fmtInt(f.bytes)} bytes (baseline)` : `${fmtNum(f.bytes / 1e6, 1)} MB, ${label[k]}`;
    rows.push(`| ${size} | ${fmtInt(f.lines)} | ${fmtMB(peak(k))} | ${fmtMs(wall(k))} | ${k === 'tiny' ? '—' : fmtInt(f.lines / (wall(k) / 1000))} |`);
  }
  return {
    title: '4. Memory flatness',
    figures: [
      { name: `peak RSS, ${fmtNum(big.bytes / 1e6, 0)} MB vs ${fmtNum(small.bytes / 1e6, 0)} MB file (${MEM_NAME_POOL} event names)`, value: `${fmtNum(ratio, 2)}× (${fmtMB(peak('big'))} vs ${fmtMB(peak('small'))})`, target: '≤ 1.2×', met: ratio <= 1.2 },
      { name: `peak RSS, ${fmtNum(unique.bytes / 1e6, 0)} MB file, every event name distinct (${fmtInt(unique.lines)} lines)`, value: fmtMB(peak('unique')) },
      { name: `wall time, ${fmtNum(small.bytes / 1e6, 0)} MB / ${fmtNum(big.bytes / 1e6, 0)} MB file`, value: `${fmtMs(wall('small'))} / ${fmtMs(wall('big'))}` },
    ],
    notes: [
      `Same corpus generator as section 2, with event names drawn from a pool of ${MEM_NAME_POOL} fixed definitions, cut at ${fmtInt(SIZE.memSmall)} and ${fmtInt(SIZE.memBig)} bytes, plus a 10-line file for the baseline (startup alone); \`node bin/ue-lint.cjs lint --format compact --quiet <file>\`; ${SIZE.memRuns} runs each, interleaved; peak RSS is the largest of the runs, wall the median.`,
      'The input is streamed and every report format is printed as it goes; what grows with the input is the cross-file EADDRINUSE registry, about 50 bytes per distinct event name (no line text). The all-distinct file is the worst case; no kernel can hold that many events (`kernel.user_events_max` defaults to 32,768).',
    ],
    tables: [rows.join('\n')],
  };
}

// What bounds each missed target, from the measurements above and from experiments
// recorded here so the next person does not repeat them. Kept beside the generator so
// BENCHMARKS.md stays generated.
const LIMITS = [
  '## What limits the figures',
  '',
  '- **Library throughput.** Section 1 gives the figure and each process\'s: one process alone moves by about ±5% from run to run on these machines, so the median of five is the figure to read. Two fast paths, each held to its reference by a differential property test, carry most of it. For ASCII text, a hand-written scanner builds the same AST as the Chevrotain grammar about seven times faster (grammar table). A *plain* linux definition (about 80% of this corpus: a word event name, fixed, `char[N]`, `__data_loc`/`__rel_loc` or `struct` fields with unique identifier names, `;` with at most one space, any length) is judged in one forward pass without an AST (`src/plain-definition.ts`). Its byte loops are written out because V8 stopped inlining helpers into it, word bytes come from a table, and fixed types are classified by char codes and use the constant spelling. A type the kernel rejects (`long`, `u32[4]`, `char[0]`, `char[2000]`: the commonest mistakes) may stand in a plain piece: layout\'s own `typeSize` judges it there, so both paths report type problems with one piece of code. What is left is mostly the other 20%: definitions with other errors or warnings first try the plain path (about 0.35 µs wasted when it fails late, as it does for a bad last field) and then take the full path at about 1.7 µs (AST about 0.5, layout 0.4, rules 0.5, their diagnostics 0.2); the 1.8% that are not ASCII go through Chevrotain at about 3 µs. The corpus strings are built with template literals, so V8 holds them as cons strings, and every character read goes through one more indirection: the same corpus as flat strings runs about 10% faster. We keep the corpus as generated, since lines split from a file are sliced strings, which cost the same. The plain path is linux only (v5 parses flags and scans brackets differently), hence the lower v5 figure. Also applied: diagnostics merged by position instead of concatenated and sorted; a hash table for duplicate names above 16 fields; the name rules skip definitions whose names are all identifiers; `showText` returns text that needs no escape after one native scan; the non-ASCII byte table is a plain array (a typed array allocated an off-heap store per call). A caller that keeps about 100,000 results makes V8 pretenure the result allocation sites and later parses run about a third slower; section 1 collects the events for formatFile after timing parseDefinition for that reason.',
  '- **CLI throughput and peak RSS on 1M lines.** Per line, the library does most of the work; the rest is splitting lines, the UE304 registry and printing. Every event name in that corpus is distinct, so the registry holds about 760,000 names (the accepted definitions). It keeps no line text: a name\'s UTF-8 bytes in an arena, 28 bytes of typed-array columns and a slot in an open-addressing table whose hash sits beside the entry, so a miss touches one cache line; a name\'s first line is read back from the file (by byte offset) only when the name comes back (1.35 GiB for Map entries holding slices of 64 KiB chunks, then 330 MiB with flat copies, now about 35 MiB). Lines come in batches of one 16 KiB synchronous read each (one await per batch, not per line; the event loop still turns every 1 MiB for timers and Ctrl-C), reports are written in 8 KiB pieces, and with `--quiet` warnings are counted but never built (most lines of this corpus carry one or two UE112 warnings).',
  '- **Cold start.** `bin/ue-lint.cjs` (CommonJS: an `.mjs` entry starts the ESM loader, 2.5 ms) first loads `dist/cli-fast.cjs`, 144 KB: the library, the lint command and the reporters, without yargs, the other commands or Chevrotain (which `dist/cli-grammar.cjs` brings in on the first non-ASCII definition). It parses a plain lint command line itself (a differential test against yargs guards that) and loads the full CLI only for anything else. Each bundle is compiled from a V8 code cache recorded by the build in a training run (Node 20 has no compile cache for ES modules). Removed from every run: yargs\' package.json search up the directory tree (a readdir per level), node:assert (yargs\' checks now compare inline and load it only to throw), the `Intl.Segmenter` and Unicode-property regexes that three copies of string-width build at load (now on first use, which only `--help` reaches), and node:crypto, node:child_process and node:v8 until a command needs them. What remains is Node itself, reading and deserialising the bundle, and the lint.',
  '- **Memory flatness.** The input and every report format are streamed. What grew with the input was V8\'s young generation, which doubles up to 16 MiB semi-spaces as objects survive collections, plus the old-generation garbage of long-lived batches and output buffers. A lint now caps the young generation at 8 MiB semi-spaces (`src/cli/young-generation.ts`: `--max-semi-space-size` is read only at start-up, but the growth factor is read at every growth, so the CLI sets it to 1 once the cap is reached; measured no slower), reads 16 KiB at a time and flushes output every 8 KiB. A test checks that the Node in use still knows and honours that flag.',
  '- **Linearity.** The issue asks for linear growth shown by a benchmark; the pass mark (GC-excluded growth ≤ 10×, against about 1000× for quadratic code) is ours. Quadratic code would grow about 1000× from 1 KB to 1 MB; the figure with GC time included grows with the heap, not with an algorithm.',
];

// One process of the section 1 parse timing: JSON { stats, times: { linux, v5 } } on stdout.
async function libraryChild() {
  const lib = await import(LIB);
  const n = SIZE.libraryDefs;
  const corpus = generateDefinitions(n, DEFAULT_SEED);
  const { stats } = await libraryWorkload(lib, corpus);
  const times = { linux: [], v5: [] };
  let sink = 0;
  for (let run = 0; run < SIZE.libraryRuns; run++) {
    for (const abi of ['linux', 'v5']) {
      const t0 = performance.now();
      for (let i = 0; i < n; i++) sink += lib.parseDefinition(corpus[i], { abi }).diagnostics.length;
      times[abi].push(performance.now() - t0);
    }
  }
  process.stdout.write(`${JSON.stringify({ stats, times, sink: sink > 0 })}\n`);
}

// PROFILE: the library workload under `node --cpu-prof`, then self time per function.
async function profileChild() {
  const lib = await import(LIB);
  const corpus = generateDefinitions(SIZE.libraryDefs, DEFAULT_SEED);
  await libraryWorkload(lib, corpus);
  let sink = 0;
  for (let p = 0; p < SIZE.profilePasses; p++) {
    for (const abi of ['linux', 'v5']) for (const d of corpus) sink += lib.parseDefinition(d, { abi }).diagnostics.length;
  }
  const accepted = collectAccepted(lib, corpus);
  for (let p = 0; p < SIZE.profilePasses; p++) {
    for (const abi of ['linux', 'v5']) for (const ev of accepted[abi]) sink += lib.formatFile(ev, { abi }).length;
  }
  process.stdout.write(`${sink}\n`);
}

/** Which stage of `text → AST → layout → lint → diagnostics` a sample belongs to. */
function stageOf(functionName, { path }) {
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (path === '(native)') return 'other native code (builtins, regex, strings)';
  if (path.startsWith('chevrotain/') || path.startsWith('lodash-es/') || path.startsWith('dist/lib/grammar/') || path.startsWith('dist/lib/source/')) return 'grammar: ASCII scanner, Chevrotain for the rest, AST';
  if (path === 'dist/lib/plain-definition.js') return 'plain path (no AST): every linux definition tries it first';
  if (path.startsWith('dist/lib/layout/')) return 'layout';
  if (path.startsWith('dist/lib/lint/')) return 'lint rules';
  if (path.startsWith('dist/lib/diagnostics/')) return 'diagnostics (catalog, messages)';
  if (path === 'dist/lib/definition.js') return 'parseDefinition glue (definition.js)';
  if (path.startsWith('dist/lib/tracefs/')) return 'formatFile (tracefs render)';
  if (path === 'dist/lib/index.js') return 'public API wrappers (index.js)';
  if (path.startsWith('node:')) return 'Node internals (module loading, startup)';
  if (path.startsWith('bench/')) return 'benchmark loop (bench/run.mjs)';
  return `other: ${path}`;
}

function summariseProfile(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // `{ path, group }`: path relative to the repo (node_modules/ trimmed), group = package or file.
  const where = (cf) => {
    if (!cf.url) return { path: '(native)', group: '(native: GC, builtins)' };
    const abs = cf.url.startsWith('file://') ? fileURLToPath(cf.url) : cf.url;
    const rel = relative(ROOT, abs);
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(rel);
    if (m) return { path: `${m[1]}/${m[2]}`, group: m[1] };
    const path = rel.startsWith('..') ? abs : rel;
    return { path, group: path };
  };
  // Exclude samples taken while the corpus generator (bench/) was on the stack.
  const underBench = new Map();
  const isBench = (id) => {
    if (underBench.has(id)) return underBench.get(id);
    const n = byId.get(id);
    const v = (n.callFrame.url ?? '').endsWith('/bench/corpus.mjs') || (parent.has(id) && isBench(parent.get(id)));
    underBench.set(id, v);
    return v;
  };
  const self = new Map();
  const files = new Map();
  const stages = new Map();
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    const dt = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000; // µs → ms
    const cf = byId.get(id).callFrame;
    if (cf.functionName === '(idle)' || cf.functionName === '(program)' || cf.functionName === '(root)' || isBench(id)) continue;
    total += dt;
    const at = where(cf);
    const key = `${cf.functionName || '(anonymous)'}\u0000${at.path}${cf.url ? `:${cf.lineNumber + 1}` : ''}`;
    self.set(key, (self.get(key) ?? 0) + dt);
    files.set(at.group, (files.get(at.group) ?? 0) + dt);
    const stage = stageOf(cf.functionName, at);
    stages.set(stage, (stages.get(stage) ?? 0) + dt);
  }
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 15);
  const topFiles = [...files].sort((a, b) => b[1] - a[1]).slice(0, 10);
  return { total, top, topFiles, stages: [...stages].sort((a, b) => b[1] - a[1]) };
}

async function sectionProfile(ctx) {
  const dir = ctx.keepProfile ? mkdtempSync(join(os.tmpdir(), 'ue-lint-bench-profile-')) : join(ctx.tmp, 'profile');
  const args = ['--cpu-prof', `--cpu-prof-dir=${dir}`, fileURLToPath(import.meta.url), '--profile-child', ...(Q ? ['--quick'] : [])];
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) throw new Error(`profile child failed: ${r.stderr}`);
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  const { total, top, topFiles, stages } = summariseProfile(JSON.parse(readFileSync(join(dir, file), 'utf8')));
  const pct = (ms) => `${fmtNum((100 * ms) / total, 1)}%`;
  const rows = ['| self time | function | where |', '|---|---|---|'];
  for (const [key, ms] of top) {
    const [fn, at] = key.split('\u0000');
    rows.push(`| ${pct(ms)} | \`${fn}\` | ${at} |`);
  }
  const fileRows = ['| self time | file or package |', '|---|---|'];
  for (const [f, ms] of topFiles) fileRows.push(`| ${pct(ms)} | ${f} |`);
  const stageRows = ['| self time | stage |', '|---|---|'];
  for (const [st, ms] of stages) stageRows.push(`| ${pct(ms)} | ${st} |`);
  const gc = top.filter(([k]) => k.startsWith('(garbage collector)')).reduce((s, [, ms]) => s + ms, 0);
  log(`  top: ${top.slice(0, 5).map(([k, ms]) => `${k.split('\u0000')[0]} ${pct(ms)}`).join(', ')}`);
  if (ctx.keepProfile) log(`  profile kept: ${join(dir, file)}`);
  return {
    title: 'Where the time goes',
    figures: [{ name: 'profile: top self time', value: top.slice(0, 3).map(([k, ms]) => `${k.split('\u0000')[0]} ${pct(ms)}`).join(', ') }],
    notes: [
      `\`node --cpu-prof bench/run.mjs --profile-child\`: the section 1 workload (${fmtInt(SIZE.libraryDefs)} definitions; warm-up, then ${SIZE.profilePasses} passes of parseDefinition linux + v5, then as many of formatFile linux + v5). Self time per function over ${fmtMs(total)} of samples, excluding idle time and the corpus generator. Garbage collection: ${pct(gc)}. V8 inlines small functions into their callers, so a caller's self time (e.g. \`analyzeDefinition\`, \`scanPiece\`) includes its inlined helpers. Lines are in the built \`dist/lib\` files (tsc output, so names match \`src/\`). The profile was written to a temp dir${ctx.keepProfile ? ` and kept at \`${join(dir, file)}\`` : ' and deleted; rerun with `--only profile --keep-profile` to keep it'}.`,
    ],
    tables: [stageRows.join('\n'), rows.join('\n'), fileRows.join('\n')],
  };
}

// ─── main ───────────────────────────────────────────────────────────────────

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model?.trim() ?? 'unknown',
    cores: cpus.length,
    memory: `${fmtNum(os.totalmem() / 2 ** 30, 1)} GiB`,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    load: os.loadavg().map((x) => fmtNum(x, 2)).join(', '),
  };
}

function invocation() {
  const own = process.argv.slice(2).join(' ');
  const direct = `node bench/run.mjs${own ? ` ${own}` : ''}`;
  // Markdown: the command as typed, and what npm ran for it.
  return process.env.npm_lifecycle_event === 'bench'
    ? `\`npm run bench${own ? ` -- ${own}` : ''}\` (= \`node scripts/build.mjs && ${direct}\`)`
    : `\`${direct}\``;
}

function renderMarkdown(ctx, results) {
  const m = machine();
  const summary = results.flatMap((r) => r.figures.filter((f) => f.target).map((f) => `| ${f.name} | ${f.target} | ${f.value} | ${f.met ? 'yes' : '**no**'} |`));
  const out = [
    '# ue-lint benchmarks',
    '',
    '<!-- generated by bench/run.mjs; rerun `npm run bench` instead of editing -->',
    '',
    `Measured ${new Date().toISOString()} with ${ctx.command}${Q ? ' (quick sizes: a smoke run, not the reference figures)' : ''}.`,
    '',
    '| machine | |',
    '|---|---|',
    `| CPU | ${m.cpu} |`,
    `| cores | ${m.cores} |`,
    `| memory | ${m.memory} |`,
    `| Node | ${m.node} |`,
    `| OS | ${m.os} |`,
    `| load average at start (1, 5, 15 min) | ${ctx.loadAtStart} |`,
    '',
    '## Targets',
    '',
    '| figure | target | measured | met |',
    '|---|---|---|---|',
    ...summary,
    '',
  ];
  for (const r of results) {
    out.push(`## ${r.title}`, '');
    for (const t of r.tables) out.push(t, '');
    for (const n of r.notes) out.push(`- ${n}`);
    out.push('');
  }
  out.push(...LIMITS, '');
  out.push('## Method', '', `- Peak RSS: ${ctx.rssNote}`, `- Corpora are generated from seed \`0x${ctx.seed.toString(16)}\` by \`bench/corpus.mjs\` (mulberry32) into \`${join(os.tmpdir(), 'ue-lint-bench-*')}\` and deleted afterwards.`, '- Medians everywhere; side-by-side figures are interleaved in the same run. No timing is asserted in the test suite.', '');
  return out.join('\n');
}

function printTable(results) {
  const rows = results.flatMap((r) => r.figures.map((f) => [f.name, f.value, f.target ?? '', f.target ? (f.met ? 'met' : 'MISSED') : '']));
  const w = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length), 6));
  log();
  for (const r of rows) log(`${r[0].padEnd(w[0])}  ${r[1].padEnd(w[1])}  ${r[2].padEnd(w[2])}  ${r[3]}`);
}

async function main() {
  if (opts['profile-child']) return profileChild();
  if (opts['library-child']) return libraryChild();
  if (!existsSync(DIST_CLI) || !existsSync(fileURLToPath(LIB))) {
    process.stderr.write('bench: dist/ is missing; run `npm run build` (or `npm run bench`, which builds first)\n');
    return 2;
  }
  const only = opts.only ? opts.only.split(',').map((s) => s.trim()) : SECTIONS;
  const unknown = only.filter((s) => !SECTIONS.includes(s));
  if (unknown.length) {
    process.stderr.write(`bench: unknown section ${unknown.join(', ')}; sections: ${SECTIONS.join(', ')}\n`);
    return 2;
  }
  const tmp = mkdtempSync(join(os.tmpdir(), 'ue-lint-bench-'));
  const cleanup = () => rmSync(tmp, { recursive: true, force: true });
  process.once('SIGINT', () => { cleanup(); process.exit(130); });
  const ctx = { tmp, seed: DEFAULT_SEED, command: invocation(), keepProfile: opts['keep-profile'] };
  try {
    ctx.rssMethod = detectRssMethod(tmp);
    ctx.rssNote = ctx.rssMethod === 'time'
      ? '`/usr/bin/time -f %M -o <file> node …` (GNU time: the child\'s `ru_maxrss` from `wait4`, in KiB; nothing is injected into the measured process).'
      : 'GNU time not available: the child is started with a tiny `--import` hook that writes its own `process.resourceUsage().maxRSS` at exit. (`process.resourceUsage()` in the parent is RUSAGE_SELF and does not include children.)';
    const m = machine();
    ctx.loadAtStart = m.load;
    log(`ue-lint bench${Q ? ' (quick)' : ''}: ${m.cpu}, ${m.cores} cores, ${m.memory}, Node ${m.node}`);
    const run = { library: sectionLibrary, linearity: sectionLinearity, cli: sectionCli, startup: sectionStartup, memory: sectionMemory, profile: sectionProfile };
    const results = [];
    for (const id of SECTIONS.filter((s) => only.includes(s))) {
      log(`\n${id}…`);
      const t0 = performance.now();
      results.push(await run[id](ctx));
      log(`  (${fmtMs(performance.now() - t0)})`);
    }
    printTable(results);
    const full = !Q && !opts.only;
    const out = opts.out ?? (full ? join(ROOT, 'BENCHMARKS.md') : undefined);
    if (out) {
      writeFileSync(out, renderMarkdown(ctx, results));
      log(`\nwrote ${relative(process.cwd(), out) || out}`);
    } else {
      log('\n(partial or quick run: BENCHMARKS.md not written; pass --out FILE to write one)');
    }
  } finally {
    cleanup();
  }
  return 0;
}

process.exitCode = await main();
