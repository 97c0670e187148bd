// A fake CliIo for running `main()` in-process.
import type { CliIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function run(argv: string[], opts: { cwd?: string; stdin?: string; env?: Record<string, string>; tty?: boolean } = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (s) => { stdout += s; }, isTTY: opts.tty ?? false },
    stderr: { write: (s) => { stderr += s; }, isTTY: false },
    stdin: (async function* () { if (opts.stdin !== undefined) yield Buffer.from(opts.stdin); })(),
    cwd: opts.cwd ?? process.cwd(),
    env: opts.env ?? {},
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}
