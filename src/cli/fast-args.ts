// FAST PATH for the pre-commit hook: `ue-lint [lint] [options] files...` with the
// plain options below is parsed here, so the run never loads yargs (whose modules,
// instance set-up and parse are about a quarter of a short run's start-up). Any
// other command line (help, other commands, unknown or repeated options, `--`,
// negations, option values that look like options) returns undefined and goes
// through yargs as before. test/cli/fast-args.test.ts checks, on generated
// command lines, that whatever this accepts, yargs parses to the same arguments.
import type { AbiName } from '../layout/types.js';
import { COMMAND_NAMES } from './command-names.js';
import { REPORT_FORMATS, type ReportFormat } from '../report/index.js';
import type { LintArgs } from './commands/lint.js';
import { STDIN_TOKEN } from './suggest.js';

const ABIS: readonly AbiName[] = ['linux', 'v5'];
const FLAGS: Readonly<Record<string, 'quiet' | 'fix' | 'color'>> = { '--quiet': 'quiet', '-q': 'quiet', '--fix': 'fix', '--color': 'color' };
const VALUED: Readonly<Record<string, 'format' | 'abi' | 'maxWarnings' | 'config'>> = {
  '--format': 'format', '-f': 'format', '--abi': 'abi', '--max-warnings': 'maxWarnings', '--config': 'config', '-c': 'config',
};

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
    if (!a.startsWith('-')) { paths.push(a); continue; }
    if (a === '--no-color') {
      if (!once('color')) return undefined;
      args.color = false;
      continue;
    }
    const flag = FLAGS[a];
    if (flag !== undefined) {
      if (!once(flag)) return undefined;
      args[flag] = true;
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq >= 0 ? a.slice(0, eq) : a;
    const key = Object.hasOwn(VALUED, name) ? VALUED[name] : undefined;
    if (key === undefined || !once(key) || (eq >= 0 && name.length === 2)) return undefined; // `-f=json`: yargs' business
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
    }
  }
  if (paths.length > 0) args.paths = paths;
  return args;
}
