// The CI formats: GitLab Code Quality and JUnit XML (new), SARIF's repository-relative
// URIs and fingerprints, GitHub's related locations. Structure checks (a schema for
// GitLab, a strict XML parse for JUnit) and a property that hostile names stay inert.
import { expect } from 'chai';
import { Chalk } from 'chalk';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import AjvModule from 'ajv';
import { SaxesParser } from 'saxes';
import type { FileDiagnostic, FileResult } from '../../src/lint/file-linter.js';
import { summarise } from '../../src/lint/file-linter.js';
import { github, gitlab, junit, sarif } from '../../src/report/index.js';
import { showUnsafe } from '../../src/report/xml.js';
import { SAMPLE_RESULTS } from './sample-results.js';
import { sarifValidator } from './sarif-validator.js';

const Ajv = (AjvModule as unknown as { default?: typeof AjvModule }).default ?? AjvModule;
const plain = { chalk: new Chalk({ level: 0 }), version: '0.0.0-test' };
const inRepo = { ...plain, paths: { cwd: '/repo/sub', root: '/repo' } };
const RUNS = Number(process.env.FC_RUNS ?? 1000);

function gitlabValidator() {
  const ajv = new (Ajv as unknown as new (o: object) => { compile(s: unknown): ((x: unknown) => boolean) & { errors?: unknown } })({ strict: false, allErrors: true });
  return ajv.compile(JSON.parse(readFileSync(new URL('../schemas/gitlab-code-quality.schema.json', import.meta.url), 'utf8')));
}

interface XmlElement { name: string; attributes: Record<string, string>; children: XmlElement[]; text: string }

/** A strict XML 1.0 parse (saxes rejects ill-formed input and characters XML cannot carry). */
function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: false });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  parser.on('error', (e) => { throw e; });
  parser.on('opentag', (tag) => {
    const el: XmlElement = { name: tag.name, attributes: tag.attributes as Record<string, string>, children: [], text: '' };
    if (stack.length > 0) stack[stack.length - 1]!.children.push(el);
    else root = el;
    stack.push(el);
  });
  parser.on('text', (t) => { if (stack.length > 0) stack[stack.length - 1]!.text += t; });
  parser.on('closetag', () => { stack.pop(); });
  parser.write(xml).close();
  if (!root) throw new Error('no root element');
  return root;
}

const diag = (over: Partial<FileDiagnostic>): FileDiagnostic => ({
  code: 'UE006', name: 'double-space-in-field', severity: 'error', message: 'm', file: 'a.ue',
  range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 2, offset: 1 } }, sourceLine: 'x u32  a', ...over,
});

describe('report: CI formats', () => {
  describe('gitlab (Code Quality)', () => {
    it('validates against the documented format, with unique fingerprints and GitLab severities', () => {
      const issues = JSON.parse(gitlab(SAMPLE_RESULTS, inRepo));
      const validate = gitlabValidator();
      expect(validate(issues), JSON.stringify(validate.errors)).to.equal(true);
      expect(issues).to.have.length(3);
      expect(issues[0]).to.deep.equal({
        description: 'UE104: duplicate field name `pid`', check_name: 'UE104', fingerprint: issues[0].fingerprint, severity: 'minor',
        location: { path: 'sub/events.ue', positions: { begin: { line: 3, column: 34 }, end: { line: 3, column: 37 } } },
      });
      expect(issues[1].severity).to.equal('major');
      expect(new Set(issues.map((i: { fingerprint: string }) => i.fingerprint)).size).to.equal(3);
      expect(gitlab([], inRepo)).to.equal('[]\n');
      const out = gitlab(SAMPLE_RESULTS, inRepo);
      expect(out).to.equal(`${JSON.stringify(JSON.parse(out), null, 2)}\n`);
    });

    it('fingerprints survive a moved line, and tell identical lines apart', () => {
      const at = (line: number) => diag({ range: { start: { line, column: 7, offset: 0 }, end: { line, column: 8, offset: 0 } } });
      const fp = (ds: FileDiagnostic[]) => JSON.parse(gitlab([summarise('a.ue', ds)], plain)).map((i: { fingerprint: string }) => i.fingerprint);
      expect(fp([at(3)])).to.deep.equal(fp([at(40)]));
      const [first, second] = fp([at(3), at(9)]);
      expect(first).not.to.equal(second);
      expect(fp([at(1)])[0]).not.to.equal(fp([diag({ code: 'UE007' })])[0]);
    });
  });

  describe('junit', () => {
    it('is well-formed XML: one testsuite per file, one failing testcase per diagnostic, a passing one for a clean file', () => {
      const doc = parseXml(junit(SAMPLE_RESULTS, plain));
      expect(doc.name).to.equal('testsuites');
      const suites = doc.children;
      expect(suites.map((s) => s.attributes.name)).to.deep.equal(['events.ue', 'dir with space/a,b.ue', 'b.ue', 'clean.ue']);
      for (const s of suites) {
        expect(s.name).to.equal('testsuite');
        const cases = s.children;
        expect(Number(s.attributes.tests)).to.equal(cases.length);
        expect(Number(s.attributes.failures)).to.equal(cases.filter((c) => c.children.some((f) => f.name === 'failure')).length);
        for (const c of cases) expect(c.attributes.classname).to.equal(s.attributes.name);
      }
      const dup = suites[0]!.children[0]!;
      expect(dup.attributes).to.deep.include({ name: 'UE104 duplicate-field-name at 3:34', line: '3', file: 'events.ue' });
      expect(dup.children[0]!.attributes).to.deep.equal({ type: 'warning', message: 'duplicate field name `pid`' });
      expect(dup.children[0]!.text).to.equal([
        'events.ue:3:34: warning UE104 duplicate field name `pid`', 'help: rename one of the two fields',
        'first defined here: events.ue:3:10', 'https://github.com/ue-lint/ue-lint/blob/main/docs/rules/duplicate-field-name.md',
      ].join('\n'));
      expect(suites[3]!.children).to.have.length(1);
      expect(suites[3]!.children[0]!.children).to.deep.equal([]);
      expect(junit([], plain)).to.equal('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="ue-lint">\n</testsuites>\n');
    });
  });

  describe('hostile names and messages stay inert', () => {
    // Every byte class an attacker would try: C0/C1 controls (U+009B is a CSI), ESC sequences,
    // bidi controls, line separators, XML markup, noncharacters, lone surrogates, backslashes.
    const hostileChar = fc.oneof(
      fc.constantFrom('\x00', '\x07', '\x1b', '\t', '\n', '\r', '\x7f', '\x85', '\x9b', '\u2028', '\u2029', '\u202e', '\u2066', '\ufffe', '\uffff', '\ud800', '\udc00', '\\', '<', '&', '"', "'", ']]>', '::error ', '%0A'),
      fc.string({ unit: 'binary', maxLength: 3 }),
    );
    const hostile = fc.array(hostileChar, { maxLength: 12 }).map((a) => a.join(''));
    const UNSAFE_RAW = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

    it(`junit: well-formed, no unsafe character, and every value reads back as shown escaped (${RUNS} runs)`, () => {
      fc.assert(fc.property(hostile, hostile, hostile, (file, message, label) => {
        const d = diag({ file: file || 'x', message, help: label, related: [{ file: file || 'x', label, range: diag({}).range, sourceLine: '' }] });
        const results: FileResult[] = [summarise(file || 'x', [d]), summarise(`${file}2`, [])];
        const xml = junit(results, plain);
        expect(UNSAFE_RAW.test(xml)).to.equal(false);
        const doc = parseXml(xml); // throws on anything XML 1.0 cannot carry
        const suite = doc.children[0]!;
        expect(suite.attributes.name).to.equal(showUnsafe(file || 'x'));
        const failure = suite.children[0]!.children[0]!;
        expect(failure.attributes.message).to.equal(showUnsafe(message));
        expect(failure.text.split('\n')[0]).to.equal(showUnsafe(`${file || 'x'}:1:1: error UE006 ${message}`));
        expect(doc.children[1]!.attributes.name).to.equal(showUnsafe(`${file}2`));
      }), { numRuns: RUNS, seed: 14 });
    });

    it(`gitlab: the raw report holds no unsafe character, and the path reads back exactly (${RUNS} runs)`, () => {
      fc.assert(fc.property(hostile, hostile, (file, message) => {
        const out = gitlab([summarise(file || 'x', [diag({ file: file || 'x', message })])], plain);
        expect(UNSAFE_RAW.test(out)).to.equal(false);
        const [issue] = JSON.parse(out);
        expect(issue.location.path).to.equal(file || 'x');
        expect(issue.description).to.equal(showUnsafe(`UE006: ${message}`));
      }), { numRuns: RUNS, seed: 14 });
    });
  });

  describe('sarif', () => {
    it('locates files from the repository root (%SRCROOT%), wherever ue-lint runs', () => {
      const log = JSON.parse(sarif(SAMPLE_RESULTS, inRepo));
      const validate = sarifValidator();
      expect(validate(log), JSON.stringify(validate.errors)).to.equal(true);
      expect(log.runs[0].originalUriBaseIds).to.deep.equal({ '%SRCROOT%': { uri: 'file:///repo/' } });
      expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation).to.deep.equal({ uri: 'sub/events.ue', uriBaseId: '%SRCROOT%' });
      expect(log.runs[0].results[1].locations[0].physicalLocation.artifactLocation.uri).to.equal('sub/dir%20with%20space/a%2Cb.ue');
      const outside = JSON.parse(sarif([summarise('../../elsewhere/x.ue', [diag({ file: '../../elsewhere/x.ue' })])], inRepo));
      expect(outside.runs[0].results[0].locations[0].physicalLocation.artifactLocation).to.deep.equal({ uri: 'file:///elsewhere/x.ue' });
    });

    it('partialFingerprints: the rule and the normalised line, not the line number', () => {
      const fp = (ds: FileDiagnostic[]) => JSON.parse(sarif([summarise('a.ue', ds)], plain)).runs[0].results.map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints['ueLint/v1']);
      const moved = diag({ range: { start: { line: 30, column: 9, offset: 300 }, end: { line: 30, column: 10, offset: 301 } }, sourceLine: '  x   u32  a  ' });
      expect(fp([diag({})])).to.deep.equal(fp([moved]));
      expect(fp([diag({})])[0]).to.match(/^[0-9a-f]{32}:1$/);
      expect(fp([diag({}), moved])[1]).to.match(/:2$/);
      expect(fp([diag({ code: 'UE007' })])[0]).not.to.equal(fp([diag({})])[0]);
      expect(fp([diag({ sourceLine: 'y u32  a' })])[0]).not.to.equal(fp([diag({})])[0]);
    });
  });

  it('github: related locations ("first defined here") are part of the message', () => {
    const lines = github(SAMPLE_RESULTS, plain).trimEnd().split('\n');
    expect(lines[0]).to.equal('::warning file=events.ue,line=3,col=34,endLine=3,endColumn=37,title=UE104 duplicate-field-name::duplicate field name `pid`%0Ahelp: rename one of the two fields%0Afirst defined here: events.ue:3:10');
    expect(lines[2]).to.match(/%0Afirst defined here: events\.ue:1:1$/);
  });
});
