"""An alternative design: rebalancing pulls.

After a membership change a directory of every key still held anywhere (key -> one store
holding it) is built; each key's owners pull a copy from that store, then every store prunes
the keys it no longer owns. A lost node's store is discarded unread. Both passes touch each copy
once: O(copies + keys * log V).

Placement: virtual_nodes points per node at the first 4 bytes of SHA-256; equal positions are
ordered by node id, so placement depends on the set of nodes alone. The sorted ring is rebuilt
lazily, on the first lookup after a change.
"""
import bisect
import hashlib
from typing import Any, Dict, List, Optional, Tuple


def _position(label: str) -> int:
    return int.from_bytes(hashlib.sha256(label.encode("utf-8")).digest()[:4], "big")


def _positive_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1


class ShardedCache:
    def __init__(self, replication_factor: int, virtual_nodes: int) -> None:
        if not _positive_int(replication_factor):
            raise ValueError("replication_factor must be a positive integer")
        if not _positive_int(virtual_nodes):
            raise ValueError("virtual_nodes must be a positive integer")
        self._replication_factor = replication_factor
        self._virtual_nodes = virtual_nodes
        self._stores: Dict[str, Dict[str, Any]] = {}
        # (positions, nodes), sorted by (position, node id); None after a membership change
        self._ring: Optional[Tuple[List[int], List[str]]] = None

    def add_node(self, node_id: str) -> bool:
        if not isinstance(node_id, str) or not node_id:
            raise ValueError("node_id must be a non-empty string")
        if node_id in self._stores:
            return False
        self._stores[node_id] = {}
        self._ring = None
        self._rebalance()
        return True

    def remove_node(self, node_id: str) -> bool:
        if node_id not in self._stores:
            return False
        del self._stores[node_id]
        self._ring = None
        self._rebalance()
        return True

    def put(self, key: str, value: Any) -> None:
        if value is None:
            raise ValueError("value must not be None")
        if not self._stores:
            raise RuntimeError("no nodes to store on")
        for owner in self.owners_of(key):
            self._stores[owner][key] = value

    def get(self, key: str) -> Any:
        for owner in self.owners_of(key):
            value = self._stores[owner].get(key)
            if value is not None:
                return value
        return None

    def delete(self, key: str) -> bool:
        found = [self._stores[owner].pop(key, None) is not None for owner in self.owners_of(key)]
        return any(found)

    def owners_of(self, key: str) -> List[str]:
        positions, nodes = self._sorted_ring()
        count = min(self._replication_factor, len(self._stores))
        owners: Dict[str, None] = {}
        start = bisect.bisect_left(positions, _position(key))
        step = 0
        while len(owners) < count:
            owners.setdefault(nodes[(start + step) % len(nodes)])
            step += 1
        return list(owners)

    def stats(self) -> Dict[str, int]:
        return {node: len(self._stores[node]) for node in sorted(self._stores)}

    def _rebalance(self) -> None:
        directory: Dict[str, Dict[str, Any]] = {}
        for store in self._stores.values():
            for key in store:
                directory.setdefault(key, store)
        owners: Dict[str, List[str]] = {}
        for key, source in directory.items():
            owners[key] = self.owners_of(key)
            for owner in owners[key]:
                self._stores[owner].setdefault(key, source[key])
        for node, store in self._stores.items():
            for key in [key for key in store if node not in owners[key]]:
                del store[key]

    def _sorted_ring(self) -> Tuple[List[int], List[str]]:
        if self._ring is None:
            points = sorted((_position(f"{node}#{i}"), node) for node in self._stores for i in range(self._virtual_nodes))
            self._ring = ([at for at, _ in points], [node for _, node in points])
        return self._ring
