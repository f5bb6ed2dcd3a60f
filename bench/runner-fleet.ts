import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { waitFor } from '../tests/support/platform.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface RunnerFleet {
  /** How many times the runners graded (and published a verdict for) each grading. */
  graded: Map<string, number>;
  close(): Promise<void>;
}

/**
 * `count` real runner processes (as `npm start` runs one) on a queue prefix of the caller's,
 * each grading `concurrency` jobs at once with as many warm sandboxes. Their JSON log lines
 * are read for 'graded', so work done twice shows even though BullMQ keeps one verdict job
 * per grading id.
 */
export async function startRunnerFleet({ count, prefix, concurrency }: { count: number; prefix: string; concurrency: number }): Promise<RunnerFleet> {
  const graded = new Map<string, number>();
  const children: ChildProcess[] = [];
  const close = () =>
    Promise.all(
      children.map((child) => {
        if (child.exitCode !== null || child.signalCode !== null) return undefined;
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        return exited;
      }),
    ).then(() => undefined);
  try {
    await Promise.all(
      Array.from({ length: count }, async (_, i) => {
        const env = { ...process.env, ASSAY_QUEUE_PREFIX: prefix, RUNNER_ID: `${prefix}-r${i}`, RUNNER_CONCURRENCY: String(concurrency), RUNNER_POOL_SIZE: String(concurrency) };
        const child = spawn(process.execPath, ['--import', 'tsx', 'runner/src/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
        children.push(child);
        let output = '';
        let partial = '';
        child.stdout!.on('data', (chunk: Buffer) => {
          const lines = (partial + chunk).split('\n');
          partial = lines.pop()!;
          for (const line of lines) {
            if (output.length < 100_000) output += `${line}\n`;
            const entry = parseLine(line);
            if (entry?.msg === 'graded' && typeof entry.gradingId === 'string') graded.set(entry.gradingId, (graded.get(entry.gradingId) ?? 0) + 1);
          }
        });
        child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
        await waitFor(async () => output.includes('runner ready') || child.exitCode !== null, 60_000, () => `a runner did not start:\n${output}`);
        if (child.exitCode !== null) throw new Error(`a runner exited at start:\n${output}`);
      }),
    );
  } catch (error) {
    await close();
    throw error;
  }
  return { graded, close };
}

function parseLine(line: string): { msg?: unknown; gradingId?: unknown } | undefined {
  try {
    return JSON.parse(line) as { msg?: unknown; gradingId?: unknown };
  } catch {
    return undefined;
  }
}
