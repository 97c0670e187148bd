// Deletion lines in definition files (spec §1.3): a deletion that matches removes the event from
// the cross-line registry, so defining the name again is a fresh registration (no UE304); on
// linux, a deletion whose fields differ deletes nothing (UE307, ENOENT) and the event stays.
import { expect } from 'chai';
import { lintText } from '../../src/lint/lint-text.js';

const codes = async (text: string, abi: 'linux' | 'v5' = 'linux') =>
  (await lintText(text, { abi })).diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column}-${d.range.end.column} ${d.code}`);

describe('lint/deletions', () => {
  it('a matching deletion lets the name be defined again with other fields', async () => {
    expect(await codes('test u32 a\n-:test u32 a\ntest u64 a\n')).to.deep.equal([]);
    expect(await codes('test u32 a; u32 b\n!u:test u32 a; u32 b\ntest u64 a\n')).to.deep.equal([]);
    expect(await codes('test u32 a\n-:user_events/test u32 a\ntest u64 a\n')).to.deep.equal([]);
    expect(await codes('e\n-:e\ne u32 a\n'), 'a bare deletion matches an event without fields').to.deep.equal([]);
    expect(await codes('test struct pt p 16\n-:test struct pt p 16\ntest u8 p\n')).to.deep.equal([]);
  });

  it('without a deletion, or after one that failed, a redefinition is still UE304', async () => {
    expect(await codes('test u32 a\ntest u64 a\n')).to.deep.equal(['2:1-5 UE304']);
    expect(await codes('test u32 a\n-:kprobes/test u32 a\ntest u64 a\n'), 'another system deletes no user event').to.deep.equal(['3:1-5 UE304']);
    expect(await codes('test u32 a\n-:other u32 a\ntest u64 a\n')).to.deep.equal(['3:1-5 UE304']);
  });

  it('linux: a deletion without fields, of an event with fields, deletes nothing (UE307)', async () => {
    const r = await lintText('test u32 a\n-:test\ntest u64 a\n');
    expect(r.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column}-${d.range.end.column} ${d.code}`)).to.deep.equal(['2:3-7 UE307', '3:1-5 UE304']);
    const d = r.diagnostics[0]!;
    expect(d).to.deep.include({ severity: 'error', errno: 'ENOENT', message: 'a deletion without fields removes only an event without fields; `test` has fields' });
    expect(d.help).to.equal('name the fields as registered: `-:test u32 a`');
    expect(d.related?.map((x) => [x.label, x.range.start.line, x.range.start.column])).to.deep.equal([['registered here', 1, 1]]);
  });

  it('linux: other fields, or `;` without a space (no fix-up on this path), delete nothing', async () => {
    expect(await codes('test u32 a\n!u:test u64 a\n')).to.deep.equal(['2:9-14 UE307']);
    expect(await codes('test u32 a; u32 b\n-:test u32 a;u32 b\ntest u8 c\n')).to.deep.equal(['2:8-19 UE307', '3:1-5 UE304']);
    expect(await codes('test u32 a; u32 b\n-:test u32 b; u32 a  \n')).to.deep.equal(['2:8-20 UE307']);
  });

  it('v5 deletes by name and ignores the words after it', async () => {
    expect(await codes('test u32 a\n-:test\ntest u64 a\n', 'v5')).to.deep.equal([]);
    expect(await codes('test u32 a\n-:test u8 zzz\ntest u64 a\n', 'v5')).to.deep.equal([]);
    expect(await codes('test u32 a\ntest u64 a\n', 'v5')).to.deep.equal(['2:1-5 UE306']);
  });

  it('a deletion of a name this lint never saw says nothing (it may be registered elsewhere)', async () => {
    expect(await codes('-:elsewhere\n!u:elsewhere u32 a\n')).to.deep.equal([]);
  });

  it('the catalog example and its fix', async () => {
    expect(await codes('test u32 a\n-:test\ntest u64 a')).to.include('2:3-7 UE307');
    expect(await codes('test u32 a\n-:test u32 a\ntest u64 a')).to.deep.equal([]);
  });
});
