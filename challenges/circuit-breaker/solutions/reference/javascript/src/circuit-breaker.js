/**
 * Reference: the state is derived from when the circuit opened (open until `openMs` have
 * passed, then half-open), so reading it never needs a timer; failures are a list of times,
 * pruned to the rolling window at each failure.
 */
export class CircuitOpenError extends Error {
  constructor(message = 'the circuit is open: the dependency is not called until it half-opens') {
    super(message);
    this.name = 'CircuitOpenError';
  }
}

function requirePositive(name, value, integer) {
  if (typeof value !== 'number') throw new TypeError(`${name} must be a number, got ${typeof value}`);
  if (!(value > 0) || !Number.isFinite(value) || (integer && !Number.isInteger(value))) {
    throw new RangeError(`${name} must be a positive ${integer ? 'integer' : 'number'}, got ${value}`);
  }
}

export class CircuitBreaker {
  #failureTimes = [];
  /** When the circuit last opened; undefined while closed. */
  #openedAt = undefined;
  #trialSuccesses = 0;
  #successes = 0;
  #failures = 0;
  #rejections = 0;

  constructor(dependency, clock, failureThreshold, windowMs, openMs, halfOpenTrials) {
    requirePositive('failureThreshold', failureThreshold, true);
    requirePositive('windowMs', windowMs, false);
    requirePositive('openMs', openMs, false);
    requirePositive('halfOpenTrials', halfOpenTrials, true);
    Object.assign(this, { dependency, clock, failureThreshold, windowMs, openMs, halfOpenTrials });
  }

  call(request) {
    const state = this.state();
    if (state === 'open') {
      this.#rejections += 1;
      throw new CircuitOpenError();
    }
    let value;
    try {
      value = this.dependency.fetch(request);
    } catch (error) {
      this.#recordFailure(state);
      throw error;
    }
    this.#recordSuccess(state);
    return value;
  }

  state() {
    if (this.#openedAt === undefined) return 'closed';
    return this.clock() - this.#openedAt >= this.openMs ? 'half-open' : 'open';
  }

  metrics() {
    return { successes: this.#successes, failures: this.#failures, rejections: this.#rejections, state: this.state() };
  }

  #recordFailure(state) {
    this.#failures += 1;
    const now = this.clock();
    if (state === 'half-open') return this.#open(now);
    this.#failureTimes = this.#failureTimes.filter((time) => now - time < this.windowMs);
    this.#failureTimes.push(now);
    if (this.#failureTimes.length >= this.failureThreshold) this.#open(now);
  }

  #recordSuccess(state) {
    this.#successes += 1;
    if (state !== 'half-open') return;
    this.#trialSuccesses += 1;
    if (this.#trialSuccesses >= this.halfOpenTrials) {
      this.#openedAt = undefined;
      this.#failureTimes = [];
    }
  }

  #open(now) {
    this.#openedAt = now;
    this.#trialSuccesses = 0;
  }
}
