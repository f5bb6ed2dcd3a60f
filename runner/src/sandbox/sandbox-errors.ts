/** Ways a sandbox can end a run early. Each is the candidate's doing, so each is data, not an exception to retry. */
export type StopKind = 'timeout' | 'memory_limit' | 'output_limit' | 'crashed';

/** The candidate's code ended the run (see StopKind); pending and later calls reject with this. */
export class SandboxStopped extends Error {
  override readonly name = 'SandboxStopped';
  constructor(
    readonly kind: StopKind,
    readonly detail: string,
  ) {
    super(`${kind}: ${detail}`);
  }
}

/** Our side failed (engine unreachable, container vanished): the job is retried, never graded. */
export class InfraError extends Error {
  override readonly name = 'InfraError';
}
