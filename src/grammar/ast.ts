// AST for one definition. Every node has a UTF-16 `span` into the original text
// and the byte range the kernel sees (`bytes`), because kernel rules count bytes.
import type { Span } from '../diagnostics/diagnostic.js';
import type { KernelBytes } from '../source/kernel-bytes.js';
import type { TypePrefixText } from './kernel-text.js';

export interface ByteRange {
  start: number;
  end: number;
}

export interface TextNode {
  /** Decoded text, e.g. `unsigned int`. */
  text: string;
  /** The same bytes as a binary string (equals `text` for ASCII). */
  raw: string;
  span: Span;
  bytes: ByteRange;
}

export interface FieldAst {
  span: Span;
  bytes: ByteRange;
  /** Which of the six type prefixes matched at the start of the piece, if any. */
  prefix: (TextNode & { kind: TypePrefixText }) | undefined;
  /** Set by the `struct ` prefix: the field takes a size token. */
  structMode: boolean;
  /** e.g. `u32`, `unsigned int`, `struct ` (prefix alone when a space followed it). */
  type: TextNode;
  /** False when a prefix matched but no space followed the type (kernel: EINVAL). */
  typeTerminated: boolean;
  /** Tokens after the type, split at every single space: [name, size, extra...]. Empty tokens are zero-width. */
  rest: TextNode[];
}

export interface PieceAst {
  /** The piece without its `;`. */
  span: Span;
  bytes: ByteRange;
  /** Leading whitespace the kernel skips. */
  leadingWs: TextNode | undefined;
  /** Undefined for an empty or whitespace-only piece (no field, not an error). */
  field: FieldAst | undefined;
}

export interface FlagsAst {
  /** The `:` itself. */
  colon: Span;
  /** The whole flags text after `:` (may be empty). */
  text: TextNode;
  /** The text split on `,` (v5 flags), empty items included. */
  items: TextNode[];
}

export interface DefinitionAst {
  source: KernelBytes;
  span: Span;
  /** Bytes before the first space and first `:` (may be empty). */
  name: TextNode;
  flags: FlagsAst | undefined;
  /** Everything after the first space; undefined when there is no space. */
  args: TextNode | undefined;
  pieces: PieceAst[];
}
