import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AgentProcess, ExitInfo } from './agent-process.js';
import { processCpuTime } from './cpu-time.js';
import { nodeAgentBundle } from './node-agent-bundle.js';
import { PYTHON_AGENT, type Runtime } from './runtime.js';

/**
 * Runs the agent as a plain child process on the host. TRUSTED CODE ONLY: reference
 * solutions (the performance baseline) and a challenge author's `validate --local`.
 * Candidate code always goes to a Docker sandbox.
 */
export async function spawnLocalAgent(runtime: Runtime): Promise<AgentProcess> {
  const workDir = await mkdtemp(join(tmpdir(), 'assay-local-agent-'));
  const [command, args] =
    runtime === 'python'
      ? ['python3', ['-I', '-S', '-B', PYTHON_AGENT, workDir]]
      : [process.execPath, [await nodeAgentBundle(), workDir]];
  const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], env: {} });
  const exited = new Promise<ExitInfo>((resolve) => {
    child.once('exit', (code) => resolve({ exitCode: code, oomKilled: false }));
    child.once('error', () => resolve({ exitCode: null, oomKilled: false }));
  }).finally(() => rm(workDir, { recursive: true, force: true }));
  return {
    stdin: child.stdin,
    stdout: child.stdout,
    stderr: child.stderr,
    exited,
    cpuTimeMs: () => processCpuTime(child.pid ?? -1),
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
