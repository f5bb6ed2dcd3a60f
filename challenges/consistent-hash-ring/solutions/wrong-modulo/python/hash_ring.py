# WRONG SOLUTION (wrong-modulo): hash(key) % node_count over the sorted node list. Balanced and
# deterministic, but not consistent: changing the node count remaps almost every key.
from __future__ import annotations

import hashlib


class HashRing:
    def __init__(self, virtual_nodes: int) -> None:
        if not isinstance(virtual_nodes, int) or virtual_nodes < 1:
            raise ValueError("virtual_nodes must be a positive integer")
        self._sorted: list[str] = []

    def add_node(self, node_id: str) -> bool:
        if not isinstance(node_id, str) or not node_id:
            raise ValueError("node_id must be a non-empty string")
        if node_id in self._sorted:
            return False
        self._sorted = sorted(self._sorted + [node_id])
        return True

    def remove_node(self, node_id: str) -> bool:
        if node_id not in self._sorted:
            return False
        self._sorted.remove(node_id)
        return True

    def get_node(self, key: str) -> str | None:
        found = self.get_nodes(key, 1)
        return found[0] if found else None

    def get_nodes(self, key: str, n: int) -> list[str]:
        if not isinstance(n, int) or n < 0:
            raise ValueError("n must be a non-negative integer")
        count = len(self._sorted)
        if count == 0:
            return []
        start = int.from_bytes(hashlib.md5(key.encode("utf-8")).digest()[:6], "big") % count
        return [self._sorted[(start + i) % count] for i in range(min(n, count))]

    def nodes(self) -> list[str]:
        return list(self._sorted)
