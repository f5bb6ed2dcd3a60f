"""Reference: the state is derived from when the circuit opened (open until `open_ms` have
passed, then half-open), so reading it never needs a timer; failures are a list of times,
pruned to the rolling window at each failure."""
from typing import Any, Callable, Optional


class CircuitOpenError(Exception):
    def __init__(self, message: str = "the circuit is open: the dependency is not called until it half-opens"):
        super().__init__(message)


def _require_positive(name: str, value: Any, integer: bool) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{name} must be a number, got {type(value).__name__}")
    if not value > 0 or value == float("inf") or (integer and value != int(value)):
        raise ValueError(f"{name} must be a positive {'integer' if integer else 'number'}, got {value}")


class CircuitBreaker:
    def __init__(self, dependency: Any, clock: Callable[[], float], failure_threshold: int,
                 window_ms: float, open_ms: float, half_open_trials: int):
        _require_positive("failure_threshold", failure_threshold, True)
        _require_positive("window_ms", window_ms, False)
        _require_positive("open_ms", open_ms, False)
        _require_positive("half_open_trials", half_open_trials, True)
        self._dependency = dependency
        self._clock = clock
        self._failure_threshold = failure_threshold
        self._window_ms = window_ms
        self._open_ms = open_ms
        self._half_open_trials = half_open_trials
        self._failure_times: list = []
        self._opened_at: Optional[float] = None  # None while closed
        self._trial_successes = 0
        self._successes = 0
        self._failures = 0
        self._rejections = 0

    def call(self, request: str) -> Any:
        state = self.state()
        if state == "open":
            self._rejections += 1
            raise CircuitOpenError()
        try:
            value = self._dependency.fetch(request)
        except Exception:
            self._record_failure(state)
            raise
        self._record_success(state)
        return value

    def state(self) -> str:
        if self._opened_at is None:
            return "closed"
        return "half-open" if self._clock() - self._opened_at >= self._open_ms else "open"

    def metrics(self) -> dict:
        return {"successes": self._successes, "failures": self._failures,
                "rejections": self._rejections, "state": self.state()}

    def _record_failure(self, state: str) -> None:
        self._failures += 1
        now = self._clock()
        if state == "half-open":
            self._open(now)
            return
        self._failure_times = [t for t in self._failure_times if now - t < self._window_ms]
        self._failure_times.append(now)
        if len(self._failure_times) >= self._failure_threshold:
            self._open(now)

    def _record_success(self, state: str) -> None:
        self._successes += 1
        if state != "half-open":
            return
        self._trial_successes += 1
        if self._trial_successes >= self._half_open_trials:
            self._opened_at = None
            self._failure_times = []

    def _open(self, now: float) -> None:
        self._opened_at = now
        self._trial_successes = 0
