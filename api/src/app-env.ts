import type { Challenge } from '@assay/challenges';
import type { StaffUser } from '@assay/contract';

/** The candidate an invite token identifies, with the attempt it opened (if started). */
export interface CandidateContext {
  inviteId: string;
  candidateName: string;
  challenge: Challenge;
  languages: string[];
  timeLimitMinutes: number;
  attempt?: AttemptRow;
}

export interface AttemptRow {
  id: string;
  invite_id: string;
  language: string;
  content_hash: string;
  started_at: number;
  deadline: number;
  submitted_at: number | null;
  status: 'started' | 'submitted' | 'graded';
  verdict: string | null;
  score: number | null;
  acked_seq: number;
  /** Bytes of event JSON recorded, and when a batch first went past the cap (migration 003). */
  recorded_bytes: number;
  recording_full_at: number | null;
}

export type AppEnv = { Variables: { staff: StaffUser; candidate: CandidateContext } };
