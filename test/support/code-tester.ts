// A RuleTester for catalog codes: `valid` and `invalid` tables run through
// parseDefinition under every ABI the entry applies to. Each invalid case marks
// the exact primary span with `<|…|>` (see span-markers.ts).
import { expect } from 'chai';
import type { CatalogEntry } from '../../src/diagnostics/catalog.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { parseDefinition } from '../../src/definition.js';
import type { AbiName, ParseResult } from '../../src/layout/types.js';
import { applyEdit, parseOneSpan } from './span-markers.js';

export const ALL_ABIS: readonly AbiName[] = ['linux', 'v5'];

/** Every code some invalid case asserted; the catalog meta-test checks it covers the catalog. */
export const seenCodes = new Set<string>();

export type ValidCase = string | { text: string; abis?: readonly AbiName[] };

export interface InvalidCase {
  /** The definition with the primary span marked, e.g. `test u32 <|a|> b`. */
  marked: string;
  /** ABIs to run; defaults to `entry.abis`. */
  abis?: readonly AbiName[];
  /** Message arguments; the message must equal `entry.message(...args)`. */
  args?: unknown[];
  /** The diagnostic's errno when it differs from `entry.errno` (UE208). */
  errno?: string;
  /** The result's `errno` (or `ok`) when another diagnostic decides it; defaults to the diagnostic's errno. */
  result?: { ok: true } | { ok: false; errno: string };
  /** Text after applying the fix; `null` asserts there is no fix. Required when the entry documents a fix. */
  output?: string | null;
  /** Secondary spans: each marked string must have the same text as `marked`. */
  related?: { marked: string; label: string }[];
}

export interface CodeTable {
  valid: ValidCase[];
  invalid: InvalidCase[];
}

const show = (s: string) => (s.length > 60 ? `${JSON.stringify(s.slice(0, 40))}…(${s.length} chars)` : JSON.stringify(s));

function withCode(r: ParseResult, code: string): Diagnostic[] {
  return r.diagnostics.filter((d) => d.code === code);
}

/** Register a `describe` block for one catalog entry. */
export function testCode(entry: CatalogEntry<any>, table: CodeTable): void {
  describe(`${entry.code} ${entry.name}`, () => {
    for (const v of table.valid) {
      const { text, abis } = typeof v === 'string' ? { text: v, abis: undefined } : v;
      for (const abi of abis ?? ALL_ABIS) {
        it(`valid [${abi}] ${show(text)}`, () => {
          const r = parseDefinition(text, { abi });
          expect(withCode(r, entry.code), `${entry.code} on ${show(text)}`).to.deep.equal([]);
        });
      }
    }

    for (const c of table.invalid) {
      const { text, span } = parseOneSpan(c.marked);
      const abis = c.abis ?? entry.abis;
      for (const abi of abis) {
        it(`invalid [${abi}] ${show(c.marked)}`, () => {
          expect(entry.abis, `case runs under an ABI the entry does not cover`).to.include(abi);
          const r = parseDefinition(text, { abi });
          const found = withCode(r, entry.code);
          expect(found.map((d) => d.span), `${entry.code} spans on ${show(text)}`).to.deep.include(span);
          const d = found.find((x) => x.span.start === span.start && x.span.end === span.end)!;
          seenCodes.add(entry.code);

          expect(d.name).to.equal(entry.name);
          expect(d.severity).to.equal(entry.severity);
          expect(d.message).to.be.a('string').and.not.equal('');
          if (c.args) expect(d.message).to.equal(entry.message(...c.args));

          const errno = c.errno ?? entry.errno;
          expect(d.errno, 'diagnostic errno').to.equal(errno);
          const expected = c.result ?? (errno !== undefined ? { ok: false, errno } : undefined);
          if (expected?.ok === false) {
            expect(r.ok, 'result.ok').to.equal(false);
            expect((r as { errno?: string }).errno, 'result errno').to.equal(expected.errno);
          } else if (expected?.ok === true) {
            expect(r.ok, 'result.ok').to.equal(true);
          }

          if (entry.docs.fixSafety !== undefined) {
            expect(c.output, `${entry.code} documents a fix: the case must say \`output\``).to.not.equal(undefined);
          }
          if (c.output === null || (c.output === undefined && entry.docs.fixSafety === undefined)) {
            expect(d.fix, 'fix').to.equal(undefined);
          } else if (c.output !== undefined) {
            expect(d.fix, 'fix').to.not.equal(undefined);
            expect(d.fix!.description).to.be.a('string').and.not.equal('');
            expect(applyEdit(text, d.fix!.span, d.fix!.replacement), 'text after the fix').to.equal(c.output);
          }

          if (c.related) {
            const want = c.related.map(({ marked, label }) => {
              const rel = parseOneSpan(marked);
              expect(rel.text, 'related marker text').to.equal(text);
              return { span: rel.span, label };
            });
            expect(d.related).to.deep.equal(want);
          }
        });
      }
    }

    // A code for some ABIs only must never appear under the others.
    const others = ALL_ABIS.filter((a) => !entry.abis.includes(a));
    if (others.length > 0) {
      it(`is never reported under ${others.join(', ')}`, () => {
        for (const c of table.invalid) {
          const { text } = parseOneSpan(c.marked);
          for (const abi of others) expect(withCode(parseDefinition(text, { abi }), entry.code), `${abi}: ${show(text)}`).to.deep.equal([]);
        }
      });
    }
  });
}
