"""Conformance: the DOCX reader over the labelled corpus meets the issue's figures.

Runs the reader in-process over ``../shared/corpus/*.docx`` (or ``$CODECHECK_SHARED/corpus``) and
scores it as ``tools/eval_corpus.py`` does: labelled rows found by provision id in order; of those,
answers equal, evidence+commentary and requirement text at fuzzy ratio >= 90; extra rows; version.
"""

from __future__ import annotations

import difflib
import json
import os
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.corpus

SHARED = Path(os.environ.get("CODECHECK_SHARED") or Path(__file__).resolve().parents[1].parent / "shared")
CORPUS = SHARED / "corpus"
DOCS = sorted(CORPUS.glob("*.docx")) if CORPUS.is_dir() else []


def _norm(s: str | None) -> str:
    s = (s or "").replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    s = re.sub(r"[\u2022\u00b7\u25aa\u25cf\uf0b7]", " ", s)
    return re.sub(r"\s+", " ", s).strip().lower()


def _id(s: str | None) -> str:
    return re.sub(r"\s+", "", str(s or "")).rstrip(".").lower()


def _pairs(expected: list[dict], got: list[dict]) -> list[tuple[dict, dict | None]]:
    matcher = difflib.SequenceMatcher(
        None, [_id(r["provision"]) for r in expected], [_id(r["provision"]) for r in got], autojunk=False
    )
    pairs: list[tuple[dict, dict | None]] = [(e, None) for e in expected]
    for a, b, n in matcher.get_matching_blocks():
        for k in range(n):
            pairs[a + k] = (expected[a + k], got[b + k])
    return pairs


@pytest.fixture(scope="module")
def scores() -> dict:
    if not DOCS:
        pytest.skip(f"corpus not found at {CORPUS} (set CODECHECK_SHARED to the shared folder)")
    from rapidfuzz import fuzz

    from codecheck.detect import detect_version
    from codecheck.readers import read_document

    totals = dict(rows=0, found=0, answers=0, text=0, req=0, req_n=0, extra=0, out=0)
    versions = {}
    for path in DOCS:
        labels = json.loads(path.with_suffix(".labels.json").read_text(encoding="utf-8"))
        doc = read_document(path)
        got = [r.as_dict() for r in doc.rows]
        pairs = _pairs(labels["rows"], got)
        found = [(e, g) for e, g in pairs if g is not None]
        totals["rows"] += len(labels["rows"])
        totals["found"] += len(found)
        totals["out"] += len(got)
        totals["extra"] += len(got) - len(found)
        for e, g in found:
            totals["answers"] += g["answer"] == e["answer"]
            want = _norm(f"{e.get('evidence') or ''} {e.get('commentary') or ''}")
            have = _norm(f"{g['evidence']} {g['commentary']}")
            totals["text"] += fuzz.ratio(want, have) >= 90
            if e.get("requirement"):
                totals["req_n"] += 1
                totals["req"] += fuzz.ratio(_norm(e["requirement"]), _norm(g["requirement"])) >= 90
        versions[path.name] = (detect_version(doc).version, labels["code_version"])
    return {"totals": totals, "versions": versions}


def test_rows_found(scores: dict) -> None:
    t = scores["totals"]
    assert t["found"] / t["rows"] >= 0.99


def test_answers(scores: dict) -> None:
    t = scores["totals"]
    assert t["answers"] / t["found"] >= 0.99


def test_evidence_and_commentary_text(scores: dict) -> None:
    t = scores["totals"]
    assert t["text"] / t["found"] >= 0.97


def test_requirements_come_back_whole(scores: dict) -> None:
    t = scores["totals"]
    assert t["req"] / t["req_n"] >= 0.98


def test_extra_rows(scores: dict) -> None:
    t = scores["totals"]
    assert t["extra"] / max(t["out"], 1) <= 0.01


def test_version_detected_for_every_document(scores: dict) -> None:
    wrong = {name: v for name, v in scores["versions"].items() if v[0] != v[1]}
    assert not wrong
