import { describe, expect, it } from 'vitest';
import { sourceFileProblem } from '@assay/contract';

describe('sourceFileProblem', () => {
  it("accepts a language's own sources and files that are not code", () => {
    expect(sourceFileProblem('src/rate-limiter.ts', 'typescript')).toBeNull();
    expect(sourceFileProblem('src/util.mjs', 'javascript')).toBeNull();
    expect(sourceFileProblem('helpers.py', 'python')).toBeNull();
    expect(sourceFileProblem('DESIGN.md', 'typescript')).toBeNull();
  });

  it("refuses another language's sources, naming the path and what is allowed", () => {
    expect(sourceFileProblem('src/rate-limiter.js', 'typescript')).toMatch(/src\/rate-limiter\.js: a TypeScript attempt holds only \.ts source files/);
    expect(sourceFileProblem('src/x.ts', 'javascript')).toMatch(/JavaScript attempt/);
    expect(sourceFileProblem('src/x.mts', 'typescript')).not.toBeNull();
    expect(sourceFileProblem('solution.js', 'python')).not.toBeNull();
  });

  it('refuses anything under node_modules or __pycache__, whatever its name', () => {
    expect(sourceFileProblem('src/node_modules/assert/index.ts', 'typescript')).toMatch(/under node_modules\//);
    expect(sourceFileProblem('__pycache__/solution.cpython-311.pyc', 'python')).toMatch(/under __pycache__\//);
    expect(sourceFileProblem('node_modules/x.txt', 'javascript')).not.toBeNull();
  });
});
