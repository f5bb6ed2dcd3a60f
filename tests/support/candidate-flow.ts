import type { Challenge } from '@assay/challenges';
import type { GradingResult, Language, SubmittedFile } from '@assay/contract';
import { createApiClient, type StaffRequest } from './api-client.js';
import { waitFor } from './platform.js';

/** Staff and candidate steps of the whole flow, as the web app performs them. */
export function candidateFlow(baseUrl: string, staff: StaffRequest) {
  const client = createApiClient(baseUrl);
  return {
    async invite(challengeId: string, languages?: Language[]) {
      const response = await staff('POST', '/api/admin/invites', { candidateName: 'Ada Lovelace', candidateEmail: 'ada@example.test', challengeId, ...(languages ? { languages } : {}) });
      if (response.status !== 201) throw new Error(`invite failed: ${response.status} ${response.text}`);
      return { invite: response.body.invite as { id: string; token: string; link: string }, candidate: client.candidate(response.body.invite.token) };
    },
    /** Invite, start, save `files` over the starter, submit; returns the attempt id. */
    async submit(challenge: Challenge, language: Language, files: SubmittedFile[]) {
      const { candidate } = await this.invite(challenge.manifest.id, [language]);
      const started = await candidate('POST', '/api/candidate/start', { language });
      if (started.status !== 200) throw new Error(`start failed: ${started.status} ${started.text}`);
      const editable = new Set((challenge.starter[language] ?? []).filter((f) => f.editable).map((f) => f.path));
      const changed = files.filter((f) => editable.has(f.path));
      if (changed.length > 0) {
        const saved = await candidate('PUT', '/api/candidate/files', { files: changed });
        if (saved.status !== 200) throw new Error(`save failed: ${saved.status} ${saved.text}`);
      }
      const submitStarted = performance.now();
      const submitted = await candidate('POST', '/api/candidate/submit');
      if (submitted.status !== 200) throw new Error(`submit failed: ${submitted.status} ${submitted.text}`);
      return { attemptId: started.body.attemptId as string, candidate, submitStarted };
    },
    /** Polls the reviewer view every `pollMs` until the verdict is stored. */
    async verdict(attemptId: string, timeoutMs = 180_000, pollMs = 100): Promise<GradingResult> {
      let result: GradingResult | undefined;
      await waitFor(
        async () => {
          const response = await staff('GET', `/api/review/attempts/${attemptId}`);
          result = response.body.verdict?.result ?? undefined;
          return Boolean(result);
        },
        timeoutMs,
        () => `no verdict for ${attemptId}`,
        pollMs,
      );
      return result!;
    },
  };
}
