// The codegen tests build layouts with `layoutOf`; this pins it to the real parser, so the
// goldens and byte tests hold for what `ue-lint codegen` will feed the generators.
import { expect } from 'chai';
import { parseDefinition } from '../../src/index.js';
import { layoutOf, readDefinitions } from './support.js';

describe('codegen/layoutOf agrees with parseDefinition', () => {
  const defs = [
    ...readDefinitions('fixtures/definitions/codegen/kinds.ue'),
    'e struct A a 2147483647;struct B b 2147483647;struct C c 2147483647;u32 d',
    'we?ird"ev/*t u8 a*/b; u8 ??=x; char[4] é; u8 \\',
  ];
  for (const def of defs) {
    it(def, () => {
      const r = parseDefinition(def, { abi: 'linux' });
      expect(r.ok, def).to.equal(true);
      if (r.ok) expect(r.event).to.deep.equal(layoutOf(def));
    });
  }
});
