"""An alternative design: after a membership change, every node that holds copies pushes them.

Each holder walks its own store once; for each key it makes sure every current owner has a copy
and drops its own copy if it is no longer an owner. A lost node's store is discarded unread, so
its keys survive only through other holders. Owner lists are computed once per key per
rebalance, so a rebalance is O(copies + keys * log V).

The ring is one sorted list of (position, node) pairs (first 6 bytes of SHA-1): equal positions
order by node id, so placement depends on the set of nodes alone.
"""
import bisect
import hashlib
from typing import Any, Dict, List, Tuple


def _position(label: str) -> int:
    return int.from_bytes(hashlib.sha1(label.encode("utf-8")).digest()[:6], "big")


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
        self._points: List[Tuple[int, str]] = []
        self._positions: List[int] = []

    def add_node(self, node_id: str) -> bool:
        if not isinstance(node_id, str) or node_id == "":
            raise ValueError("node_id must be a non-empty string")
        if node_id in self._stores:
            return False
        self._stores[node_id] = {}
        self._set_points(sorted(self._points + [(_position(f"{node_id}#{i}"), node_id) for i in range(self._virtual_nodes)]))
        self._rebalance()
        return True

    def remove_node(self, node_id: str) -> bool:
        if self._stores.pop(node_id, None) is None:
            return False
        self._set_points([point for point in self._points if point[1] != node_id])
        self._rebalance()
        return True

    def put(self, key: str, value: Any) -> None:
        if value is None:
            raise ValueError("value must not be None")
        owners = self.owners_of(key)
        if not owners:
            raise RuntimeError("the cache has no nodes to store a value on")
        for owner in owners:
            self._stores[owner][key] = value

    def get(self, key: str) -> Any:
        for owner in self.owners_of(key):
            store = self._stores[owner]
            if key in store:
                return store[key]
        return None

    def delete(self, key: str) -> bool:
        deleted = False
        for owner in self.owners_of(key):
            if self._stores[owner].pop(key, None) is not None:
                deleted = True
        return deleted

    def owners_of(self, key: str) -> List[str]:
        wanted = min(self._replication_factor, len(self._stores))
        owners: List[str] = []
        i = bisect.bisect_left(self._positions, _position(key))
        while len(owners) < wanted:
            node = self._points[i % len(self._points)][1]
            if node not in owners:
                owners.append(node)
            i += 1
        return owners

    def stats(self) -> Dict[str, int]:
        return {node: len(self._stores[node]) for node in sorted(self._stores)}

    def _set_points(self, points: List[Tuple[int, str]]) -> None:
        self._points = points
        self._positions = [at for at, _ in points]

    def _rebalance(self) -> None:
        owners_of: Dict[str, List[str]] = {}
        for holder, store in self._stores.items():
            for key, value in list(store.items()):
                owners = owners_of.get(key)
                if owners is None:
                    owners = owners_of[key] = self.owners_of(key)
                for owner in owners:
                    self._stores[owner].setdefault(key, value)
                if holder not in owners:
                    del store[key]
