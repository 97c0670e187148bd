// Every command name, without loading the commands (the hook's fast path needs only
// the names, for "did you mean the … command?" hints). A test keeps it equal to COMMANDS.
export const COMMAND_NAMES: readonly string[] = ['lint', 'layout', 'format', 'codegen', 'check', 'diff', 'explain', 'lsp'];
