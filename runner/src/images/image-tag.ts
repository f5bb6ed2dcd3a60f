import { createHash } from 'node:crypto';
import { readFile, realpath, stat } from 'node:fs/promises';
import { nodeAgentBundle } from '../sandbox/node-agent-bundle.js';
import { PYTHON_AGENT, type Runtime } from '../sandbox/runtime.js';

/** Bump when the image recipe changes in a way the inputs below do not show. */
const RECIPE_VERSION = '1';

export const PYTHON_BINARY = '/usr/bin/python3.11';

/** What goes into a runtime's image: the interpreter binary and the agent file. */
export async function imageInputs(runtime: Runtime): Promise<{ binary: string; agent: string }> {
  return runtime === 'node'
    ? { binary: await realpath(process.execPath), agent: await nodeAgentBundle() }
    : { binary: await realpath(PYTHON_BINARY), agent: PYTHON_AGENT };
}

/**
 * The image name for a runtime, derived from everything that goes into it, so a changed agent
 * or interpreter gives a new tag and `npm run images` rebuilds exactly when needed.
 */
export async function imageTag(runtime: Runtime): Promise<string> {
  const { binary, agent } = await imageInputs(runtime);
  const binaryStat = await stat(binary);
  const hash = createHash('sha256')
    .update(RECIPE_VERSION)
    .update(`${binary}:${binaryStat.size}:${binaryStat.mtimeMs}`)
    .update(await readFile(agent))
    .digest('hex')
    .slice(0, 12);
  return `assay-sandbox-${runtime}:${hash}`;
}
