// What the CLI needs from the outside world, injected so tests run `main()` with a fake.
import { Chalk, type ChalkInstance } from 'chalk';

export interface CliStream {
  write(text: string): void;
  isTTY?: boolean;
}

export interface CliIo {
  stdout: CliStream;
  stderr: CliStream;
  /** Bytes of standard input (read only for `-`). */
  stdin: AsyncIterable<Uint8Array | string>;
  /** Working directory: relative paths, config search and display paths start here. */
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
}

/** A failure that ends the command with one line on stderr and an exit code (2 unless given). */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
    this.name = 'CliError';
  }
}

/**
 * Decide the colour level: `--color`/`--no-color` win, then FORCE_COLOR (0–3),
 * then NO_COLOR (any non-empty value), then whether the stream is a terminal.
 */
export function colourLevel(flag: boolean | undefined, stream: CliStream, env: CliIo['env']): 0 | 1 | 2 | 3 {
  if (flag === false) return 0;
  const force = env.FORCE_COLOR;
  if (flag === true) return force && /^[123]$/.test(force) ? (Number(force) as 1 | 2 | 3) : 1;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    return /^[123]$/.test(force) ? (Number(force) as 1 | 2 | 3) : 1;
  }
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  if (!stream.isTTY || env.TERM === 'dumb') return 0;
  return 1;
}

export function makeChalk(level: 0 | 1 | 2 | 3): ChalkInstance {
  return new Chalk({ level });
}
