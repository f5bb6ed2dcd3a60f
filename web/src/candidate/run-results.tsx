import type { RunStatus } from '@assay/contract';
import { Loading } from '../ui/loading.js';
import { StatusBadge } from '../ui/status-badge.js';
import { TestTable } from '../ui/test-table.js';

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
      <TestTable tests={result.tests} log={result.log} label="Visible test results" />
    </section>
  );
}
