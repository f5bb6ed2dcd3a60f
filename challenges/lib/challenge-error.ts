import { formatProblem, type ChallengeProblem } from '@assay/contract';

export { formatProblem, type ChallengeProblem };

/** A challenge folder that cannot be used; `problems` lists everything found, not just the first. */
export class ChallengeError extends Error {
  override readonly name = 'ChallengeError';
  constructor(readonly problems: ChallengeProblem[]) {
    super(problems.map(formatProblem).join('\n'));
  }
}
