import { useState } from 'react';
import type { AttemptDetail } from '@assay/contract';
import { apiCall } from '../api/api-call.js';
import { ErrorMessage } from '../ui/error-message.js';
import { Loading } from '../ui/loading.js';
import { StatusBadge } from '../ui/status-badge.js';
import { TestTable } from '../ui/test-table.js';

/** The hidden-test verdict: a sentence, the score, a row per test, the output, and re-grading. */
export function VerdictPanel({ detail, onRegraded }: { detail: AttemptDetail; onRegraded: () => void }) {
  const [error, setError] = useState<unknown>();
  const { attempt, verdict } = detail;
  const result = verdict?.result;
  async function regrade() {
    setError(undefined);
    try {
      await apiCall('regrade', { params: { id: attempt.id } });
      onRegraded();
    } catch (e) {
      setError(e);
    }
  }
  return (
    <section aria-labelledby="verdict-title">
      <h2 id="verdict-title">Hidden tests</h2>
      {attempt.contentHash !== attempt.currentContentHash ? (
        <p className="notice">The challenge has changed since this attempt started; the verdict below is for the version the candidate saw unless you re-grade.</p>
      ) : null}
      {attempt.status === 'started' ? <p className="muted">The candidate is still working; the verdict appears after they submit.</p> : null}
      {verdict && !result ? <Loading label="Grading in a sandbox" /> : null}
      {result ? (
        <>
          <p>
            <StatusBadge status={result.verdict} /> <strong>{Math.round(result.score * 100)}%</strong> of the weighted tests passed. {result.summary}
          </p>
          <TestTable tests={result.tests} log={result.log} label="Hidden test results" withWeight />
        </>
      ) : null}
      <ErrorMessage error={error} />
      {attempt.status !== 'started' ? (
        <button type="button" onClick={() => void regrade()}>
          Re-grade against the current challenge
        </button>
      ) : null}
    </section>
  );
}
