import type { RunStatus } from '@assay/contract';
import { Loading } from '../ui/loading.js';
import { StatusBadge } from '../ui/status-badge.js';
import { TestTable } from '../ui/test-table.js';
import { sharedFailure } from './run-problem.js';

/**
 * A test run's outcome: a line per test and the captured console output. A failure every test
 * shares (the code did not compile or load) is said once above the table, not in every row.
 * A click on a test's name shows its source (`onPick`).
 */
export function RunResults({ run, running, onPick }: { run: RunStatus | null; running: boolean; onPick: (testName: string) => void }) {
  if (running) return <Loading label="Running the tests in a sandbox" />;
  if (!run?.result) return <p className="muted">Run the tests to see results here. Only the visible tests run; hidden tests grade your submission.</p>;
  const { result } = run;
  const passed = result.tests.filter((t) => t.status === 'passed').length;
  const shared = sharedFailure(result.tests);
  return (
    <section aria-label="Test results">
      <p>
        <StatusBadge status={result.verdict} /> <strong>{passed}/{result.tests.length} passed.</strong> {shared ? null : result.summary}
      </p>
      {shared ? (
        <pre className="run-failure" role="alert" data-testid="run-failure">
          {shared}
        </pre>
      ) : null}
      <TestTable tests={shared ? result.tests.map((t) => ({ ...t, message: '' })) : result.tests} log={result.log} label="Visible test results" onPick={onPick} />
    </section>
  );
}
