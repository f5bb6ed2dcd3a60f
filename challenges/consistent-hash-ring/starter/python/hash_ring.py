"""A consistent-hash ring with virtual nodes. See the prompt for the full contract.

Standard library only (hashlib, bisect, ...). You may add more modules next to this file
and import them ("from ring_utils import ...").
"""
from __future__ import annotations


class HashRing:
    def __init__(self, virtual_nodes: int) -> None:
        """virtual_nodes: points each node places on the ring (a positive integer)."""
        self.virtual_nodes = virtual_nodes

    def add_node(self, node_id: str) -> bool:
        """Adds a node. Returns True if it was added, False if it was already on the ring."""
        raise NotImplementedError

    def remove_node(self, node_id: str) -> bool:
        """Removes a node. Returns True if it was removed, False if it was not on the ring."""
        raise NotImplementedError

    def get_node(self, key: str) -> str | None:
        """The node that owns `key`, or None when the ring is empty."""
        raise NotImplementedError

    def get_nodes(self, key: str, n: int) -> list[str]:
        """Up to `n` distinct node ids for `key`, in ring order; the first is get_node(key)."""
        raise NotImplementedError

    def nodes(self) -> list[str]:
        """The ids of the nodes on the ring, sorted in ascending order."""
        raise NotImplementedError
