// The file-level API from the built package, as a consumer imports it (`ue-lint`, through
// package.json `exports`): lintText, applyFixes, fixText, resolveConfig and formatResults
// work from dist, not only from src. (pkg's parity test holds `require('ue-lint')` to the
// same names.)
import { expect } from 'chai';
import { join } from 'node:path';

describe('file-level API from the built package', () => {
  it('import("ue-lint") lints, fixes, configures and reports', async () => {
    const api = await import('ue-lint' as string);
    for (const name of ['lintText', 'applyFixes', 'fixText', 'loadConfig', 'resolveConfig', 'formatResults', 'REPORT_FORMATS', 'ConfigError', 'NotADefinitionFileError']) {
      expect(api, name).to.have.property(name);
    }
    const text = 'wake u32 pid\nwake u64 pid\ntx u32  bytes\n';
    const config = await api.resolveConfig(join(import.meta.dirname, 'x.ue'));
    const r = await api.lintText(text, { filename: 'events.ue', config });
    expect(r.diagnostics.map((d: { code: string }) => d.code)).to.deep.equal(['UE304', 'UE006']);
    expect(api.applyFixes(text, r.diagnostics).text).to.equal('wake u32 pid\nwake u64 pid\ntx u32 bytes\n');
    expect((await api.fixText(text)).text).to.equal('wake u32 pid\nwake u64 pid\ntx u32 bytes\n');
    expect(api.formatResults([r], 'compact')).to.equal(
      'events.ue:2:1: error UE304 event `wake` is already defined with different fields\n'
      + 'events.ue:3:8: error UE006 the second space makes an empty token, so `bytes` is one token too many\n',
    );
  });
});
