import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** `npm run bench` with tiny counts: the harness runs end to end and writes every section. Its figures mean nothing. */
it('the benchmark harness runs and reports every section', async () => {
  await promisify(execFile)('npm', ['run', '-s', 'bench'], { cwd: ROOT, env: { ...process.env, BENCH_SMOKE: '1' }, maxBuffer: 64 * 1024 * 1024 });
  const figures = JSON.parse(await readFile(`${ROOT}bench/results/smoke.json`, 'utf8')) as Record<string, unknown>;
  for (const section of ['floor', 'warm', 'cold', 'peer', 'ceiling', 'throughput', 'scaling', 'burst', 'apiLoad', 'reviewFeed', 'replay', 'web', 'simulation']) expect(figures, section).toHaveProperty(section);
  // Correctness only: tiny counts on a shared machine say nothing about speed.
  expect((figures.replay as { correct: boolean }).correct).toBe(true);
  expect(figures.burst).toMatchObject({ missing: 0, duplicated: 0, notPassed: 0 });
  const throughput = figures.throughput as { oneRunner: Array<{ wrong: number }>; twoRunners: { wrong: number } };
  expect([...throughput.oneRunner, throughput.twoRunners].map((p) => p.wrong)).toEqual([0, 0]);
  expect(figures.reviewFeed).toMatchObject({ pages: 5, changes: 2, missed: 0 });
  expect((figures.apiLoad as Array<{ database: string; errors: number }>).map((l) => [l.database, l.errors])).toEqual([['pglite', 0], ['postgres', 0]]);
}, 600_000);
