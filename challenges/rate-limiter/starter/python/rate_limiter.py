"""A token bucket per key. See the prompt for the rules; time comes only from `clock` (ms)."""
from typing import Callable


class RateLimiter:
    def __init__(self, capacity: float, refill_per_second: float, clock: Callable[[], float]):
        pass

    def try_acquire(self, key: str, cost: float) -> bool:
        """Takes `cost` tokens from `key`'s bucket if it holds them; otherwise takes nothing."""
        raise NotImplementedError

    def available(self, key: str) -> float:
        """Tokens in `key`'s bucket now (may be fractional)."""
        raise NotImplementedError

    def tracked_keys(self) -> int:
        """How many keys the limiter holds in memory now."""
        raise NotImplementedError
