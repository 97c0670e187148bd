// The linux re-registration match (spec §4.2): is a new definition string the
// same event as an existing one? Textual, on bytes, with the kernel's whitespace
// set (incl. 0xA0, which can split inside a UTF-8 character, as in the kernel).
import type { EventLayout, LayoutField } from './types.js';

const NON_ASCII = /[^\x00-\x7f]/;
/** UTF-8 bytes as a binary string; ASCII strings are already that. */
const toBytes = (s: string) => (NON_ASCII.test(s) ? Buffer.from(s, 'utf8').toString('latin1') : s);
/** A whole definition as bytes: the kernel copies a C string, so nothing from the first NUL on. */
const definitionBytes = (s: string) => {
  const nul = s.indexOf('\0');
  return toBytes(nul < 0 ? s : s.slice(0, nul));
};

// The kernel's isspace set on bytes: 0x09-0x0D, 0x20, 0xA0.
const SEMI_WITHOUT_SPACE = /;(?![\t-\r \xa0])/g;
const SPACE_RUNS = /[\t-\r \xa0]+/;

/** Split on whitespace runs, after inserting a space after each `;` not followed by whitespace. */
function matchTokens(args: string): string[] {
  return args.replace(SEMI_WITHOUT_SPACE, '; ').split(SPACE_RUNS).filter((t) => t !== '');
}

function canonical(f: LayoutField): string {
  const type = toBytes(f.type);
  return `${type} ${toBytes(f.name)}${type.startsWith('struct ') ? ` ${f.size >>> 0}` : ''}`;
}

/** Do the args (text after the first space, as bytes) match these fields? */
export function argsMatchFields(argsBytes: string | undefined, fields: readonly LayoutField[]): boolean {
  return tokensMatchFields(argsBytes === undefined ? [] : matchTokens(argsBytes), fields);
}

/**
 * Does a `dynamic_events` deletion line (`-:name u32 a; u32 b`, `!u:name …`) name these
 * fields? The kernel splits the line on whitespace runs and matches the words after the first
 * with the same procedure as a re-registration, but without inserting a space after `;`
 * (spec §1.3): no words match only an event without fields.
 */
export function deletionMatchesFields(line: string, fields: readonly LayoutField[]): boolean {
  return tokensMatchFields(toBytes(line).split(SPACE_RUNS).filter((t) => t !== '').slice(1), fields);
}

/** Spec §4.2 steps 2-4 on the kernel's tokens. */
function tokensMatchFields(tokens: readonly string[], fields: readonly LayoutField[]): boolean {
  if (tokens.length === 0) return fields.length === 0;
  let t = 0;
  for (const f of fields) {
    if (t >= tokens.length) return false;
    const parts: string[] = [];
    let semi = false;
    while (t < tokens.length) {
      const tok = tokens[t++]!;
      parts.push(tok);
      if (tok.includes(';')) { semi = true; break; }
    }
    if (parts.join(' ') !== canonical(f) + (semi ? ';' : '')) return false;
  }
  return t === tokens.length;
}

/**
 * The same match as `argsMatchFields`, split into two keys that can be stored and
 * compared later: `argsMatchKey(args) === fieldsMatchKey(fields)` exactly when
 * `argsMatchFields(args, fields)` (a property test checks this). The kernel's
 * tokens, joined by single spaces, must spell the fields' canonical strings joined
 * by `; `, optionally with one trailing `;`. Canonical strings never hold a `;`.
 */
export function fieldsMatchKey(fields: readonly LayoutField[]): string {
  let key = '';
  for (let i = 0; i < fields.length; i++) key += (i === 0 ? '' : '; ') + canonical(fields[i]!);
  return key;
}

/** See `fieldsMatchKey`. `argsBytes`: the text after the first space, as bytes. */
export function argsMatchKey(argsBytes: string | undefined): string {
  const key = argsBytes === undefined ? '' : matchTokens(argsBytes).join(' ');
  // `u32 a;` matches [u32 a]; a lone `;` matches nothing, not the empty field list.
  return key.length > 1 && key.endsWith(';') ? key.slice(0, -1) : key;
}

/** `argsMatchKey` of a whole definition string (its text after the first space). */
export function definitionMatchKey(definition: string): string {
  const bytes = definitionBytes(definition);
  const space = bytes.indexOf(' ');
  return argsMatchKey(space < 0 ? undefined : bytes.slice(space + 1));
}

/**
 * Would registering `definition` on a linux kernel reuse `existing` (true) or fail
 * with EADDRINUSE (false)? Different names never collide, so they "match" trivially
 * only in the sense of not conflicting: this returns true for them.
 * e.g. existing `test u32 a; u32 b`: `test u32 a;u32 b` → true, `test u32 b; u32 a` → false.
 */
export function reregistrationMatches(definition: string, existing: EventLayout): boolean {
  const bytes = definitionBytes(definition);
  const space = bytes.indexOf(' ');
  const head = space < 0 ? bytes : bytes.slice(0, space);
  if (head.includes(':')) return false; // flags text: EINVAL before the lookup
  if (head !== toBytes(existing.name)) return true;
  return argsMatchFields(space < 0 ? undefined : bytes.slice(space + 1), existing.fields);
}
