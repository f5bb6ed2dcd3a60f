import { describe, expect, it } from 'vitest';
import type { TestResult } from '@assay/contract';
import { problemLocation, sharedFailure } from './run-problem.js';

const test = (name: string, status: TestResult['status'], message: string) => ({ name, status, message }) as TestResult;

describe('sharedFailure', () => {
  it('is the message every failed test shares, or null', () => {
    const broken = 'the code did not compile: src/a.ts(3,5): error TS2304';
    expect(sharedFailure([test('a', 'failed', broken), test('b', 'failed', broken)])).toBe(broken);
    expect(sharedFailure([test('a', 'failed', 'x'), test('b', 'failed', 'y')])).toBeNull();
    expect(sharedFailure([test('a', 'passed', ''), test('b', 'passed', '')])).toBeNull();
    expect(sharedFailure([test('a', 'failed', 'x')])).toBeNull();
  });
});

describe('problemLocation', () => {
  const paths = ['src/rate-limiter.ts', 'src/limiter-helpers.ts', 'rate_limiter.py'];
  it('finds the file and line in TypeScript, Node and Python messages', () => {
    expect(problemLocation("src/limiter-helpers.ts(3,5): error TS2304: Cannot find name 'x'.", paths)).toEqual({ path: 'src/limiter-helpers.ts', line: 3 });
    expect(problemLocation('SyntaxError at /work/src/rate-limiter.ts:12:1', paths)).toEqual({ path: 'src/rate-limiter.ts', line: 12 });
    expect(problemLocation('File "/work/rate_limiter.py", line 7\n    def x(\nSyntaxError', paths)).toEqual({ path: 'rate_limiter.py', line: 7 });
  });
  it('is null when no file of the attempt is named with a line', () => {
    expect(problemLocation('the sandbox stopped', paths)).toBeNull();
    expect(problemLocation('src/rate-limiter.ts is broken', paths)).toBeNull();
    expect(problemLocation('src/x-rate-limiter.ts:3', paths)).toBeNull();
  });
});
