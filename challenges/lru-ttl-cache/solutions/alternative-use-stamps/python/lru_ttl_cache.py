"""An alternative design with lazy expiry and use stamps instead of a linked list.

Every use gives the entry the next stamp and appends (key, stamp) to a deque. The least
recently used entry is the first item whose stamp is still its entry's latest; stale items are
skipped, and the deque is rebuilt when it grows past twice the entries, so each operation is
amortized O(1). Expired entries stay until touched, evicted (LRU, expired or not) or counted.
"""
import math
from collections import deque
from typing import Any, Callable, Deque, Dict, List, Optional, Tuple


def _positive(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value) and value > 0


class LruTtlCache:
    def __init__(self, capacity: int, default_ttl_ms: float, clock: Callable[[], float]):
        if not isinstance(capacity, int) or isinstance(capacity, bool) or capacity < 1:
            raise ValueError("capacity must be a positive integer")
        if not _positive(default_ttl_ms):
            raise ValueError("default_ttl_ms must be a positive number")
        self._capacity = capacity
        self._default_ttl_ms = default_ttl_ms
        self._clock = clock
        # key -> [value, expires_at, stamp of the latest use]
        self._entries: Dict[str, List[Any]] = {}
        self._uses: Deque[Tuple[str, int]] = deque()
        self._stamp = 0

    def get(self, key: str) -> Any:
        entry = self._live(key)
        if entry is None:
            return None
        self._use(key, entry)
        return entry[0]

    def put(self, key: str, value: Any, ttl_ms: Optional[float] = None) -> None:
        if value is None:
            raise ValueError("value must not be None")
        ttl = self._default_ttl_ms if ttl_ms is None else ttl_ms
        if not _positive(ttl):
            raise ValueError("ttl_ms must be a positive number")
        if key not in self._entries and len(self._entries) >= self._capacity:
            self._evict_least_recent()
        entry = [value, self._clock() + ttl, 0]
        self._entries[key] = entry
        self._use(key, entry)

    def delete(self, key: str) -> bool:
        live = self._live(key) is not None
        self._entries.pop(key, None)
        return live

    def size(self) -> int:
        now = self._clock()
        return sum(1 for entry in self._entries.values() if now < entry[1])

    def _live(self, key: str) -> Optional[List[Any]]:
        entry = self._entries.get(key)
        if entry is not None and self._clock() >= entry[1]:
            del self._entries[key]
            return None
        return entry

    def _current(self, key: str, stamp: int) -> bool:
        entry = self._entries.get(key)
        return entry is not None and entry[2] == stamp

    def _use(self, key: str, entry: List[Any]) -> None:
        self._stamp += 1
        entry[2] = self._stamp
        self._uses.append((key, self._stamp))
        if len(self._uses) > 2 * len(self._entries) + 32:
            self._uses = deque(item for item in self._uses if self._current(*item))

    def _evict_least_recent(self) -> None:
        while True:
            key, stamp = self._uses.popleft()
            if self._current(key, stamp):
                del self._entries[key]
                return
