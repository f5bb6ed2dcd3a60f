"""An alternative design: lazily sorted points.

Membership changes are O(v) and only mark the ring stale; the first lookup after a change
rebuilds one sorted list of points (O(V log V)), and lookups are a binary search (O(log V)).
Positions are the first 4 bytes of SHA-1, so equal positions happen on large rings: they sort
by node id, which keeps the mapping a function of the set of nodes alone.
"""
import bisect
import hashlib
from typing import Dict, List, Optional, Tuple


def _position(label: str) -> int:
    return int.from_bytes(hashlib.sha1(label.encode("utf-8")).digest()[:4], "big")


class HashRing:
    def __init__(self, virtual_nodes: int) -> None:
        if not isinstance(virtual_nodes, int) or isinstance(virtual_nodes, bool) or virtual_nodes < 1:
            raise ValueError("virtual_nodes must be a positive integer")
        self._virtual_nodes = virtual_nodes
        self._points_of: Dict[str, List[int]] = {}
        self._ring: List[Tuple[int, str]] = []
        self._positions: List[int] = []
        self._stale = False

    def add_node(self, node_id: str) -> bool:
        if not isinstance(node_id, str) or node_id == "":
            raise ValueError("node_id must be a non-empty string")
        if node_id in self._points_of:
            return False
        self._points_of[node_id] = [_position(f"{node_id}#{i}") for i in range(self._virtual_nodes)]
        self._stale = True
        return True

    def remove_node(self, node_id: str) -> bool:
        if self._points_of.pop(node_id, None) is None:
            return False
        self._stale = True
        return True

    def get_node(self, key: str) -> Optional[str]:
        self._refresh()
        return self._ring[self._successor(_position(key))][1] if self._ring else None

    def get_nodes(self, key: str, n: int) -> List[str]:
        if not isinstance(n, int) or isinstance(n, bool) or n < 0:
            raise ValueError("n must be a non-negative integer")
        self._refresh()
        wanted = min(n, len(self._points_of))
        found: Dict[str, None] = {}
        i = self._successor(_position(key)) if wanted else 0
        while len(found) < wanted:
            found.setdefault(self._ring[i][1])
            i = (i + 1) % len(self._ring)
        return list(found)

    def nodes(self) -> List[str]:
        return sorted(self._points_of)

    def _refresh(self) -> None:
        if self._stale:
            self._ring = sorted((at, node) for node, positions in self._points_of.items() for at in positions)
            self._positions = [at for at, _ in self._ring]
            self._stale = False

    def _successor(self, at: int) -> int:
        """Index of the first point at or after `at`, wrapping to 0 past the largest."""
        i = bisect.bisect_left(self._positions, at)
        return 0 if i == len(self._positions) else i
