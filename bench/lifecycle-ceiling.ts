import Docker from 'dockerode';
import { SandboxLimits } from '@assay/contract';
import { sandboxSpec } from '../runner/src/sandbox/sandbox-spec.js';

/**
 * The ceiling on this machine: bare create, start and force-remove of the same hardened
 * container the runner uses, `parallel` at a time, for `total` containers. Containers/second.
 */
export async function lifecycleCeiling(image: string, { parallel, total }: { parallel: number; total: number }): Promise<number> {
  const docker = new Docker();
  const spec = sandboxSpec(image, 'node', SandboxLimits.parse({}), 'bench-ceiling');
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next++ < total) {
        const container = await docker.createContainer(spec);
        await container.start();
        await container.remove({ force: true });
      }
    }),
  );
  return total / ((performance.now() - started) / 1000);
}
