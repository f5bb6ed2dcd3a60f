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
        self._stores: dict[str, dict[str, Any]] = {}

    def add_node(self, node_id: str) -> bool:
        """Adds a node and moves to it the keys it now owns; False if it was already a member."""
        if not self._ring.add(node_id):
            return False
        self._stores[node_id] = {}
        self._rebalance()
        return True

    def remove_node(self, node_id: str) -> bool:
        """Loses a node with all its data, then re-replicates from survivors; False if unknown."""
        if not self._ring.remove(node_id):
            return False
        del self._stores[node_id]
        self._rebalance()
        return True

    def put(self, key: str, value: Any) -> None:
        """Writes `value` to every replica of `key`."""
        if value is None:
            raise ValueError("value must not be None; use delete to remove a key")
        owners = self.owners_of(key)
        if not owners:
            raise RuntimeError("the cache has no nodes")
        for owner in owners:
            self._stores[owner][key] = value

    def get(self, key: str) -> Any:
        """The value of `key` from the first replica that has it, or None."""
        for owner in self.owners_of(key):
            store = self._stores[owner]
            if key in store:
                return store[key]
        return None

    def delete(self, key: str) -> bool:
        """Removes `key` from every replica; True if it was present."""
        found = False
        for owner in self.owners_of(key):
            if self._stores[owner].pop(key, None) is not None:
                found = True
        return found

    def owners_of(self, key: str) -> list[str]:
        """The replicas of `key`: up to replication_factor distinct nodes, primary first."""
        if not isinstance(key, str):
            raise TypeError("key must be a string")
        return self._ring.preference_list(key, self._replication_factor)

    def stats(self) -> dict[str, int]:
        """Copies held by each node, for every live node (0 included)."""
        return {node_id: len(self._stores[node_id]) for node_id in self._ring.node_ids()}

    def _rebalance(self) -> None:
        """Makes every node hold exactly the keys it owns.

        Each key is copied from a node that holds it to each owner that lacks it, and dropped
        by holders that are no longer owners. Replicas are always equal (writes are
        synchronous), so any holder's copy is the current value.
        """
        copies: dict[str, tuple[Any, list[str]]] = {}
        for holder, store in self._stores.items():
            for key, value in store.items():
                entry = copies.get(key)
                if entry is None:
                    copies[key] = (value, [holder])
                else:
                    entry[1].append(holder)
        for key, (value, holders) in copies.items():
            owners = self._ring.preference_list(key, self._replication_factor)
            for owner in owners:
                if owner not in holders:
                    self._stores[owner][key] = value
            for holder in holders:
                if holder not in owners:
                    del self._stores[holder][key]
