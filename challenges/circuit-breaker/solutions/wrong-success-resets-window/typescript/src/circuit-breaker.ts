/**
 * Reference: the state is derived from when the circuit opened (open until `openMs` have
 * passed, then half-open), so reading it never needs a timer; failures are a list of times,
 * pruned to the rolling window at each failure.
 */
export interface Dependency {
  fetch(request: string): unknown;
}

export class CircuitOpenError extends Error {
  constructor(message = 'the circuit is open: the dependency is not called until it half-opens') {
    super(message);
    this.name = 'CircuitOpenError';
  }
}

type State = 'closed' | 'open' | 'half-open';

function requirePositive(name: string, value: unknown, integer: boolean): void {
  if (typeof value !== 'number') throw new TypeError(`${name} must be a number, got ${typeof value}`);
  if (!(value > 0) || !Number.isFinite(value) || (integer && !Number.isInteger(value))) {
    throw new RangeError(`${name} must be a positive ${integer ? 'integer' : 'number'}, got ${value}`);
  }
}

export class CircuitBreaker {
  private failureTimes: number[] = [];
  /** When the circuit last opened; undefined while closed. */
  private openedAt: number | undefined;
  private trialSuccesses = 0;
  private successes = 0;
  private failures = 0;
  private rejections = 0;

  constructor(
    private readonly dependency: Dependency,
    private readonly clock: () => number,
    private readonly failureThreshold: number,
    private readonly windowMs: number,
    private readonly openMs: number,
    private readonly halfOpenTrials: number,
  ) {
    requirePositive('failureThreshold', failureThreshold, true);
    requirePositive('windowMs', windowMs, false);
    requirePositive('openMs', openMs, false);
    requirePositive('halfOpenTrials', halfOpenTrials, true);
  }

  call(request: string): unknown {
    const state = this.state();
    if (state === 'open') {
      this.rejections += 1;
      throw new CircuitOpenError();
    }
    let value: unknown;
    try {
      value = this.dependency.fetch(request);
    } catch (error) {
      this.recordFailure(state);
      throw error;
    }
    this.recordSuccess(state);
    return value;
  }

  state(): State {
    if (this.openedAt === undefined) return 'closed';
    return this.clock() - this.openedAt >= this.openMs ? 'half-open' : 'open';
  }

  metrics(): { successes: number; failures: number; rejections: number; state: State } {
    return { successes: this.successes, failures: this.failures, rejections: this.rejections, state: this.state() };
  }

  private recordFailure(state: State): void {
    this.failures += 1;
    const now = this.clock();
    if (state === 'half-open') return this.open(now);
    this.failureTimes = this.failureTimes.filter((time) => now - time < this.windowMs);
    this.failureTimes.push(now);
    if (this.failureTimes.length >= this.failureThreshold) this.open(now);
  }

  private recordSuccess(state: State): void {
    this.successes += 1;
    if (state !== 'half-open') {
      this.failureTimes = [];
      return;
    }
    this.trialSuccesses += 1;
    if (this.trialSuccesses >= this.halfOpenTrials) {
      this.openedAt = undefined;
      this.failureTimes = [];
    }
  }

  private open(now: number): void {
    this.openedAt = now;
    this.trialSuccesses = 0;
  }
}
