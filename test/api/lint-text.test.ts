// lintText is `ue-lint lint` for one file: on every fixture, under both ABIs and with a
// configuration, the library's result rendered by formatResults is byte for byte what
// the CLI prints (json carries offsets, related locations and fixes; stylish the code
// frames). applyFixes/fixText write what `--fix` writes.
import { expect } from 'chai';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { applyFixes, fixText, formatResults, lintText, loadConfig, NotADefinitionFileError, resolveConfig, type ReportFormat } from '../../src/index.js';
import { run } from '../cli/fake-io.js';
import { tempDir } from '../support/temp-dir.js';

const ROOT = join(import.meta.dirname, '..', '..');

function definitionFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? definitionFiles(p) : e.name.endsWith('.ue') ? [p] : [];
  });
}

const FIXTURES = definitionFiles(join(ROOT, 'fixtures')).map((p) => relative(ROOT, p).split('\\').join('/')).sort();

/** What the library says for `file`, rendered as the CLI would, or the CLI's error line. */
async function library(cwd: string, file: string, format: ReportFormat, abi?: 'linux' | 'v5'): Promise<string> {
  const text = readFileSync(join(cwd, file), 'utf8');
  const config = await resolveConfig(join(cwd, 'the-cli-runs-here'));
  // SARIF locates files from the repository root, as the CLI does from where it runs.
  const options = { version: '9.9.9', ...(format === 'sarif' ? { root: ROOT, cwd } : {}) };
  try {
    const result = await lintText(text, { filename: file, config, ...(abi ? { abi } : {}) });
    return result.ignored ? formatResults([], format, options) : formatResults([result], format, options);
  } catch (err) {
    if (err instanceof NotADefinitionFileError) return `${formatResults([], format, options)}ue-lint: ${file}: ${err.message}\n`;
    throw err;
  }
}

async function cli(cwd: string, file: string, format: ReportFormat, abi?: 'linux' | 'v5'): Promise<string> {
  const r = await run(['lint', '--format', format, '--no-color', ...(abi ? ['--abi', abi] : []), file], { cwd });
  // The CLI names its own version in SARIF; the library is given the same one.
  return (r.stdout + r.stderr).replaceAll(`"version": "${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version}"`, '"version": "9.9.9"');
}

describe('lintText ≡ ue-lint lint', () => {
  it('covers the fixtures', () => {
    expect(FIXTURES.length).to.be.greaterThan(10);
    expect(FIXTURES).to.include('fixtures/files/binary.ue');
  });

  for (const file of FIXTURES) {
    it(`${file}: json and stylish, linux and v5`, async () => {
      for (const abi of [undefined, 'v5'] as const) {
        for (const format of ['json', 'stylish', 'sarif'] as const) {
          expect(await library(ROOT, file, format, abi), `${format} ${abi ?? ''}`).to.equal(await cli(ROOT, file, format, abi));
        }
      }
    });
  }

  it('with a configuration: rule settings, abi and ignore', async () => {
    const dir = tempDir('ue-lint-text-');
    mkdirSync(join(dir, 'vendor'));
    writeFileSync(join(dir, 'ue-lint.config.json'), JSON.stringify({ abi: 'v5', rules: { 'unusual-event-name': 'off', UE104: 'error', UE112: 'warn' }, ignore: ['vendor/**'] }));
    const text = 'a-b u32 x;u32 x\nwake u32 pid\nwake u64 pid\n# ue-lint-disable-next-line UE006\nc u32  y\n';
    writeFileSync(join(dir, 'events.ue'), text);
    copyFileSync(join(dir, 'events.ue'), join(dir, 'vendor', 'skip.ue'));
    for (const format of ['json', 'stylish'] as const) {
      const lib = await library(dir, 'events.ue', format);
      expect(lib).to.equal(await cli(dir, 'events.ue', format));
      expect(lib).to.include('UE306').and.include('UE104').and.not.include('UE108').and.not.include('UE006');
    }
    const ignored = await lintText(text, { filename: join(dir, 'vendor/skip.ue'), config: await loadConfig(join(dir, 'ue-lint.config.json')) });
    expect(ignored.ignored).to.equal(true);
    expect(ignored.diagnostics).to.deep.equal([]);
    expect((await run(['lint', '--format', 'json', 'vendor/skip.ue'], { cwd: dir })).stdout).to.include('"diagnostics": []');
  });

  it('takes a configuration object shaped like the file, and rejects a bad one', async () => {
    const r = await lintText('a-b u32 x\n', { config: { rules: { 'unusual-event-name': 'error' } } });
    expect(r.diagnostics.map((d) => [d.code, d.severity])).to.deep.equal([['UE108', 'error']]);
    let error: unknown;
    try {
      await lintText('a u32 x\n', { config: { rules: { 'no-such-rule': 'off' } } });
    } catch (err) {
      error = err;
    }
    expect(String(error)).to.equal('ConfigError: configuration: unknown rule `no-such-rule` in `rules` (see `ue-lint explain`)');
  });
});

describe('applyFixes and fixText ≡ ue-lint lint --fix', () => {
  for (const file of ['fixtures/files/fixable.ue', 'fixtures/files/crlf.ue', 'fixtures/files/bom.ue', 'fixtures/examples/mistakes.ue']) {
    it(file, async () => {
      const dir = tempDir('ue-lint-text-');
      const text = readFileSync(join(ROOT, file), 'utf8');
      writeFileSync(join(dir, 'f.ue'), text);
      const r = await run(['lint', '--fix', '--format', 'json', 'f.ue'], { cwd: dir });
      const fixed = await fixText(text, { filename: 'f.ue' });
      expect(fixed.text).to.equal(readFileSync(join(dir, 'f.ue'), 'utf8'));
      expect(formatResults([fixed.result], 'json')).to.equal(r.stdout);
      // One pass of applyFixes is what the CLI's first pass writes.
      const once = applyFixes(text, (await lintText(text)).diagnostics);
      expect(once.applied > 0).to.equal(fixed.applied > 0);
    });
  }

  it('keeps a BOM and unfixed lines byte for byte; CRLF becomes LF (UE302\'s safe fix)', async () => {
    const text = '\ufeffa u32  x\r\nb u32 y\r\nc u32 z # note\n  d u32 w ';
    const r = applyFixes(text, (await lintText(text)).diagnostics);
    expect(r.text).to.equal('\ufeffa u32 x\nb u32 y\nc u32 z# note\n  d u32 w');
    expect(r.applied).to.equal(4);
  });
});
