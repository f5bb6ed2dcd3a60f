import { useCallback, useState } from 'react';
import { apiCall } from '../api/api-call.js';
import { ErrorMessage } from '../ui/error-message.js';
import { Loading } from '../ui/loading.js';
import { useAsync } from '../ui/use-async.js';
import { FinalScreen } from './final-screen.js';
import { InviteLanding } from './invite-landing.js';
import { LiveWorkspace } from './live-workspace.js';

/** Everything at an invite link: the landing before start, the workspace, the final screen. */
export default function CandidatePage({ params }: { params: Record<string, string> }) {
  const token = params.token!;
  const [submitted, setSubmitted] = useState(false);
  const { data: info, error, reload } = useAsync((signal) => apiCall('invite', { token, signal }), [token]);
  const onSubmitted = useCallback(() => setSubmitted(true), []);
  document.title = info ? `${info.challengeTitle} · Assay` : 'Assay';
  if (error) {
    return (
      <main className="narrow">
        <h1>This link cannot be opened</h1>
        <ErrorMessage error={error} />
      </main>
    );
  }
  if (!info) return <main className="narrow"><Loading label="Opening your invite" /></main>;
  if (submitted || info.status === 'submitted' || info.status === 'graded') return <FinalScreen challengeTitle={info.challengeTitle} token={token} />;
  if (info.status === 'not_started') return <InviteLanding token={token} info={info} onStarted={reload} />;
  return <LiveWorkspace token={token} timeLimitMinutes={info.timeLimitMinutes} onSubmitted={onSubmitted} />;
}
