import { expect } from 'chai';
import { generateCHeader } from '../../src/codegen/index.js';
import { cEventIdents, cFieldIdents } from '../../src/codegen/c.js';
import { nameHash } from '../../src/codegen/names.js';
import { expectGolden } from '../support/golden.js';
import { requireTool } from '../support/tools.js';
import { layoutOf, readDefinitions, run, withTempDir } from './support.js';

const KINDS = readDefinitions('fixtures/definitions/codegen/kinds.ue');
const FLAGS = ['-Wall', '-Wextra', '-Werror', '-pedantic'];

function header(definitions: string[], source = 'kinds.ue'): string {
  const r = generateCHeader(definitions.map(layoutOf), { source, abi: 'linux', definitions });
  if (!r.ok) throw new Error(r.error);
  return r.text;
}

/** Compiles a translation unit including the header (twice, to exercise the include guard). */
function compile(text: string, cxx: boolean): void {
  const src = '#include "gen.h"\n#include "gen.h"\n#include "other.h"\nint main(void) { return 0; }\n';
  const other = header(['other u8 a'], 'other.ue');
  withTempDir({ 'gen.h': text, 'other.h': other, [cxx ? 'main.cpp' : 'main.c']: src }, (dir) => {
    if (cxx) run('g++', [...FLAGS, '-std=c++17', '-c', 'main.cpp', '-o', 'main.o'], dir);
    else run('gcc', ['-std=c11', ...FLAGS, '-c', 'main.c', '-o', 'main.o'], dir);
  });
}

describe('codegen/c', () => {
  it('matches the golden header for every field kind', () => {
    expectGolden(header(KINDS), 'fixtures/golden/codegen/kinds.h');
  });

  it('makes C identifiers from any event or field name, in the ue_ and f_ namespaces', () => {
    const events = (...defs: string[]) => cEventIdents(defs.map(layoutOf), defs);
    expect(events('sched_wakeup', 'my-evt.2', '', '9p', '__GNUC__', 'NULL')).to.deep.equal(['ue_sched_wakeup', 'ue_my_evt_2', 'ue_event', 'ue_9p', 'ue_GNUC', 'ue_NULL']);
    // The macro is upper case, so `evt` and `EVT` clash: both get a hash of the name.
    expect(events('evt', 'EVT')).to.deep.equal([`ue_evt_${nameHash('evt')}`, `ue_EVT_${nameHash('EVT')}`]);
    expect(cEventIdents([layoutOf('evt')], ['evt'], 'net')).to.deep.equal(['net_evt']);
    expect(cFieldIdents(layoutOf('e u8 size_t; u8 a[4]; u8 a_4; u8 int; u8 int; u8 ').fields)).to.deep.equal(
      ['f_size_t', `f_a_4_${nameHash('a[4]')}`, `f_a_4_${nameHash('a_4')}`, 'f_int', 'f_int_2', 'f_field'],
    );
  });

  it('refuses layouts whose offsets wrapped at 2^32', () => {
    const big = 'e struct A a 2147483647;struct B b 2147483647;struct C c 2147483647;u32 d';
    const r = generateCHeader([layoutOf(big)], { source: 'x', abi: 'linux', definitions: [big] });
    expect(r.ok).to.equal(false);
    expect(r.ok ? '' : r.error).to.match(/field `c`: offset 6 wrapped/);
  });

  describe('compiles', function () {
    before(function () {
      requireTool(this, 'gcc', 'apt-get install -y gcc');
      requireTool(this, 'g++', 'apt-get install -y g++');
    });

    it('with gcc -std=c11 -Wall -Wextra -Werror -pedantic', () => {
      compile(header(KINDS), false);
    });

    it('with g++ and the same warnings', () => {
      compile(header(KINDS), true);
    });

    it('with odd names and definition text (trigraphs, quotes, non-ASCII, comment markers)', () => {
      const defs = ['we?ird"ev/*t u8 a*/b; u8 ??=x; char[4] é; u8 \\', 'int u8 int; u8 INT', '_ u32 x'];
      const text = header(defs);
      expect(text).to.include('"we\\?ird\\"ev/*t u8 a*/b; u8 \\?\\?=x; char[4] \\303\\251; u8 \\\\"');
      compile(text, false);
      compile(text, true);
    });
  });
});
