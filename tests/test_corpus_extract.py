"""Conformance: the DOCX reader over the labelled corpus meets the issue's figures.

Runs the reader in-process over ``../shared/corpus/*.docx`` (or ``$CODECHECK_SHARED/corpus``) and
scores it as ``tools/eval_corpus.py`` does: labelled rows found by provision id in order; of those,
answers equal, evidence+commentary and requirement text at fuzzy ratio >= 90; extra rows; version.
"""

from __future__ import annotations

import json

import pytest

from conftest import shared_dir
from corpus_scoring import RowScore, score_rows

pytestmark = pytest.mark.corpus

CORPUS = shared_dir() / "corpus"
DOCS = sorted(CORPUS.glob("*.docx")) if CORPUS.is_dir() else []


@pytest.fixture(scope="module")
def scores() -> dict:
    if not DOCS:
        pytest.skip(f"corpus not found at {CORPUS} (set CODECHECK_SHARED to the shared folder)")
    from codecheck.detect import detect_version
    from codecheck.readers import read_document

    totals = RowScore()
    versions = {}
    for path in DOCS:
        labels = json.loads(path.with_suffix(".labels.json").read_text(encoding="utf-8"))
        doc = read_document(path)
        totals += score_rows(labels["rows"], [r.as_dict() for r in doc.rows])
        versions[path.name] = (detect_version(doc).version, labels["code_version"])
    return {"totals": totals, "versions": versions}


def test_rows_found(scores: dict) -> None:
    assert scores["totals"].ratios()["rows"] >= 0.99


def test_answers(scores: dict) -> None:
    assert scores["totals"].ratios()["answers"] >= 0.99


def test_evidence_and_commentary_text(scores: dict) -> None:
    assert scores["totals"].ratios()["text"] >= 0.97


def test_requirements_come_back_whole(scores: dict) -> None:
    assert scores["totals"].ratios()["requirement"] >= 0.98


def test_extra_rows(scores: dict) -> None:
    assert scores["totals"].ratios()["extra"] <= 0.01


def test_version_detected_for_every_document(scores: dict) -> None:
    wrong = {name: v for name, v in scores["versions"].items() if v[0] != v[1]}
    assert not wrong
