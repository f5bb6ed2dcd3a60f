"""A circuit breaker around a flaky dependency. See the prompt for the rules; time comes only from `clock` (ms)."""
from typing import Any, Callable


class CircuitOpenError(Exception):
    """Raised by `call` while the circuit is open."""


class CircuitBreaker:
    def __init__(self, dependency: Any, clock: Callable[[], float], failure_threshold: int,
                 window_ms: float, open_ms: float, half_open_trials: int):
        pass

    def call(self, request: str) -> Any:
        """Calls the dependency unless the circuit is open; returns what it returned."""
        raise NotImplementedError

    def state(self) -> str:
        raise NotImplementedError

    def metrics(self) -> dict:
        raise NotImplementedError
