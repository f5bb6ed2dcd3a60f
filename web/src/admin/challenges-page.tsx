import { LANGUAGE_LABELS, formatProblem, type ChallengeEntry, type MutationScore } from '@assay/contract';
import { apiCall } from '../api/api-call.js';
import { Link } from '../app/router.js';
import { StaffLayout } from '../staff/staff-layout.js';
import { ErrorMessage } from '../ui/error-message.js';
import { Loading } from '../ui/loading.js';
import { useAsync } from '../ui/use-async.js';

const VALIDATION_WORDS = {
  passed: 'validated',
  failed: 'validation failed',
  stale: 'changed since validated',
  'not-validated': 'not validated yet',
} as const;

/** The challenge folders found under challenges/: what they offer, whether they are proven, a preview. */
export default function ChallengesPage() {
  return (
    <StaffLayout title="Challenges" adminOnly>
      {() => <Challenges />}
    </StaffLayout>
  );
}

function Challenges() {
  const { data, error } = useAsync((signal) => apiCall('challenges', { signal }), []);
  return (
    <>
      <h1>Challenges</h1>
      <p className="muted">
        Every folder in <code>challenges/</code>. Prove one with <code>npm run challenge -- validate &lt;id&gt;</code>: its status here follows.
      </p>
      <ErrorMessage error={error} />
      {!data ? <Loading label="Loading the challenges" /> : null}
      {data ? (
        <table>
          <thead>
            <tr>
              <th scope="col">Challenge</th>
              <th scope="col">Kind</th>
              <th scope="col">Languages</th>
              <th scope="col">Time limit</th>
              <th scope="col">Validation</th>
              <th scope="col">Preview</th>
            </tr>
          </thead>
          <tbody>
            {data.challenges.map((entry) => (
              <ChallengeRow key={entry.id} entry={entry} />
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}

function ChallengeRow({ entry }: { entry: ChallengeEntry }) {
  if (!('title' in entry)) {
    return (
      <tr>
        <td>
          <strong>{entry.id}</strong>
        </td>
        <td colSpan={5}>
          <span className="badge bad">does not load</span>
          <ul>
            {entry.problems.map((p) => (
              <li key={formatProblem(p)}>
                <code>{formatProblem(p)}</code>
              </li>
            ))}
          </ul>
        </td>
      </tr>
    );
  }
  const { validation } = entry;
  return (
    <tr>
      <td>
        <strong>{entry.title}</strong> <span className="muted">({entry.id})</span>
        <div className="muted">{entry.summary}</div>
      </td>
      <td>{entry.kind}</td>
      <td>{entry.languages.map((l) => LANGUAGE_LABELS[l]).join(', ')}</td>
      <td>{entry.timeLimitMinutes} min</td>
      <td>
        <span className={`badge ${validation.status === 'passed' ? 'good' : validation.status === 'failed' ? 'bad' : 'warn'}`}>{VALIDATION_WORDS[validation.status]}</span>
        {validation.at ? <div className="muted">{new Date(validation.at).toLocaleString()}</div> : null}
        {validation.failures.slice(0, 3).map((f) => (
          <div key={f} className="muted">
            {f}
          </div>
        ))}
        {validation.mutation ? <MutationFigure mutation={validation.mutation} /> : null}
      </td>
      <td>
        <Link href={`/admin/challenges/${entry.id}/preview`}>Try it as a candidate</Link>
      </td>
    </tr>
  );
}


/** How strong the hidden suite is: the share of the reference's mutants it kills, and the ones it misses. */
function MutationFigure({ mutation }: { mutation: MutationScore }) {
  const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
  const counted = mutation.mutants - mutation.equivalent;
  return (
    <div>
      <span className={`badge ${mutation.score >= mutation.threshold ? 'good' : 'bad'}`} title={`at least ${percent(mutation.threshold)} required`}>
        mutation score {percent(mutation.score)}
      </span>{' '}
      <span className="muted">
        {mutation.killed + mutation.timedOut} of {counted} mutants killed ({mutation.equivalent} equivalent)
      </span>
      {mutation.survivors.length ? (
        <details>
          <summary>{mutation.survivors.length} surviving mutants</summary>
          {mutation.survivors.map((s) => (
            <div key={`${s.file}:${s.line}:${s.mutated}`}>
              <div className="muted">
                {s.mutator} at {s.file}:{s.line}
                {s.uncovered ? ' (no hidden test reaches it)' : ''}
              </div>
              <pre>
                <del>- {s.original.trim()}</del>
                {'\n'}
                <ins>+ {s.mutated.trim()}</ins>
              </pre>
            </div>
          ))}
        </details>
      ) : null}
    </div>
  );
}
