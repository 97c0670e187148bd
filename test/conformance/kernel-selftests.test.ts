// The kernel's own user_events selftests, as data (fixtures/real/kernel-selftests.json): the
// strings dyn_test.c expects to register or fail, the re-registration pairs it expects to match
// or get EADDRINUSE, and the print fmt lines ftrace_test.c reads back. ue-lint must agree.
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { PROFILES, parseDefinition, printFmt, reregistrationMatches, type EventLayout } from '../../src/index.js';

interface Selftests {
  dyn_test: { parse: string[]; nparse: string[]; match: [string, string, boolean][] };
  ftrace_test: { printFmt: [string, string][]; registered: string[] };
}
const data: Selftests = JSON.parse(readFileSync(new URL('../../fixtures/real/kernel-selftests.json', import.meta.url), 'utf8'));

const register = (definition: string): EventLayout => {
  const r = parseDefinition(definition, { abi: 'linux' });
  if (!r.ok) throw new Error(`${definition} rejected with ${r.errno}`);
  return r.event;
};

describe('conformance: the kernel selftests (dyn_test.c, ftrace_test.c)', () => {
  // dyn_test's parse() registers `value + 2`, the text after `u:`.
  for (const text of data.dyn_test.parse) {
    it(`TEST_PARSE ${JSON.stringify(text)} registers`, () => expect(parseDefinition(text.slice(2)).ok).to.equal(true));
  }
  for (const text of data.dyn_test.nparse) {
    it(`TEST_NPARSE ${JSON.stringify(text)} is refused with EINVAL`, () => {
      const r = parseDefinition(text.slice(2));
      expect(r.ok).to.equal(false);
      if (!r.ok) expect(r.errno).to.equal('EINVAL');
    });
  }
  for (const [first, second, match] of data.dyn_test.match) {
    it(`${match ? 'TEST_MATCH' : 'TEST_NMATCH'} ${JSON.stringify(first)} then ${JSON.stringify(second)}`, () => {
      expect(reregistrationMatches(second, register(first))).to.equal(match);
    });
  }
  for (const [definition, line] of data.ftrace_test.printFmt) {
    it(`check_print_fmt ${JSON.stringify(definition)}`, () => {
      expect(`print fmt: ${printFmt(register(definition).fields, PROFILES.linux)}`).to.equal(line);
    });
  }
  it('registers every definition ftrace_test.c writes to', () => {
    for (const d of data.ftrace_test.registered) expect(parseDefinition(d).diagnostics, d).to.deep.equal([]);
  });
});
