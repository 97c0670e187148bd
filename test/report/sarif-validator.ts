// Validate SARIF logs against the vendored official SARIF 2.1.0 schema (see test/schemas/README.md).
import { readFileSync } from 'node:fs';
import AjvModule from 'ajv';
import addFormatsModule from 'ajv-formats';

const Ajv = AjvModule.default ?? AjvModule;
const addFormats = addFormatsModule.default ?? addFormatsModule;

export function sarifValidator() {
  const ajv = new (Ajv as unknown as typeof AjvModule.default)({ strict: false, allErrors: true });
  (addFormats as unknown as typeof addFormatsModule.default)(ajv);
  const schema = JSON.parse(readFileSync(new URL('../schemas/sarif-schema-2.1.0.json', import.meta.url), 'utf8'));
  return ajv.compile(schema);
}

