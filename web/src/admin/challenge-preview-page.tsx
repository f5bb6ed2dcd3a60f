import { useState } from 'react';
import { LANGUAGE_LABELS, type Language } from '@assay/contract';
import { apiCall } from '../api/api-call.js';
import { Link } from '../app/router.js';
import { Workspace } from '../candidate/workspace.js';
import { StaffLayout } from '../staff/staff-layout.js';
import { ErrorMessage } from '../ui/error-message.js';
import { Loading } from '../ui/loading.js';
import { useAsync } from '../ui/use-async.js';

/** A challenge opened exactly as a candidate would see it; nothing is recorded, run or graded. */
export default function ChallengePreviewPage({ params }: { params: Record<string, string> }) {
  return (
    <StaffLayout title="Preview" adminOnly>
      {() => <Preview id={params.id!} />}
    </StaffLayout>
  );
}

function Preview({ id }: { id: string }) {
  const challenges = useAsync((signal) => apiCall('challenges', { signal }), []);
  const entry = challenges.data?.challenges.find((c) => c.id === id);
  const languages: Language[] = entry && 'languages' in entry ? entry.languages : [];
  const [language, setLanguage] = useState<Language>();
  const chosen = language ?? languages[0];
  const preview = useAsync((signal) => (chosen ? apiCall('challengePreview', { params: { id }, query: { language: chosen }, signal }) : Promise.resolve(null)), [id, chosen]);
  return (
    <>
      <p className="row">
        <Link href="/admin/challenges">← Challenges</Link>
        <label className="inline">
          Language
          <select value={chosen ?? ''} onChange={(e) => setLanguage(e.target.value as Language)}>
            {languages.map((l) => (
              <option key={l} value={l}>
                {LANGUAGE_LABELS[l]}
              </option>
            ))}
          </select>
        </label>
      </p>
      <ErrorMessage error={challenges.error ?? preview.error} />
      {preview.data ? (
        <div className="preview-frame">
          <Workspace key={chosen} attempt={preview.data} mode="preview" />
        </div>
      ) : (
        <Loading label="Opening the preview" />
      )}
    </>
  );
}
