// Every README example shows exactly what it prints. The convention (also on the team board):
// in a fenced code block, a line starting with `$ ` is a command; the lines after it, up to
// the next `$ ` line or the end of the block, are what it prints, standard output and standard
// error together as a terminal shows them, without colours. Blank lines just before the next
// `$ ` line (or the block's end) only separate examples. Commands run with bash in the
// repository root, read no input, must not change the tree, and `npx ue-lint` is the built CLI.
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, ROOT } from '../support/cli.js';
import { tempDir } from '../support/temp-dir.js';

export interface Example {
  command: string;
  output: string;
  /** 1-based line of the command in the Markdown file. */
  line: number;
}

/** The `$ ` examples of a Markdown text, by the convention above. */
export function examplesIn(markdown: string): Example[] {
  const lines = markdown.split('\n');
  const out: Example[] = [];
  let fence: string | undefined;
  let current: { command: string; line: number; output: string[] } | undefined;
  const close = () => {
    if (!current) return;
    while (current.output.length > 0 && current.output[current.output.length - 1] === '') current.output.pop();
    out.push({ command: current.command, line: current.line, output: current.output.map((l) => `${l}\n`).join('') });
    current = undefined;
  };
  lines.forEach((text, i) => {
    const marker = /^(`{3,}|~{3,})/.exec(text)?.[1];
    if (fence === undefined) {
      if (marker) fence = marker;
      return;
    }
    if (marker && text.startsWith(fence) && text.trim() === marker) {
      close();
      fence = undefined;
      return;
    }
    if (text.startsWith('$ ')) {
      close();
      current = { command: text.slice(2), line: i + 1, output: [] };
    } else if (current) current.output.push(text);
  });
  return out;
}

describe('README examples print exactly what the README shows', function () {
  this.timeout(60000);
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const examples = examplesIn(readme);

  // `npx ue-lint …` and `ue-lint …` run the built CLI, without npx's network or start-up.
  const shims = tempDir('ue-readme-');
  for (const name of ['npx', 'ue-lint']) {
    const skip = name === 'npx' ? 'if [ "$1" = ue-lint ]; then shift; else echo "README examples may only run npx ue-lint" >&2; exit 127; fi\n' : '';
    writeFileSync(join(shims, name), `#!/bin/sh\n${skip}exec "${process.execPath}" "${BIN}" "$@"\n`);
    chmodSync(join(shims, name), 0o755);
  }

  it('finds the examples (the convention parses)', () => {
    expect(examples.length).to.be.greaterThan(1);
    expect(examplesIn('```sh\n$ a\nx\n\ny\n\n$ b\n```\n$ not-in-a-block\n```\n$ c\n```\n')).to.deep.equal([
      { command: 'a', output: 'x\n\ny\n', line: 2 },
      { command: 'b', output: '', line: 7 },
      { command: 'c', output: '', line: 11 },
    ]);
  });

  for (const ex of examples) {
    it(`README.md:${ex.line}: ${ex.command}`, () => {
      const r = spawnSync('bash', ['-o', 'pipefail', '-c', `{ ${ex.command}\n} 2>&1`], {
        cwd: ROOT,
        input: '',
        encoding: 'utf8',
        env: { PATH: `${shims}:${process.env.PATH ?? ''}`, NO_COLOR: '1', HOME: process.env.HOME ?? '/tmp' },
      });
      expect(r.stdout, `README.md:${ex.line}`).to.equal(ex.output);
    });
  }
});
