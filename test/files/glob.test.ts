import { expect } from 'chai';
import { globToRegExp, makeIgnore } from '../../src/files/glob.js';

describe('files/glob', () => {
  const cases: [string, string, boolean][] = [
    ['*.ue', 'a.ue', true],
    ['*.ue', 'dir/a.ue', false],
    ['**/*.ue', 'a.ue', true],
    ['**/*.ue', 'x/y/a.ue', true],
    ['src/**', 'src/a/b', true],
    ['a?.ue', 'ab.ue', true],
    ['[ab].ue', 'c.ue', false],
    ['{a,b}.ue', 'b.ue', true],
    ['a.ue', 'aXue', false],
  ];
  for (const [glob, path, want] of cases) {
    it(`${glob} ${want ? 'matches' : 'does not match'} ${path}`, () => {
      expect(globToRegExp(glob).test(path)).to.equal(want);
    });
  }
  it('ignores a path when a parent directory matches', () => {
    const ignored = makeIgnore(['build', 'gen/*.ue']);
    expect(ignored('build/x/a.ue')).to.equal(true);
    expect(ignored('gen/a.ue')).to.equal(true);
    expect(ignored('src/a.ue')).to.equal(false);
  });
});
