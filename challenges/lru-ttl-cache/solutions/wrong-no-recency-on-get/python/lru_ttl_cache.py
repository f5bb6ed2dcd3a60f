"""An LRU cache with per-entry TTL.

An OrderedDict keeps keys in use order: move_to_end on every use and popitem(last=False) to
evict make get, put and eviction O(1). Expired entries are dropped when touched, and by size().
"""
import math
from collections import OrderedDict
from typing import Any, Callable, Optional, Tuple


class LruTtlCache:
    def __init__(self, capacity: int, default_ttl_ms: float, clock: Callable[[], float]):
        if not isinstance(capacity, int) or isinstance(capacity, bool) or capacity < 1:
            raise ValueError("capacity must be a positive integer")
        if not _positive(default_ttl_ms):
            raise ValueError("default_ttl_ms must be a positive number")
        self._capacity = capacity
        self._default_ttl = default_ttl_ms
        self._clock = clock
        self._entries: "OrderedDict[str, Tuple[Any, float]]" = OrderedDict()

    def get(self, key: str) -> Any:
        entry = self._live(key)
        if entry is None:
            return None
        return entry[0]

    def put(self, key: str, value: Any, ttl_ms: Optional[float] = None) -> None:
        if value is None:
            raise ValueError("value must not be None")
        ttl = self._default_ttl if ttl_ms is None else ttl_ms
        if not _positive(ttl):
            raise ValueError("ttl_ms must be a positive number")
        if key in self._entries:
            del self._entries[key]
        elif len(self._entries) >= self._capacity:
            self._entries.popitem(last=False)
        self._entries[key] = (value, self._clock() + ttl)

    def delete(self, key: str) -> bool:
        live = self._live(key) is not None
        self._entries.pop(key, None)
        return live

    def size(self) -> int:
        now = self._clock()
        for key in [k for k, (_, expires) in self._entries.items() if now >= expires]:
            del self._entries[key]
        return len(self._entries)

    def _live(self, key: str) -> Optional[Tuple[Any, float]]:
        entry = self._entries.get(key)
        if entry is None:
            return None
        if self._clock() >= entry[1]:
            del self._entries[key]
            return None
        return entry


def _positive(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value) and value > 0
