import { useState } from 'react';
import type { TroubledGrading } from '@assay/contract';
import { apiCall } from '../api/api-call.js';
import { Link } from '../app/router.js';
import { ErrorMessage } from '../ui/error-message.js';
import { useAsync } from '../ui/use-async.js';

/**
 * Gradings an admin should act on: no verdict after a minute (stuck), or ended in
 * `infra_error` (ours, never the candidate's fault) with the reason; a submission can be
 * re-graded from here. Shows nothing when all is well.
 */
export function TroubledGradings() {
  const list = useAsync((signal) => apiCall('troubledGradings', { signal }), []);
  const [error, setError] = useState<unknown>();
  const [regraded, setRegraded] = useState<Set<string>>(new Set());
  const gradings = list.data?.gradings ?? [];
  if (gradings.length === 0 && !list.error) return null;

  async function regrade(grading: TroubledGrading) {
    try {
      await apiCall('regrade', { params: { id: grading.attemptId } });
      setRegraded((done) => new Set(done).add(grading.gradingId));
    } catch (e) {
      setError(e);
    }
  }

  return (
    <section aria-labelledby="troubled-gradings" className="panel">
      <h2 id="troubled-gradings">Gradings that need you</h2>
      <p>
        Stuck: no verdict after {list.data?.stuckAfterSeconds ?? 60} s. Infra error: grading could not run on our side; it is not the
        candidate's fault, so re-grade it once the cause is fixed.
      </p>
      <ErrorMessage error={error ?? list.error} />
      <table aria-label="Gradings that need you">
        <thead>
          <tr>
            <th>Candidate</th>
            <th>Challenge</th>
            <th>State</th>
            <th>Why</th>
            <th>Submitted</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {gradings.map((g) => (
            <tr key={g.gradingId}>
              <td>
                <Link href={`/attempts/${g.attemptId}`}>{g.candidateName}</Link>
              </td>
              <td>{g.challengeId}</td>
              <td>{g.state === 'stuck' ? 'stuck' : 'infra error'}{g.suite === 'public' ? ' (test run)' : ''}</td>
              <td>{g.reason ?? `waiting since ${new Date(g.enqueuedAt ?? g.createdAt).toLocaleTimeString()}`}</td>
              <td>{new Date(g.createdAt).toLocaleString()}</td>
              <td>
                {g.suite === 'hidden' && g.state === 'infra_error' ? (
                  regraded.has(g.gradingId) ? (
                    'Re-grading'
                  ) : (
                    <button type="button" onClick={() => void regrade(g)}>
                      Re-grade
                    </button>
                  )
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
