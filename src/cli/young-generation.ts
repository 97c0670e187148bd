// Memory policy of a long lint: stop V8's young generation from growing past
// 8 MiB semi-spaces (16 MiB in all). V8 doubles the young generation up to
// 16 MiB semi-spaces as objects survive collections, which on a long lint adds
// about 16 MiB of peak RSS that no input needs; measured on this machine, the cap
// costs no throughput. `--max-semi-space-size` would say this, but V8 reads it only
// at start-up and a `#!/usr/bin/env node` entry cannot pass it; the growth factor
// is read at every growth, so setting it to 1 once the cap is reached stops there.
import { v8 } from '../files/lazy-builtins.js';

const NEW_SPACE_CAP = 16 << 20; // both semi-spaces

/** Start watching; returns a function that stops watching (call it when the run ends). */
export function capYoungGeneration(): () => void {
  // A timer, so a short run (a pre-commit hook) ends before the first check and
  // never loads node:v8 (about 2 ms of start-up).
  const timer = setInterval(() => {
    const { getHeapSpaceStatistics, setFlagsFromString } = v8();
    const space = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
    if (space === undefined || space.space_size < NEW_SPACE_CAP) return;
    setFlagsFromString('--semi-space-growth-factor=1');
    clearInterval(timer);
  }, 20);
  timer.unref(); // never keeps the process alive
  return () => clearInterval(timer);
}
