// Grammar: the Chevrotain grammar validates, and the AST follows the kernel's splits.
import { expect } from 'chai';
import { parse } from '../../src/index.js';
import { createDefinitionParser } from '../../src/grammar/parser.js';
import { createDefinitionLexer } from '../../src/grammar/tokens.js';

const fieldOf = (def: string, i = 0) => parse(def).ast.pieces[i]?.field;

describe('grammar', () => {
  it('passes Chevrotain\'s full grammar validation (production skips it)', () => {
    // performSelfAnalysis throws on any grammar definition error unless validations are skipped.
    expect(() => createDefinitionParser(true)).not.to.throw();
  });

  it('passes Chevrotain\'s lexer definition validation (production skips it)', () => {
    expect(createDefinitionLexer(true).lexerDefinitionErrors).to.deep.equal([]);
  });

  it('lexes every byte in every mode without errors', () => {
    let all = '';
    for (let c = 1; c < 256; c++) all += String.fromCharCode(c);
    const lexer = createDefinitionLexer();
    for (const text of [all, `e ${all}`, `e:${all}`, `e ;${all}`]) {
      expect(lexer.tokenize(text).errors).to.deep.equal([]);
    }
  });

  it('splits the head at the first space and the first `:` (§2.1)', () => {
    const { ast } = parse('t:x,y a b');
    expect(ast.name.text).to.equal('t');
    expect(ast.flags?.text.text).to.equal('x,y');
    expect(ast.flags?.items.map((i) => i.text)).to.deep.equal(['x', 'y']);
    expect(ast.args?.text).to.equal('a b');
    expect(parse('test\tu32 a').ast.name.text).to.equal('test\tu32');
    expect(parse(' test u32 a').ast.name.text).to.equal('');
    expect(parse('a:b:c u32 x').ast.flags?.text.text).to.equal('b:c');
    expect(parse('e u32 a:b').ast.pieces[0]?.field?.rest[0]?.text).to.equal('a:b');
  });

  it('starts a piece at every `;`, empty pieces included (§2.4)', () => {
    const { ast } = parse('e u32 a;;u8 b;');
    expect(ast.pieces.map((p) => p.field?.type.text ?? null)).to.deep.equal(['u32', null, 'u8', null]);
    expect(ast.pieces.map((p) => p.span)).to.deep.equal([
      { start: 2, end: 7 }, { start: 8, end: 8 }, { start: 9, end: 13 }, { start: 14, end: 14 },
    ]);
  });

  it('splits field tokens on single spaces: consecutive spaces give empty tokens', () => {
    expect(fieldOf('e u32  a')?.rest.map((t) => t.text)).to.deep.equal(['', 'a']);
    expect(fieldOf('e u32 a ')?.rest.map((t) => t.text)).to.deep.equal(['a', '']);
    expect(fieldOf('e u32\ta')?.type.text).to.equal('u32\ta');
    const empty = fieldOf('e u32  a')!.rest[0]!;
    expect(empty.span).to.deep.equal({ start: 6, end: 6 });
  });

  it('matches the six type prefixes, in kernel order, only at a piece start', () => {
    const cases: [string, string, string | undefined][] = [
      ['e unsigned int a', 'unsigned int', 'unsigned '],
      ['e struct pt p 16', 'struct pt', 'struct '],
      ['e __data_loc unsigned char[] a', '__data_loc unsigned char[]', '__data_loc unsigned '],
      ['e __data_loc char[] a', '__data_loc char[]', '__data_loc '],
      ['e __rel_loc unsigned char[] a', '__rel_loc unsigned char[]', '__rel_loc unsigned '],
      ['e __rel_loc char[] a', '__rel_loc char[]', '__rel_loc '],
      ['e unsigned  int a', 'unsigned ', 'unsigned '],
      ['e u32 unsigned', 'u32', undefined],
    ];
    for (const [def, type, prefix] of cases) {
      const f = fieldOf(def)!;
      expect(f.type.text, def).to.equal(type);
      expect(f.prefix?.kind, def).to.equal(prefix);
    }
    expect(fieldOf('e unsigned int')?.typeTerminated).to.equal(false);
    expect(fieldOf('e struct pt p 16')?.structMode).to.equal(true);
  });

  it('skips the kernel whitespace set at a piece start, including byte 0xA0 but not U+00A0', () => {
    expect(fieldOf('e \t\v\f\r\nu32 a')?.type.text).to.equal('u32');
    // U+00A0 is the bytes C2 A0; C2 is not whitespace, so nothing is skipped.
    expect(fieldOf('e \u00a0u32 a')?.type.text).to.equal('\u00a0u32');
  });

  it('gives spans in UTF-16 offsets of the original text, bytes for kernel rules', () => {
    const f = fieldOf('é u8 😀x')!;
    expect(f.rest[0]?.text).to.equal('😀x');
    expect(f.rest[0]?.span).to.deep.equal({ start: 5, end: 8 });
    expect(f.rest[0]?.bytes).to.deep.equal({ start: 6, end: 11 });
  });

  it('never throws and reports no grammar diagnostics for odd input', () => {
    for (const text of ['', ' ', ';', ':', '\u0000', '\ud800', ' ; ; ', 'e ' + ';'.repeat(1000)]) {
      expect(parse(text).diagnostics, JSON.stringify(text)).to.deep.equal([]);
    }
  });
});
