// Shared by the tracefs and drift tests: fixture paths, the spec §6 renderer used as an
// oracle until `formatFile` lands, and the guarded import of `src/index.ts`.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/tracefs/', import.meta.url));

export function readFixture(rel: string): string {
  return readFileSync(FIXTURES + rel, 'utf8');
}

export function listFixtures(dir: string): string[] {
  return readdirSync(FIXTURES + dir).filter((f) => f.endsWith('.format') || f.endsWith('.txt')).sort();
}

export interface UeLintCase {
  file: string;
  abi: 'linux' | 'v5';
  definition: string;
  name: string;
  fields: { type: string; name: string; offset: number; size: number; signed: boolean }[];
}

export const UE_LINT_CASES: UeLintCase[] = JSON.parse(readFixture('ue-lint/cases.json'));

const COMMON_BLOCK =
  '\tfield:unsigned short common_type;\toffset:0;\tsize:2;\tsigned:0;\n' +
  '\tfield:unsigned char common_flags;\toffset:2;\tsize:1;\tsigned:0;\n' +
  '\tfield:unsigned char common_preempt_count;\toffset:3;\tsize:1;\tsigned:0;\n' +
  '\tfield:int common_pid;\toffset:4;\tsize:4;\tsigned:1;\n';

/**
 * Spec §6.1 DECL and template, written independently of `src/` as a test oracle. `linuxLen`
 * is what a linux kernel prints inside `[]` (0 → `[]`; anything else models the stale attribute).
 */
export function renderFormatOracle(
  event: { name: string; fields: readonly { type: string; name: string; offset: number; size: number; signed: boolean }[] },
  abi: 'linux' | 'v5',
  linuxLen: (i: number) => number = () => 0,
): string {
  let out = `name: ${event.name}\nID: <ID>\nformat:\n${COMMON_BLOCK}\n`;
  event.fields.forEach((f, i) => {
    const p = f.type.indexOf('[');
    let decl: string;
    if (p < 0 || f.type.startsWith('__data_loc')) decl = `${f.type} ${f.name}`;
    else if (abi === 'v5') decl = `${f.type.slice(0, p)} ${f.name}${f.type.slice(p)}`;
    else {
      const len = linuxLen(i);
      decl = `${f.type.slice(0, p)} ${f.name}[${len === 0 ? '' : len}]`;
    }
    out += `\tfield:${decl};\toffset:${f.offset};\tsize:${f.size};\tsigned:${f.signed ? 1 : 0};\n`;
  });
  return `${out}\nprint fmt: ""\n`;
}

