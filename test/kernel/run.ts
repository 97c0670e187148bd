// `npm run test:kernel`: ue-lint against a real Linux 6.12 kernel under QEMU (docs/kernel.md).
//
// One boot runs every case: the seeded definitions and the fixture definitions (registration
// errno, re-registration, format file, dynamic_events), the payload events (TypeScript and C
// encoders, refused payloads, records read back from the ring buffer), and the fixture set for
// `check --against`. The last line is `kernel: <n> definitions, <n> agree; <m> payloads, <m> agree`.
// Exit 0 when everything agrees, 1 on any disagreement (each printed with both answers), 2 when
// the check cannot run here (no kernel image, no QEMU, no gcc).
//
// Environment: UE_LINT_KERNEL (bzImage path), UE_LINT_KERNEL_RUNS (generated definitions,
// default 2000), UE_LINT_KERNEL_PAYLOADS (payload events, default 200), UE_LINT_KERNEL_SEED,
// UE_LINT_KERNEL_KEEP=1 (keep the work directory).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildInit, missingPrerequisite, REPO, runCases } from './machine.js';
import type { KernelCase } from './protocol.js';

const DEFAULT_RUNS = 2000;
const RUNS = Number(process.env.UE_LINT_KERNEL_RUNS ?? DEFAULT_RUNS);
const PAIRS = Number(process.env.UE_LINT_KERNEL_PAIRS ?? 400);
const PAYLOAD_EVENTS = Number(process.env.UE_LINT_KERNEL_PAYLOADS ?? 200);
const SEED = Number(process.env.UE_LINT_KERNEL_SEED ?? 20260516);

async function main(): Promise<number> {
  const pre = missingPrerequisite();
  if (pre.problem !== undefined) {
    console.log(`kernel: cannot run the live-kernel check: ${pre.problem}`);
    return 2;
  }
  // Loaded only now, so that a machine that cannot run the check says so at once.
  const { coverage, fixtureDefinitions, realFixtures, sampleDefinitions, samplePairs } = await import('./definitions.js');
  const { judgeDefinition, judgePair, show } = await import('./judge-definitions.js');
  const { buildPayloadPlan, judgePayloads } = await import('./payloads.js');
  const { judgeCheck, planCheck } = await import('./check-against.js');
  const started = Date.now();
  const work = mkdtempSync(join(tmpdir(), 'ue-lint-kernel-'));
  const failures: string[] = [];
  try {
    // DEFINITIONS
    const generated = sampleDefinitions(RUNS, SEED).map((definition, i) => ({ definition, where: `generated #${i} (seed ${SEED})` }));
    const real = realFixtures(REPO);
    const fixtures = [...fixtureDefinitions(REPO), ...real.definitions];
    const definitions = [...generated, ...fixtures];
    const pairs = [
      ...samplePairs(PAIRS, SEED).map((p, i) => ({ ...p, where: `generated pair #${i} (seed ${SEED})` })),
      ...real.pairs,
    ];
    const reach = coverage(generated.map((d) => d.definition));
    if (reach.missingRules.length > 0 || reach.missingClasses.length > 0) {
      const what = `the ${RUNS} generated definitions miss rules [${reach.missingRules.join(', ')}] and byte classes [${reach.missingClasses.join(', ')}]`;
      // Small runs are for development; the default run must reach everything.
      if (RUNS >= DEFAULT_RUNS) failures.push(what);
      else console.log(`kernel: note: ${what}`);
    }
    const cases: KernelCase[] = definitions.map((d, id) => ({ kind: 'reg', id, definition: d.definition }));
    const firstPair = cases.length;
    pairs.forEach((p, i) => cases.push({ kind: 'pair', id: firstPair + i, first: p.first, second: p.second }));

    // A crash in the middle: the rest must run in a second boot.
    const dieId = cases.length;
    cases.push({ kind: 'die', id: dieId });

    // PAYLOADS and CHECK
    const payloads = await buildPayloadPlan(PAYLOAD_EVENTS, SEED, work, cases.length);
    cases.push(...payloads.cases);
    const check = planCheck(REPO, cases.length);
    cases.push(check.kase);

    const init = buildInit(work, payloads.header, payloads.dispatcher);
    const bootStart = Date.now();
    const reports = await runCases(cases, { kernel: pre.kernel!, work, init });
    const bootSeconds = ((Date.now() - bootStart) / 1000).toFixed(1);

    let agree = 0;
    definitions.forEach((d, id) => {
      const report = reports.get(id);
      const problems = report ? judgeDefinition(d.definition, report) : ['no report'];
      if (problems.length === 0) agree++;
      else failures.push(`definition ${show(d.definition)} (${d.where}):\n  ${problems.join('\n  ')}`);
    });
    pairs.forEach((p, i) => {
      const report = reports.get(firstPair + i);
      const problems = report ? judgePair(p.first, p.second, report) : ['no report'];
      if (problems.length === 0) agree++;
      else failures.push(`definition ${show(p.second)} registered while ${show(p.first)} exists (${p.where}):\n  ${problems.join('\n  ')}`);
    });

    const died = reports.get(dieId)?.crashed ?? '';
    if (!/Attempted to kill init/.test(died)) failures.push(`crash recovery: the planned crash was not seen (${died || 'no report'})`);

    const pay = judgePayloads(payloads, reports);
    failures.push(...pay.failures);
    failures.push(...(await judgeCheck(check, reports, work, true)));
    // The same check on a kernel that does not zero allocations: array lengths are garbage.
    const garbage = await runCases([check.kase], { kernel: pre.kernel!, work, init, initOnAlloc: false });
    failures.push(...(await judgeCheck(check, garbage, work, false)));

    // Every case that does not agree must have printed why; the counts cannot say otherwise.
    const judged = definitions.length + pairs.length;
    if (failures.length === 0 && (agree !== judged || pay.agree !== pay.total)) failures.push(`internal: ${agree} of ${judged} definitions and ${pay.agree} of ${pay.total} payloads agree, but no disagreement was reported`);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    for (const f of failures) console.log(`DISAGREEMENT ${f}\n`);
    console.log(
      `kernel: seed ${SEED}, ${generated.length} generated + ${fixtures.length} fixture definitions, ${pairs.length - real.pairs.length} generated + ${real.pairs.length} fixture re-registration pairs, ` +
        `${payloads.events} payload events; QEMU ${bootSeconds} s of ${seconds} s`,
    );
    if (pay.documented.length > 0) console.log(`kernel: ${pay.documented.length} documented kernel behaviours hold (docs/kernel.md): ${pay.documented.join('; ')}`);
    console.log(`kernel: ${judged} definitions, ${agree} agree; ${pay.total} payloads, ${pay.agree} agree`);
    return failures.length === 0 ? 0 : 1;
  } finally {
    if (process.env.UE_LINT_KERNEL_KEEP === '1') console.error(`kernel: work directory kept: ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.log(`kernel: the live-kernel check failed to run: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
