"""An alternative design with eager expiry.

A doubly linked list in use order (newest at the head) and a min-heap of expiry times. Every
operation first pops whatever has expired, so the list holds live entries only, size() is the
index's length, and a full cache evicts the least recently used live entry (expired ones have
already gone). Heap items of replaced or evicted entries are skipped when they surface:
O(log n) amortized per operation.
"""
import heapq
import itertools
import math
from typing import Any, Callable, Dict, List, Optional, Tuple


class _Node:
    __slots__ = ("key", "value", "expires_at", "newer", "older")

    def __init__(self, key: str, value: Any, expires_at: float):
        self.key = key
        self.value = value
        self.expires_at = expires_at
        self.newer: Optional["_Node"] = None
        self.older: Optional["_Node"] = None


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
        self._index: Dict[str, _Node] = {}
        self._heap: List[Tuple[float, int, _Node]] = []
        self._tiebreak = itertools.count()
        self._newest: Optional[_Node] = None
        self._oldest: Optional[_Node] = None

    def get(self, key: str) -> Any:
        self._expire()
        node = self._index.get(key)
        if node is None:
            return None
        self._unlink(node)
        self._push_newest(node)
        return node.value

    def put(self, key: str, value: Any, ttl_ms: Optional[float] = None) -> None:
        if value is None:
            raise ValueError("value must not be None")
        ttl = self._default_ttl_ms if ttl_ms is None else ttl_ms
        if not _positive(ttl):
            raise ValueError("ttl_ms must be a positive number")
        self._expire()
        existing = self._index.get(key)
        if existing is not None:
            self._remove(existing)
        elif len(self._index) >= self._capacity:
            self._remove(self._oldest)
        node = _Node(key, value, self._clock() + ttl)
        self._index[key] = node
        self._push_newest(node)
        heapq.heappush(self._heap, (node.expires_at, next(self._tiebreak), node))

    def delete(self, key: str) -> bool:
        self._expire()
        node = self._index.get(key)
        if node is None:
            return False
        self._remove(node)
        return True

    def size(self) -> int:
        self._expire()
        return len(self._index)

    def _expire(self) -> None:
        now = self._clock()
        while self._heap and self._heap[0][0] <= now:
            node = heapq.heappop(self._heap)[2]
            if self._index.get(node.key) is node:
                self._remove(node)

    def _remove(self, node: _Node) -> None:
        del self._index[node.key]
        self._unlink(node)

    def _push_newest(self, node: _Node) -> None:
        node.older = self._newest
        node.newer = None
        if self._newest is not None:
            self._newest.newer = node
        self._newest = node
        if self._oldest is None:
            self._oldest = node

    def _unlink(self, node: _Node) -> None:
        if node.newer is not None:
            node.newer.older = node.older
        else:
            self._newest = node.older
        if node.older is not None:
            node.older.newer = node.newer
        else:
            self._oldest = node.newer
        node.newer = node.older = None
