import { useState } from 'react';
import type { AttemptDetail, ScoreDraft } from '@assay/contract';
import { apiCall } from '../api/api-call.js';
import { ErrorMessage } from '../ui/error-message.js';
import { Loading } from '../ui/loading.js';
import { useAsync } from '../ui/use-async.js';
import { useAttemptChanges } from './use-attempt-changes.js';
import { ScorecardForm } from './scorecard-form.js';
import { ScoresSideBySide } from './scores-side-by-side.js';
import { draftSaved } from './use-draft-autosave.js';

const EMPTY: ScoreDraft = { criteria: [], recommendation: null, note: '' };

/**
 * The rubric scorecard. Scoring is independent: other reviewers' scores stay hidden until this
 * reviewer has submitted their own; then all are shown side by side. A draft lives on the
 * server; a submitted scorecard can be amended (no hiring decision closes it yet), and the
 * versions it replaced stay visible.
 */
export function Scorecard({ detail }: { detail: AttemptDetail }) {
  const id = detail.attempt.id;
  const loaded = useAsync(
    async (signal) => {
      await draftSaved(id);
      const [scores, draft] = await Promise.all([apiCall('scores', { params: { id }, signal }), apiCall('scoreDraft', { params: { id }, signal })]);
      return { scores, draft };
    },
    [id],
  );
  // Another reviewer's scorecard shows up beside this one's as soon as it is submitted.
  useAttemptChanges((change) => change.attemptId === id && change.change === 'scored', loaded.reload);
  const [amending, setAmending] = useState(false);

  if (!loaded.data) return loaded.error ? <ErrorMessage error={loaded.error} /> : <Loading label="Loading the scorecards" />;
  const { scores, draft } = loaded.data;
  const mine = scores.scores.find((s) => s.mine);
  const done = () => {
    setAmending(false);
    loaded.reload();
  };
  const editing = !scores.submittedOwn || amending || draft.draft !== null;
  return (
    <section aria-labelledby="scorecard-title">
      <h2 id="scorecard-title">Scorecard</h2>
      {editing ? (
        <ScorecardForm
          key={`${scores.submittedOwn}`}
          detail={detail}
          initial={draft.draft ?? (mine ? { criteria: mine.criteria, recommendation: mine.recommendation, note: mine.note } : EMPTY)}
          savedAt={draft.savedAt}
          amending={scores.submittedOwn}
          intro={
            scores.submittedOwn
              ? 'Amending your scorecard: the version you submitted stays in its history.'
              : `${scores.hiddenCount > 0 ? `${scores.hiddenCount} other reviewer(s) have scored; you will see their scores after submitting yours.` : 'Nobody has scored this attempt yet.'} Score on your own evidence first. Your draft is saved as you type.`
          }
          onDone={done}
        />
      ) : null}
      {scores.submittedOwn ? (
        <>
          {editing ? <h3>As submitted</h3> : null}
          <ScoresSideBySide rubric={detail.rubric} scores={scores.scores} />
          {editing ? null : (
            <p>
              <button type="button" onClick={() => setAmending(true)}>
                Amend my scorecard
              </button>
            </p>
          )}
        </>
      ) : null}
    </section>
  );
}
