import type { RubricCriterion } from '@assay/contract';

export interface WeightedTotal {
  /** The weighted mean of the chosen levels. */
  value: number;
  /** The same mean had every criterion got its top level. */
  max: number;
}

/** A scorecard's weighted total, or null while a criterion is unscored. */
export function weightedTotal(rubric: RubricCriterion[], criteria: Array<{ id: string; score: number | null }>): WeightedTotal | null {
  let weights = 0;
  let value = 0;
  let max = 0;
  for (const criterion of rubric) {
    const score = criteria.find((c) => c.id === criterion.id)?.score;
    if (score === undefined || score === null) return null;
    weights += criterion.weight;
    value += criterion.weight * score;
    max += criterion.weight * Math.max(...criterion.levels.map((l) => l.score));
  }
  return weights ? { value: value / weights, max: max / weights } : null;
}

/** `2.67 of 4` */
export const formatTotal = ({ value, max }: WeightedTotal) => `${Number(value.toFixed(2))} of ${Number(max.toFixed(2))}`;

/** `3 · Correct`, or the bare score when the rubric no longer has that level. */
export function levelName(criterion: RubricCriterion, score: number): string {
  const level = criterion.levels.find((l) => l.score === score);
  return level ? `${score} · ${level.label}` : String(score);
}
