// Hover Markdown is inert whatever a definition file holds: parsed by a CommonMark
// parser (markdown-it, HTML enabled so that any raw HTML would show), hostile text only
// ever lands in code spans and fenced blocks, verbatim (as `visible` shows it), and the
// hover of any line has no links, images, HTML, emphasis or headings.
import { expect } from 'chai';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { codeBlock, codeSpan, prose, visible } from '../../src/lsp/markdown.js';
import { hoverAt } from '../../src/lsp/hover.js';

const md = new MarkdownIt({ html: true, linkify: true });

// Markdown and HTML syntax, line breaks of every kind, bidi controls, NUL, and some letters.
const hostileChar = fc.constantFrom(
  '`', '``', '```', '*', '_', '[', ']', '(', ')', '<', '>', '&', '#', '!', '|', '\\', '~', '-', '=', '+', ':', '/', '"', "'",
  ' ', '  ', '\t', '\n', '\r', '\r\n', '\u2028', '\u2029', '\u202e', '\u2066', '\u200b', '\ufeff', '\0', '\x1b', '\x7f', '\u00a0',
  'a', 'b', 'x', '0', '1', 'é', '😀', 'http://x.y/', '<script>', '&amp;', '![i](j)', '[l](javascript:alert(1))', '<img src=x>',
);
const hostile = fc.oneof(fc.array(hostileChar, { maxLength: 24 }).map((a) => a.join('')), fc.string({ unit: 'binary', maxLength: 24 }));

type Token = ReturnType<MarkdownIt['parse']>[number];
const inlineChildren = (tokens: Token[]) => tokens.flatMap((t) => (t.type === 'inline' ? t.children ?? [] : []));
const ALLOWED_BLOCK = new Set(['paragraph_open', 'paragraph_close', 'inline', 'fence']);
const ALLOWED_INLINE = new Set(['text', 'code_inline', 'softbreak', 'hardbreak']);

describe('lsp hover Markdown: inert by construction (fast-check, seeded)', () => {
  it('a code span holds the text verbatim, alone', () => {
    fc.assert(fc.property(hostile, (s) => {
      const tokens = md.parse(codeSpan(s), {});
      const children = inlineChildren(tokens);
      if (visible(s) === '') return;
      expect(children.map((c) => c.type)).to.deep.equal(['code_inline']);
      expect(children[0]!.content).to.equal(visible(s));
    }), { seed: 17, numRuns: 2000 });
  });

  it('a fenced block holds the text verbatim, alone', () => {
    fc.assert(fc.property(hostile, hostile, (a, b) => {
      const text = `${a}\n${b}`;
      const tokens = md.parse(codeBlock(text), {});
      expect(tokens.map((t) => t.type)).to.deep.equal(['fence']);
      // One final newline ends the last line (as a format file's does) rather than adding an empty one.
      const lines = text.replace(/\n$/, '').split('\n');
      expect(tokens[0]!.content).to.equal(`${lines.map((l) => visible(l, { keepTabs: true })).join('\n')}\n`);
    }), { seed: 17, numRuns: 2000 });
  });

  it('prose is plain text: no syntax survives', () => {
    fc.assert(fc.property(hostile, (s) => {
      const tokens = md.parse(prose(s), {});
      for (const t of tokens) expect(ALLOWED_BLOCK.has(t.type) && t.type !== 'fence', t.type).to.equal(true);
      const children = inlineChildren(tokens);
      for (const c of children) expect(c.type).to.equal('text');
      expect(children.map((c) => c.content).join('')).to.equal(visible(s).replace(/\s+/g, ' ').trim());
    }), { seed: 17, numRuns: 2000 });
  });

  it('every hover of a hostile definition is code and prose only', () => {
    const name = hostile.map((s) => s.replace(/[\n;# ]/g, ''));
    const line = fc.tuple(name, fc.constantFrom('u32', 'char[4]', '__data_loc char[]', 'struct s', 'long', 'u32 '), name, name)
      .map(([event, type, f1, f2]) => `${event} ${type} ${f1}${type.startsWith('struct') ? ' 8' : ''};u8 ${f2}`);
    fc.assert(fc.property(line, fc.constantFrom('linux', 'v5') as fc.Arbitrary<'linux' | 'v5'>, (text, abi) => {
      for (let col = 0; col <= text.length; col++) {
        const hover = hoverAt(text, col, abi);
        if (!hover) continue;
        const tokens = md.parse(hover.markdown, {});
        for (const t of tokens) expect(ALLOWED_BLOCK.has(t.type), `${t.type} in ${JSON.stringify(hover.markdown)}`).to.equal(true);
        for (const c of inlineChildren(tokens)) expect(ALLOWED_INLINE.has(c.type), `${c.type} in ${JSON.stringify(hover.markdown)}`).to.equal(true);
        for (const t of tokens) if (t.type === 'fence') expect(t.info).to.equal('text');
        expect(hover.span.start).to.be.within(0, text.length);
        expect(hover.span.end).to.be.within(hover.span.start, text.length);
      }
    }), { seed: 17, numRuns: 300 });
  });
});
