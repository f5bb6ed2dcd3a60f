import type { ReviewerScore, RubricCriterion } from '@assay/contract';
import { RECOMMENDATIONS } from './scorecard-form.js';
import { formatTotal, levelName, weightedTotal } from './rubric-total.js';

const recommendationLabel = (value: string) => RECOMMENDATIONS.find(([v]) => v === value)?.[1] ?? value;
const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Every reviewer's scorecard: level names, the weighted total, and earlier versions of amended ones. */
export function ScoresSideBySide({ rubric, scores }: { rubric: RubricCriterion[]; scores: ReviewerScore[] }) {
  return (
    <>
      <table aria-label="Scores side by side">
        <thead>
          <tr>
            <th scope="col">Criterion</th>
            {scores.map((s) => (
              <th key={s.reviewerId} scope="col">
                {s.reviewerName}
                {s.mine ? ' (you)' : ''}
                <div className="muted">
                  {s.earlier.length ? `amended ${when(s.submittedAt)}` : `submitted ${when(s.submittedAt)}`}
                </div>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rubric.map((criterion) => (
            <tr key={criterion.id}>
              <th scope="row">
                {criterion.title} <span className="muted">(weight {criterion.weight})</span>
              </th>
              {scores.map((s) => {
                const given = s.criteria.find((c) => c.id === criterion.id);
                return (
                  <td key={s.reviewerId}>
                    <strong>{given ? levelName(criterion, given.score) : '—'}</strong> {given?.note ? <div className="muted">{given.note}</div> : null}
                  </td>
                );
              })}
            </tr>
          ))}
          <tr>
            <th scope="row">Weighted total</th>
            {scores.map((s) => {
              const total = weightedTotal(rubric, s.criteria);
              return <td key={s.reviewerId}>{total ? <strong>{formatTotal(total)}</strong> : '—'}</td>;
            })}
          </tr>
          <tr>
            <th scope="row">Recommendation</th>
            {scores.map((s) => (
              <td key={s.reviewerId}>
                <strong>{recommendationLabel(s.recommendation)}</strong> {s.note ? <div className="muted">{s.note}</div> : null}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
      {scores.filter((s) => s.earlier.length).map((s) => (
        <details key={s.reviewerId}>
          <summary>
            Earlier versions of {s.mine ? 'your' : `${s.reviewerName}'s`} scorecard ({s.earlier.length})
          </summary>
          <ul>
            {s.earlier.map((version) => {
              const total = weightedTotal(rubric, version.criteria);
              return (
                <li key={version.submittedAt}>
                  {when(version.submittedAt)}: {rubric.map((c) => {
                    const given = version.criteria.find((g) => g.id === c.id);
                    return `${c.title} ${given ? levelName(c, given.score) : '—'}`;
                  }).join('; ')}
                  {total ? `; weighted ${formatTotal(total)}` : ''}; {recommendationLabel(version.recommendation)}
                  {version.note ? ` (“${version.note}”)` : ''}
                </li>
              );
            })}
          </ul>
        </details>
      ))}
    </>
  );
}
