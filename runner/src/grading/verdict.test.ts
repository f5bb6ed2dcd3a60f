import { describe, expect, it } from 'vitest';
import type { TestResult } from '@assay/contract';
import type { TestRun } from '../harness/run-tests.js';
import { verdictOf } from './verdict.js';

const result = (status: TestResult['status'], weight = 1): TestResult => ({ name: status, category: 'c', weight, status, message: '', durationMs: 1, requirements: [] });
const run = (results: TestResult[], extra: Partial<TestRun> = {}): TestRun => ({ results, load: { kind: 'loaded', missing: [] }, stops: [], logs: [], ...extra });

describe('verdictOf', () => {
  it('passes only when every test passed', () => {
    expect(verdictOf(run([result('passed'), result('passed')]))).toMatchObject({ verdict: 'passed', score: 1 });
    expect(verdictOf(run([result('passed', 3), result('failed', 1)]))).toMatchObject({ verdict: 'failed', score: 0.75 });
  });

  it('never passes an empty run', () => {
    expect(verdictOf(run([])).verdict).toBe('failed');
  });

  it('reports a load failure with score 0', () => {
    expect(verdictOf(run([result('failed')], { load: { kind: 'compile_error', message: 'x' } }))).toMatchObject({ verdict: 'compile_error', score: 0 });
  });

  it('names the first sandbox stop and keeps partial credit', () => {
    const verdict = verdictOf(run([result('passed'), result('timeout'), result('passed')], { stops: ['timeout'] }));
    expect(verdict.verdict).toBe('timeout');
    expect(verdict.score).toBeCloseTo(2 / 3);
  });
});
