// The public surface: a change to the exported names shows up here in review.
import { expect } from 'chai';
import * as api from '../../src/index.js';
import pkg from '../../package.json' with { type: 'json' };

describe('public API', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(api).sort()).to.deep.equal([
      'ConfigError', 'NotADefinitionFileError', 'PROFILES', 'REPORT_FORMATS', 'analyzeDefinition', 'applyFixes', 'catalog',
      'catalogEntries', 'classifyField', 'compareLayouts', 'computeLayout', 'decode', 'diffEventSets', 'dynamicEventsLine',
      'errnoName', 'errnoNumber', 'findCatalogEntry', 'fixText', 'formatFile', 'formatResults', 'formatToDefinition',
      'generateCHeader', 'generateTsModule', 'getProfile', 'isDynamicString', 'lintText', 'loadConfig', 'parse',
      'parseDefinition', 'parseFormatFile', 'printFmt', 'reregistrationMatches', 'resolveConfig', 'ruleDocsUrl', 'showText',
      'stringifyFormatFile',
    ]);
  });

  it('fences the package to the built index via `exports`', () => {
    expect(Object.keys(pkg.exports)).to.deep.equal(['.', './package.json']);
    expect(pkg.exports['.'].import).to.equal('./dist/lib/index.js');
  });
});
