"""Cross-version provision maps: which provision of one Code version answers to which of another.

Only two maps are written down (``code_versions/maps/2022-2024.yaml`` and ``2024-joint.yaml``); every other
ordered pair is derived, because hand-keeping six maps in step is how they drift apart:

- the reverse direction swaps each entry's sides and mirrors the change kinds (added <-> removed,
  strengthened <-> weakened, merged <-> split);
- a pair with no file either way (2022 <-> joint) is composed through a version both sides map to (2024).

``codecheck diff`` and ``migrate`` use ``counterparts()`` to carry a row of an old-form self-assessment to
the provision(s) of the new Code.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from codecheck.errors import CodeDefinitionError, ConfigError

CHANGE_KINDS = (
    "unchanged",
    "reworded",
    "renumbered",
    "strengthened",
    "weakened",
    "timescale_changed",
    "added",
    "removed",
    "merged",
    "split",
)
_MIRROR = {
    "added": "removed",
    "removed": "added",
    "strengthened": "weakened",
    "weakened": "strengthened",
    "merged": "split",
    "split": "merged",
}


@dataclass(frozen=True)
class MapEntry:
    """One correspondence: provisions ``from_ids`` of the older side became ``to_ids`` of the newer."""

    from_ids: tuple[str, ...]
    to_ids: tuple[str, ...]
    changes: tuple[str, ...]
    note: str | None = None

    def reversed(self) -> MapEntry:
        return MapEntry(self.to_ids, self.from_ids, tuple(_MIRROR.get(c, c) for c in self.changes), self.note)

    def as_dict(self) -> dict:
        return {
            "from": list(self.from_ids),
            "to": list(self.to_ids),
            "changes": list(self.changes),
            "note": self.note,
        }


@dataclass(frozen=True)
class VersionMap:
    from_id: str
    to_id: str
    entries: list[MapEntry]
    source: str | None = None  # the file, or how it was derived ("reverse of …", "composed via 2024")
    _index: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False, compare=False)

    def counterparts(self, pid: str) -> tuple[str, ...]:
        """The ``to`` provisions that ``pid`` (a ``from`` provision) became; () when removed or unknown."""
        if not self._index:
            index: dict[str, dict[str, None]] = {}
            for entry in self.entries:
                for f in entry.from_ids:
                    bucket = index.setdefault(f, {})
                    for t in entry.to_ids:
                        bucket.setdefault(t, None)
            self._index.update({k: tuple(v) for k, v in index.items()})
        return self._index.get(pid, ())

    def entries_for(self, pid: str, side: str = "from") -> list[MapEntry]:
        """The entries naming ``pid`` on the given side ("from" or "to")."""
        return [e for e in self.entries if pid in (e.from_ids if side == "from" else e.to_ids)]

    def reversed(self) -> VersionMap:
        return VersionMap(
            self.to_id,
            self.from_id,
            [e.reversed() for e in self.entries],
            f"reverse of {self.source or f'{self.from_id}->{self.to_id}'}",
        )

    def as_dict(self) -> dict:
        return {
            "from": self.from_id,
            "to": self.to_id,
            "source": self.source,
            "entries": [e.as_dict() for e in self.entries],
        }


# --------------------------------------------------------------------------- loading


def _fail(path: Path, where: str | None, field_name: str | None, problem: str) -> CodeDefinitionError:
    parts = [p for p in (where, f"field '{field_name}'" if field_name else None, problem) if p]
    return CodeDefinitionError(": ".join(parts), path)


def _ids(path: Path, where: str, field_name: str, value: Any, known: set[str]) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise _fail(path, where, field_name, "expected a list of provision ids")
    out = []
    for i, pid in enumerate(value):
        if isinstance(pid, float):
            raise _fail(path, where, f"{field_name}[{i}]", f"{pid!r} must be quoted")
        if not isinstance(pid, str) or pid not in known:
            raise _fail(path, where, f"{field_name}[{i}]", f"{pid!r} is not a provision of that version")
        out.append(pid)
    return tuple(out)


def load_map_file(path: str | Path) -> VersionMap:
    """Read and validate a map file against the two versions it names."""
    from codecheck.codes.loader import canonical_id, get_version, read_yaml

    p = Path(path)
    data = read_yaml(p)
    if not isinstance(data, Mapping):
        raise _fail(p, None, None, "expected a mapping at the top level")
    for key in data:
        if key not in ("schema", "from", "to", "entries"):
            raise _fail(p, None, str(key), "unknown key")
    for key in ("schema", "from", "to", "entries"):
        if key not in data:
            raise _fail(p, None, key, "missing")
    if data["schema"] != 1:
        raise _fail(p, None, "schema", f"unsupported schema {data['schema']!r} (expected 1)")
    sides = {}
    for key in ("from", "to"):
        vid = canonical_id(str(data[key]))
        if vid is None:
            raise _fail(p, None, key, f"{data[key]!r} is not a known Code version")
        sides[key] = get_version(vid)
    from_known = {pr.id for pr in sides["from"].provisions}
    to_known = {pr.id for pr in sides["to"].provisions}
    if not isinstance(data["entries"], list) or not data["entries"]:
        raise _fail(p, None, "entries", "expected a non-empty list")
    entries = []
    for i, raw in enumerate(data["entries"]):
        where = f"entries[{i}]"
        if not isinstance(raw, Mapping):
            raise _fail(p, where, None, "expected a mapping")
        for key in raw:
            if key not in ("from", "to", "changes", "note"):
                raise _fail(p, where, str(key), "unknown key")
        for key in ("from", "to", "changes"):
            if key not in raw:
                raise _fail(p, where, key, "missing")
        from_ids = _ids(p, where, "from", raw["from"], from_known)
        to_ids = _ids(p, where, "to", raw["to"], to_known)
        if not from_ids and not to_ids:
            raise _fail(p, where, None, "an entry needs at least one 'from' or 'to' provision")
        changes = raw["changes"]
        if not isinstance(changes, list) or not changes:
            raise _fail(p, where, "changes", "expected a non-empty list")
        for j, kind in enumerate(changes):
            if kind not in CHANGE_KINDS:
                raise _fail(p, where, f"changes[{j}]", f"{kind!r} is not one of {', '.join(CHANGE_KINDS)}")
        if ("added" in changes) != (not from_ids) or ("removed" in changes) != (not to_ids):
            raise _fail(p, where, "changes", "'added' means no 'from' ids and 'removed' means no 'to' ids")
        note = raw.get("note")
        if note is not None and not isinstance(note, str):
            raise _fail(p, where, "note", "expected text or null")
        entries.append(MapEntry(from_ids, to_ids, tuple(changes), note))
    return VersionMap(sides["from"].id, sides["to"].id, entries, str(p))


_lock = threading.Lock()
_cache: dict[tuple[str, str], VersionMap] = {}


def _map_files() -> dict[tuple[str, str], Path]:
    from codecheck.resources import code_versions_dir

    out = {}
    folder = code_versions_dir() / "maps"
    for f in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        a, sep, b = f.stem.partition("-")
        if sep:
            out[(a, b)] = f
    return out


def _direct(a: str, b: str) -> VersionMap | None:
    files = _map_files()
    if (a, b) in files:
        return load_map_file(files[(a, b)])
    if (b, a) in files:
        return load_map_file(files[(b, a)]).reversed()
    return None


def _identity(vid: str) -> VersionMap:
    from codecheck.codes.loader import get_version

    version = get_version(vid)
    return VersionMap(
        vid, vid, [MapEntry((p.id,), (p.id,), ("unchanged",)) for p in version.provisions], "identity"
    )


def compose(first: VersionMap, second: VersionMap) -> VersionMap:
    """Chain A->B and B->C into A->C. Change kinds are the union along the path; ids are recomputed."""
    from codecheck.codes.loader import get_version

    entries: list[MapEntry] = []
    reached: set[str] = set()
    for e1 in first.entries:
        if not e1.from_ids:
            continue  # added in B: reconsidered below from C's side
        targets: dict[str, None] = {}
        kinds: dict[str, None] = {k: None for k in e1.changes}
        notes = [f"{first.from_id}->{first.to_id}: {e1.note}"] if e1.note else []
        for mid in e1.to_ids:
            for e2 in second.entries_for(mid, "from"):
                for t in e2.to_ids:
                    targets.setdefault(t, None)
                kinds.update({k: None for k in e2.changes})
                if e2.note:
                    notes.append(f"{second.from_id}->{second.to_id} ({mid}): {e2.note}")
        to_ids = tuple(targets)
        reached.update(to_ids)
        if not to_ids:
            changes: tuple[str, ...] = ("removed",)
        else:
            drop = {"added", "removed", "renumbered", "unchanged"}
            rest = [k for k in kinds if k not in drop]
            if to_ids != e1.from_ids:
                rest.insert(0, "renumbered")
            changes = tuple(rest) or ("unchanged",)
        entries.append(MapEntry(e1.from_ids, to_ids, changes, "; ".join(notes) or None))
    for p in get_version(second.to_id).provisions:
        if p.id not in reached:
            entries.append(MapEntry((), (p.id,), ("added",), f"no counterpart reached via {first.to_id}"))
    return VersionMap(first.from_id, second.to_id, entries, f"composed via {first.to_id}")


def get_map(from_id: str, to_id: str) -> VersionMap:
    """The provision map between two shipped versions (ids or synonyms), in either direction."""
    from codecheck.codes.loader import canonical_id, version_ids

    a, b = canonical_id(from_id), canonical_id(to_id)
    for spec, vid in ((from_id, a), (to_id, b)):
        if vid is None:
            raise ConfigError(f"unknown Code version {spec!r} (known: {', '.join(version_ids())})")
    assert a is not None and b is not None
    with _lock:
        cached = _cache.get((a, b))
    if cached is not None:
        return cached
    if a == b:
        result = _identity(a)
    else:
        result = _direct(a, b)
        if result is None:
            for mid in version_ids():
                if mid in (a, b):
                    continue
                left, right = _direct(a, mid), _direct(mid, b)
                if left is not None and right is not None:
                    result = compose(left, right)
                    break
        if result is None:
            raise ConfigError(f"no provision map between Code versions {a} and {b}")
    with _lock:
        _cache[(a, b)] = result
    return result


def clear_cache() -> None:
    with _lock:
        _cache.clear()
