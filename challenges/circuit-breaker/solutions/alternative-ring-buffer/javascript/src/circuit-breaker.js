/**
 * Alternative: only the last `failureThreshold` failure times are kept, in a ring; the circuit
 * opens when the oldest of them is still inside the window. The mode is stored and advanced
 * eagerly (open → half-open) whenever the breaker is used or read.
 */
export class CircuitOpenError extends Error {
  name = 'CircuitOpenError';
}

function check(name, value, integer) {
  if (typeof value !== 'number' || Number.isNaN(value)) throw new TypeError(`${name}: expected a number`);
  if (value <= 0 || value === Infinity || (integer && Math.floor(value) !== value)) throw new RangeError(`${name}: expected a positive ${integer ? 'integer' : 'number'}`);
  return value;
}

export class CircuitBreaker {
  constructor(dependency, clock, failureThreshold, windowMs, openMs, halfOpenTrials) {
    this.threshold = check('failureThreshold', failureThreshold, true);
    this.windowMs = check('windowMs', windowMs, false);
    this.openMs = check('openMs', openMs, false);
    this.trials = check('halfOpenTrials', halfOpenTrials, true);
    this.dependency = dependency;
    this.clock = clock;
    this.ring = new Array(this.threshold).fill(0);
    this.ringNext = 0;
    this.ringSize = 0;
    this.mode = 'closed';
    this.openUntil = 0;
    this.trialsLeft = 0;
    this.counts = { successes: 0, failures: 0, rejections: 0 };
  }

  call(request) {
    this.advance();
    if (this.mode === 'open') {
      this.counts.rejections++;
      throw new CircuitOpenError('circuit open');
    }
    const wasHalfOpen = this.mode === 'half-open';
    try {
      const value = this.dependency.fetch(request);
      this.counts.successes++;
      if (wasHalfOpen && --this.trialsLeft === 0) this.close();
      return value;
    } catch (error) {
      this.counts.failures++;
      this.failedAt(this.clock(), wasHalfOpen);
      throw error;
    }
  }

  state() {
    this.advance();
    return this.mode;
  }

  metrics() {
    return { ...this.counts, state: this.state() };
  }

  advance() {
    if (this.mode === 'open' && this.clock() >= this.openUntil) {
      this.mode = 'half-open';
      this.trialsLeft = this.trials;
    }
  }

  failedAt(now, halfOpen) {
    if (halfOpen) return this.trip(now);
    this.ring[this.ringNext] = now;
    this.ringNext = (this.ringNext + 1) % this.threshold;
    this.ringSize = Math.min(this.ringSize + 1, this.threshold);
    // When full, ringNext points at the oldest of the last `threshold` failures.
    if (this.ringSize === this.threshold && now - this.ring[this.ringNext] < this.windowMs) this.trip(now);
  }

  trip(now) {
    this.mode = 'open';
    this.openUntil = now + this.openMs;
  }

  close() {
    this.mode = 'closed';
    this.ringSize = 0;
    this.ringNext = 0;
  }
}
