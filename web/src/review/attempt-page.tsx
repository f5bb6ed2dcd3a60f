import { useMemo, useState } from 'react';
import { LANGUAGE_LABELS, type AttemptDetail } from '@assay/contract';
import { apiCall } from '../api/api-call.js';
import { Link } from '../app/router.js';
import { openReplay } from '../replay/open-replay.js';
import { useRecording, type RecordingState } from '../replay/use-recording.js';
import { StaffLayout } from '../staff/staff-layout.js';
import { ErrorBoundary } from '../ui/error-boundary.js';
import { ErrorMessage } from '../ui/error-message.js';
import { Loading } from '../ui/loading.js';
import { StatusBadge } from '../ui/status-badge.js';
import { useAsync } from '../ui/use-async.js';
import { useAttemptChanges } from './use-attempt-changes.js';
import { VerdictBadge } from '../ui/verdict-badge.js';
import { CodeDiff } from './code-diff.js';
import { integritySummary } from './integrity-summary.js';
import { IntegrityNotes } from './integrity-notes.js';
import { ReplayView } from './replay-view.js';
import { Scorecard } from './scorecard.js';
import { VerdictPanel } from './verdict-panel.js';

const TABS = ['Overview', 'Code', 'Replay', 'Scorecard'] as const;
type Tab = (typeof TABS)[number];

export default function AttemptPage({ params }: { params: Record<string, string> }) {
  return <StaffLayout title="Attempt">{() => <Attempt id={params.id!} />}</StaffLayout>;
}

function Attempt({ id }: { id: string }) {
  const { data: detail, error, reload } = useAsync((signal) => apiCall('attemptDetail', { params: { id }, signal }), [id]);
  const recording = useRecording((after, limit, signal) => apiCall('attemptEvents', { params: { id }, query: { after, limit }, signal }), id);
  const [tab, setTab] = useState<Tab>('Overview');
  // A verdict, a submission or a run arrives on the live feed (scorecards refresh themselves).
  useAttemptChanges((change) => change.attemptId === id && change.change !== 'scored', reload);
  const replay = useMemo(() => (recording.done ? openReplay(recording.events) : null), [recording.done, recording.events]);
  const finalFiles = useMemo(() => new Map((detail?.files ?? []).map((f) => [f.path, f.content])), [detail]);

  if (error) return <ErrorMessage error={error} />;
  if (!detail) return <Loading label="Loading the attempt" />;
  const { attempt } = detail;
  return (
    <>
      <p>
        <Link href="/attempts">← All attempts</Link>
      </p>
      <h1>
        {attempt.candidateName} · {attempt.challengeTitle}
      </h1>
      <p className="row">
        <StatusBadge status={attempt.status} /> <VerdictBadge verdict={attempt.verdict} score={attempt.score} />
        <span>{LANGUAGE_LABELS[attempt.language]}</span>
        <span className="muted">{attempt.candidateEmail}</span>
        {attempt.startedAt ? <span className="muted">started {new Date(attempt.startedAt).toLocaleString()}</span> : null}
        {attempt.submittedAt ? <span className="muted">submitted {new Date(attempt.submittedAt).toLocaleString()}</span> : null}
      </p>
      <div role="tablist" aria-label="Attempt" className="tabs">
        {TABS.map((name) => (
          <button key={name} role="tab" type="button" aria-selected={tab === name} onClick={() => setTab(name)}>
            {name}
          </button>
        ))}
      </div>
      <div role="tabpanel" className="tab-body">
        {tab === 'Overview' ? (
          <>
            <ErrorBoundary what="The verdict">
              <VerdictPanel detail={detail} onRegraded={reload} />
            </ErrorBoundary>
            <ErrorBoundary what="The integrity summary">
              <Integrity recording={recording} finalFiles={finalFiles} detail={detail} />
            </ErrorBoundary>
          </>
        ) : null}
        {tab === 'Code' ? (
          <ErrorBoundary what="The code">
            <CodeDiff detail={detail} />
          </ErrorBoundary>
        ) : null}
        {tab === 'Replay' ? (
          <ErrorBoundary what="The replay">
            {replay ? (
              recording.events.length > 0 ? <ReplayView replay={replay} submitted={finalFiles} /> : <p className="muted">Nothing was recorded for this attempt.</p>
            ) : (
              <Loading label={`Loading the recording (${recording.events.length.toLocaleString('en')} events so far)`} />
            )}
          </ErrorBoundary>
        ) : null}
        {tab === 'Scorecard' ? (
          <ErrorBoundary what="The scorecard">
            <Scorecard detail={detail} />
          </ErrorBoundary>
        ) : null}
      </div>
    </>
  );
}

function Integrity({ recording, finalFiles, detail }: { recording: RecordingState; finalFiles: ReadonlyMap<string, string>; detail: AttemptDetail }) {
  const notes = useMemo(() => (recording.done ? integritySummary(recording.events, finalFiles, detail) : null), [recording.done, recording.events, finalFiles, detail]);
  return (
    <section aria-labelledby="integrity-title" data-testid="integrity">
      <h2 id="integrity-title">Integrity</h2>
      <ErrorMessage error={recording.error} />
      {notes ? <IntegrityNotes notes={notes} /> : <Loading label="Reading the recording" />}
      {detail.candidateReply ? (
        <div className="integrity-reply">
          <h3>The candidate's reply (written after submitting, {new Date(detail.candidateReply.savedAt).toLocaleString()})</h3>
          <blockquote data-testid="candidate-reply">{detail.candidateReply.note}</blockquote>
        </div>
      ) : null}
    </section>
  );
}
