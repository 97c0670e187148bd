// The kernel's character classes and type prefixes, shared by the Chevrotain
// grammar (tokens.ts), the ASCII scanner and the rules. No Chevrotain here, so the
// modules that need only these facts do not load it.

/** The kernel's isspace(): 0x09-0x0D, 0x20 and 0xA0 (Latin-1 NBSP in lib/ctype.c). */
export function isKernelSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0;
}

/** The six prefixes in the kernel's order; the first hit wins. */
export const TYPE_PREFIXES = [
  'unsigned ', 'struct ', '__data_loc unsigned ', '__data_loc ', '__rel_loc unsigned ', '__rel_loc ',
] as const;
export type TypePrefixText = (typeof TYPE_PREFIXES)[number];
