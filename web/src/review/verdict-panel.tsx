import { useState } from 'react';
import type { AttemptDetail } from '@assay/contract';
import { apiCall } from '../api/api-call.js';
import { ErrorMessage } from '../ui/error-message.js';
import { Loading } from '../ui/loading.js';
import { StatusBadge } from '../ui/status-badge.js';

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
          <table aria-label="Hidden test results">
            <thead>
              <tr>
                <th scope="col">Test</th>
                <th scope="col">Category</th>
                <th scope="col">Weight</th>
                <th scope="col">Result</th>
                <th scope="col">Message</th>
              </tr>
            </thead>
            <tbody>
              {result.tests.map((test) => (
                <tr key={test.name}>
                  <td>{test.name}</td>
                  <td>{test.category}</td>
                  <td>{test.weight}</td>
                  <td>
                    <StatusBadge status={test.status} />
                  </td>
                  <td>
                    <code>{test.message}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>Output{result.log.truncated ? ' (cut short)' : ''}</h3>
          <pre className="console">{result.log.text || '(nothing printed)'}</pre>
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
