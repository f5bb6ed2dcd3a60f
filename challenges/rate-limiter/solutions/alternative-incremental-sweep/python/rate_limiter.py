"""An alternative design: pure reads and incremental forgetting.

available() computes and never writes. Each try_acquire also inspects the next two tracked keys
in a round robin (a deque holding exactly the tracked keys) and drops any bucket that is full
again: O(1) per call with no pauses, and a full round over n keys takes n/2 calls.
"""
import math
from collections import deque
from typing import Callable, Deque, Dict, Tuple

INSPECTED_PER_CALL = 2


def _number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


class RateLimiter:
    def __init__(self, capacity: float, refill_per_second: float, clock: Callable[[], float]):
        if not (_number(capacity) and capacity > 0):
            raise ValueError("capacity must be a positive number")
        if not (_number(refill_per_second) and refill_per_second >= 0):
            raise ValueError("refill_per_second must be a non-negative number")
        self._capacity = capacity
        self._rate = refill_per_second
        self._clock = clock
        # key -> (tokens as of the latest write, the latest clock reading seen)
        self._buckets: Dict[str, Tuple[float, float]] = {}
        self._round: Deque[str] = deque()

    def try_acquire(self, key: str, cost: float) -> bool:
        if not (_number(cost) and cost > 0):
            raise ValueError("cost must be a positive number")
        now = self._clock()
        self._inspect_some(now)
        if cost > self._capacity:
            return False
        existing = self._buckets.get(key)
        tokens = self._tokens(existing, now) if existing else self._capacity
        if tokens < cost:
            return False
        if existing is None:
            self._round.append(key)
        self._buckets[key] = (tokens - cost, max(existing[1], now) if existing else now)
        return True

    def available(self, key: str) -> float:
        bucket = self._buckets.get(key)
        return self._tokens(bucket, self._clock()) if bucket else self._capacity

    def tracked_keys(self) -> int:
        return len(self._buckets)

    def _tokens(self, bucket: Tuple[float, float], now: float) -> float:
        tokens, at = bucket
        if now <= at:
            return tokens
        return min(self._capacity, tokens + (now - at) * self._rate / 1000)

    def _inspect_some(self, now: float) -> None:
        for _ in range(min(INSPECTED_PER_CALL, len(self._round))):
            key = self._round.popleft()
            if self._tokens(self._buckets[key], now) >= self._capacity:
                del self._buckets[key]
            else:
                self._round.append(key)
