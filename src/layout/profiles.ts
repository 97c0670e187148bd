// ABI profiles: every rule that differs between the original v5 patch and current
// mainline lives here, as data. Always passed explicitly; never global state.
import { parseArrayLength, parseStructSize } from './numbers.js';
import type { AbiName } from './types.js';

export interface AbiProfile {
  readonly name: AbiName;
  /** Longest definition via `DIAG_IOCSREG`, in UTF-8 bytes (excluding the NUL). */
  readonly maxDefinitionBytes: number;
  /** Largest `char[N]`: 1024 on linux, 2 × PAGE_SIZE = 8192 in v5. */
  readonly maxArrayLength: number;
  /**
   * Where the `char[N]` digits come from:
   * - `type-token`: the rest of the type token after `[`, under 8 bytes, must hold `]` (linux)
   * - `v5-scan`: `]` within 8 bytes of `[`, scanning past the token into the rest of the string (v5)
   */
  readonly arrayScan: 'type-token' | 'v5-scan';
  /** `reject`: any `:flags` text is EINVAL (linux). `parse`: split on `,`, recognise known flags (v5). */
  readonly flagPolicy: 'reject' | 'parse';
  readonly knownFlags: readonly string[];
  readonly parseArrayLength: (text: string) => number | undefined;
  readonly parseStructSize: (text: string) => number | undefined;
  /** `generated`: per-field print fmt (linux). `empty`: always `""` (v5). */
  readonly printFmt: 'generated' | 'empty';
  /** Array declarations in the format file: `name[]` (linux ≥ 6.2) or the type's suffix verbatim (v5). */
  readonly formatArrays: 'empty-brackets' | 'verbatim';
  /** Whether `dynamic_events` lists struct sizes (`struct pt p 16`). */
  readonly listStructSizes: boolean;
  /** `match-fields`: same name needs a textual field match, else EADDRINUSE (linux). `by-name`: reuse (v5). */
  readonly reregistration: 'match-fields' | 'by-name';
  /**
   * A `dynamic_events` deletion with fields (`-:name u32 a`): `match-fields` deletes only an event
   * whose fields match the words after the name, and a bare `-:name` only one without fields
   * (linux, spec §1.3); `by-name` ignores the words (v5).
   */
  readonly deletion: 'match-fields' | 'by-name';
}

export const PROFILES: Readonly<Record<AbiName, AbiProfile>> = Object.freeze({
  linux: Object.freeze({
    name: 'linux',
    maxDefinitionBytes: 511,
    maxArrayLength: 1024,
    arrayScan: 'type-token',
    flagPolicy: 'reject',
    knownFlags: [],
    parseArrayLength,
    parseStructSize,
    printFmt: 'generated',
    formatArrays: 'empty-brackets',
    listStructSizes: true,
    reregistration: 'match-fields',
    deletion: 'match-fields',
  }),
  v5: Object.freeze({
    name: 'v5',
    maxDefinitionBytes: 511,
    maxArrayLength: 8192,
    arrayScan: 'v5-scan',
    flagPolicy: 'parse',
    knownFlags: ['BPF_ITER'],
    parseArrayLength,
    parseStructSize,
    printFmt: 'empty',
    formatArrays: 'verbatim',
    listStructSizes: false,
    reregistration: 'by-name',
    deletion: 'by-name',
  }),
});

/** The profile for an ABI name; unknown names fall back to `linux`. */
export function getProfile(abi: AbiName | undefined): AbiProfile {
  return abi === 'v5' ? PROFILES.v5 : PROFILES.linux;
}
