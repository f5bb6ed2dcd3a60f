"""Alternative: the state pattern. Each state is an object that decides what a call does and
which state comes next; failure times live in a deque pruned by time on every failure."""
from collections import deque
from dataclasses import dataclass
import math


class CircuitOpenError(Exception):
    def __init__(self):
        super().__init__("circuit is open")


@dataclass(frozen=True)
class Settings:
    failure_threshold: int
    window_ms: float
    open_ms: float
    half_open_trials: int


class Closed:
    name = "closed"

    def __init__(self, settings):
        self.settings = settings
        self.failures = deque()

    def admits(self):
        return True

    def succeeded(self, now):
        return self

    def failed(self, now):
        self.failures.append(now)
        while self.failures and now - self.failures[0] >= self.settings.window_ms:
            self.failures.popleft()
        return Open(self.settings, now) if len(self.failures) >= self.settings.failure_threshold else self


class Open:
    name = "open"

    def __init__(self, settings, since):
        self.settings = settings
        self.since = since

    def admits(self):
        return False

    def next(self, now):
        """Open turns into half-open by time alone."""
        return HalfOpen(self.settings) if now - self.since >= self.settings.open_ms else self


class HalfOpen:
    name = "half-open"

    def __init__(self, settings):
        self.settings = settings
        self.successes = 0

    def admits(self):
        return True

    def succeeded(self, now):
        self.successes += 1
        return Closed(self.settings) if self.successes >= self.settings.half_open_trials else self

    def failed(self, now):
        return Open(self.settings, now)


def positive(name, value, integer=False):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{name} is not a number")
    if not math.isfinite(value) or value <= 0:
        raise ValueError(f"{name} must be > 0")
    if integer and not float(value).is_integer():
        raise ValueError(f"{name} must be an integer")
    return value


class CircuitBreaker:
    def __init__(self, dependency, clock, failure_threshold, window_ms, open_ms, half_open_trials):
        self.dependency = dependency
        self.clock = clock
        self.phase = Closed(Settings(
            positive("failure_threshold", failure_threshold, True),
            positive("window_ms", window_ms),
            positive("open_ms", open_ms),
            positive("half_open_trials", half_open_trials, True),
        ))
        self.successes = 0
        self.failures = 0
        self.rejections = 0

    def call(self, request):
        phase = self._current()
        if not phase.admits():
            self.rejections += 1
            raise CircuitOpenError()
        try:
            value = self.dependency.fetch(request)
        except Exception:
            self.failures += 1
            self.phase = phase.failed(self.clock())
            raise
        self.successes += 1
        self.phase = phase.succeeded(self.clock())
        return value

    def state(self):
        return self._current().name

    def metrics(self):
        return {"successes": self.successes, "failures": self.failures,
                "rejections": self.rejections, "state": self.state()}

    def _current(self):
        if isinstance(self.phase, Open):
            self.phase = self.phase.next(self.clock())
        return self.phase
