"""Conformance of the PDF reader over the shared corpus (../shared/corpus, or $CODECHECK_SHARED).

The corpus PDFs are renderings of published self-assessments with ground-truth labels. The figures
asserted are the issue's acceptance bar (rows and answers >= 98%, evidence/commentary text and
requirement text >= 95%), scored the way tools/eval_corpus.py scores them: rows paired by provision
id in order, texts compared whitespace- and quote-normalised with a fuzzy ratio >= 90.
"""

from __future__ import annotations

import difflib
import json
import re
from pathlib import Path

import pytest

from conftest import shared_dir

pytestmark = pytest.mark.corpus

CORPUS = shared_dir() / "corpus"
PDFS = sorted(CORPUS.glob("*.pdf")) if CORPUS.is_dir() else []


def _norm_text(s: str | None) -> str:
    s = (s or "").replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    s = re.sub(r"[\u2022\u00b7\u25aa\u25cf\uf0b7]", " ", s)
    return re.sub(r"\s+", " ", s).strip().lower()


def _norm_id(s: str | None) -> str:
    return re.sub(r"\s+", "", str(s or "")).rstrip(".").lower()


def _pairs(expected: list[dict], got: list[dict]) -> list[tuple[dict, dict | None]]:
    want = [_norm_id(r["provision"]) for r in expected]
    have = [_norm_id(r["provision"]) for r in got]
    sm = difflib.SequenceMatcher(None, want, have, autojunk=False)
    pairs: list[tuple[dict, dict | None]] = [(r, None) for r in expected]
    for a, b, n in sm.get_matching_blocks():
        for k in range(n):
            pairs[a + k] = (expected[a + k], got[b + k])
    return pairs


def _score(pdf: Path) -> dict[str, float]:
    from rapidfuzz import fuzz

    from codecheck.readers.pdf import read_pdf

    labels = json.loads(pdf.with_suffix(".labels.json").read_text(encoding="utf-8"))
    doc = read_pdf(pdf)
    got = [r.as_dict() for r in doc.rows]
    pairs = _pairs(labels["rows"], got)
    found = [(e, g) for e, g in pairs if g is not None]
    answers = sum(1 for e, g in found if g["answer"] == e["answer"])
    text = sum(
        1
        for e, g in found
        if fuzz.ratio(
            _norm_text(f"{e['evidence']} {e['commentary']}"), _norm_text(f"{g['evidence']} {g['commentary']}")
        )
        >= 90
    )
    with_req = [(e, g) for e, g in found if e.get("requirement")]
    req = sum(
        1 for e, g in with_req if fuzz.ratio(_norm_text(e["requirement"]), _norm_text(g["requirement"])) >= 90
    )
    pages = [r.location.page for r in doc.rows]
    assert all(p is not None and 1 <= p <= (doc.pages or 0) for p in pages), pdf.name
    assert pages == sorted(pages), f"{pdf.name}: rows out of page order"
    return {
        "rows": len(found) / len(labels["rows"]),
        "answers": answers / max(1, len(found)),
        "text": text / max(1, len(found)),
        "requirement": req / max(1, len(with_req)),
        "extra": len(got) - len(found),
    }


@pytest.mark.skipif(not PDFS, reason=f"shared corpus not found at {CORPUS} (set CODECHECK_SHARED)")
@pytest.mark.parametrize("pdf", PDFS, ids=[p.stem for p in PDFS])
def test_corpus_pdf_meets_the_extraction_bar(pdf: Path) -> None:
    score = _score(pdf)
    assert score["rows"] >= 0.98, score
    assert score["answers"] >= 0.98, score
    assert score["text"] >= 0.95, score
    assert score["requirement"] >= 0.95, score
    assert score["extra"] == 0, score
