import { expect } from 'chai';
import { Chalk } from 'chalk';
import { catalogEntries } from '../../src/diagnostics/catalog.js';
import { compact, github, json, renderFrame, sarif, stylish } from '../../src/report/index.js';
import { SAMPLE_RESULTS } from './sample-results.js';
import { sarifValidator } from './sarif-validator.js';
import { ruleDocsUrl } from '../../src/diagnostics/docs.js';

const plain = { chalk: new Chalk({ level: 0 }), version: '0.0.0-test' };

describe('report', () => {
  it('stylish renders Ruff-like frames with related labels on the same line', () => {
    const out = stylish(SAMPLE_RESULTS, plain);
    expect(out).to.contain([
      'warning[UE104]: duplicate field name `pid`',
      ' --> events.ue:3:34',
      '  |',
      '3 | wake u32 pid; char[16] comm; u32 pid',
      '  |          --- first defined here  ^^^',
      '  |',
      'help: rename one of the two fields',
    ].join('\n'));
    expect(out).to.match(/Found 2 errors and 1 warning\.\n1 problem fixable with `--fix`\.\n$/);
  });

  it('stylish shows tabs as 4 spaces and keeps carets aligned', () => {
    const frame = renderFrame(SAMPLE_RESULTS[1]!.diagnostics[0]!, plain.chalk);
    expect(frame).to.contain('1 | x    u32  a\n  |          ^\n');
  });

  it('stylish puts a related span in another file in its own ::: block', () => {
    const frame = renderFrame(SAMPLE_RESULTS[2]!.diagnostics[0]!, plain.chalk);
    expect(frame).to.equal([
      'error[UE304]: event `test` is already defined with different fields',
      '  --> b.ue:12:1',
      '   |',
      '12 | test u64 a',
      '   | ^^^^',
      '  ::: events.ue:1:1',
      '   |',
      ' 1 | test u32 a',
      '   | ---- first defined here',
      '   |',
      'note: the kernel answers EADDRINUSE',
    ].join('\n'));
  });

  it('stylish colours only when given a colouring chalk, and prints nothing when clean', () => {
    expect(stylish(SAMPLE_RESULTS, plain)).not.to.match(/\x1b\[/);
    expect(stylish(SAMPLE_RESULTS, { ...plain, chalk: new Chalk({ level: 1 }) })).to.match(/\x1b\[31m/);
    expect(stylish([SAMPLE_RESULTS[3]!], plain)).to.equal('');
  });

  it('compact prints file:line:col: severity code message', () => {
    expect(compact(SAMPLE_RESULTS, plain).split('\n')[0]).to.equal('events.ue:3:34: warning UE104 duplicate field name `pid`');
  });

  it('github escapes properties and data', () => {
    const lines = github(SAMPLE_RESULTS, plain).trimEnd().split('\n');
    expect(lines[0]).to.equal('::warning file=events.ue,line=3,col=34,endLine=3,endColumn=37,title=UE104 duplicate-field-name::duplicate field name `pid`%0Ahelp: rename one of the two fields%0Afirst defined here: events.ue:3:10');
    expect(lines[1]).to.match(/^::error file=dir with space\/a%2Cb\.ue,line=1,col=7,/);
  });

  it('json has the documented stable shape', () => {
    const body = JSON.parse(json(SAMPLE_RESULTS, plain));
    expect(body.version).to.equal(1);
    expect(body.summary).to.deep.equal({ files: 4, errors: 2, warnings: 1, fixable: 1, unsafeFixable: 0 });
    expect(body.diagnostics[0]).to.deep.equal({
      code: 'UE104', name: 'duplicate-field-name', url: 'https://github.com/ue-lint/ue-lint/blob/main/docs/rules/duplicate-field-name.md',
      severity: 'warning', message: 'duplicate field name `pid`', file: 'events.ue',
      offset: { start: 53, end: 56 }, range: { start: { line: 3, column: 34 }, end: { line: 3, column: 37 } },
      help: 'rename one of the two fields', errno: null,
      related: [{ file: 'events.ue', label: 'first defined here', offset: { start: 29, end: 32 }, range: { start: { line: 3, column: 10 }, end: { line: 3, column: 13 } } }],
      fix: null,
    });
    expect(body.diagnostics[1].fix).to.deep.equal({ description: 'collapse the double space', line: 1, startColumn: 7, endColumn: 8, replacement: '', applicability: 'safe' });
  });

  it('sarif validates against the SARIF 2.1.0 schema and takes rules from the catalog', () => {
    const log = JSON.parse(sarif(SAMPLE_RESULTS, plain));
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).to.equal(true);
    const rules = log.runs[0].tool.driver.rules;
    expect(rules.map((r: { id: string }) => r.id)).to.deep.equal(catalogEntries.map((e) => e.code));
    expect(rules.find((r: { id: string }) => r.id === 'UE104')).to.deep.include({
      name: 'duplicate-field-name', defaultConfiguration: { level: 'warning' },
      helpUri: 'https://github.com/ue-lint/ue-lint/blob/main/docs/rules/duplicate-field-name.md',
    });
    for (const r of rules) expect(r.helpUri, r.id).to.equal(ruleDocsUrl(r.id));
    expect(log.runs[0].tool.driver.informationUri).to.equal('https://github.com/ue-lint/ue-lint/blob/main/docs/rules/README.md');
    const results = log.runs[0].results;
    expect(results[0].ruleIndex).to.equal(rules.findIndex((r: { id: string }) => r.id === 'UE104'));
    expect(results[1].locations[0].physicalLocation.artifactLocation.uri).to.equal('dir%20with%20space/a%2Cb.ue');
    expect(results[1].fixes[0].artifactChanges[0].replacements[0].deletedRegion).to.deep.equal({ startLine: 1, startColumn: 7, endLine: 1, endColumn: 8 });
  });

  it('sarif with no results is still valid', () => {
    const validate = sarifValidator();
    expect(validate(JSON.parse(sarif([], plain)))).to.equal(true);
  });
});

describe('report: streamed pieces', () => {
  const plain = { chalk: new Chalk({ level: 0 }), version: '0.0.0-test' };
  // The CLI prints start, each diagnostic, end as it lints; the JSON formats must still
  // be exactly what JSON.stringify(…, null, 2) makes of the whole document.
  for (const [name, reporter] of [['json', json], ['sarif', sarif]] as const) {
    for (const [label, results] of [['some diagnostics', SAMPLE_RESULTS], ['none', SAMPLE_RESULTS.slice(3)], ['no files', []]] as const) {
      it(`${name} with ${label} is canonical pretty-printed JSON`, () => {
        const out = reporter(results, plain);
        expect(out).to.equal(`${JSON.stringify(JSON.parse(out), null, 2)}\n`);
      });
    }
  }
  it('json puts every diagnostic in order, then the summary', () => {
    const doc = JSON.parse(json(SAMPLE_RESULTS, plain));
    expect(Object.keys(doc)).to.deep.equal(['version', 'diagnostics', 'summary']);
    expect(doc.diagnostics.map((d: { code: string }) => d.code)).to.deep.equal(SAMPLE_RESULTS.flatMap((r) => r.diagnostics.map((d) => d.code)));
    expect(doc.summary).to.deep.equal({ files: 4, errors: 2, warnings: 1, fixable: 1, unsafeFixable: 0 });
  });
});
