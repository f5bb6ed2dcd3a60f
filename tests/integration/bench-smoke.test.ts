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
  for (const section of ['floor', 'warm', 'cold', 'peer', 'ceilingPerSecond', 'burst', 'burstTwo', 'apiLoad', 'replay', 'web']) expect(figures, section).toHaveProperty(section);
  expect((figures.replay as { correct: boolean }).correct).toBe(true);
  expect(figures.burst).toMatchObject({ missing: 0, duplicated: 0 });
}, 600_000);
