import type { Challenge } from '@assay/challenges';
import type { AttemptDetail, Language, RecordingLimits } from '@assay/contract';
import type { AttemptWithInvite } from './attempts.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** An attempt as pages show it, and how much of it was recorded against the cap. */
export function attemptFacts(row: AttemptWithInvite, challenge: Challenge, recordingLimits: RecordingLimits): Pick<AttemptDetail, 'attempt' | 'recording'> {
  return {
    attempt: {
      id: row.id,
      candidateName: row.candidate_name,
      candidateEmail: row.candidate_email,
      challengeId: row.challenge_id,
      challengeTitle: challenge.manifest.title,
      kind: challenge.manifest.kind,
      language: row.language as Language,
      status: row.status,
      verdict: row.verdict,
      score: row.score,
      startedAt: iso(row.started_at),
      deadline: iso(row.deadline),
      submittedAt: iso(row.submitted_at),
      contentHash: row.content_hash,
      currentContentHash: challenge.contentHash,
    },
    recording: { events: row.acked_seq + 1, bytes: row.recorded_bytes, maxEvents: recordingLimits.maxEvents, maxBytes: recordingLimits.maxBytes, fullAt: iso(row.recording_full_at) },
  };
}
