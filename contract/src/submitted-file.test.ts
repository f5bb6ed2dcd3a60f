import { describe, expect, it } from 'vitest';
import { FILE_LIMITS, SubmittedFiles } from './submitted-file.js';

const problems = (files: unknown) => {
  const result = SubmittedFiles.safeParse(files);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
};
const one = (path: string, content = 'x') => [{ path, content }];

describe('SubmittedFiles: the gate every candidate file passes', () => {
  it('accepts ordinary source paths', () => {
    expect(problems([...one('src/rate-limiter.ts'), ...one('rate_limiter.py'), ...one('lib/util-2.js')])).toEqual([]);
  });

  it.each([
    ['../../etc/passwd', /"\." and "\.\." are not allowed/],
    ['src/../../x.ts', /"\." and "\.\." are not allowed/],
    ['/etc/passwd', /relative path/],
    ['src\\win.ts', /use "\/"/],
    ['src//x.ts', /empty folder name/],
    ['src/', /empty folder name/],
    ['a\u0000b.ts', /ASCII letters/],
    ['a\nb.ts', /ASCII letters/],
    ['ünïcode.ts', /ASCII letters/],
    ['.bashrc', /cannot start with "\."/],
    ['sitecustomize/.pth', /cannot start with "\."/],
    [`${'a'.repeat(65)}.ts`, /at most 64 characters/],
    ['a/b/c/d/e/f/g.ts', /nest at most/],
    ['x'.repeat(201), /at most 200 characters/],
  ])('refuses %j and says why', (path, message) => {
    expect(problems(one(path)).join('\n')).toMatch(message);
  });

  it('refuses paths that differ only in case, naming both', () => {
    expect(problems([...one('src/Limiter.ts'), ...one('src/limiter.ts')]).join()).toMatch(/"src\/limiter.ts" and "src\/Limiter.ts" differ only in case/);
  });

  it('refuses NUL bytes in content (binary files)', () => {
    expect(problems(one('a.ts', 'ok\u0000no')).join()).toMatch(/NUL/);
  });

  it('limits file size, total size and count', () => {
    expect(problems(one('a.ts', 'x'.repeat(FILE_LIMITS.maxFileBytes + 1))).join()).toMatch(/at most 256 KiB/);
    const big = Array.from({ length: 5 }, (_, i) => ({ path: `f${i}.ts`, content: 'x'.repeat(FILE_LIMITS.maxFileBytes) }));
    expect(problems(big).join()).toMatch(/all files together/);
    const many = Array.from({ length: FILE_LIMITS.maxFiles + 1 }, (_, i) => ({ path: `f${i}.ts`, content: '' }));
    expect(problems(many).join()).toMatch(/at most 50 files/);
  });

  it('refuses unknown fields and non-string content', () => {
    expect(problems([{ path: 'a.ts', content: 'x', mode: 0o4755 }]).length).toBeGreaterThan(0);
    expect(problems([{ path: 'a.ts', content: { type: 'symlink', target: '/etc' } }]).length).toBeGreaterThan(0);
  });
});
