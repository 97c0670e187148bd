// The definition grammar, as a Chevrotain embedded-actions parser:
//
//   definition := EventName? (":" (FlagWord | ",")*)? (HeadSpace args)?
//   args       := piece (";" piece)*
//   piece      := LeadingWs? TypePrefix? (Word | Space)*
//
// The kernel accepts any token sequence at this level; what a piece *means*
// (type, name, size, extra tokens) is decided in to-ast.ts, because the kernel
// decides it by counting single-space splits, not by grammar. Embedded actions
// (no CST) because this runs once per definition on the hot path.
import { EmbeddedActionsParser, type IToken } from 'chevrotain';
import { allTokens, Colon, EventName, FieldPart, FlagsPart, HeadSpace, LeadingWs, Semi, TypePrefix } from './tokens.js';

export interface RawPiece {
  leadingWs: IToken | undefined;
  prefix: IToken | undefined;
  /** `Word` and `Space` tokens after the prefix, in order. */
  tokens: IToken[];
}

export interface RawDefinition {
  name: IToken | undefined;
  colon: IToken | undefined;
  /** `FlagWord` and `Comma` tokens, in order. */
  flagTokens: IToken[];
  headSpace: IToken | undefined;
  pieces: RawPiece[];
  /** Offsets of the `;` that end each piece but the last. */
  semis: number[];
}

class DefinitionParser extends EmbeddedActionsParser {
  constructor(skipValidations: boolean) {
    // No error recovery: every token sequence is valid here, so there is nothing to recover from.
    super(allTokens, { recoveryEnabled: false, skipValidations });
    this.performSelfAnalysis();
  }

  public definition = this.RULE('definition', (): RawDefinition => {
    const def: RawDefinition = { name: undefined, colon: undefined, flagTokens: [], headSpace: undefined, pieces: [], semis: [] };
    this.OPTION(() => { def.name = this.CONSUME(EventName); });
    this.OPTION2(() => {
      def.colon = this.CONSUME(Colon);
      this.MANY(() => { def.flagTokens.push(this.CONSUME(FlagsPart)); });
    });
    this.OPTION3(() => {
      def.headSpace = this.CONSUME(HeadSpace);
      const first = this.SUBRULE(this.piece);
      this.ACTION(() => def.pieces.push(first));
      this.MANY2(() => {
        const semi = this.CONSUME(Semi);
        const piece = this.SUBRULE2(this.piece);
        this.ACTION(() => { def.semis.push(semi.startOffset); def.pieces.push(piece); });
      });
    });
    return def;
  });

  private piece = this.RULE('piece', (): RawPiece => {
    const piece: RawPiece = { leadingWs: undefined, prefix: undefined, tokens: [] };
    this.OPTION(() => { piece.leadingWs = this.CONSUME(LeadingWs); });
    this.OPTION2(() => { piece.prefix = this.CONSUME(TypePrefix); });
    this.MANY(() => { piece.tokens.push(this.CONSUME(FieldPart)); });
    return piece;
  });
}

/**
 * Build the grammar once; `validate` runs Chevrotain's full grammar validation
 * (a test does this) while production skips it for start-up time.
 */
export function createDefinitionParser(validate = false): DefinitionParser {
  return new DefinitionParser(!validate);
}

export type { DefinitionParser };
