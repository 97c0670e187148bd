// `ue-lint check --against` on a live tracefs. The fixture set is registered at once, plus a few
// multi-format registrations (USER_EVENT_REG_MULTI_FORMAT: `<name>.<hex id>` events under
// user_events_multi, spec §4.3). The harness copies every events/<system>/<event>/format out,
// and the built CLI checks files against that copy: the fixture files come out clean (against
// events/user_events and against events/), a drifted file gets the findings listed in DRIFTED,
// the same as against the format files ue-lint renders itself for the same events.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatFile, parseDefinition } from '../../src/index.js';
import { splitDefinitionLine } from '../../src/files/definition-file.js';
import { show } from './judge-definitions.js';
import type { CaseReport, KernelCase } from './protocol.js';

const FIXTURES = ['fixtures/examples/service.ue', 'fixtures/definitions/codegen/kinds.ue'];

/** Registered with USER_EVENT_REG_MULTI_FORMAT: a second layout of a fixture's name, and two layouts of a new one. */
const MULTI_FORMAT = ['gc_pause u64 start_ns; u32 duration_ns; u32 generation', 'mf_only u32 a', 'mf_only u32 a; u32 b'];
/** A file whose events are all registered as multi-format variants: clean against events/. */
const MULTI_FILE = ['u:mf_only u32 a', 'u:mf_only u32 a; u32 b'];

/** A drifted service.ue: each line with the codes `check --against events/` must report on it. */
const DRIFTED: [line: string, codes: string[]][] = [
  ['u:http_request u16 method; u32 status; __rel_loc char[] path; u64 duration_ns', ['UE402', 'UE402', 'UE403']],
  ['u:http_error s32 errno_value; __data_loc char[] message', []],
  ['u:cache_lookup char[16] cache; u64 key; u8 hit; u8 extra', ['UE403']],
  // The single-format gc_pause is the baseline, though a multi-format variant has these fields.
  ['u:gc_pause u64 start_ns; u32 duration_ns; u32 generation', ['UE402', 'UE402', 'UE403']],
  ['u:brand_new u32 x', ['UE401']],
  // Multi-format: a new layout is a new event, never EADDRINUSE; `b` resized against the newest variant.
  ['u:mf_only u32 a; u64 b', ['UE402']],
];

export interface CheckPlan {
  kase: KernelCase;
  repo: string;
  definitions: string[];
}

export function planCheck(repo: string, id: number): CheckPlan {
  const definitions: string[] = [];
  for (const f of FIXTURES) {
    for (const raw of readFileSync(join(repo, f), 'utf8').split('\n')) {
      const line = splitDefinitionLine(raw);
      if (line.kind === 'definition') definitions.push(line.definition);
    }
  }
  return { kase: { kind: 'set', id, definitions, multiFormat: MULTI_FORMAT }, repo, definitions };
}

interface Finding {
  code: string;
  line: number;
  message: string;
}

function runCheck(repo: string, cwd: string, target: string, files: string[]): { status: number | null; findings: Finding[]; stderr: string } {
  const r = spawnSync(process.execPath, [join(repo, 'bin/ue-lint.cjs'), 'check', '--against', target, '--format', 'json', ...files], { cwd, encoding: 'utf8' });
  let findings: Finding[] = [];
  try {
    const json = JSON.parse(r.stdout) as { diagnostics: { code: string; range: { start: { line: number } }; message: string }[] };
    findings = json.diagnostics.map((d) => ({ code: d.code, line: d.range.start.line, message: d.message }));
  } catch {
    findings = [{ code: 'unparsable output', line: 0, message: r.stdout.slice(0, 500) }];
  }
  return { status: r.status, findings, stderr: r.stderr };
}

const showFindings = (f: Finding[]): string => (f.length === 0 ? '(none)' : f.map((x) => `${x.line}:${x.code} ${x.message}`).join('; '));
const latin1 = (b: Uint8Array | string): string => Buffer.from(b as Uint8Array).toString('latin1');

/**
 * `exactFormat`: the live format files must equal ue-lint's byte for byte (a boot with
 * init_on_alloc=1); without it, array lengths are whatever kmalloc left, and only the findings count.
 */
export async function judgeCheck(plan: CheckPlan, reports: Map<number, CaseReport>, work: string, exactFormat: boolean): Promise<string[]> {
  const label = exactFormat ? 'check --against' : 'check --against (booted without init_on_alloc)';
  const report = reports.get(plan.kase.id);
  if (!report || report.crashed) return [`${label}: ${report?.crashed ?? 'no report'}`];
  const failures: string[] = [];
  const fail = (what: string): void => {
    failures.push(`${label}: ${what}`);
  };
  work = join(work, exactFormat ? 'check' : 'check-no-init-on-alloc');

  const registered = [...plan.definitions, ...MULTI_FORMAT];
  report.lines
    .filter((l) => l.tag === 'R')
    .forEach((l, i) => {
      if (l.args[0] !== '0') fail(`registering ${show(registered[i]!)} returned ${String(l.args[0])}`);
    });

  // The live tree as the harness copied it (events/<system>/<event>/format), and the tree
  // ue-lint renders for the same events and IDs.
  const live = join(work, 'live/events');
  const model = join(work, 'model/events');
  const copied = new Map<string, Uint8Array>();
  for (const l of report.lines.filter((x) => x.tag === 'S')) {
    const [system, name] = [l.args[0] as Uint8Array, l.args[1] as Uint8Array].map((b) => Buffer.from(b).toString('utf8'));
    copied.set(`${system}/${name}`, l.args[3] as Uint8Array);
    mkdirSync(join(live, system!, name!), { recursive: true });
    writeFileSync(join(live, system!, name!, 'format'), l.args[3] as Uint8Array);
  }
  const expectFile = (path: string, definition: string, tpName: string): void => {
    const r = parseDefinition(definition, { abi: 'linux' });
    if (!r.ok) return fail(`${show(definition)} does not parse (${r.errno})`);
    const got = copied.get(path);
    if (got === undefined) return fail(`${path} is missing from the live events/ tree`);
    const id = /\nID: (\d+)\n/.exec(latin1(got));
    const want = formatFile({ ...r.event, name: tpName }, { abi: 'linux', id: id ? Number(id[1]) : undefined });
    mkdirSync(join(model, path), { recursive: true });
    writeFileSync(join(model, path, 'format'), want);
    if (exactFormat && latin1(got) !== latin1(Buffer.from(want, 'utf8'))) fail(`live ${path}/format:\n  kernel  ${show(got)}\n  ue-lint ${show(want)}`);
  };
  for (const d of plan.definitions) {
    const r = parseDefinition(d, { abi: 'linux' });
    if (r.ok) expectFile(`user_events/${r.event.name}`, d, r.event.name);
    else fail(`fixture ${show(d)} does not parse (${r.errno})`);
  }
  // Multi-format: `<name>.<hex id>` (spec §4.3), one event per layout, ids in registration order.
  const multi = [...copied.keys()].filter((k) => k.startsWith('user_events_multi/')).sort((a, b) => multiId(a) - multiId(b));
  if (multi.length !== MULTI_FORMAT.length) fail(`user_events_multi holds ${multi.length} events for ${MULTI_FORMAT.length} registrations: ${multi.join(', ')}`);
  MULTI_FORMAT.forEach((d, i) => {
    const path = multi[i];
    const base = d.slice(0, d.indexOf(' '));
    if (path !== undefined && new RegExp(`^user_events_multi/${base}\\.[0-9a-f]+$`).test(path)) expectFile(path, d, path.slice('user_events_multi/'.length));
    else fail(`multi-format ${show(d)}: no user_events_multi/${base}.<hex id>, found ${path}`);
  });
  if (copied.size !== plan.definitions.length + MULTI_FORMAT.length) fail(`the live tree holds ${copied.size} events for ${registered.length} registrations`);

  // CLEAN: the fixture files against events/user_events and against events/; the multi-format file against events/.
  mkdirSync(work, { recursive: true });
  writeFileSync(join(work, 'multi.ue'), MULTI_FILE.map((l) => `${l}\n`).join(''));
  for (const [target, cwd, files] of [
    [join(live, 'user_events'), plan.repo, FIXTURES],
    [live, plan.repo, FIXTURES],
    [live, work, ['multi.ue']],
  ] as const) {
    const clean = runCheck(plan.repo, cwd, target, [...files]);
    if (clean.status !== 0 || clean.findings.length > 0) {
      fail(`${files.join(' ')} against ${target}: exit ${clean.status}, findings ${showFindings(clean.findings)} ${clean.stderr.trim()}`);
    }
  }

  // DRIFTED: the expected codes per line, and the same findings as against ue-lint's own tree.
  writeFileSync(join(work, 'drifted.ue'), DRIFTED.map(([l]) => `${l}\n`).join(''));
  const drifted = runCheck(plan.repo, work, live, ['drifted.ue']);
  const against = runCheck(plan.repo, work, model, ['drifted.ue']);
  if (drifted.status !== 1) fail(`drifted.ue against the live tree: exit ${drifted.status}, expected 1 ${drifted.stderr.trim()}`);
  DRIFTED.forEach(([text, codes], i) => {
    const got = drifted.findings.filter((f) => f.line === i + 1).map((f) => f.code).sort();
    if (got.join() !== [...codes].sort().join()) fail(`drifted.ue:${i + 1} ${show(text)}: findings [${got.join(', ')}], expected [${codes.join(', ')}]`);
  });
  if (showFindings(drifted.findings) !== showFindings(against.findings)) {
    fail(`drifted.ue: against the live tree ${showFindings(drifted.findings)}\n  against ue-lint's format files ${showFindings(against.findings)}`);
  }
  return failures;
}

/** `user_events_multi/mf_only.1f` → 31. */
function multiId(path: string): number {
  return parseInt(path.slice(path.lastIndexOf('.') + 1), 16);
}
