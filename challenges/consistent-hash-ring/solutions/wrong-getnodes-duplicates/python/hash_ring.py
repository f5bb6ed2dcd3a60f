# WRONG SOLUTION (wrong-getnodes-duplicates): getNodes takes the owners of the next n points on the ring without skipping nodes it has already listed.
"""A consistent-hash ring with virtual nodes.

Each node owns `virtual_nodes` points on a 48-bit ring, at the MD5 of "<node_id>#<i>". A key
belongs to the first point at or after the key's own position, wrapping around. Points are
kept sorted by (position, node id): a lookup is a binary search, and ties break by node id,
so the mapping depends only on the set of nodes, never on the order they joined in.

Costs, with V = total virtual nodes: get_node O(log V); get_nodes O(log V + steps walked);
add_node O(V) (Timsort merges the two sorted runs); remove_node O(V).
"""
from __future__ import annotations

import hashlib
from bisect import bisect_left


def _position(label: str) -> int:
    """The first 48 bits of MD5(label): well mixed, and the same in every process (unlike hash())."""
    return int.from_bytes(hashlib.md5(label.encode("utf-8")).digest()[:6], "big")


class HashRing:
    def __init__(self, virtual_nodes: int) -> None:
        if isinstance(virtual_nodes, bool) or not isinstance(virtual_nodes, int) or virtual_nodes < 1:
            raise ValueError(f"virtual_nodes must be a positive integer, got {virtual_nodes!r}")
        self._virtual_nodes = virtual_nodes
        self._members: set[str] = set()
        self._points: list[tuple[int, str]] = []
        # Parallel views of _points for bisect and the walk.
        self._positions: list[int] = []
        self._owners: list[str] = []

    def add_node(self, node_id: str) -> bool:
        """Adds a node; returns False (and changes nothing) if it is already on the ring."""
        if not isinstance(node_id, str) or not node_id:
            raise ValueError("node_id must be a non-empty string")
        if node_id in self._members:
            return False
        self._members.add(node_id)
        added = sorted((_position(f"{node_id}#{i}"), node_id) for i in range(self._virtual_nodes))
        self._set_points(sorted(self._points + added))
        return True

    def remove_node(self, node_id: str) -> bool:
        """Removes a node; returns False (and changes nothing) if it is not on the ring."""
        if node_id not in self._members:
            return False
        self._members.discard(node_id)
        self._set_points([point for point in self._points if point[1] != node_id])
        return True

    def get_node(self, key: str) -> str | None:
        """The node that owns `key`, or None on an empty ring."""
        if not self._owners:
            return None
        return self._owners[self._first_point_at_or_after(_position(key))]

    def get_nodes(self, key: str, n: int) -> list[str]:
        """Up to `n` distinct nodes for `key`, in ring order starting with its owner."""
        if isinstance(n, bool) or not isinstance(n, int) or n < 0:
            raise ValueError(f"n must be a non-negative integer, got {n!r}")
        wanted = min(n, len(self._owners))
        found: list[str] = []
        if wanted == 0:
            return found
        owners = self._owners
        total = len(owners)
        i = self._first_point_at_or_after(_position(key))
        while len(found) < wanted:
            owner = owners[i]
            found.append(owner)
            i = (i + 1) % total
        return found

    def nodes(self) -> list[str]:
        """The ids of the nodes on the ring, sorted."""
        return sorted(self._members)

    def _first_point_at_or_after(self, at: int) -> int:
        index = bisect_left(self._positions, at)
        return 0 if index == len(self._positions) else index

    def _set_points(self, points: list[tuple[int, str]]) -> None:
        self._points = points
        self._positions = [position for position, _ in points]
        self._owners = [owner for _, owner in points]
