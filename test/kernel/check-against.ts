// `ue-lint check --against` on a live tracefs: the fixture set is registered at once, the
// harness copies events/user_events/<event>/format out, and the built CLI checks the fixture
// files against that copy (clean) and a drifted file (the findings listed in DRIFTED, and the
// same findings as against the format files ue-lint itself renders for the fixture set).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatFile, parseDefinition } from '../../src/index.js';
import { splitDefinitionLine } from '../../src/files/definition-file.js';
import { show } from './judge-definitions.js';
import type { CaseReport, KernelCase } from './protocol.js';

const FIXTURES = ['fixtures/examples/service.ue', 'fixtures/definitions/codegen/kinds.ue'];

/** A drifted service.ue: each line with the codes `check` must report on it. */
const DRIFTED: [line: string, codes: string[]][] = [
  ['u:http_request u16 method; u32 status; __rel_loc char[] path; u64 duration_ns', ['UE402', 'UE402', 'UE403']],
  ['u:http_error s32 errno_value; __data_loc char[] message', []],
  ['u:cache_lookup char[16] cache; u64 key; u8 hit; u8 extra', ['UE403']],
  ['u:gc_pause u64 start_ns; u32 duration_ns; u32 generation', ['UE402', 'UE402', 'UE403']],
  ['u:brand_new u32 x', ['UE401']],
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
  return { kase: { kind: 'set', id, definitions }, repo, definitions };
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

/**
 * `exactFormat`: the live format files must equal ue-lint's byte for byte (a boot with
 * init_on_alloc=1); without it, array lengths are whatever kmalloc left, and only the findings count.
 */
export async function judgeCheck(plan: CheckPlan, reports: Map<number, CaseReport>, work: string, exactFormat: boolean): Promise<string[]> {
  const label = exactFormat ? 'check --against' : 'check --against (booted without init_on_alloc)';
  const report = reports.get(plan.kase.id);
  if (!report || report.crashed) return [`${label}: ${report?.crashed ?? 'no report'}`];
  const failures: string[] = [];
  const fail = (what: string) => failures.push(`${label}: ${what}`);
  work = join(work, exactFormat ? 'check' : 'check-no-init-on-alloc');

  const regs = report.lines.filter((l) => l.tag === 'R');
  regs.forEach((l, i) => {
    if (l.args[0] !== '0') fail(`registering ${show(plan.definitions[i]!)} returned ${String(l.args[0])}`);
  });

  // The live tree as the harness copied it, and the tree ue-lint renders for the same events.
  const live = join(work, 'live/events/user_events');
  const model = join(work, 'model/events/user_events');
  const copied = new Map<string, Uint8Array>();
  for (const l of report.lines.filter((x) => x.tag === 'S')) {
    const name = Buffer.from(l.args[0] as Uint8Array).toString('utf8');
    copied.set(name, l.args[2] as Uint8Array);
    mkdirSync(join(live, name), { recursive: true });
    writeFileSync(join(live, name, 'format'), l.args[2] as Uint8Array);
  }
  for (const d of plan.definitions) {
    const r = parseDefinition(d, { abi: 'linux' });
    if (!r.ok) {
      fail(`fixture ${show(d)} does not parse (${r.errno})`);
      continue;
    }
    const got = copied.get(r.event.name);
    if (got === undefined) {
      fail(`event ${show(r.event.name)} is missing from the live events/user_events`);
      continue;
    }
    const id = /\nID: (\d+)\n/.exec(Buffer.from(got).toString('latin1'));
    const want = formatFile(r.event, { abi: 'linux', id: id ? Number(id[1]) : undefined });
    mkdirSync(join(model, r.event.name), { recursive: true });
    writeFileSync(join(model, r.event.name, 'format'), want);
    if (exactFormat && Buffer.from(got).toString('latin1') !== Buffer.from(want, 'utf8').toString('latin1')) {
      fail(`live format file of ${show(r.event.name)}:\n  kernel  ${show(got)}\n  ue-lint ${show(want)}`);
    }
  }
  if (copied.size !== plan.definitions.length) fail(`the live tree holds ${copied.size} events for ${plan.definitions.length} definitions`);

  // CLEAN: the fixture files against the live tree.
  const clean = runCheck(plan.repo, plan.repo, live, FIXTURES);
  if (clean.status !== 0 || clean.findings.length > 0) {
    fail(`the fixture files against the live tree: exit ${clean.status}, findings ${showFindings(clean.findings)} ${clean.stderr.trim()}`);
  }

  // DRIFTED: the expected codes per line, and the same findings as against ue-lint's own tree.
  mkdirSync(work, { recursive: true });
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
