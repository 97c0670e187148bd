// Builds the initramfs (the harness compiled with the generated C encoders, and the cases) and
// boots it under QEMU (TCG, -no-reboot), resuming after a crash with the cases that remain.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newcArchive } from './cpio.js';
import { casesFile, groupReport, parseReport, type CaseReport, type KernelCase } from './protocol.js';

const HERE = dirname(fileURLToPath(import.meta.url));
export const REPO = resolve(HERE, '../..');
export const QEMU = 'qemu-system-x86_64';

/** Why the live-kernel check cannot run here, or undefined when it can. */
export function missingPrerequisite(): { kernel?: string; problem?: string } {
  const kernel = process.env.UE_LINT_KERNEL ?? resolve(REPO, '../shared/kernel/bzImage');
  if (process.env.UE_LINT_KERNEL === undefined && !existsSync(kernel)) {
    return { problem: `no kernel image: set UE_LINT_KERNEL to a bzImage with CONFIG_USER_EVENTS=y (see docs/kernel.md), or put one at ${kernel}` };
  }
  if (!existsSync(kernel)) return { problem: `no kernel image: UE_LINT_KERNEL=${kernel} does not exist` };
  for (const [cmd, hint] of [
    [QEMU, 'apt-get install -y qemu-system-x86'],
    ['gcc', 'apt-get install -y gcc'],
  ] as const) {
    if (spawnSync(cmd, ['--version'], { stdio: 'ignore' }).status !== 0) return { problem: `no ${cmd}: ${hint}` };
  }
  return { kernel };
}

/**
 * Compiles the harness with `payloadsC` (the generated dispatcher that includes the generated
 * header `eventsH`) into a static /init. Throws with gcc's message when it does not compile.
 */
export function buildInit(work: string, eventsH: string, payloadsC: string): Uint8Array {
  writeFileSync(join(work, 'events.h'), eventsH);
  writeFileSync(join(work, 'payloads.c'), payloadsC);
  const out = join(work, 'init');
  const r = spawnSync(
    'gcc',
    ['-static', '-O1', '-std=gnu11', '-Wall', '-Wextra', '-Werror', '-o', out, join(HERE, 'harness.c'), join(work, 'payloads.c')],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`gcc failed to build the harness:\n${r.stderr}`);
  return readFileSync(out);
}

export interface BootOptions {
  kernel: string;
  work: string;
  init: Uint8Array;
  /** Kill QEMU when the report channel stays silent this long. */
  idleMs?: number;
  /** Boot with init_on_alloc=1 (default): array-length attributes then read 0 (docs/kernel.md). */
  initOnAlloc?: boolean;
}

interface BootResult {
  reports: CaseReport[];
  finished: boolean;
  console: string;
  why?: string;
}

async function bootOnce(cases: readonly KernelCase[], opts: BootOptions, n: number): Promise<BootResult> {
  const tag = `${opts.initOnAlloc === false ? 'no-init-on-alloc-' : ''}${n}`;
  const initrd = join(opts.work, `initramfs-${tag}.cpio`);
  const data = join(opts.work, `report-${tag}.txt`);
  const consoleLog = join(opts.work, `console-${tag}.log`);
  writeFileSync(data, '');
  writeFileSync(
    initrd,
    newcArchive([
      { name: 'init', mode: 0o755, data: opts.init },
      { name: 'cases', data: casesFile(cases) },
      { name: 'dev', kind: 'dir' },
    ]),
  );
  const args = [
    '-accel', 'tcg', '-m', '512', '-smp', '1', '-display', 'none', '-monitor', 'none', '-no-reboot',
    '-kernel', opts.kernel, '-initrd', initrd,
    // init_on_alloc=1: the kernel never initialises array-length attributes (docs/kernel.md).
    '-append', `console=ttyS0 panic=-1 oops=panic quiet init_on_alloc=${opts.initOnAlloc === false ? 0 : 1}`,
    '-serial', `file:${consoleLog}`, '-serial', `file:${data}`,
  ];
  const child = spawn(QEMU, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  const idleMs = opts.idleMs ?? 60_000;
  let why: string | undefined;
  let lastSize = 0;
  let lastChange = Date.now();
  const timer = setInterval(() => {
    const size = statSync(data).size;
    if (size !== lastSize) {
      lastSize = size;
      lastChange = Date.now();
    } else if (Date.now() - lastChange > idleMs) {
      why = `no report for ${idleMs / 1000} s: QEMU killed`;
      child.kill('SIGKILL');
    }
  }, 250);
  const code = await new Promise<number | null>((res) => child.on('close', (c) => res(c)));
  clearInterval(timer);
  if (why === undefined && code !== 0) why = `QEMU exited with ${code}: ${stderr.trim().slice(0, 500)}`;
  const { cases: reports, end } = groupReport(parseReport(readFileSync(data)));
  const consoleText = existsSync(consoleLog) ? readFileSync(consoleLog, 'latin1') : '';
  return { reports, finished: end !== undefined, console: consoleText, why };
}

/**
 * Runs every case, booting again after a crash or a hang with the cases after the one that
 * was running (that case is reported with `crashed`). Throws when a boot makes no progress.
 */
export async function runCases(cases: readonly KernelCase[], opts: BootOptions): Promise<Map<number, CaseReport>> {
  const all = new Map<number, CaseReport>();
  let rest = cases;
  for (let boot = 0; rest.length > 0; boot++) {
    const r = await bootOnce(rest, opts, boot);
    for (const c of r.reports) all.set(c.id, c);
    if (r.finished) {
      if (r.reports.length !== rest.length) throw new Error(`boot ${boot}: the harness ran ${r.reports.length} of ${rest.length} cases`);
      break;
    }
    const last = r.reports[r.reports.length - 1];
    if (last === undefined) {
      throw new Error(`boot ${boot} ran no case (${r.why ?? 'the harness did not start'}); console:\n${r.console.slice(-2000)}`);
    }
    const tail = r.console.split('\n').slice(-15).join('\n');
    last.crashed = `${r.why ?? 'the machine stopped'} during this case; console tail:\n${tail}`;
    rest = rest.slice(rest.findIndex((c) => c.id === last.id) + 1);
  }
  return all;
}
