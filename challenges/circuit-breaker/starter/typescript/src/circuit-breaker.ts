/**
 * A circuit breaker around a flaky dependency. See the prompt for the rules; time comes only
 * from `clock` (milliseconds). Add your own tests beside this file if you like (they are not graded).
 */
export interface Dependency {
  fetch(request: string): unknown;
}

/** Raised by `call` while the circuit is open. */
export class CircuitOpenError extends Error {}

export class CircuitBreaker {
  constructor(
    dependency: Dependency,
    clock: () => number,
    failureThreshold: number,
    windowMs: number,
    openMs: number,
    halfOpenTrials: number,
  ) {
    void [dependency, clock, failureThreshold, windowMs, openMs, halfOpenTrials];
  }

  /** Calls the dependency unless the circuit is open; returns what it returned. */
  call(request: string): unknown {
    throw new Error('Not implemented');
  }

  state(): 'closed' | 'open' | 'half-open' {
    throw new Error('Not implemented');
  }

  metrics(): { successes: number; failures: number; rejections: number; state: string } {
    throw new Error('Not implemented');
  }
}
