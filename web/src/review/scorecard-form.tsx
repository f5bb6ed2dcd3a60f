import { useState, type FormEvent } from 'react';
import type { AttemptDetail, Recommendation, ScoreDraft } from '@assay/contract';
import { apiCall } from '../api/api-call.js';
import { ErrorMessage } from '../ui/error-message.js';
import { formatTotal, weightedTotal } from './rubric-total.js';
import { useDraftAutosave, type DraftSaveState } from './use-draft-autosave.js';

export const RECOMMENDATIONS: Array<[Recommendation, string]> = [
  ['strong-no', 'Strong no'],
  ['no', 'No'],
  ['yes', 'Yes'],
  ['strong-yes', 'Strong yes'],
];

/**
 * The rubric form, for a first scorecard or an amendment. What is typed is saved on the server
 * as a draft as the reviewer goes (see useDraftAutosave) and comes back on the next visit.
 */
export function ScorecardForm({ detail, initial, savedAt, amending, intro, onDone }: {
  detail: AttemptDetail;
  initial: ScoreDraft;
  savedAt: string | null;
  amending: boolean;
  intro: string;
  onDone: () => void;
}) {
  const id = detail.attempt.id;
  const [values, setValues] = useState(initial);
  const [changed, setChanged] = useState<ScoreDraft>();
  const autosave = useDraftAutosave(id, changed, savedAt);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const update = (change: (previous: ScoreDraft) => ScoreDraft) =>
    setValues((previous) => {
      const next = change(previous);
      setChanged(next);
      return next;
    });
  const criterion = (criterionId: string) => values.criteria.find((c) => c.id === criterionId) ?? { id: criterionId, score: null, note: '' };
  const setCriterion = (criterionId: string, patch: Partial<ScoreDraft['criteria'][number]>) =>
    update((previous) => ({ ...previous, criteria: [...previous.criteria.filter((c) => c.id !== criterionId), { ...criterion(criterionId), ...patch }] }));
  const total = weightedTotal(detail.rubric, values.criteria);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setChanged(undefined);
    try {
      await autosave.settle();
      await apiCall('score', {
        params: { id },
        body: {
          criteria: detail.rubric.map((c) => ({ id: c.id, score: criterion(c.id).score!, note: criterion(c.id).note })),
          recommendation: values.recommendation!,
          note: values.note,
        },
      });
      onDone();
    } catch (e) {
      setChanged(values);
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  async function cancel() {
    setChanged(undefined);
    await autosave.settle();
    await apiCall('saveScoreDraft', { params: { id }, body: { draft: null } }).then(onDone, setError);
  }

  return (
    <form onSubmit={(e) => void submit(e)}>
      <p className="muted">{intro}</p>
      {detail.rubric.map((c) => (
        <fieldset key={c.id} className="criterion">
          <legend>
            {c.title} <span className="muted">(weight {c.weight})</span>
          </legend>
          {c.levels.map((level) => (
            <label key={level.score} className="level">
              <input type="radio" name={`level-${c.id}`} required checked={criterion(c.id).score === level.score} onChange={() => setCriterion(c.id, { score: level.score })} />
              <strong>
                {level.score} · {level.label}
              </strong>{' '}
              <span className="muted">{level.description}</span>
            </label>
          ))}
          <label htmlFor={`note-${c.id}`}>Note on {c.title.toLowerCase()}</label>
          <textarea id={`note-${c.id}`} rows={2} value={criterion(c.id).note} onChange={(e) => setCriterion(c.id, { note: e.target.value })} />
        </fieldset>
      ))}
      <p>Weighted total: {total ? <strong data-testid="draft-total">{formatTotal(total)}</strong> : <span className="muted">once every criterion has a level</span>}</p>
      <fieldset>
        <legend>Overall recommendation</legend>
        {RECOMMENDATIONS.map(([value, label]) => (
          <label key={value} className="inline">
            <input type="radio" name="recommendation" value={value} required checked={values.recommendation === value} onChange={() => update((previous) => ({ ...previous, recommendation: value }))} /> {label}
          </label>
        ))}
      </fieldset>
      <label htmlFor="overall-note">Overall note</label>
      <textarea id="overall-note" rows={3} value={values.note} onChange={(e) => update((previous) => ({ ...previous, note: e.target.value }))} />
      <ErrorMessage error={error} />
      <p className="row">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Submitting…' : amending ? 'Submit the amendment' : 'Submit my scores'}
        </button>
        {amending ? (
          <button type="button" onClick={() => void cancel()}>
            Discard the amendment
          </button>
        ) : null}
        <DraftStatus state={autosave.state} />
      </p>
    </form>
  );
}

function DraftStatus({ state }: { state: DraftSaveState }) {
  if (state.kind === 'saving') return <span className="muted" role="status">Saving the draft…</span>;
  if (state.kind === 'saved') return <span className="muted" role="status">Draft saved {new Date(state.at).toLocaleTimeString()}</span>;
  if (state.kind === 'failed') return <ErrorMessage error={state.error} title="The draft is not saved" />;
  return null;
}
