"""A sharded, replicated in-memory cache, simulated in one process.

See the prompt for the full contract, and describe the real system you would build in
DESIGN.md. Standard library only (hashlib, bisect, ...). You may add more modules next to
this file and import them ("from ring import HashRing").
"""
from __future__ import annotations

from typing import Any


class ShardedCache:
    def __init__(self, replication_factor: int, virtual_nodes: int) -> None:
        """replication_factor: copies of each key, on distinct nodes (a positive integer).
        virtual_nodes: points each node places on the hash ring (a positive integer)."""
        self.replication_factor = replication_factor
        self.virtual_nodes = virtual_nodes

    def add_node(self, node_id: str) -> bool:
        """Adds a node, which receives the keys it now owns. False if it was already a member."""
        raise NotImplementedError

    def remove_node(self, node_id: str) -> bool:
        """Loses a node and its data; survivors re-replicate before this returns. False if unknown."""
        raise NotImplementedError

    def put(self, key: str, value: Any) -> None:
        """Stores `value` (any JSON value except None) on every owner of `key`."""
        raise NotImplementedError

    def get(self, key: str) -> Any:
        """The value of `key`, or None if no live replica holds it."""
        raise NotImplementedError

    def delete(self, key: str) -> bool:
        """Removes `key` from every replica. True if it was present."""
        raise NotImplementedError

    def owners_of(self, key: str) -> list[str]:
        """The nodes that hold `key`: up to replication_factor distinct node ids, primary first."""
        raise NotImplementedError

    def stats(self) -> dict[str, int]:
        """The number of keys each live node holds, e.g. {"node-a": 120, "node-b": 97}."""
        raise NotImplementedError
