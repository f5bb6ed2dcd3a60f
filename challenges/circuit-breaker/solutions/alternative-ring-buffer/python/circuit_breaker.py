"""Alternative: only the last `failure_threshold` failure times are kept, in a ring; the circuit
opens when the oldest of them is still inside the window. The mode is stored and advanced
eagerly (open -> half-open) whenever the breaker is used or read."""
import math


class CircuitOpenError(Exception):
    pass


def _check(name, value, integer):
    if type(value) not in (int, float) or math.isnan(value):
        raise TypeError(f"{name}: expected a number")
    if value <= 0 or math.isinf(value) or (integer and math.floor(value) != value):
        raise ValueError(f"{name}: expected a positive {'integer' if integer else 'number'}")
    return value


class CircuitBreaker:
    def __init__(self, dependency, clock, failure_threshold, window_ms, open_ms, half_open_trials):
        self.threshold = int(_check("failure_threshold", failure_threshold, True))
        self.window_ms = _check("window_ms", window_ms, False)
        self.open_ms = _check("open_ms", open_ms, False)
        self.trials = int(_check("half_open_trials", half_open_trials, True))
        self.dependency = dependency
        self.clock = clock
        self.ring = [0] * self.threshold
        self.ring_next = 0
        self.ring_size = 0
        self.mode = "closed"
        self.open_until = 0
        self.trials_left = 0
        self.counts = {"successes": 0, "failures": 0, "rejections": 0}

    def call(self, request):
        self._advance()
        if self.mode == "open":
            self.counts["rejections"] += 1
            raise CircuitOpenError("circuit open")
        was_half_open = self.mode == "half-open"
        try:
            value = self.dependency.fetch(request)
        except Exception:
            self.counts["failures"] += 1
            self._failed_at(self.clock(), was_half_open)
            raise
        self.counts["successes"] += 1
        if was_half_open:
            self.trials_left -= 1
            if self.trials_left == 0:
                self._close()
        return value

    def state(self):
        self._advance()
        return self.mode

    def metrics(self):
        return {**self.counts, "state": self.state()}

    def _advance(self):
        if self.mode == "open" and self.clock() >= self.open_until:
            self.mode = "half-open"
            self.trials_left = self.trials

    def _failed_at(self, now, half_open):
        if half_open:
            self._trip(now)
            return
        self.ring[self.ring_next] = now
        self.ring_next = (self.ring_next + 1) % self.threshold
        self.ring_size = min(self.ring_size + 1, self.threshold)
        # When full, ring_next points at the oldest of the last `threshold` failures.
        if self.ring_size == self.threshold and now - self.ring[self.ring_next] < self.window_ms:
            self._trip(now)

    def _trip(self, now):
        self.mode = "open"
        self.open_until = now + self.open_ms

    def _close(self):
        self.mode = "closed"
        self.ring_size = 0
        self.ring_next = 0
