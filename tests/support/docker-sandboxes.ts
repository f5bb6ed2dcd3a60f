import Docker from 'dockerode';
import { buildImages } from '../../runner/src/images/build-images.js';
import { createDockerSandboxes } from '../../runner/src/sandbox/docker-sandboxes.js';

/** Real Docker sandboxes for a test file, owned by a runner id of its own. */
export async function testSandboxes(name: string, poolSize = 0) {
  const docker = new Docker();
  const images = await buildImages();
  const runnerId = `test-${name}-${process.pid}`;
  // An instance of its own: no platform's janitor on this engine counts these as its own.
  const sandboxes = createDockerSandboxes({ docker, images, owner: { instanceId: runnerId, runnerId }, poolSize });
  return {
    docker,
    images,
    runnerId,
    sandboxes,
    /** Containers this test's runner id still has once the removals it started are done. */
    async leftovers(): Promise<string[]> {
      await sandboxes.settled();
      const list = await docker.listContainers({ all: true, filters: { label: [`dev.assay.runner=${runnerId}`] } });
      return list.map((c) => c.Id);
    },
  };
}
