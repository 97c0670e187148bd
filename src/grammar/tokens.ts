// Tokens for a definition, as byte strings (see source/kernel-bytes.ts).
//
// Why the token order and modes look like this: the kernel does not tokenize by a
// grammar, it splits bytes. So the lexer reproduces its splits exactly:
// - `head` mode: everything up to the FIRST space (0x20) is the head; its first `:`
//   starts the flags text. Tabs do not split here (`test\tu32` is one name).
// - `flags` mode: the rest of the head, split on `,` (v5 flags).
// - `args` mode: every `;` ends a piece; single spaces separate field tokens, so two
//   spaces give an empty token between them. Only at the start of a piece is
//   whitespace skipped (the kernel's isspace set, incl. byte 0xA0), and only there
//   can a type prefix (`unsigned `, `struct `, ...) match. Those two are custom
//   matchers because they depend on the previous token, and they come before
//   `Space` and `Word` because Chevrotain takes the first pattern that matches.
import { createToken, Lexer, type IToken, type TokenType } from 'chevrotain';
import { isKernelSpace, TYPE_PREFIXES } from './kernel-text.js';

export { isKernelSpace, TYPE_PREFIXES, type TypePrefixText } from './kernel-text.js';

/**
 * A maximal run of bytes other than `stops`. A custom matcher rather than a
 * regex complement set (`/[^ ;]+/`), because Chevrotain cannot derive first-char
 * hints from complements and would drop its lexer optimisations for every mode.
 * Input is a byte string, so the hint is every code 0..255 except the stops.
 */
function runOf(stops: string) {
  const stopCodes = new Set([...stops].map((c) => c.charCodeAt(0)));
  const hint: number[] = [];
  for (let c = 0; c < 256; c++) if (!stopCodes.has(c)) hint.push(c);
  const [a, b] = [stops.charCodeAt(0), stops.charCodeAt(1)];
  return {
    start_chars_hint: hint,
    pattern: {
      exec(text: string, offset: number): [string] | null {
        let end = offset;
        for (; end < text.length; end++) {
          const c = text.charCodeAt(end);
          if (c === a || c === b) break;
        }
        return end > offset ? [text.slice(offset, end)] : null;
      },
    },
  };
}

export const HeadSpace = createToken({ name: 'HeadSpace', pattern: / /, label: 'space', push_mode: 'args' });
export const Colon = createToken({ name: 'Colon', pattern: /:/, label: '":"', push_mode: 'flags' });
export const EventName = createToken({ name: 'EventName', label: 'event name', line_breaks: false, ...runOf(' :') });
// Categories let the grammar say "any flags token" / "any field token" with one
// CONSUME instead of an OR, which is measurably cheaper on the hot path.
export const FlagsPart = createToken({ name: 'FlagsPart', pattern: Lexer.NA, label: 'flags text' });
export const FieldPart = createToken({ name: 'FieldPart', pattern: Lexer.NA, label: 'field token or space' });
export const Comma = createToken({ name: 'Comma', pattern: /,/, label: '","', categories: [FlagsPart] });
export const FlagWord = createToken({ name: 'FlagWord', label: 'flag', line_breaks: false, categories: [FlagsPart], ...runOf(' ,') });
export const Semi = createToken({ name: 'Semi', pattern: /;/, label: '";"' });
export const Space = createToken({ name: 'Space', pattern: / /, label: 'space', categories: [FieldPart] });
export const Word = createToken({ name: 'Word', label: 'token', line_breaks: false, categories: [FieldPart], ...runOf(' ;') });


function atPieceStart(tokens: IToken[]): boolean {
  const last = tokens[tokens.length - 1];
  return last !== undefined && (last.tokenType === HeadSpace || last.tokenType === Semi);
}

export const LeadingWs = createToken({
  name: 'LeadingWs',
  label: 'leading whitespace',
  line_breaks: false,
  start_chars_hint: [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0],
  pattern: {
    exec(text, offset, tokens) {
      if (!atPieceStart(tokens)) return null;
      let end = offset;
      while (end < text.length && isKernelSpace(text.charCodeAt(end))) end++;
      return end > offset ? [text.slice(offset, end)] as [string] : null;
    },
  },
});


export const TypePrefix = createToken({
  name: 'TypePrefix',
  label: 'type prefix',
  line_breaks: false,
  start_chars_hint: ['u', 's', '_'],
  pattern: {
    exec(text, offset, tokens) {
      const last = tokens[tokens.length - 1];
      if (last === undefined || !(last.tokenType === LeadingWs || last.tokenType === HeadSpace || last.tokenType === Semi)) return null;
      for (const p of TYPE_PREFIXES) if (text.startsWith(p, offset)) return [p] as [string];
      return null;
    },
  },
});

export const allTokens: TokenType[] = [HeadSpace, Colon, EventName, FlagsPart, FieldPart, Comma, FlagWord, LeadingWs, TypePrefix, Space, Semi, Word];

export const lexerDefinition = {
  modes: {
    head: [HeadSpace, Colon, EventName],
    flags: [HeadSpace, Comma, FlagWord],
    args: [LeadingWs, TypePrefix, Space, Semi, Word],
  },
  defaultMode: 'head',
};

/**
 * Offsets only: line/column are derived later. `validate` runs Chevrotain's
 * lexer-definition checks (a test does); production skips them for start-up time.
 */
export function createDefinitionLexer(validate = false): Lexer {
  return new Lexer(lexerDefinition, {
    positionTracking: 'onlyOffset',
    ensureOptimizations: true,
    skipValidations: !validate,
  });
}
