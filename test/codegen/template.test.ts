import { expect } from 'chai';
import { dedent } from '../../src/codegen/template.js';

describe('codegen/template', () => {
  it('strips the common indent and the blank first and last lines', () => {
    expect(dedent`
      a
        b
      c
    `).to.equal('a\n  b\nc');
  });

  it('indents multi-line and array values to their column', () => {
    const body = ['int x;', 'int y;'];
    expect(dedent`
      struct a {
      \t${body}
      \t${'z;\nw;'}
      };
    `).to.equal('struct a {\n\tint x;\n\tint y;\n\tz;\n\tw;\n};');
  });

  it('drops a line holding only an empty value, keeps real blank lines', () => {
    expect(dedent`
      a
        ${''}

      ${[]}
      b ${''}
    `).to.equal('a\n\nb ');
  });

  it('does not indent the empty lines of a value', () => {
    expect(dedent`
      x
        ${'a\n\nb'}
    `).to.equal('x\n  a\n\n  b');
  });
});
