"""A token bucket per key with lazy, continuous refill.

Buckets that have refilled completely equal fresh ones, so a periodic sweep drops them:
memory follows active keys, and the sweep runs at most once per "time to fill an empty
bucket", which keeps it amortized O(1).
"""
import math
from typing import Callable, Dict, List


class RateLimiter:
    def __init__(self, capacity: float, refill_per_second: float, clock: Callable[[], float]):
        if not _number(capacity) or capacity <= 0:
            raise ValueError("capacity must be a positive number")
        if not _number(refill_per_second) or refill_per_second < 0:
            raise ValueError("refill_per_second must be a non-negative number")
        self._capacity = capacity
        self._rate = refill_per_second
        self._clock = clock
        self._fill_ms = capacity / refill_per_second * 1000 if refill_per_second > 0 else math.inf
        self._last_sweep = clock()
        # key -> [tokens, latest clock reading seen]
        self._buckets: Dict[str, List[float]] = {}

    def try_acquire(self, key: str, cost: float) -> bool:
        if not _number(cost) or cost <= 0:
            raise ValueError("cost must be a positive number")
        now = self._clock()
        if cost > self._capacity:
            return False
        bucket = self._buckets.get(key) or [self._capacity, now]
        self._refill(bucket, now)
        if bucket[0] < cost:
            return False
        bucket[0] -= cost
        self._buckets[key] = bucket
        return True

    def available(self, key: str) -> float:
        bucket = self._buckets.get(key)
        if bucket is None:
            return self._capacity
        self._refill(bucket, self._clock())
        return bucket[0]

    def tracked_keys(self) -> int:
        return len(self._buckets)

    def _refill(self, bucket: List[float], now: float) -> None:
        if now <= bucket[1]:
            return
        bucket[0] = min(self._capacity, bucket[0] + (now - bucket[1]) * self._rate / 1000)
        bucket[1] = now

    def _sweep(self, now: float) -> None:
        if now - self._last_sweep < self._fill_ms:
            return
        self._last_sweep = now
        for key in [k for k, b in self._buckets.items() if self._full_after_refill(b, now)]:
            del self._buckets[key]

    def _full_after_refill(self, bucket: List[float], now: float) -> bool:
        self._refill(bucket, now)
        return bucket[0] >= self._capacity


def _number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
