import type { RunStatus } from '@assay/contract';
import { Loading } from '../ui/loading.js';
import { StatusBadge } from '../ui/status-badge.js';

/** A test run's outcome: a line per test and the captured console output. */
export function RunResults({ run, running }: { run: RunStatus | null; running: boolean }) {
  if (running) return <Loading label="Running the tests in a sandbox" />;
  if (!run?.result) return <p className="muted">Run the tests to see results here. Only the visible tests run; hidden tests grade your submission.</p>;
  const { result } = run;
  const passed = result.tests.filter((t) => t.status === 'passed').length;
  return (
    <section aria-label="Test results">
      <p>
        <StatusBadge status={result.verdict} /> <strong>{passed}/{result.tests.length} passed.</strong> {result.summary}
      </p>
      <table className="results">
        <thead>
          <tr>
            <th scope="col">Test</th>
            <th scope="col">Category</th>
            <th scope="col">Result</th>
            <th scope="col">Message</th>
          </tr>
        </thead>
        <tbody>
          {result.tests.map((test) => (
            <tr key={test.name}>
              <td>{test.name}</td>
              <td>{test.category}</td>
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
      <h3>Console output{result.log.truncated ? ' (cut short)' : ''}</h3>
      <pre className="console" aria-label="Console output">{result.log.text || '(nothing printed)'}</pre>
    </section>
  );
}
