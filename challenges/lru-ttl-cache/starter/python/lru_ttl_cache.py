"""An LRU cache with per-entry TTL. See the prompt; time comes only from `clock` (ms)."""
from typing import Any, Callable, Optional


class LruTtlCache:
    def __init__(self, capacity: int, default_ttl_ms: float, clock: Callable[[], float]):
        pass

    def get(self, key: str) -> Any:
        """The value for `key`, or None if absent or expired."""
        raise NotImplementedError

    def put(self, key: str, value: Any, ttl_ms: Optional[float] = None) -> None:
        raise NotImplementedError

    def delete(self, key: str) -> bool:
        """True if a live entry was removed."""
        raise NotImplementedError

    def size(self) -> int:
        """Live (unexpired) entries."""
        raise NotImplementedError
