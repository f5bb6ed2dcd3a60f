/**
 * Runs the API and one runner as child processes, prefixes their logs, prints where to open
 * Assay once the API answers, and stops both on Ctrl-C or SIGTERM (the runner finishes the
 * jobs it holds first, within RUNNER_SHUTDOWN_MS).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const port = process.env.PORT ?? '3000';
const host = process.env.HOST ?? '127.0.0.1';
const children: ChildProcess[] = [];

function start(name: string, script: string): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: root, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream! }).on('line', (line) => console.log(`[${name}] ${readable(line)}`));
  }
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`[assay] the ${name} stopped (${signal ?? `exit ${code}`}); stopping everything`);
      void stop(1);
    }
  });
  children.push(child);
  return child;
}

/** pino writes JSON lines; show people the message and the fields that matter. */
function readable(line: string): string {
  try {
    const entry = JSON.parse(line) as Record<string, unknown>;
    const { level, time, pid, hostname, name, msg, ...rest } = entry;
    void time; void pid; void hostname; void name;
    const levelName = typeof level === 'number' && level >= 50 ? 'error ' : typeof level === 'number' && level >= 40 ? 'warn ' : '';
    const fields = Object.keys(rest).length ? ` ${JSON.stringify(rest)}` : '';
    return `${levelName}${String(msg ?? '')}${fields}`;
  } catch {
    return line;
  }
}

let stopping = false;
async function stop(code: number): Promise<void> {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(children.map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)))));
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

async function waitForApi(): Promise<boolean> {
  for (let i = 0; i < 120; i++) {
    const ok = await fetch(`http://${host}:${port}/api/health`).then((r) => r.ok, () => false);
    if (ok) return true;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

start('api', 'api/src/main.ts');
start('runner', 'runner/src/main.ts');
if (await waitForApi()) {
  const url = process.env.ASSAY_PUBLIC_URL ?? `http://${host}:${port}`;
  console.log(`\n[assay] Assay is running: open ${url}\n[assay] (the admin login is printed above on first start; Ctrl-C stops everything)\n`);
} else {
  console.error('[assay] the API did not answer within 60 s');
  await stop(1);
}
