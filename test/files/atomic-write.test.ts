import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { replaceFileAtomic, writeFileAtomic } from '../../src/files/atomic-write.js';
import { tempDir } from '../support/temp-dir.js';

const tmp = () => tempDir('ue-atomic-');

describe('files/atomic-write', () => {
  it('creates a new file and replaces an existing one, keeping its mode, leaving no temp file', async () => {
    const dir = tmp();
    const file = join(dir, 'a.h');
    expect(await writeFileAtomic(file, 'one\n')).to.equal('written');
    expect(readFileSync(file, 'utf8')).to.equal('one\n');
    chmodSync(file, 0o604);
    expect(await writeFileAtomic(file, Uint8Array.from(Buffer.from('two\n')))).to.equal('written');
    expect(readFileSync(file, 'utf8')).to.equal('two\n');
    expect(statSync(file).mode & 0o777).to.equal(0o604);
    expect(readdirSync(dir)).to.deep.equal(['a.h']);
  });

  it('does not touch a file that already holds the bytes: mtime and inode stay', async () => {
    const dir = tmp();
    const file = join(dir, 'a.h');
    writeFileSync(file, 'same\n');
    const past = new Date('2020-01-01T00:00:00Z');
    utimesSync(file, past, past);
    const before = statSync(file);
    expect(await writeFileAtomic(file, 'same\n')).to.equal('unchanged');
    expect(statSync(file).mtimeMs).to.equal(before.mtimeMs);
    expect(statSync(file).ino).to.equal(before.ino);
  });

  it('leaves the original and no temp file when the producer abandons or fails', async () => {
    const dir = tmp();
    const file = join(dir, 'a.h');
    writeFileSync(file, 'orig\n');
    expect(await replaceFileAtomic(file, async (out) => (await out.write('x'.repeat(100_000)), false))).to.equal(false);
    let caught: unknown;
    try {
      await replaceFileAtomic(file, async (out) => {
        await out.write('x'.repeat(100_000));
        throw new Error('boom');
      });
    } catch (err) {
      caught = err;
    }
    expect((caught as Error).message).to.equal('boom');
    expect(readFileSync(file, 'utf8')).to.equal('orig\n');
    expect(readdirSync(dir)).to.deep.equal(['a.h']);
  });

  it('refuses a directory with EISDIR', async () => {
    const dir = tmp();
    let code: unknown;
    try {
      await writeFileAtomic(dir, 'x');
    } catch (err) {
      code = (err as NodeJS.ErrnoException).code;
    }
    expect(code).to.equal('EISDIR');
  });

  it('keeps the original whole when the process is killed mid-write', async function () {
    this.timeout(30_000);
    const dir = tmp();
    const file = join(dir, 'a.h');
    writeFileSync(file, 'original\n');
    const mod = fileURLToPath(new URL('../../src/files/atomic-write.ts', import.meta.url));
    // The child writes 1 MiB (flushed to the temp file), says so, then hangs until killed.
    const script = `
      import { replaceFileAtomic } from ${JSON.stringify(mod)};
      await replaceFileAtomic(${JSON.stringify(file)}, async (out) => {
        await out.write('y'.repeat(1 << 20));
        process.stdout.write('ready\\n');
        await new Promise(() => setInterval(() => {}, 1000));
        return true;
      });
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((res, rej) => {
      child.stdout.on('data', (d: Buffer) => d.toString().includes('ready') && res());
      child.on('exit', () => rej(new Error('child exited before writing')));
    });
    child.kill('SIGKILL');
    await once(child, 'exit');
    expect(readFileSync(file, 'utf8')).to.equal('original\n');
    const temps = readdirSync(dir).filter((f) => f !== 'a.h');
    expect(temps).to.have.length(1);
    expect(temps[0]).to.match(/^\.a\.h\.ue-lint-\d+-[0-9a-f]+\.tmp$/);
    expect(statSync(join(dir, temps[0]!)).size).to.equal(1 << 20);
  });
});
