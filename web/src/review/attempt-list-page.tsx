import { LANGUAGE_LABELS, type AttemptSummary } from '@assay/contract';
import { apiCall } from '../api/api-call.js';
import { Link, navigate, useLocation } from '../app/router.js';
import { StaffLayout } from '../staff/staff-layout.js';
import { ErrorMessage } from '../ui/error-message.js';
import { Loading } from '../ui/loading.js';
import { StatusBadge } from '../ui/status-badge.js';
import { useAsync } from '../ui/use-async.js';
import { useAttemptChanges } from './use-attempt-changes.js';

const STATUSES = ['started', 'submitted', 'graded'] as const;

/** Filters and sort order live in the URL, so a reviewer can share or reload a view. */
function useListQuery() {
  const { path, query } = useLocation();
  const get = (key: string) => query.get(key) ?? undefined;
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(query);
    if (value) next.set(key, value);
    else next.delete(key);
    navigate(`${path}?${next}`, { replace: true });
  };
  return { status: get('status'), challenge: get('challenge'), sort: get('sort') ?? 'started', order: get('order') ?? 'desc', set };
}

export default function AttemptListPage() {
  return <StaffLayout title="Attempts">{() => <AttemptList />}</StaffLayout>;
}

function AttemptList() {
  const q = useListQuery();
  const { data, error, loading, reload } = useAsync(
    (signal) => apiCall('attempts', { signal, query: { status: q.status, challenge: q.challenge, sort: q.sort, order: q.order } }),
    [q.status, q.challenge, q.sort, q.order],
  );
  useAttemptChanges(() => true, reload);
  const challenges = [...new Set((data?.attempts ?? []).map((a) => a.challengeId))].sort();
  const sortBy = (key: string) => {
    if (q.sort === key) q.set('order', q.order === 'asc' ? 'desc' : 'asc');
    else q.set('sort', key);
  };
  return (
    <>
      <h1>Attempts</h1>
      <div className="row" role="group" aria-label="Filters">
        <label htmlFor="status-filter">Status</label>
        <select id="status-filter" value={q.status ?? ''} onChange={(e) => q.set('status', e.target.value || undefined)}>
          <option value="">any</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <label htmlFor="challenge-filter">Challenge</label>
        <select id="challenge-filter" value={q.challenge ?? ''} onChange={(e) => q.set('challenge', e.target.value || undefined)}>
          <option value="">any</option>
          {[...new Set([...challenges, ...(q.challenge ? [q.challenge] : [])])].map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </div>
      <ErrorMessage error={error} />
      {loading && !data ? <Loading label="Loading attempts" /> : null}
      {data && data.attempts.length === 0 ? <p className="muted">No attempts match. Candidates appear here once they start.</p> : null}
      {data && data.attempts.length > 0 ? (
        <table>
          <thead>
            <tr>
              <SortHeader column="candidate" label="Candidate" sort={q.sort} order={q.order} onSort={sortBy} />
              <th scope="col">Challenge</th>
              <th scope="col">Language</th>
              <th scope="col">Status</th>
              <SortHeader column="score" label="Score" sort={q.sort} order={q.order} onSort={sortBy} />
              <th scope="col">Scorecards</th>
              <th scope="col">Time used</th>
              <SortHeader column="started" label="Started" sort={q.sort} order={q.order} onSort={sortBy} />
              <SortHeader column="submitted" label="Submitted" sort={q.sort} order={q.order} onSort={sortBy} />
            </tr>
          </thead>
          <tbody>
            {data.attempts.map((a) => (
              <AttemptRow key={a.id} attempt={a} />
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}

function SortHeader({ column, label, sort, order, onSort }: { column: string; label: string; sort: string; order: string; onSort: (key: string) => void }) {
  const active = sort === column;
  return (
    <th scope="col" aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" onClick={() => onSort(column)}>
        {label} {active ? (order === 'asc' ? '▲' : '▼') : ''}
      </button>
    </th>
  );
}

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : '—');

function AttemptRow({ attempt: a }: { attempt: AttemptSummary }) {
  return (
    <tr>
      <td>
        <Link href={`/attempts/${a.id}`}>{a.candidateName}</Link>
        <div className="muted">{a.candidateEmail}</div>
      </td>
      <td>{a.challengeId}</td>
      <td>{LANGUAGE_LABELS[a.language]}</td>
      <td>
        <StatusBadge status={a.status} /> {a.verdict ? <StatusBadge status={a.verdict} /> : null}
      </td>
      <td>{a.score === null ? '—' : `${Math.round(a.score * 100)}%`}</td>
      <td>{a.scorecards === 0 ? <span className="muted">not scored</span> : `${a.scorecards} in${a.scoredByMe ? ', yours too' : ', not yours yet'}`}</td>
      <td>{a.minutesUsed} min</td>
      <td>{when(a.startedAt)}</td>
      <td>{when(a.submittedAt)}</td>
    </tr>
  );
}
