import { StatusBadge } from './status-badge.js';

/** A verdict with its score beside it: "failed 93%" says more than "failed". */
export function VerdictBadge({ verdict, score }: { verdict: string | null; score: number | null }) {
  if (!verdict) return null;
  return (
    <span className="row-inline">
      <StatusBadge status={verdict} /> {score === null ? null : <strong>{Math.round(score * 100)}%</strong>}
    </span>
  );
}
