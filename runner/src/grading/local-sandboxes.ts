import { spawnLocalAgent } from '../sandbox/local-agent.js';
import type { SandboxProvider } from './sandbox-provider.js';

/**
 * Agents as plain host processes, for TRUSTED code only: a challenge author validating their
 * own reference and wrong solutions with `challenge validate --local`. No limits apply.
 */
export const localSandboxes: SandboxProvider = {
  open: (runtime) => spawnLocalAgent(runtime),
};
