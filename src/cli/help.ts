// Help text: the definition syntax with examples and the file format (shown by `ue-lint --help`
// and `ue-lint explain syntax`; each command's help points there), and the exit codes.
export const SYNTAX_HELP = `Definition syntax (one user_events definition):
  name[:FLAGS] [type name[;type name...]]
  types: s8 s16 s32 s64 u8 u16 u32 u64 char short int (and \`unsigned\` forms),
         char[N], struct TYPE name SIZE, __data_loc char[] name, __rel_loc char[] name
  examples:
    wake u32 pid; char[16] comm
    req struct point pt 16; __data_loc char[] msg
    empty_event
  edge cases: exactly one space between type and name (a tab or a second space
  is part of a token); fields are separated by \`;\` (\`; \` is canonical); at most
  511 bytes; \`name:FLAGS\` is rejected by current kernels (v5 knew :BPF_ITER).

Definition files (*.ue), compatible with \`tracepoint-register -i\`:
  UTF-8, one definition per line. Blank lines and lines starting with \`#\` are
  ignored; a comment may follow a definition (\`test u32 a# note\`), but a space
  before \`#\` stays in the definition on the dynamic_events path. A \`u:\` prefix
  (dynamic_events syntax) is accepted; lines starting with \`-:\` or \`!u:\` are
  deletions (checked, register nothing). Inline suppressions:
    # ue-lint-disable-next-line UE104,UE301
    # ue-lint-disable UE108            (rest of the file)`;

export const EXIT_CODES_HELP = `Exit codes: 0 clean, 1 errors found or too many warnings, 2 usage, configuration or I/O error.`;

/** Under every command's own `--help`: where the syntax is, instead of repeating it. */
export const COMMAND_EPILOGUE = `Definition syntax and file format: \`ue-lint explain syntax\` (also at the end of \`ue-lint --help\`).\n${EXIT_CODES_HELP}`;
