// The hook's fast path parses plain lint command lines without yargs. Differential:
// on generated command lines, whatever the fast parser accepts must reach the lint
// command through main() and yargs with the same arguments.
import { expect } from 'chai';
import fc from 'fast-check';
import { COMMAND_NAMES } from '../../src/cli/command-names.js';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { lintCommand, type LintArgs } from '../../src/cli/commands/lint.js';
import { parseLintFastPath } from '../../src/cli/fast-args.js';
import { main } from '../../src/cli/main.js';
import { STDIN_TOKEN } from '../../src/cli/suggest.js';

const RUNS = Math.min(Number(process.env.FC_RUNS ?? 10_000), 2_000); // each run drives yargs

const WORDS = [
  'lint', 'layout', 'a.ue', 'dir', 'x=y', '-', '--', '--quiet', '-q', '--fix', '--unsafe-fixes', '--color', '--no-color', '--no-quiet',
  '--format', 'json', 'compact', 'sarif', 'stylish', 'github', 'xml', '--format=json', '--format=', '-f', '-f=json',
  '--abi', 'v5', 'linux', 'x86', '--abi=v5', '--max-warnings', '0', '3', '010', '-1', '1e3', '--max-warnings=2',
  '--config', 'c.json', '-c', '--config=c.json', '--help', '-h', '--version', '--unknown', '-x', '-qf', '--quiet=true',
  '--no-ignore', '--ignore', '--no-error-on-unmatched-pattern', '--error-on-unmatched-pattern', '--stdin-filename', 'events/a.ue',
  '--stdin-filename=x.ue', '--rule', 'UE104=off', '--rule=UE108=warn', 'UE301=error', '--', '-x.ue',
  '--exit-zero', '--statistics', '--no-statistics', '-o', 'report.txt', '--output-file=r.json', '--print-config',
];

/** What main() hands to the lint command, or undefined when it never gets there. */
async function viaYargs(argv: string[]): Promise<LintArgs | undefined> {
  const original = lintCommand.run;
  let seen: LintArgs | undefined;
  lintCommand.run = async (args) => { seen = args; return 0; };
  try {
    const sink = { write: () => {} };
    await main(argv, { stdout: sink, stderr: sink, stdin: (async function* () {})(), cwd: '/', env: {} });
  } finally {
    lintCommand.run = original;
  }
  return seen;
}

const normal = (a: LintArgs) => ({
  paths: a.paths && a.paths.length > 0 ? a.paths : undefined, abi: a.abi, format: a.format, maxWarnings: a.maxWarnings,
  quiet: !!a.quiet, fix: !!a.fix, unsafeFixes: !!a.unsafeFixes, config: a.config, color: a.color, ignore: a.ignore,
  errorOnUnmatchedPattern: a.errorOnUnmatchedPattern, stdinFilename: a.stdinFilename,
  rule: a.rule === undefined ? undefined : [a.rule].flat(),
  exitZero: !!a.exitZero, statistics: !!a.statistics, outputFile: a.outputFile, printConfig: a.printConfig,
});

describe('cli: fast path for plain lint command lines', function () {
  this.timeout(120_000);

  it('parses the hook\'s usual command lines', () => {
    expect(parseLintFastPath(['a.ue', 'b.ue'])).to.deep.equal({ format: 'stylish', paths: ['a.ue', 'b.ue'] });
    expect(parseLintFastPath(['lint', '--format', 'compact', '-q', '-'])).to.deep.equal({ format: 'compact', quiet: true, paths: [STDIN_TOKEN] });
    expect(parseLintFastPath(['--abi=v5', '--max-warnings', '0', '--no-color', 'x'])).to.deep.equal({ format: 'stylish', abi: 'v5', maxWarnings: 0, color: false, paths: ['x'] });
    expect(parseLintFastPath([])).to.deep.equal({ format: 'stylish' });
    expect(parseLintFastPath(['--fix', '--', './-x.ue', '-'])).to.deep.equal({ format: 'stylish', fix: true, paths: ['./-x.ue', STDIN_TOKEN] });
    expect(parseLintFastPath(['--rule', 'UE104=off', '--rule=UE108=warn', '--no-ignore', 'a.ue'])).to.deep.equal({
      format: 'stylish', rule: ['UE104=off', 'UE108=warn'], ignore: false, paths: ['a.ue'],
    });
  });

  it('leaves everything else to yargs', () => {
    for (const argv of [['--help'], ['layout', 'x u32 a'], ['--quiet', '--quiet'], ['--format', 'xml'], ['--no-quiet'], ['-qf', 'json'], ['--max-warnings', '1e3'], ['--config'], ['--config', '--fix']]) {
      expect(parseLintFastPath(argv), JSON.stringify(argv)).to.equal(undefined);
    }
  });

  it(`whatever it accepts, yargs parses to the same lint arguments (${RUNS} runs)`, async () => {
    let accepted = 0;
    await fc.assert(fc.asyncProperty(fc.array(fc.constantFrom(...WORDS), { maxLength: 7 }), async (argv) => {
      const fast = parseLintFastPath(argv);
      if (fast === undefined) return;
      accepted++;
      const slow = await viaYargs(argv);
      expect(slow, `yargs rejected ${JSON.stringify(argv)}`).not.to.equal(undefined);
      expect(normal(fast), JSON.stringify(argv)).to.deep.equal(normal(slow!));
    }), { numRuns: RUNS });
    expect(accepted, 'the fast path was exercised').to.be.greaterThan(RUNS / 10);
  });

  it('knows every command name without loading the commands', () => {
    expect(COMMAND_NAMES).to.deep.equal(COMMANDS.map((c) => [c.command].flat()[0]!.split(' ')[0]));
  });
});
