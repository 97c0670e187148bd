// One shared set of results for every reporter test.
import type { FileDiagnostic, FileResult } from '../../src/lint/file-linter.js';
import { summarise } from '../../src/lint/file-linter.js';

const pos = (line: number, column: number, lineStart: number) => ({ line, column, offset: lineStart + column - 1 });

const dup: FileDiagnostic = {
  code: 'UE104', name: 'duplicate-field-name', severity: 'warning', message: 'duplicate field name `pid`',
  help: 'rename one of the two fields', file: 'events.ue',
  range: { start: pos(3, 34, 20), end: pos(3, 37, 20) },
  sourceLine: 'wake u32 pid; char[16] comm; u32 pid',
  related: [{ file: 'events.ue', label: 'first defined here', range: { start: pos(3, 10, 20), end: pos(3, 13, 20) }, sourceLine: 'wake u32 pid; char[16] comm; u32 pid' }],
};
const space: FileDiagnostic = {
  code: 'UE006', name: 'double-space-in-field', severity: 'error', errno: 'EINVAL',
  message: 'the second space makes an empty token, so `a` is one token too many',
  help: 'use exactly one space between tokens', file: 'dir with space/a,b.ue',
  range: { start: pos(1, 7, 0), end: pos(1, 8, 0) },
  sourceLine: 'x\tu32  a',
  fix: { line: 1, start: 6, end: 7, replacement: '', description: 'collapse the double space', applicability: 'safe' },
};
const conflict: FileDiagnostic = {
  code: 'UE304', name: 'conflicting-redefinition', severity: 'error', errno: 'EADDRINUSE',
  message: 'event `test` is already defined with different fields', file: 'b.ue',
  range: { start: pos(12, 1, 100), end: pos(12, 5, 100) }, sourceLine: 'test u64 a',
  related: [{ file: 'events.ue', label: 'first defined here', range: { start: pos(1, 1, 0), end: pos(1, 5, 0) }, sourceLine: 'test u32 a' }],
};

export const SAMPLE_RESULTS: FileResult[] = [summarise('events.ue', [dup]), summarise('dir with space/a,b.ue', [space]), summarise('b.ue', [conflict]), summarise('clean.ue', [])];
