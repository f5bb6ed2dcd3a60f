import type { TestResult } from '@assay/contract';
import { MeasurementFigures } from './measurement-figures.js';
import { renderMarkdown } from '../markdown/render-markdown.js';
import { StatusBadge } from './status-badge.js';
import { TextWithCode } from './text-with-code.js';

/** One row per test (its name a link to its source when `onPick` is given): name with the requirement sentences it checks beneath it (a column of its own crowded out the message in the candidate's narrow panel), category, (weight), result, message (and a performance test's figures); then the captured output. */
export function TestTable({ tests, log, label, withWeight = false, onPick }: { tests: readonly TestResult[]; log: { text: string; truncated: boolean }; label: string; withWeight?: boolean; onPick?: (testName: string) => void }) {
  return (
    <>
      <table aria-label={label} className="results">
        <thead>
          <tr>
            <th scope="col">Test</th>
            <th scope="col">Category</th>
            {withWeight ? <th scope="col">Weight</th> : null}
            <th scope="col">Result</th>
            <th scope="col">Message</th>
          </tr>
        </thead>
        <tbody>
          {tests.map((test) => (
            <tr key={test.name}>
              <td>
                {onPick ? (
                  <button type="button" className="link" onClick={() => onPick(test.name)} title="Show this test's source">
                    <TextWithCode text={test.name} />
                  </button>
                ) : (
                  <TextWithCode text={test.name} />
                )}
                {test.requirements.map((sentence) => (
                  <div key={sentence} className="requirement" dangerouslySetInnerHTML={{ __html: renderMarkdown(sentence) }} />
                ))}
              </td>
              <td>{test.category}</td>
              {withWeight ? <td>{test.weight}</td> : null}
              <td>
                <StatusBadge status={test.status} />
              </td>
              <td>
                <code>{test.message}</code>
                {test.measurement ? <MeasurementFigures measurement={test.measurement} /> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Console output{log.truncated ? ' (cut short)' : ''}</h3>
      <pre className="console" aria-label="Console output">
        {log.text || '(nothing printed)'}
      </pre>
    </>
  );
}
