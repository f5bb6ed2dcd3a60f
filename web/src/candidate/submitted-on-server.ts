import { apiCall, ApiCallError } from '../api/api-call.js';

/**
 * Whether the server has this attempt as submitted: asked when a submit's answer was lost (the
 * API died or the network dropped after the commit) or a save is refused as already submitted,
 * so the page shows the real state instead of "offline". Retries while the server is
 * unreachable; `undefined` when it stayed unreachable.
 */
export async function submittedOnServer(token: string, { tries = 10, delayMs = 1_000 } = {}): Promise<boolean | undefined> {
  for (let i = 0; i < tries; i++) {
    try {
      const { status } = await apiCall('candidateStatus', { token });
      return status === 'submitted' || status === 'graded';
    } catch (error) {
      if (!(error instanceof ApiCallError && error.offline)) throw error;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
  return undefined;
}
