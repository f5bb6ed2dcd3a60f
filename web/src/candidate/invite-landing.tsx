import { useState, type FormEvent } from 'react';
import { LANGUAGE_LABELS, type InviteInfo, type Language } from '@assay/contract';
import type { z } from 'zod';
import { apiCall } from '../api/api-call.js';
import { ErrorMessage } from '../ui/error-message.js';

/** What a candidate sees first: the challenge, the time limit, what is recorded, consent, start. */
export function InviteLanding({ token, info, onStarted }: { token: string; info: z.infer<typeof InviteInfo>; onStarted: () => void }) {
  const [language, setLanguage] = useState<Language>(info.languages[0]!);
  const [consent, setConsent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  async function start(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await apiCall('start', { token, body: { language } });
      onStarted();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }
  return (
    <main className="narrow">
      <p className="muted">Hello {info.candidateName}, you are invited to a take-home assessment.</p>
      <h1>{info.challengeTitle}</h1>
      <p>{info.summary}</p>
      <p>
        You have <strong>{info.timeLimitMinutes} minutes</strong> once you press start (not before): take your time to read this page. Your work is saved as you type and submitted automatically when the time is up.
        {info.kind === 'system-design' ? ' Part of the work is a written design in DESIGN.md.' : ''}
      </p>
      <form onSubmit={(e) => void start(e)}>
        <h2>What is recorded</h2>
        <ul>
          {info.recorded.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
        <p>Nothing else: no camera, microphone, screen capture or other tabs. Reviewers can replay how your code was written.</p>
        {info.languages.length > 1 ? (
          <fieldset>
            <legend>Language</legend>
            {info.languages.map((l) => (
              <label key={l} className="inline">
                <input type="radio" name="language" value={l} checked={language === l} onChange={() => setLanguage(l)} /> {LANGUAGE_LABELS[l]}
              </label>
            ))}
          </fieldset>
        ) : (
          <p>Language: {LANGUAGE_LABELS[language]}</p>
        )}
        <label className="inline">
          <input type="checkbox" checked={consent} onChange={(e) => setConsent(e.target.checked)} /> I understand what is recorded and agree to it
        </label>
        <ErrorMessage error={error} />
        <p>
          <button type="submit" className="primary" disabled={!consent || busy}>
            {busy ? 'Starting…' : `Start the ${info.timeLimitMinutes}-minute timer`}
          </button>
        </p>
      </form>
    </main>
  );
}
