import type { Challenge } from '@assay/challenges';
import type { Language } from '@assay/contract';
import type { TestSession } from '../harness/run-tests.js';
import { spawnLocalAgent } from '../sandbox/local-agent.js';
import { runtimeOf } from '../sandbox/runtime.js';
import { openSession } from './open-session.js';

/**
 * The reference solution, loaded in a trusted local agent: the baseline for performance tests.
 * Reference code never enters a sandbox, so no candidate container can ever hold it.
 */
export async function openReference(challenge: Challenge, language: Language): Promise<TestSession> {
  const files = challenge.trusted.reference[language];
  const entry = challenge.manifest.entry[language];
  if (!files || !entry) throw new Error(`${challenge.manifest.id} has no ${language} reference solution`);
  // Calibration may run many timed calls: allow a generous per-call budget.
  const limits = { ...challenge.manifest.limits, callTimeoutMs: Math.max(challenge.manifest.limits.callTimeoutMs, 30_000) };
  return openSession(await spawnLocalAgent(runtimeOf(language)), limits, {
    language,
    entry,
    files,
    interface: challenge.manifest.interface,
  });
}
