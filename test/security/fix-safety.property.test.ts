// Security (issue 12, `--fix`): a SAFE fix never changes the layout of a definition the
// kernel accepts, nor turns an accepted definition into a rejected one. Definition lines
// are linted and fixed exactly as `--fix` does (lint → safe fixes → again, up to the same
// number of passes), over generated lines that hit every fixable rule, on both ABIs.
// The unsafe fixes are shown to be unsafe by example. FC_RUNS (default 10,000; at least
// 1,000) runs per property.
import { expect } from 'chai';
import fc from 'fast-check';
import { applyEditsToText } from '../../src/files/apply-fixes.js';
import { MAX_FIX_PASSES, fixEdits } from '../../src/lint/fixes.js';
import { splitDefinitionLine } from '../../src/files/definition-file.js';
import { readLineBatches } from '../../src/files/line-reader.js';
import { catalog, catalogEntries, parseDefinition, type AbiName } from '../../src/index.js';
import { lintLines, type FileDiagnostic } from '../../src/lint/file-linter.js';

const RUNS = Math.max(1_000, Number(process.env.FC_RUNS ?? 10_000));
const SEED = Number(process.env.FC_SEED ?? 1212);

async function lintText(text: string, abi: AbiName): Promise<FileDiagnostic[]> {
  const bytes = (async function* () { yield Buffer.from(text, 'utf8'); })();
  return (await lintLines('t.ue', readLineBatches(bytes), { abi })).diagnostics;
}

/** What `--fix` (or `--fix --unsafe-fixes`) leaves, and the codes whose fixes it applied. */
async function fixText(text: string, abi: AbiName, unsafe: boolean): Promise<{ text: string; codes: Set<string> }> {
  const codes = new Set<string>();
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const diagnostics = await lintText(text, abi);
    const edits = fixEdits(diagnostics, { unsafe });
    if (edits.length === 0) break;
    const r = applyEditsToText(text, edits);
    if (r.text === text) break;
    for (const d of diagnostics) if (d.fix && (unsafe || d.fix.applicability === 'safe')) codes.add(d.code);
    text = r.text;
  }
  return { text, codes };
}

const definitionOf = (line: string) => splitDefinitionLine(line.replace(/\r$/, '')).definition;

// ─── generators: pieces that trigger each fixable rule, and their near misses ───
const TYPES = [
  'u32', 'u8', 's64', 'int', 'unsigned int', 'char', 'unsigned char', 'char[20]', 'char[0]', 'char[1024]', 'char[0x14]',
  'long', '__data_loc char[]', '__rel_loc char[]', '__data_loc unsigned char[]', 'struct pt', 'unsigned', 'struct',
];
const NAMES = ['msg', 'a', 'id', 'x_1', 'msg[20]', 'n[0]', 'b[2000]', 'c[0x14]', 'd[', '', 'a\t', 'common_pid', 'a;'];
const SPACES = [' ', ' ', ' ', '  ', '\t', '   '];
const field = fc.record({
  type: fc.constantFrom(...TYPES),
  sp1: fc.constantFrom(...SPACES),
  name: fc.constantFrom(...NAMES),
  size: fc.constantFrom('', '', ' 16', '  16', ' 0', ' 4294967295'),
  tail: fc.constantFrom('', '', '', ' ', '  ', '\t'),
}).map((f) => `${f.type}${f.sp1}${f.name}${f.type.startsWith('struct') ? f.size : ''}${f.tail}`);
const SEPARATORS = [';', '; ', '; ', ';  ', ';;', ' ;', ';\t', '; ;'];
const definition = fc.record({
  head: fc.constantFrom('test', 'e', 'x:BPF_ITER', 'evt', ''),
  headSp: fc.constantFrom(' ', ' ', '  '),
  fields: fc.array(field, { minLength: 0, maxLength: 6 }),
  seps: fc.array(fc.constantFrom(...SEPARATORS), { minLength: 6, maxLength: 6 }),
  // Near the 511-byte limit, where one added byte turns an accepted definition into EINVAL.
  target: fc.oneof(fc.constant(0), fc.integer({ min: 495, max: 520 })),
}).map((d) => {
  const body = d.fields.reduce((s, f, i) => (i === 0 ? f : `${s}${d.seps[i]}${f}`), '');
  let head = d.head;
  const len = (h: string) => Buffer.byteLength(`${h}${body ? d.headSp + body : ''}`);
  if (d.target > 0 && len(head) < d.target) head += 'x'.repeat(d.target - len(head));
  return `${head}${body ? d.headSp + body : ''}`;
});
const FRAGMENTS = ['test', ' ', '  ', ';', '; ', 'u32', 'char', 'msg[20]', '[4]', 'a', 'unsigned ', 'struct ', '16', '\t', 'é'];
const fragments = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 16 }).map((p) => p.join(''));
/** One definition line as a file holds it: `u:` prefix, trailing comment, CRLF. */
const line = fc.record({
  def: fc.oneof({ weight: 4, arbitrary: definition }, { weight: 1, arbitrary: fragments }),
  prefix: fc.constantFrom('', '', 'u:', 'u: '),
  comment: fc.constantFrom('', '', '# c', ' # c', '\t# note', '  #'),
  eol: fc.constantFrom('\n', '\n', '\r\n', ''),
}).filter((l) => !l.def.includes('#') && !/^[-!]/.test(l.def)).map((l) => `${l.prefix}${l.def}${l.comment}${l.eol}`);
const abi = fc.constantFrom<AbiName>('linux', 'v5');

describe('security: fix safety', function () {
  this.timeout(600_000);

  it(`safe fixes never change an accepted layout nor reject an accepted definition, on both ABIs (${RUNS} runs)`, async () => {
    const fixedCodes = new Set<string>();
    const suggestedCodes = new Set<string>();
    let acceptedAndFixed = 0;
    await fc.assert(fc.asyncProperty(line, abi, async (text, abiName) => {
      const before = parseDefinition(definitionOf(text.split('\n')[0]!), { abi: abiName });
      const { text: after, codes } = await fixText(text, abiName, false);
      for (const c of codes) fixedCodes.add(c);
      for (const d of await lintText(text, abiName)) if (d.fix?.applicability === 'unsafe') suggestedCodes.add(d.code);
      if (!before.ok) return;
      if (after !== text) acceptedAndFixed++;
      const now = parseDefinition(definitionOf(after.split('\n')[0]!), { abi: abiName });
      expect(now.ok, `${JSON.stringify(text)} → ${JSON.stringify(after)} is rejected (${now.ok ? '' : now.errno})`).to.equal(true);
      expect(now.ok && now.event, `${JSON.stringify(text)} → ${JSON.stringify(after)}`).to.deep.equal(before.event);
    }), { numRuns: RUNS, seed: SEED });

    // Not vacuous: every fixable rule of the catalog was exercised, and safe fixes did
    // change accepted definitions (UE112, UE301), not only rejected ones.
    const fixable = catalogEntries.filter((e) => e.docs.fixSafety !== undefined).map((e) => e.code);
    expect([...new Set([...fixedCodes, ...suggestedCodes])].sort()).to.include.members(fixable);
    expect(suggestedCodes, 'UE102 suggestions and UE112 at the length limit were generated').to.include.members(['UE102', 'UE112']);
    expect(acceptedAndFixed).to.be.greaterThan(RUNS / 50);
  });

  it('classifies UE102 as unsafe: `char msg[20]` → `char[20] msg` changes the layout, `char n[0]` → EINVAL', async () => {
    for (const [text, effect] of [['test char msg[20]; u32 id\n', 'layout'], ['test char n[0]\n', 'EINVAL'], ['test char n[2000]\n', 'EINVAL']] as const) {
      const diagnostics = await lintText(text, 'linux');
      const ue102 = diagnostics.find((d) => d.code === 'UE102');
      expect(ue102?.fix?.applicability, text).to.equal('unsafe');
      expect((await fixText(text, 'linux', false)).text, '--fix leaves it').to.equal(text);
      const unsafe = (await fixText(text, 'linux', true)).text;
      const before = parseDefinition(definitionOf(text.trimEnd()));
      const after = parseDefinition(definitionOf(unsafe.trimEnd()));
      expect(before.ok).to.equal(true);
      if (effect === 'EINVAL') expect(after.ok ? '' : after.errno, unsafe).to.equal('EINVAL');
      else expect(after.ok && before.ok && after.event.fields.map((f) => f.size), unsafe).to.deep.equal([20, 4]);
    }
  });

  it('classifies UE112 as unsafe only when the added spaces would pass the 511-byte limit', async () => {
    const at = (bytes: number, semis: number) => {
      const body = Array.from({ length: semis + 1 }, (_, i) => `u8 f${i}`).join(';');
      return `e${'x'.repeat(bytes - body.length - 2)} ${body}`;
    };
    for (const [bytes, semis, expected] of [[511, 1, 'unsafe'], [510, 1, 'safe'], [509, 2, 'safe'], [510, 2, 'unsafe'], [520, 1, 'safe']] as const) {
      const def = at(bytes, semis);
      expect(Buffer.byteLength(def)).to.equal(bytes);
      for (const abiName of catalog.separatorWithoutSpace.abis) { // linux only: v5 kernels never refused it
        const fixes = parseDefinition(def, { abi: abiName }).diagnostics.filter((d) => d.code === 'UE112').map((d) => d.fix?.applicability);
        expect(fixes, `${bytes} bytes, ${semis} bare ; (${abiName})`).to.deep.equal(Array(semis).fill(expected));
      }
    }
    // The reason: fixing the 511-byte one makes it 512 bytes, which the kernel refuses.
    const fixed = (await fixText(`${at(511, 1)}\n`, 'linux', true)).text.trimEnd();
    expect(parseDefinition(fixed).ok).to.equal(false);
  });
});
