// Every CLI command, in help order. `lint` is the default: main() routes to it.
// To add one: create `src/cli/commands/<name>.ts` exporting a `CliCommand` and list it here.
import type { CliCommand } from '../command.js';
import { checkCommand } from './check.js';
import { codegenCommand } from './codegen.js';
import { diffCommand } from './diff.js';
import { explainCommand } from './explain.js';
import { formatCommand } from './format.js';
import { layoutCommand } from './layout.js';
import { lintCommand } from './lint.js';
import { lspCommand } from './lsp.js';

export const COMMANDS: readonly CliCommand[] = [lintCommand, layoutCommand, formatCommand, codegenCommand, checkCommand, diffCommand, explainCommand, lspCommand];
