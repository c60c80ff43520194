"""Conformance with real published forms: every provision id printed in the seed self-assessments exists
in the version its form follows, in the official form's order, numbering quirks included.

The seeds live in ../shared/seeds (or $CODECHECK_SHARED/seeds); the test skips when they are absent.
Only ids are read from them; no document wording is copied into the project.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from codecheck.codes import get_version, normalise_printed_id, resolve_printed_id
from conftest import shared_dir

SEEDS = shared_dir() / "seeds"
pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(
        not SEEDS.is_dir(), reason=f"shared seeds not found at {SEEDS} (set CODECHECK_SHARED)"
    ),
]

_BOOKMARK = re.compile(r"\[bookmark: [^\]]*\]")
# A provision id in the first cell of a row: alone on its line, or followed by a tab / an HTML tag.
_ROW_ID = re.compile(r"^(\d{1,2}\.\d{1,2}(?:\s*/\s*\d{1,2}\.\d{1,2})?)(?:\t|<|$)")


def printed_ids(path: Path, after: str | None = None) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    if after is not None:
        # the last line that is exactly the heading (the table of contents has page numbers after it)
        start = max(i for i, line in enumerate(lines) if line.strip() == after)
        lines = lines[start + 1 :]
    out = []
    for line in lines:
        m = _ROW_ID.match(_BOOKMARK.sub("", line).strip())
        if m:
            out.append(normalise_printed_id(m.group(1)))
    return out


def seed(prefix: str) -> Path:
    found = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not found:
        pytest.skip(f"seed {prefix} not found in {SEEDS}")
    return found[0]


@pytest.mark.parametrize(("prefix", "vid"), [("000", "2024"), ("001", "2024"), ("003", "2022")])
def test_seed_ids_exist_in_the_matching_version(prefix: str, vid: str) -> None:
    version = get_version(vid)
    ids = printed_ids(seed(prefix))
    assert len(ids) >= 70, ids
    unknown = [pid for pid in ids if not resolve_printed_id(version, pid)]
    assert unknown == []
    # every form provision is printed once, in the official form's order
    assert ids == [normalise_printed_id(r.id) for r in version.form]


def test_joint_appendix_a_ids_exist_quirks_included() -> None:
    version = get_version("joint")
    ids = printed_ids(seed("002"), after="Appendix A – Self-Assessment")
    assert ids[0] == "1.2/1.4"
    assert ids.count("6.1") == 2 and ids.count("6.19") == 2
    unknown = [pid for pid in ids if not resolve_printed_id(version, pid)]
    assert unknown == []
    assert ids == [normalise_printed_id(r.id) for r in version.form]
    assert resolve_printed_id(version, ids[0]) == ("1.2", "1.4")


def test_the_2022_seed_is_not_a_2024_form() -> None:
    """2022-only ids (1.7-1.9, 4.4-4.19, 5.16-5.20) do not resolve against the 2024 Code."""
    v24 = get_version("2024")
    ids = printed_ids(seed("003"))
    unknown = {pid for pid in ids if not resolve_printed_id(v24, pid)}
    assert {"1.7", "1.8", "1.9", "4.19", "5.20"} <= unknown


def _fold(text: str) -> str:
    return text.lower().replace("’", "'").replace("‘", "'")


@pytest.mark.parametrize(
    ("prefix", "vid"), [("000", "2024"), ("001", "2024"), ("002", "joint"), ("003", "2022")]
)
def test_detection_keywords_point_at_the_right_version(prefix: str, vid: str) -> None:
    text = _fold(seed(prefix).read_text(encoding="utf-8"))
    hits = {
        v: sum(_fold(k) in text for k in get_version(v).detection["keywords"])
        for v in ("2022", "2024", "joint")
    }
    assert max(hits, key=hits.__getitem__) == vid, hits
    assert sorted(hits.values())[-2] < hits[vid], hits
