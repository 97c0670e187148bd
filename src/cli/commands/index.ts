// Every CLI command, in help order. The first is the default (`$0`).
// To add one: create `src/cli/commands/<name>.ts` exporting a `CliCommand` and list it here.
import type { CliCommand } from '../command.js';
import { checkCommand } from './check.js';
import { codegenCommand } from './codegen.js';
import { diffCommand } from './diff.js';
import { explainCommand } from './explain.js';
import { formatCommand } from './format.js';
import { layoutCommand } from './layout.js';
import { lintCommand } from './lint.js';

export const COMMANDS: readonly CliCommand[] = [lintCommand, layoutCommand, formatCommand, codegenCommand, checkCommand, diffCommand, explainCommand];
