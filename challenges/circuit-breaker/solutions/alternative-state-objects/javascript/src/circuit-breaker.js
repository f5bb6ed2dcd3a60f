/**
 * Alternative: the state pattern. Each state is an object that decides what a call does and
 * which state comes next; failure times live in a queue pruned by time on every call.
 */
export class CircuitOpenError extends Error {
  constructor() {
    super('circuit is open');
    this.name = 'CircuitOpenError';
  }
}

class Closed {
  name = 'closed';
  failures = [];
  constructor(settings) {
    this.settings = settings;
  }
  admits() {
    return true;
  }
  succeeded() {
    return this;
  }
  failed(now) {
    this.failures.push(now);
    while (this.failures.length > 0 && now - this.failures[0] >= this.settings.windowMs) this.failures.shift();
    return this.failures.length >= this.settings.failureThreshold ? new Open(this.settings, now) : this;
  }
}

class Open {
  name = 'open';
  constructor(settings, since) {
    this.settings = settings;
    this.since = since;
  }
  admits() {
    return false;
  }
  /** Open turns into half-open by time alone. */
  next(now) {
    return now - this.since >= this.settings.openMs ? new HalfOpen(this.settings) : this;
  }
  succeeded() {
    return this;
  }
  failed() {
    return this;
  }
}

class HalfOpen {
  name = 'half-open';
  successes = 0;
  constructor(settings) {
    this.settings = settings;
  }
  admits() {
    return true;
  }
  succeeded() {
    this.successes += 1;
    return this.successes >= this.settings.halfOpenTrials ? new Closed(this.settings) : this;
  }
  failed(now) {
    return new Open(this.settings, now);
  }
}

function positive(name, value, integer = false) {
  if (typeof value !== 'number') throw new TypeError(`${name} is not a number`);
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`${name} must be > 0`);
  if (integer && !Number.isSafeInteger(value)) throw new RangeError(`${name} must be an integer`);
  return value;
}

export class CircuitBreaker {
  successes = 0;
  failures = 0;
  rejections = 0;

  constructor(dependency, clock, failureThreshold, windowMs, openMs, halfOpenTrials) {
    this.dependency = dependency;
    this.clock = clock;
    this.phase = new Closed({
      failureThreshold: positive('failureThreshold', failureThreshold, true),
      windowMs: positive('windowMs', windowMs),
      openMs: positive('openMs', openMs),
      halfOpenTrials: positive('halfOpenTrials', halfOpenTrials, true),
    });
  }

  call(request) {
    const phase = this.current();
    if (!phase.admits(this.clock())) {
      this.rejections += 1;
      throw new CircuitOpenError();
    }
    let value;
    try {
      value = this.dependency.fetch(request);
    } catch (error) {
      this.failures += 1;
      this.phase = phase.failed(this.clock());
      throw error;
    }
    this.successes += 1;
    this.phase = phase.succeeded(this.clock());
    return value;
  }

  state() {
    return this.current().name;
  }

  metrics() {
    return { successes: this.successes, failures: this.failures, rejections: this.rejections, state: this.state() };
  }

  current() {
    if (this.phase instanceof Open) this.phase = this.phase.next(this.clock());
    return this.phase;
  }
}
