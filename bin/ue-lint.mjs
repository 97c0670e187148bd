#!/usr/bin/env node
// Shipped entry point: the CLI itself is one pre-bundled file (dist/cli.mjs),
// built by `npm run build` (and by `prepare` on install).
import module from 'node:module';
// Node >= 22.1 caches compiled bytecode between runs; Node 20 has no such API.
try { module.enableCompileCache?.(); } catch { /* cache is an optimisation only */ }
await import('../dist/cli.mjs');
