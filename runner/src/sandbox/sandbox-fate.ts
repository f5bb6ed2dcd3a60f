/**
 * What the janitor may do with a sandbox container it finds on the engine. Several platform
 * instances (a `npm start`, the test suite's runners, a second deployment) can share one Docker
 * engine, and a janitor can only check liveness in its own instance's Redis. So:
 * - a sandbox of its own instance: removed once it ended (after a short grace, its runner may
 *   be inspecting it), once past the hard maximum age, or (running or never started) once its runner's heartbeat is gone
 *   (after a grace for young containers: tools grade without a heartbeat, a first heartbeat may
 *   not be written yet); otherwise its runner decides;
 * - another instance's sandbox: left alone unless provably orphaned, i.e. older than twice the
 *   hard maximum age, which no live runner of any instance lets a sandbox reach (warm ones are
 *   recycled well before it, runs are bounded);
 * - a sandbox with no instance label (a version before labels, which did not recycle warm
 *   sandboxes, so age proves nothing): never removed; its own runner or an operator removes it.
 */
export interface SandboxFacts {
  /** The container's instance label (undefined on containers of older versions). */
  instanceId: string | undefined;
  state: 'running' | 'ended' | 'never-started';
  ageMs: number;
  /** How long ago it ended (state `ended`); undefined when the engine does not say. */
  endedForMs?: number;
}

export interface FatePolicy {
  ownInstanceId: string;
  /** A sandbox of a dead runner younger than this is spared. */
  graceMs: number;
  /** No live runner keeps a sandbox longer (the pool recycles warm ones sooner). */
  maxAgeMs: number;
  /** How long after it ended a sandbox is left to its runner. */
  endedGraceMs: number;
}

export type SandboxFate = 'keep' | 'remove' | 'remove-if-owner-dead';

export function sandboxFate(sandbox: SandboxFacts, policy: FatePolicy): SandboxFate {
  if (sandbox.instanceId === undefined) return 'keep';
  if (sandbox.instanceId !== policy.ownInstanceId) return sandbox.ageMs > 2 * policy.maxAgeMs ? 'remove' : 'keep';
  if (sandbox.ageMs > policy.maxAgeMs) return 'remove';
  if (sandbox.state === 'ended') return sandbox.endedForMs !== undefined && sandbox.endedForMs > policy.endedGraceMs ? 'remove' : 'keep';
  if (sandbox.ageMs < policy.graceMs) return 'keep';
  // A live runner may be about to start a created container (the pool creates, then starts).
  return 'remove-if-owner-dead';
}

/** Defaults: warm sandboxes are recycled after 20 min, so 1 h is far beyond any live one. */
export const SANDBOX_MAX_AGE_MS = 3600_000;
export const POOL_RECYCLE_MS = 20 * 60_000;
