// The CLI's version, from package.json (bundled, so no file is read at run time).
import pkg from '../../package.json' with { type: 'json' };

export const VERSION: string = pkg.version;
