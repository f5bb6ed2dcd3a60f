/** One thing wrong with a challenge folder, located as precisely as we can. */
export interface ChallengeProblem {
  /** Path relative to the challenges root, e.g. `rate-limiter/challenge.yaml`. */
  file: string;
  line?: number;
  /** Dotted path of the manifest field, e.g. `limits.memoryMb`. */
  field?: string;
  message: string;
}

export function formatProblem(problem: ChallengeProblem): string {
  const where = `${problem.file}${problem.line ? `:${problem.line}` : ''}`;
  return `${where}${problem.field ? ` ${problem.field}` : ''}: ${problem.message}`;
}

/** A challenge folder that cannot be used; `problems` lists everything found, not just the first. */
export class ChallengeError extends Error {
  override readonly name = 'ChallengeError';
  constructor(readonly problems: ChallengeProblem[]) {
    super(problems.map(formatProblem).join('\n'));
  }
}
