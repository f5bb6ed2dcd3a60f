/**
 * A circuit breaker around a flaky dependency. See the prompt for the rules; time comes only
 * from `clock` (milliseconds). Add your own tests beside this file if you like (they are not graded).
 */

/** Raised by `call` while the circuit is open. */
export class CircuitOpenError extends Error {}

export class CircuitBreaker {
  /**
   * @param {{ fetch(request: string): unknown }} dependency
   * @param {() => number} clock
   * @param {number} failureThreshold
   * @param {number} windowMs
   * @param {number} openMs
   * @param {number} halfOpenTrials
   */
  constructor(dependency, clock, failureThreshold, windowMs, openMs, halfOpenTrials) {}

  /** Calls the dependency unless the circuit is open; returns what it returned. */
  call(request) {
    throw new Error('Not implemented');
  }

  /** @returns {'closed' | 'open' | 'half-open'} */
  state() {
    throw new Error('Not implemented');
  }

  metrics() {
    throw new Error('Not implemented');
  }
}
