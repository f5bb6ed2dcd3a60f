import { useEffect, useState } from 'react';
import type { z } from 'zod';
import { LANGUAGE_LABELS, type InviteInfo } from '@assay/contract';
import { api } from './api.js';

/** What a candidate sees on opening their link: the challenge, the time limit, and what is recorded. */
export function InviteLanding({ token }: { token: string }) {
  const [info, setInfo] = useState<z.infer<typeof InviteInfo>>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    api<z.infer<typeof InviteInfo>>('/api/candidate/invite', { token }).then(setInfo, (e: Error) => setError(e.message));
  }, [token]);
  if (error) return <p role="alert">{error}</p>;
  if (!info) return <p>Loading your invite…</p>;
  return (
    <section aria-labelledby="challenge-title">
      <h2 id="challenge-title">{info.challengeTitle}</h2>
      <p>{info.summary}</p>
      <p>
        Time limit: <strong>{info.timeLimitMinutes} minutes</strong>, starting when you press start. Languages: {info.languages.map((l) => LANGUAGE_LABELS[l]).join(', ')}.
      </p>
      <h3>What is recorded</h3>
      <ul>
        {info.recorded.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      <p>Nothing else: no camera, microphone or screen capture.</p>
      <p>
        <em>The in-browser workspace is being built; this page confirms your link works.</em>
      </p>
    </section>
  );
}
