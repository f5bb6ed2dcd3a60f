import { describe, expect, it } from 'vitest';
import { createPathRules } from './path-rules.js';
import type { WorkspaceRules } from './workspace-rules.js';

const rateLimiter = (language: WorkspaceRules['language'], starter: WorkspaceRules['starter'], entry: string): WorkspaceRules => ({
  kind: 'coding',
  language,
  starter,
  creatable: ['src/**/*.ts', 'src/**/*.js', '*.py'],
  entry,
});
const typescript = createPathRules(rateLimiter('typescript', [{ path: 'src/rate-limiter.ts', editable: true }, { path: 'src/clock.ts', editable: false }], 'src/rate-limiter.ts'));
const python = createPathRules(rateLimiter('python', [{ path: 'rate_limiter.py', editable: true }], 'rate_limiter.py'));

describe('createPathRules', () => {
  it("allows new files matching files.create, in the attempt's own language only", () => {
    expect(typescript.createProblem('src/limiter-helpers.ts', ['src/rate-limiter.ts'])).toBeNull();
    expect(typescript.createProblem('src/deep/er/helpers.ts', [])).toBeNull();
    expect(python.createProblem('helpers.py', ['rate_limiter.py'])).toBeNull();
    expect(typescript.createProblem('src/helpers.js', [])).toMatchObject({ code: 'wrong_language', message: expect.stringMatching(/TypeScript attempt holds only \.ts/) });
    expect(python.createProblem('src/helpers.ts', [])).toMatchObject({ code: 'wrong_language' });
  });

  it('refuses names outside the globs, with the globs in the reason', () => {
    expect(typescript.createProblem('lib/helpers.ts', [])).toEqual({ code: 'unknown_file', message: 'lib/helpers.ts is not a file of this challenge; new files must match src/**/*.ts, src/**/*.js, *.py' });
    expect(python.createProblem('pkg/helpers.py', [])).toMatchObject({ code: 'unknown_file' });
    expect(createPathRules({ ...rateLimiter('python', [], 'a.py'), creatable: [] }).createProblem('b.py', [])).toMatchObject({ message: expect.stringMatching(/does not allow new files/) });
  });

  it('refuses bad names, existing names (in any case) and a file where a folder is', () => {
    expect(typescript.createProblem('src/../x.ts', [])).toMatchObject({ code: 'invalid_path', message: expect.stringMatching(/"\." and "\.\." are not allowed/) });
    expect(typescript.createProblem('src/.hidden.ts', [])).toMatchObject({ code: 'invalid_path' });
    expect(typescript.createProblem('src/Rate-Limiter.ts', ['src/rate-limiter.ts'])).toMatchObject({ code: 'file_exists', message: expect.stringMatching(/only in case/) });
    expect(typescript.createProblem('src/util', ['src/util/a.ts'])).toMatchObject({ code: 'file_exists', message: expect.stringMatching(/both a file and a folder/) });
    expect(typescript.createProblem('src/x.ts', Array.from({ length: 50 }, (_, i) => `src/f${i}.ts`))).toMatchObject({ code: 'too_many_files' });
  });

  it('locks read-only files and the entry module against deletion; other files can go', () => {
    expect(typescript.deleteProblem('src/rate-limiter.ts')).toMatchObject({ code: 'entry_file', message: expect.stringMatching(/module the tests load/) });
    expect(typescript.deleteProblem('src/clock.ts')).toMatchObject({ code: 'read_only' });
    expect(typescript.writeProblem('src/clock.ts')).toMatchObject({ code: 'read_only' });
    expect(typescript.deleteProblem('src/limiter-helpers.ts')).toBeNull();
    expect(typescript.kindOf('src/clock.ts')).toBe('read-only');
    expect(typescript.kindOf('notes.txt')).toBe('unknown');
  });

  it('keeps DESIGN.md of a system-design challenge writable and undeletable', () => {
    const design = createPathRules({ ...rateLimiter('python', [], 'a.py'), kind: 'system-design' });
    expect(design.writeProblem('DESIGN.md')).toBeNull();
    expect(design.deleteProblem('DESIGN.md')).toMatchObject({ code: 'entry_file' });
    expect(python.writeProblem('DESIGN.md')).toMatchObject({ code: 'unknown_file' });
  });
});
