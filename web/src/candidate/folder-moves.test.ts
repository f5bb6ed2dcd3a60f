import { describe, expect, it } from 'vitest';
import { createPathRules } from '@assay/contract';
import { folderMovable, folderMoveProblem, folderMoves, folderOf } from './folder-moves.js';

const rules = createPathRules({ kind: 'coding', language: 'typescript', starter: [{ path: 'src/rate-limiter.ts', editable: true }], creatable: ['src/**/*.ts'], entry: 'src/rate-limiter.ts' });
const paths = ['src/rate-limiter.ts', 'src/util/a.ts', 'src/util/deep/b.ts'];

describe('folder moves', () => {
  it('moves every file under a folder, deeper ones included', () => {
    expect(folderOf('src/util/a.ts')).toBe('src/util/');
    expect(folderOf('a.py')).toBe('');
    expect(folderMoves('src/util/', 'src/helpers', paths)).toEqual([
      ['src/util/a.ts', 'src/helpers/a.ts'],
      ['src/util/deep/b.ts', 'src/helpers/deep/b.ts'],
    ]);
  });

  it('is refused when any file would leave the globs, and a folder holding the entry module stays', () => {
    expect(folderMoveProblem(rules, 'src/util/', 'src/helpers', paths)).toBeNull();
    expect(folderMoveProblem(rules, 'src/util/', 'lib', paths)).toMatch(/lib\/a\.ts is not a file of this challenge; new files must match src\/\*\*\/\*\.ts/);
    expect(folderMovable(rules, 'src/util/', paths)).toBe(true);
    expect(folderMovable(rules, 'src/', paths)).toBe(false);
  });
});
