// What ue-lint predicts for a `reg` case, and whether the kernel's report agrees:
// - the registration's errno (or success), from parseDefinition;
// - registering the same string again: reregistrationMatches (false → EADDRINUSE);
// - the format file, byte for byte, from formatFile with the kernel's ID;
// - the `dynamic_events` line, from dynamicEventsLine.
import { dynamicEventsLine, formatFile, parseDefinition, reregistrationMatches, type EventLayout } from '../../src/index.js';
import { modelErrnoName } from '../conformance/kernel-model.js';
import type { CaseReport, ReportLine } from './protocol.js';

const enc = new TextEncoder();
const latin1 = (b: Uint8Array): string => Buffer.from(b).toString('latin1');

/** Shows bytes as a JSON string of their UTF-8 text (invalid bytes as U+FFFD). */
export function show(b: Uint8Array | string): string {
  return JSON.stringify(typeof b === 'string' ? b : new TextDecoder().decode(b));
}

export function errnoOf(ret: number): string {
  return ret === 0 ? 'ok' : ret > 0 ? `returned ${ret}` : modelErrnoName(ret);
}

/** A format file tracefs cannot reach by path: names `""`, `.`, `..` and names holding `/` (docs/kernel.md). */
export function unreachableName(name: string): boolean {
  return name === '' || name === '.' || name === '..' || name.includes('/');
}

/** e.g. `line 7 differs: kernel "…" / ue-lint "…"`. */
export function firstDifference(kernel: Uint8Array, lint: Uint8Array): string {
  const a = new TextDecoder().decode(kernel).split('\n');
  const b = new TextDecoder().decode(lint).split('\n');
  const i = a.findIndex((l, k) => l !== b[k]);
  const at = i < 0 ? a.length : i;
  return `line ${at + 1} differs: kernel ${JSON.stringify(a[at] ?? '(end)')} / ue-lint ${JSON.stringify(b[at] ?? '(end)')}`;
}

function line(report: CaseReport, tag: string): ReportLine | undefined {
  return report.lines.find((l) => l.tag === tag);
}

function num(l: ReportLine | undefined, i: number): number {
  const v = l?.args[i];
  if (typeof v !== 'string') throw new Error(`report line ${l?.tag} lacks field ${i}`);
  return Number(v);
}

function blob(l: ReportLine | undefined, i: number): Uint8Array {
  const v = l?.args[i];
  if (!(v instanceof Uint8Array)) throw new Error(`report line ${l?.tag} lacks blob ${i}`);
  return v;
}

/** Every way the kernel's answers differ from ue-lint's, as `what: kernel … / ue-lint …` lines; empty when they agree. */
export function judgeDefinition(definition: string, report: CaseReport): string[] {
  if (report.crashed) return [`the machine crashed: ${report.crashed}`];
  const problems: string[] = [];
  const lint = parseDefinition(definition, { abi: 'linux' });
  const kernel = errnoOf(num(line(report, 'R'), 0));
  const predicted = lint.ok ? 'ok' : lint.errno;
  if (kernel !== predicted) {
    problems.push(`registration: kernel ${kernel} / ue-lint ${predicted}`);
    return problems;
  }
  if (!lint.ok) return problems;
  const event = lint.event;

  const again = errnoOf(num(line(report, 'A'), 0));
  const againPredicted = reregistrationMatches(definition, event) ? 'ok' : 'EADDRINUSE';
  if (again !== againPredicted) problems.push(`registering the same string again: kernel ${again} / ue-lint ${againPredicted}`);

  const f = line(report, 'F');
  const openErrno = num(f, 0);
  if (unreachableName(event.name)) {
    if (openErrno === 0) problems.push(`format file of ${show(event.name)}: kernel reachable / ue-lint expects it unreachable`);
  } else if (openErrno !== 0) {
    problems.push(`format file: kernel cannot open it (${modelErrnoName(-openErrno)}) / ue-lint expects it readable`);
  } else {
    const got = blob(f, 1);
    const id = /\nID: (\d+)\n/.exec(latin1(got));
    const want = enc.encode(formatFile(event, { abi: 'linux', id: id ? Number(id[1]) : undefined }));
    if (latin1(got) !== latin1(want)) problems.push(`format file, ${firstDifference(got, want)}:\n  kernel  ${show(got)}\n  ue-lint ${show(want)}`);
  }

  const l = line(report, 'L');
  const listed = blob(l, 1);
  const listedWant = enc.encode(`${dynamicEventsLine(event, { abi: 'linux' })}\n`);
  if (latin1(listed) !== latin1(listedWant)) problems.push(`dynamic_events:\n  kernel  ${show(listed)}\n  ue-lint ${show(listedWant)}`);

  const z = line(report, 'Z');
  if (z?.args[1] === 'stuck') problems.push('the event was still registered 3 s after unregistering (harness teardown failed)');
  return problems;
}

/** The name the kernel looks up: the C string's bytes before the first space, and before its first `:`. */
function headName(definition: string): string {
  const s = definition.split('\u0000')[0]!;
  const space = s.indexOf(' ');
  const head = space < 0 ? s : s.slice(0, space);
  const colon = head.indexOf(':');
  return colon < 0 ? head : head.slice(0, colon);
}

/**
 * What registering `second` answers while `first` exists, from ue-lint's parts in the kernel's
 * order (spec §2.9): the 511-byte limit and flags text first (UE001, UE002), then the lookup by
 * name with the textual match (`reregistrationMatches`), and only for a new name the parse.
 */
export function predictSecond(first: EventLayout, second: string): string {
  const r = parseDefinition(second, { abi: 'linux' });
  if (!r.ok && r.diagnostics.some((d) => d.code === 'UE001' || d.code === 'UE002')) return r.errno;
  if (headName(second) === first.name) return reregistrationMatches(second, first) ? 'ok' : 'EADDRINUSE';
  return r.ok ? 'ok' : r.errno;
}

/** A `pair` case: the first registration as judgeDefinition's, then the second against predictSecond. */
export function judgePair(first: string, second: string, report: CaseReport): string[] {
  if (report.crashed) return [`the machine crashed: ${report.crashed}`];
  const lint = parseDefinition(first, { abi: 'linux' });
  const kernel = errnoOf(num(line(report, 'R'), 0));
  const predicted = lint.ok ? 'ok' : lint.errno;
  if (kernel !== predicted) return [`first registration: kernel ${kernel} / ue-lint ${predicted}`];
  if (!lint.ok) return [];
  const again = errnoOf(num(line(report, 'A'), 0));
  const againPredicted = predictSecond(lint.event, second);
  return again === againPredicted ? [] : [`second registration: kernel ${again} / ue-lint ${againPredicted}`];
}
