import type Docker from 'dockerode';
import type { Runtime } from './runtime.js';

/** The runner cannot run safely here; the message says what to do. */
export class EngineUnavailable extends Error {
  override readonly name = 'EngineUnavailable';
}

/**
 * Refuses to grade on an engine that is missing, unreachable, or lacks seccomp, or when a
 * sandbox image is missing: a runner that cannot isolate code must not start.
 */
export async function assertUsableEngine(docker: Docker, images: Record<Runtime, string>): Promise<void> {
  let info: { SecurityOptions?: string[] };
  try {
    await docker.ping();
    info = (await docker.info()) as { SecurityOptions?: string[] };
  } catch (error) {
    throw new EngineUnavailable(
      `no Docker engine answers (${error instanceof Error ? error.message : String(error)}). ` +
        'Start one (npm start does this on Debian as root, see scripts/ensure-docker.sh) and try again.',
    );
  }
  if (!(info.SecurityOptions ?? []).some((option) => option.includes('name=seccomp'))) {
    throw new EngineUnavailable('the Docker engine has no seccomp support; sandboxes would run without a syscall filter, so the runner refuses to start.');
  }
  for (const image of Object.values(images)) {
    const found = await docker.getImage(image).inspect().then(() => true, () => false);
    if (!found) throw new EngineUnavailable(`sandbox image ${image} is missing; build it with \`npm run images\`.`);
  }
}
