import type { RubricCriterion } from '@assay/contract';
import { describe, expect, it } from 'vitest';
import { formatTotal, levelName, weightedTotal } from './rubric-total.js';

const levels = [1, 2, 3, 4].map((score) => ({ score, label: `L${score}`, description: 'd' }));
const rubric: RubricCriterion[] = [
  { id: 'algorithm', title: 'Algorithm', description: 'd', weight: 2, levels },
  { id: 'tests', title: 'Tests', description: 'd', weight: 1, levels: levels.slice(0, 3) },
];

describe('the weighted total of a scorecard', () => {
  it('weighs each level by its criterion and says the most it could be', () => {
    const total = weightedTotal(rubric, [{ id: 'algorithm', score: 3 }, { id: 'tests', score: 1 }])!;
    expect(total.value).toBeCloseTo((2 * 3 + 1) / 3);
    expect(total.max).toBeCloseTo((2 * 4 + 3) / 3);
    expect(formatTotal(total)).toBe('2.33 of 3.67');
  });

  it('is not given while a criterion is unscored', () => {
    expect(weightedTotal(rubric, [{ id: 'algorithm', score: 3 }, { id: 'tests', score: null }])).toBeNull();
    expect(weightedTotal(rubric, [{ id: 'algorithm', score: 3 }])).toBeNull();
  });

  it('names the level beside its score', () => {
    expect(levelName(rubric[0]!, 3)).toBe('3 · L3');
    expect(levelName(rubric[0]!, 5)).toBe('5');
  });
});
