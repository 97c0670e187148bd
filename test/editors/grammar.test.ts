// The extension's TextMate grammar, tokenized by vscode-textmate with VS Code's regex
// engine (vscode-oniguruma): event name, flags, prefixes, types, names, sizes, comments.
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tokenizer } from '../support/textmate.js';

const ROOT = join(import.meta.dirname, '..', '..');

describe('editors/vscode TextMate grammar', () => {
  let tokenize: (lines: string[]) => [string, string][][];
  before(async () => { tokenize = await tokenizer(); });

  const scopesOf = (line: string) => tokenize([line])[0]!.filter(([text]) => text.trim() !== '');

  it('event name, fields, types, names, separators', () => {
    expect(scopesOf('wake u32 pid;char[16] comm')).to.deep.equal([
      ['wake', 'entity.name.function.event'],
      ['u32', 'storage.type'], ['pid', 'variable.other.member.field'],
      [';', 'punctuation.terminator.field'],
      ['char', 'storage.type'], ['[', 'punctuation.definition.array.begin'], ['16', 'constant.numeric.size'], [']', 'punctuation.definition.array.end'],
      ['comm', 'variable.other.member.field'],
    ]);
  });

  it('the u: prefix, type prefixes, struct sizes and comments', () => {
    expect(scopesOf('u:req struct point pt 16; __data_loc char[] msg # note')).to.deep.equal([
      ['u:', 'keyword.other.prefix.dynamic-events'],
      ['req', 'entity.name.function.event'],
      ['struct', 'storage.type.struct'], ['point', 'entity.name.type.struct'], ['pt', 'variable.other.member.field'], ['16', 'constant.numeric.size'],
      [';', 'punctuation.terminator.field'],
      ['__data_loc', 'storage.modifier.data-location'], ['char', 'storage.type'], ['[', 'punctuation.definition.array.begin'], [']', 'punctuation.definition.array.end'],
      ['msg', 'variable.other.member.field'],
      ['#', 'punctuation.definition.comment'], [' note', 'comment.line.number-sign'],
    ]);
    expect(scopesOf('t unsigned int id')).to.deep.equal([
      ['t', 'entity.name.function.event'], ['unsigned', 'storage.modifier.unsigned'], ['int', 'storage.type'], ['id', 'variable.other.member.field'],
    ]);
  });

  it('flags, comment lines and deletion lines', () => {
    expect(scopesOf('old:BPF_ITER,X u8 a')).to.deep.equal([
      ['old', 'entity.name.function.event'], [':', 'punctuation.separator.flags'],
      ['BPF_ITER', 'constant.language.flag'], [',', 'punctuation.separator.comma'], ['X', 'constant.language.flag'],
      ['u8', 'storage.type'], ['a', 'variable.other.member.field'],
    ]);
    expect(scopesOf('# ue-lint-disable-next-line UE104')).to.deep.equal([['#', 'punctuation.definition.comment'], [' ue-lint-disable-next-line UE104', 'comment.line.number-sign']]);
    expect(scopesOf('-:old_event')).to.deep.equal([['-', 'keyword.operator.deletion'], [':', 'keyword.other.prefix.dynamic-events'], ['old_event', 'entity.name.function.event']]);
  });

  it('tokenizes every line of the example files without losing text', () => {
    for (const f of ['mistakes.ue', 'service.ue']) {
      const lines = readFileSync(join(ROOT, 'fixtures', 'examples', f), 'utf8').split('\n');
      tokenize(lines).forEach((tokens, i) => expect(tokens.map(([t]) => t).join('')).to.equal(lines[i]));
    }
  });
});
