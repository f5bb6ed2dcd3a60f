import { useEffect, useMemo, useState } from 'react';
import { LANGUAGE_LABELS, RecordedEvent, type AttemptDetail } from '@assay/contract';
import { apiCall } from '../api/api-call.js';
import { Link } from '../app/router.js';
import { openReplay } from '../replay/open-replay.js';
import { StaffLayout } from '../staff/staff-layout.js';
import { ErrorBoundary } from '../ui/error-boundary.js';
import { ErrorMessage } from '../ui/error-message.js';
import { Loading } from '../ui/loading.js';
import { StatusBadge } from '../ui/status-badge.js';
import { useAsync } from '../ui/use-async.js';
import { useAttemptChanges } from './use-attempt-changes.js';
import { VerdictBadge } from '../ui/verdict-badge.js';
import { CodeDiff } from './code-diff.js';
import { integritySummary, type IntegritySource } from './integrity-summary.js';
import { ReplayView } from './replay-view.js';
import { Scorecard } from './scorecard.js';
import { VerdictPanel } from './verdict-panel.js';

const TABS = ['Overview', 'Code', 'Replay', 'Scorecard'] as const;
type Tab = (typeof TABS)[number];
const PAGE = 5_000;

export default function AttemptPage({ params }: { params: Record<string, string> }) {
  return <StaffLayout title="Attempt">{() => <Attempt id={params.id!} />}</StaffLayout>;
}

/** Every recorded event, page by page, with how far it has got. */
function useRecording(id: string) {
  const [state, setState] = useState<{ events: RecordedEvent[]; done: boolean; error?: unknown }>({ events: [], done: false });
  useEffect(() => {
    const controller = new AbortController();
    (async () => {
      const events: RecordedEvent[] = [];
      for (;;) {
        const page = await apiCall('attemptEvents', { params: { id }, query: { after: events.at(-1)?.seq ?? -1, limit: PAGE }, signal: controller.signal });
        events.push(...page.events.map((e) => RecordedEvent.parse(e)));
        setState({ events: [...events], done: page.done });
        if (page.done) return;
      }
    })().catch((error: unknown) => !controller.signal.aborted && setState((s) => ({ ...s, error })));
    return () => controller.abort();
  }, [id]);
  return state;
}

function Attempt({ id }: { id: string }) {
  const { data: detail, error, reload } = useAsync((signal) => apiCall('attemptDetail', { params: { id }, signal }), [id]);
  const recording = useRecording(id);
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

const SOURCES: ReadonlyArray<[IntegritySource, string]> = [
  ['server', 'Observed by the server'],
  ['browser', "Reported by the candidate's browser (it could have been altered)"],
  ['disagreement', 'Where the two disagree'],
];

function Integrity({ recording, finalFiles, detail }: { recording: ReturnType<typeof useRecording>; finalFiles: ReadonlyMap<string, string>; detail: AttemptDetail }) {
  const notes = useMemo(() => (recording.done ? integritySummary(recording.events, finalFiles, detail) : null), [recording.done, recording.events, finalFiles, detail]);
  return (
    <section aria-labelledby="integrity-title" data-testid="integrity">
      <h2 id="integrity-title">Integrity</h2>
      <ErrorMessage error={recording.error} />
      {notes ? (
        SOURCES.map(([source, title]) => {
          const texts = notes.filter((n) => n.source === source).map((n) => n.text);
          return texts.length === 0 ? null : (
            <div key={source} className={`integrity-${source}`}>
              <h3>{title}</h3>
              <ul aria-label={title}>
                {texts.map((text) => (
                  <li key={text}>{text}</li>
                ))}
              </ul>
            </div>
          );
        })
      ) : (
        <Loading label="Reading the recording" />
      )}
    </section>
  );
}
