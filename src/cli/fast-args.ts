// FAST PATH for the pre-commit hook: `ue-lint [lint] [options] files...` with the
// plain options below is parsed here, so the run never loads yargs (whose modules,
// instance set-up and parse are about a quarter of a short run's start-up). Any
// other command line (help, other commands, unknown or repeated options, option
// values that look like options) returns undefined and goes through yargs as before. test/cli/fast-args.test.ts checks, on generated
// command lines, that whatever this accepts, yargs parses to the same arguments.
import type { AbiName } from '../layout/types.js';
import { COMMAND_NAMES } from './command-names.js';
import { REPORT_FORMATS, type ReportFormat } from '../report/index.js';
import type { LintArgs } from './commands/lint.js';
import { STDIN_TOKEN } from './suggest.js';

const ABIS: readonly AbiName[] = ['linux', 'v5'];
type FlagKey = 'quiet' | 'fix' | 'unsafeFixes' | 'exitZero' | 'statistics';
const FLAGS: Readonly<Record<string, FlagKey>> = {
  '--quiet': 'quiet', '-q': 'quiet', '--fix': 'fix', '--unsafe-fixes': 'unsafeFixes', '--exit-zero': 'exitZero', '--statistics': 'statistics',
};
/** `--x` sets a boolean true, `--no-x` false (yargs' negation); each may appear once. */
const NEGATABLE: Readonly<Record<string, 'color' | 'ignore' | 'errorOnUnmatchedPattern'>> = {
  color: 'color', ignore: 'ignore', 'error-on-unmatched-pattern': 'errorOnUnmatchedPattern',
};
type ValuedKey = 'format' | 'abi' | 'maxWarnings' | 'config' | 'stdinFilename' | 'rule' | 'outputFile';
const VALUED: Readonly<Record<string, ValuedKey>> = {
  '--format': 'format', '-f': 'format', '--abi': 'abi', '--max-warnings': 'maxWarnings', '--config': 'config', '-c': 'config',
  '--stdin-filename': 'stdinFilename', '--rule': 'rule', '--output-file': 'outputFile', '-o': 'outputFile',
};
/** Options that may be given more than once (each value is kept, as yargs does). */
const REPEATABLE = new Set<ValuedKey>(['rule']);

/** The lint arguments of a plain command line, or undefined when only yargs can parse it. */
export function parseLintFastPath(argv: readonly string[]): LintArgs | undefined {
  const args: LintArgs = { format: 'stylish' };
  const seen = new Set<string>();
  const paths: string[] = [];
  // Another command (`ue-lint layout …`) is yargs' business; `lint` itself is optional.
  if (argv[0] !== undefined && argv[0] !== 'lint' && COMMAND_NAMES.includes(argv[0])) return undefined;
  let i = argv[0] === 'lint' ? 1 : 0;
  const once = (key: string) => {
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-') { paths.push(STDIN_TOKEN); continue; }
    if (a === '--') {
      // Operands: paths, even those that start with `-`.
      for (const p of argv.slice(i + 1)) paths.push(p === '-' ? STDIN_TOKEN : p);
      break;
    }
    if (!a.startsWith('-')) { paths.push(a); continue; }
    const negated = a.startsWith('--no-') ? a.slice(5) : undefined;
    const boolName = negated ?? (a.startsWith('--') ? a.slice(2) : undefined);
    if (boolName !== undefined && Object.hasOwn(NEGATABLE, boolName)) {
      const key = NEGATABLE[boolName]!;
      if (!once(key)) return undefined;
      args[key] = negated === undefined;
      continue;
    }
    const flag = Object.hasOwn(FLAGS, a) ? FLAGS[a] : undefined;
    if (flag !== undefined) {
      if (!once(flag)) return undefined;
      args[flag] = true;
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq >= 0 ? a.slice(0, eq) : a;
    const key = Object.hasOwn(VALUED, name) ? VALUED[name] : undefined;
    if (key === undefined || (!REPEATABLE.has(key) && !once(key)) || (eq >= 0 && name.length === 2)) return undefined; // `-f=json`: yargs' business
    const value = eq >= 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '' || value.startsWith('-')) return undefined;
    switch (key) {
      case 'format':
        if (!(REPORT_FORMATS as readonly string[]).includes(value)) return undefined;
        args.format = value as ReportFormat;
        break;
      case 'abi':
        if (!(ABIS as readonly string[]).includes(value)) return undefined;
        args.abi = value as AbiName;
        break;
      case 'maxWarnings':
        if (!/^(0|[1-9]\d{0,8})$/.test(value)) return undefined;
        args.maxWarnings = Number(value);
        break;
      case 'config':
        args.config = value;
        break;
      case 'stdinFilename':
        args.stdinFilename = value;
        break;
      case 'outputFile':
        args.outputFile = value;
        break;
      case 'rule':
        // One value is a string, several an array: yargs' shape, which the command flattens.
        args.rule = args.rule === undefined ? value : [args.rule, value].flat();
        break;
    }
  }
  if (paths.length > 0) args.paths = paths;
  return args;
}
