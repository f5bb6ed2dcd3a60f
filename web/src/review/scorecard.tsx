import { useState, type FormEvent } from 'react';
import type { AttemptDetail, ScoreBody, ScoresView } from '@assay/contract';
import type { z } from 'zod';
import { apiCall } from '../api/api-call.js';
import { ErrorMessage } from '../ui/error-message.js';
import { Loading } from '../ui/loading.js';
import { useAsync } from '../ui/use-async.js';

const RECOMMENDATIONS: Array<[z.infer<typeof ScoreBody>['recommendation'], string]> = [
  ['strong-no', 'Strong no'],
  ['no', 'No'],
  ['yes', 'Yes'],
  ['strong-yes', 'Strong yes'],
];

/**
 * The rubric scorecard. Scoring is independent: other reviewers' scores stay hidden until this
 * reviewer has submitted their own; then all are shown side by side.
 */
export function Scorecard({ detail }: { detail: AttemptDetail }) {
  const id = detail.attempt.id;
  const scores = useAsync((signal) => apiCall('scores', { params: { id }, signal }), [id]);
  const [levels, setLevels] = useState<Record<string, number>>({});
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(undefined);
    try {
      await apiCall('score', {
        params: { id },
        body: {
          criteria: detail.rubric.map((c) => ({ id: c.id, score: levels[c.id]!, note: notes[c.id] ?? '' })),
          recommendation: String(form.get('recommendation')) as z.infer<typeof ScoreBody>['recommendation'],
          note: String(form.get('overall-note') ?? ''),
        },
      });
      scores.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  if (!scores.data) return scores.error ? <ErrorMessage error={scores.error} /> : <Loading label="Loading the scorecards" />;
  const view = scores.data;
  return (
    <section aria-labelledby="scorecard-title">
      <h2 id="scorecard-title">Scorecard</h2>
      {view.submittedOwn ? (
        <ScoresSideBySide detail={detail} scores={view.scores} />
      ) : (
        <form onSubmit={(e) => void submit(e)}>
          <p className="muted">
            {view.hiddenCount > 0 ? `${view.hiddenCount} other reviewer(s) have scored; you will see their scores after submitting yours.` : 'Nobody has scored this attempt yet.'} Score on your own evidence first.
          </p>
          {detail.rubric.map((criterion) => (
            <fieldset key={criterion.id} className="criterion">
              <legend>
                {criterion.title} <span className="muted">(weight {criterion.weight})</span>
              </legend>
              {criterion.levels.map((level) => (
                <label key={level.score} className="level">
                  <input type="radio" name={`level-${criterion.id}`} required checked={levels[criterion.id] === level.score} onChange={() => setLevels((previous) => ({ ...previous, [criterion.id]: level.score }))} />
                  <strong>{level.score} · {level.label}</strong> <span className="muted">{level.description}</span>
                </label>
              ))}
              <label htmlFor={`note-${criterion.id}`}>Note on {criterion.title.toLowerCase()}</label>
              <textarea id={`note-${criterion.id}`} rows={2} value={notes[criterion.id] ?? ''} onChange={(e) => setNotes((previous) => ({ ...previous, [criterion.id]: e.target.value }))} />
            </fieldset>
          ))}
          <fieldset>
            <legend>Overall recommendation</legend>
            {RECOMMENDATIONS.map(([value, label]) => (
              <label key={value} className="inline">
                <input type="radio" name="recommendation" value={value} required /> {label}
              </label>
            ))}
          </fieldset>
          <label htmlFor="overall-note">Overall note</label>
          <textarea id="overall-note" name="overall-note" rows={3} />
          <ErrorMessage error={error} />
          <p>
            <button type="submit" className="primary" disabled={busy}>
              {busy ? 'Submitting…' : 'Submit my scores'}
            </button>
          </p>
        </form>
      )}
    </section>
  );
}

function ScoresSideBySide({ detail, scores }: { detail: AttemptDetail; scores: ScoresView['scores'] }) {
  return (
    <table aria-label="Scores side by side">
      <thead>
        <tr>
          <th scope="col">Criterion</th>
          {scores.map((s) => (
            <th key={s.reviewerId} scope="col">
              {s.reviewerName}
              {s.mine ? ' (you)' : ''}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {detail.rubric.map((criterion) => (
          <tr key={criterion.id}>
            <th scope="row">{criterion.title}</th>
            {scores.map((s) => {
              const given = s.criteria.find((c) => c.id === criterion.id);
              return (
                <td key={s.reviewerId}>
                  <strong>{given?.score ?? '—'}</strong> {given?.note ? <div className="muted">{given.note}</div> : null}
                </td>
              );
            })}
          </tr>
        ))}
        <tr>
          <th scope="row">Recommendation</th>
          {scores.map((s) => (
            <td key={s.reviewerId}>
              <strong>{s.recommendation.replace('-', ' ')}</strong> {s.note ? <div className="muted">{s.note}</div> : null}
            </td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}
