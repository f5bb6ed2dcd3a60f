const TONES: Record<string, string> = {
  passed: 'good',
  graded: 'good',
  submitted: 'info',
  started: 'info',
  pending: 'info',
  queued: 'info',
  failed: 'bad',
  compile_error: 'bad',
  timeout: 'bad',
  memory_limit: 'bad',
  output_limit: 'bad',
  crashed: 'bad',
  revoked: 'muted',
  expired: 'muted',
  not_run: 'muted',
  not_started: 'muted',
  infra_error: 'warn',
};

/** A status or verdict as a coloured word (the word carries the meaning; colour only helps). */
export function StatusBadge({ status }: { status: string | null }) {
  if (!status) return <span className="badge muted">—</span>;
  return <span className={`badge ${TONES[status] ?? 'muted'}`}>{status.replaceAll('_', ' ')}</span>;
}
