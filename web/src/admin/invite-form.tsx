import { useState, type FormEvent } from 'react';
import { CreateInviteBody, LANGUAGE_LABELS, type ChallengeEntry, type Invite } from '@assay/contract';
import { apiCall } from '../api/api-call.js';
import { ErrorMessage } from '../ui/error-message.js';
import { describedBy, FieldError } from '../ui/field-error.js';
import { fieldErrors } from '../ui/field-errors.js';

type Offered = Extract<ChallengeEntry, { title: string }>;

/** The new-invite form: checked against the contract before it is sent, each problem shown beside its field. */
export function InviteForm({ offered, onIssued }: { offered: Offered[]; onIssued: (issued: { invite: Invite; link: string }) => void }) {
  const [challengeId, setChallengeId] = useState<string>();
  const challenge = offered.find((c) => c.id === challengeId) ?? offered[0]!;
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const expires = String(form.get('expiresAt') ?? '');
    const checked = fieldErrors(CreateInviteBody, {
      candidateName: String(form.get('candidateName')),
      candidateEmail: String(form.get('candidateEmail')).trim(),
      challengeId: challenge.id,
      languages: form.getAll('languages').map(String),
      timeLimitMinutes: Number(form.get('timeLimitMinutes')),
      extraTimeMinutes: Number(form.get('extraTimeMinutes') || 0),
      ...(expires ? { expiresAt: new Date(expires).toISOString() } : {}),
    });
    setErrors(checked.errors ?? {});
    setError(undefined);
    if (!checked.data) return;
    setBusy(true);
    try {
      const { invite } = await apiCall('createInvite', { body: checked.data });
      onIssued({ invite, link: invite.link });
      element.reset();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const described = (name: string) => describedBy(errors, name);
  return (
    <form onSubmit={(e) => void create(e)} className="invite-form" noValidate>
      <div>
        <label htmlFor="candidateName">Candidate's name</label>
        <input id="candidateName" name="candidateName" required {...described('candidateName')} />
        <FieldError id="candidateName" message={errors.candidateName} />
      </div>
      <div>
        <label htmlFor="candidateEmail">Candidate's email</label>
        <input id="candidateEmail" name="candidateEmail" type="text" inputMode="email" required {...described('candidateEmail')} />
        <FieldError id="candidateEmail" message={errors.candidateEmail} />
      </div>
      <div>
        <label htmlFor="challenge">Challenge</label>
        <select id="challenge" value={challenge.id} onChange={(e) => setChallengeId(e.target.value)}>
          {offered.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </select>
      </div>
      <fieldset key={challenge.id} {...described('languages')}>
        <legend>Languages</legend>
        {challenge.languages.map((l) => (
          <label key={l} className="inline">
            <input type="checkbox" name="languages" value={l} defaultChecked /> {LANGUAGE_LABELS[l]}
          </label>
        ))}
        <FieldError id="languages" message={errors.languages ? 'choose at least one language' : undefined} />
      </fieldset>
      <div>
        <label htmlFor="timeLimitMinutes">Time limit (minutes, 5 to 600)</label>
        <input id="timeLimitMinutes" name="timeLimitMinutes" type="number" min={5} max={600} defaultValue={challenge.timeLimitMinutes} key={challenge.id} required {...described('timeLimitMinutes')} />
        <FieldError id="timeLimitMinutes" message={errors.timeLimitMinutes ? 'give a whole number of minutes from 5 to 600' : undefined} />
      </div>
      <div>
        <label htmlFor="extraTimeMinutes">Extra time as an accommodation (minutes; reviewers never see it)</label>
        <input id="extraTimeMinutes" name="extraTimeMinutes" type="number" min={0} max={600} defaultValue={0} {...described('extraTimeMinutes')} />
        <FieldError id="extraTimeMinutes" message={errors.extraTimeMinutes ? 'give a whole number of minutes from 0 to 600' : undefined} />
      </div>
      <div>
        <label htmlFor="expiresAt">Link expires (default: in 7 days)</label>
        <input id="expiresAt" name="expiresAt" type="datetime-local" />
      </div>
      <ErrorMessage error={error} />
      <p>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create the invite'}
        </button>
      </p>
    </form>
  );
}
