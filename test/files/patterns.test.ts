// Patterns go through picomatch; these pin the behaviour ue-lint promises on top of it:
// invalid patterns are errors, `!` is literal, config `ignore` covers parent directories.
import { expect } from 'chai';
import { PatternError, checkPatterns, compilePattern, ignoreMatcher, isPattern, splitPattern } from '../../src/files/patterns.js';

describe('files/patterns (picomatch)', () => {
  const cases: [string, string, boolean][] = [
    ['*.ue', 'a.ue', true],
    ['*.ue', 'dir/a.ue', false],
    ['*.ue', '.hidden.ue', false],
    ['**/*.ue', 'a.ue', true],
    ['**/*.ue', 'x/y/a.ue', true],
    ['src/**', 'src/a/b', true],
    ['a?.ue', 'ab.ue', true],
    ['[ab].ue', 'c.ue', false],
    ['{a,b}.ue', 'b.ue', true],
    ['a.ue', 'aXue', false],
    ['!a.ue', '!a.ue', true],
    ['!a.ue', 'b.ue', false],
  ];
  for (const [glob, path, want] of cases) {
    it(`${glob} ${want ? 'matches' : 'does not match'} ${path}`, () => {
      expect(compilePattern(glob)(path)).to.equal(want);
    });
  }

  it('rejects unbalanced brackets, braces and parentheses with one line', () => {
    for (const bad of ['a[.ue', '{a.ue', 'a{b,c.ue', '@(a.ue', 'x/**/[a-.ue']) {
      expect(() => compilePattern(bad), bad).to.throw(PatternError, /^invalid pattern `.*`: missing closing/);
      expect(() => checkPatterns(['ok/**', bad]), bad).to.throw(PatternError);
    }
    expect(() => checkPatterns(['vendor/**', '**/*.generated.ue', 'x[1].ue'])).not.to.throw();
  });

  it('tells patterns from plain paths', () => {
    for (const p of ['*.ue', 'a/**/b.ue', 'x[1].ue', '{a,b}.ue', 'a?.ue']) expect(isPattern(p), p).to.equal(true);
    for (const p of ['a.ue', 'dir/a.ue', '../x.ue', 'a}.ue', '!x.ue']) expect(isPattern(p), p).to.equal(false);
  });

  it('splits a pattern into its base directory and how deep it reaches', () => {
    expect(splitPattern('events/**/*.ue')).to.deep.equal({ base: 'events', glob: '**/*.ue', depth: Infinity });
    expect(splitPattern('*.ue')).to.deep.equal({ base: '', glob: '*.ue', depth: 0 });
    expect(splitPattern('a/*/b/*.ue')).to.deep.equal({ base: 'a', glob: '*/b/*.ue', depth: 2 });
    expect(splitPattern('../x/*.ue').base).to.equal('../x');
  });

  it('config ignore: a path is ignored when it or a parent matches, and says which glob', () => {
    const ignored = ignoreMatcher(['build', 'gen/*.ue', './vendor/', '**/*.generated.ue']);
    expect(ignored('build/x/a.ue')).to.equal('build');
    expect(ignored('gen/a.ue')).to.equal('gen/*.ue');
    expect(ignored('vendor/deep/a.ue')).to.equal('./vendor/');
    expect(ignored('x/.hidden/a.generated.ue')).to.equal('**/*.generated.ue');
    expect(ignored('src/a.ue')).to.equal(undefined);
    expect(ignored('../build/a.ue')).to.equal(undefined);
    expect(ignoreMatcher([])('a.ue')).to.equal(undefined);
  });
});
