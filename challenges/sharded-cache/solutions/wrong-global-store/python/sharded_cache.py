# WRONG SOLUTION (wrong-global-store): keeps every value in one dict outside the nodes and derives stats from
# owners_of, so losing nodes never loses data and a joining node receives nothing: node loss is not simulated.
"""A sharded, replicated in-memory cache, simulated in one process.

Placement: a consistent-hash ring with virtual nodes; a key's replicas are the first
`replication_factor` distinct nodes clockwise from its position (its preference list). Each
node has its own store; nothing outside the node stores holds values.

Writes go to every replica synchronously, so all copies of a key are always equal. Reads try
the replicas in preference order.

Membership changes rebalance eagerly, before add_node/remove_node return:
- remove_node simulates losing the node: its store is dropped, unread. The survivors then
  re-replicate the keys they hold to the keys' new owners, restoring
  min(replication_factor, nodes) copies. With replication_factor 1 the lost keys are gone.
- add_node hands the new node a copy of every key it now owns, and nodes that are no longer
  owners drop their copies.
Both are one pass over every stored copy (O(copies * log V)). A real cluster would stream only
the affected ranges; the simulator trades that for obviously correct code.
"""
from __future__ import annotations

import hashlib
from bisect import bisect_left
from typing import Any


def _position(label: str) -> int:
    """The first 48 bits of MD5(label): well mixed, and the same in every process."""
    return int.from_bytes(hashlib.md5(label.encode("utf-8")).digest()[:6], "big")


def _positive_int(name: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"{name} must be a positive integer, got {value!r}")
    return value


class _Ring:
    """Consistent-hash ring: points at MD5("<node>#<i>"), sorted by (position, node id)."""

    def __init__(self, virtual_nodes: int) -> None:
        self._virtual_nodes = _positive_int("virtual_nodes", virtual_nodes)
        self._members: set[str] = set()
        self._points: list[tuple[int, str]] = []
        self._positions: list[int] = []
        self._owners: list[str] = []

    def add(self, node_id: str) -> bool:
        if not isinstance(node_id, str) or not node_id:
            raise ValueError("node_id must be a non-empty string")
        if node_id in self._members:
            return False
        self._members.add(node_id)
        self._points.extend((_position(f"{node_id}#{i}"), node_id) for i in range(self._virtual_nodes))
        self._points.sort()
        self._reindex()
        return True

    def remove(self, node_id: str) -> bool:
        if node_id not in self._members:
            return False
        self._members.discard(node_id)
        self._points = [point for point in self._points if point[1] != node_id]
        self._reindex()
        return True

    def node_ids(self) -> list[str]:
        return sorted(self._members)

    def preference_list(self, key: str, n: int) -> list[str]:
        """The first `n` distinct nodes clockwise from the key's position."""
        wanted = min(n, len(self._members))
        found: list[str] = []
        if wanted == 0:
            return found
        owners = self._owners
        total = len(owners)
        i = bisect_left(self._positions, _position(key)) % total
        while len(found) < wanted:
            owner = owners[i]
            if owner not in found:
                found.append(owner)
            i = (i + 1) % total
        return found

    def _reindex(self) -> None:
        self._positions = [position for position, _ in self._points]
        self._owners = [owner for _, owner in self._points]


class ShardedCache:
    def __init__(self, replication_factor: int, virtual_nodes: int) -> None:
        self._replication_factor = _positive_int("replication_factor", replication_factor)
        self._ring = _Ring(virtual_nodes)
        self._values: dict[str, Any] = {}

    def add_node(self, node_id: str) -> bool:
        return self._ring.add(node_id)

    def remove_node(self, node_id: str) -> bool:
        return self._ring.remove(node_id)

    def put(self, key: str, value: Any) -> None:
        if value is None:
            raise ValueError("value must not be None")
        if not self._ring.node_ids():
            raise RuntimeError("the cache has no nodes")
        self._values[key] = value

    def get(self, key: str) -> Any:
        return self._values.get(key)

    def delete(self, key: str) -> bool:
        return self._values.pop(key, None) is not None

    def owners_of(self, key: str) -> list[str]:
        return self._ring.preference_list(key, self._replication_factor)

    def stats(self) -> dict[str, int]:
        stats = {node_id: 0 for node_id in self._ring.node_ids()}
        for key in self._values:
            for node_id in self.owners_of(key):
                stats[node_id] += 1
        return stats
