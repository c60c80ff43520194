"""The result of comparing two Code versions: one checked entry per map entry, plus whole-Code facts."""

from __future__ import annotations

from dataclasses import dataclass, field

from codecheck.model import CodeVersion

KINDS = (
    "unchanged", "reworded", "renumbered", "strengthened", "weakened", "timescale_changed",
    "added", "removed", "merged", "split",
)
KIND_LABELS = {
    "unchanged": "unchanged", "reworded": "reworded", "renumbered": "renumbered",
    "strengthened": "strengthened (should → must)", "weakened": "weakened (must → should)",
    "timescale_changed": "timescale changed", "added": "added", "removed": "removed",
    "merged": "merged", "split": "split",
}

JSON_SCHEMA_VERSION = 1


@dataclass(frozen=True)
class WordOp:
    """One run of the word diff: ``equal`` (old == new text), ``delete``, ``insert`` or ``replace``."""

    op: str
    old: str
    new: str

    def as_dict(self) -> dict:
        return {"op": self.op, "old": self.old, "new": self.new}


@dataclass(frozen=True)
class TimescaleChange:
    what: str
    stage: int | None
    old: str | None  # "10 working days" (None: the old side sets no such limit)
    new: str | None
    old_provisions: tuple[str, ...] = ()
    new_provisions: tuple[str, ...] = ()

    def describe(self) -> str:
        stage = f"stage {self.stage} " if self.stage else ""
        what = _WHAT.get(self.what, self.what.replace("_", " "))
        return f"{stage}{what}: {self.old or 'none'} → {self.new or 'none'}"

    def as_dict(self) -> dict:
        return {"what": self.what, "stage": self.stage, "old": self.old, "new": self.new,
                "old_provisions": list(self.old_provisions), "new_provisions": list(self.new_provisions)}


_WHAT = {"acknowledge": "acknowledgement", "respond": "response", "extend": "extension",
         "request_escalation": "escalation request", "time_limit": "time limit to complain"}


@dataclass
class ProvisionChange:
    """One map entry, checked: the provisions on each side, what changed and how sure we are."""

    from_ids: tuple[str, ...]
    to_ids: tuple[str, ...]
    kinds: tuple[str, ...]
    map_kinds: tuple[str, ...]
    old_text: str
    new_text: str
    similarity: float | None  # 0..100, None when one side is empty
    words: list[WordOp] = field(default_factory=list)
    obligation: tuple[str, str] | None = None  # ("should", "must") when it changed
    timescales: list[TimescaleChange] = field(default_factory=list)
    note: str | None = None
    disagreements: list[str] = field(default_factory=list)

    def mentions(self, side: str, pid: str) -> bool:
        return pid in (self.from_ids if side == "from" else self.to_ids)

    def as_dict(self) -> dict:
        return {
            "from": list(self.from_ids), "to": list(self.to_ids), "kinds": list(self.kinds),
            "map_kinds": list(self.map_kinds),
            "similarity": None if self.similarity is None else round(self.similarity, 1),
            "obligation": list(self.obligation) if self.obligation else None,
            "timescales": [t.as_dict() for t in self.timescales],
            "old_text": self.old_text, "new_text": self.new_text,
            "words": [w.as_dict() for w in self.words],
            "note": self.note, "disagreements": list(self.disagreements),
        }


@dataclass
class CodeDiff:
    old: CodeVersion
    new: CodeVersion
    changes: list[ProvisionChange]
    version_notes: list[str]  # whole-version facts: stages, sections, provision counts
    timescales: list[TimescaleChange]  # every timescale that differs, across the whole Code
    map_source: str | None = None
    provision_filter: str | None = None

    def summary(self) -> dict[str, int]:
        counts = {kind: 0 for kind in KINDS}
        for change in self.changes:
            for kind in change.kinds:
                counts[kind] = counts.get(kind, 0) + 1
        counts["disagreements"] = sum(1 for c in self.changes if c.disagreements)
        return counts

    def as_dict(self) -> dict:
        from codecheck._version import __version__

        return {
            # schema_version is bumped only for incompatible changes; keys may be added within a version.
            "schema_version": JSON_SCHEMA_VERSION,
            "tool": {"name": "codecheck", "version": __version__},
            "from": _version_dict(self.old), "to": _version_dict(self.new),
            "map": self.map_source, "provision": self.provision_filter,
            "summary": self.summary(), "version_notes": list(self.version_notes),
            "timescales": [t.as_dict() for t in self.timescales],
            "changes": [c.as_dict() for c in self.changes],
        }


def _version_dict(v: CodeVersion) -> dict:
    return {"id": v.id, "title": v.title, "short_title": v.short_title}
