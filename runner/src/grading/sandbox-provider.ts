import type { SandboxLimits } from '@assay/contract';
import type { AgentProcess } from '../sandbox/agent-process.js';
import type { Runtime } from '../sandbox/runtime.js';

/** Where graded code runs. The Docker provider is the only one candidate code ever sees. */
export interface SandboxProvider {
  open(runtime: Runtime, limits: SandboxLimits, labels: { gradingId: string }): Promise<AgentProcess>;
}
