// Public surface of the code generators and the runtime decoder; src/index.ts re-exports from here.

export { generateTsModule, tsEventIdents, type CodegenOptions, type CodegenResult } from './ts.js';
export { cEventIdents, cFieldIdents, cLayoutStructs, generateCHeader } from './c.js';
export { decode, type DecodeOptions, type DecodeResult, type DecodedValue } from './decode.js';
export { fieldKeys } from './model.js';
