import { expect } from 'chai';
import { generateCHeader } from '../../src/codegen/index.js';
import { cIdent } from '../../src/codegen/c.js';
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

  it('makes C identifiers from any event or field name', () => {
    expect(cIdent('sched_wakeup', 'event')).to.equal('sched_wakeup');
    expect(cIdent('my-evt.2', 'event')).to.equal('my_evt_2');
    expect(cIdent('', 'event')).to.equal('event');
    expect(cIdent('9p', 'event')).to.equal('e_9p');
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
