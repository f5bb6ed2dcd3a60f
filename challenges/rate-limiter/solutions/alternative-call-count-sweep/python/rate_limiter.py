"""An alternative design: forgetting is driven by traffic, not by time.

After as many calls as there are tracked keys, one pass drops every bucket that is full again.
A pass costs O(tracked keys) and is paid for by that many calls, so each call is amortized O(1);
the pass only reads buckets, so refill arithmetic is the same however often it runs.
"""
import math
from dataclasses import dataclass
from typing import Callable, Dict


def _number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


@dataclass
class _Bucket:
    tokens: float
    seen_at: float  # the latest clock reading this bucket has seen


class RateLimiter:
    def __init__(self, capacity: float, refill_per_second: float, clock: Callable[[], float]):
        if not (_number(capacity) and capacity > 0):
            raise ValueError("capacity must be a positive number")
        if not (_number(refill_per_second) and refill_per_second >= 0):
            raise ValueError("refill_per_second must be a non-negative number")
        self._capacity = capacity
        self._rate = refill_per_second
        self._clock = clock
        self._buckets: Dict[str, _Bucket] = {}
        self._calls_since_sweep = 0

    def try_acquire(self, key: str, cost: float) -> bool:
        if not (_number(cost) and cost > 0):
            raise ValueError("cost must be a positive number")
        now = self._clock()
        self._calls_since_sweep += 1
        if self._calls_since_sweep >= len(self._buckets):
            self._sweep(now)
        if cost > self._capacity:
            return False
        bucket = self._buckets.get(key) or _Bucket(self._capacity, now)
        self._catch_up(bucket, now)
        if bucket.tokens < cost:
            return False
        bucket.tokens -= cost
        self._buckets[key] = bucket
        return True

    def available(self, key: str) -> float:
        bucket = self._buckets.get(key)
        if bucket is None:
            return self._capacity
        self._catch_up(bucket, self._clock())
        return bucket.tokens

    def tracked_keys(self) -> int:
        return len(self._buckets)

    def _tokens_at(self, bucket: _Bucket, now: float) -> float:
        if now <= bucket.seen_at:
            return bucket.tokens
        return min(self._capacity, bucket.tokens + (now - bucket.seen_at) * self._rate / 1000)

    def _catch_up(self, bucket: _Bucket, now: float) -> None:
        bucket.tokens = self._tokens_at(bucket, now)
        bucket.seen_at = max(bucket.seen_at, now)

    def _sweep(self, now: float) -> None:
        self._calls_since_sweep = 0
        full = [key for key, bucket in self._buckets.items() if self._tokens_at(bucket, now) >= self._capacity]
        for key in full:
            del self._buckets[key]
