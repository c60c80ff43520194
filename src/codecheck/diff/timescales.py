"""Timescales as a reader says them ("10 working days from acknowledgement") and what changed."""

from __future__ import annotations

from codecheck.diff.model import TimescaleChange
from codecheck.model import Provision, Timescale


def describe_timescale(t: Timescale) -> str:
    unit = t.unit.replace("_", " ")
    if t.number == 1 and unit.endswith("s"):
        unit = unit[:-1]
    text = f"{t.number} {unit}"
    if t.counted_from:
        text += " " + _FROM.get(t.counted_from, f"from {t.counted_from}")
    return text


_FROM = {"received": "from receipt", "logged": "from logging", "acknowledged": "from acknowledgement",
         "escalated": "from escalation", "aware": "from the issue (or awareness of it)"}


def _timescale_table(provisions: list[Provision]) -> dict[tuple[str, int | None], tuple[set[str], list[str]]]:
    table: dict[tuple[str, int | None], tuple[set[str], list[str]]] = {}
    for p in provisions:
        for t in p.timescales:
            described, ids = table.setdefault((t.what, t.stage), (set(), []))
            described.add(describe_timescale(t))
            if p.id not in ids:
                ids.append(p.id)
    return table


def compare_timescales(
    old: list[Provision], new: list[Provision], *, both_sides: bool
) -> list[TimescaleChange]:
    """Timescales (keyed by what and stage) that differ between two groups of provisions.

    ``both_sides``: only report keys present on both sides (one entry's provisions, where a one-sided
    key usually just means the limit lives in a neighbouring provision); the whole-Code comparison
    reports limits that appear or disappear as well.
    """
    a, b = _timescale_table(old), _timescale_table(new)
    out = []
    for key in sorted(set(a) | set(b), key=lambda k: (k[1] or 0, k[0])):
        if both_sides and (key not in a or key not in b):
            continue
        old_desc = " / ".join(sorted(a[key][0])) if key in a else None
        new_desc = " / ".join(sorted(b[key][0])) if key in b else None
        if old_desc != new_desc:
            out.append(TimescaleChange(key[0], key[1], old_desc, new_desc,
                                       tuple(a[key][1]) if key in a else (),
                                       tuple(b[key][1]) if key in b else ()))
    return out
