"""Conformance of the PDF reader over the shared corpus (../shared/corpus, or $CODECHECK_SHARED).

The corpus PDFs are renderings of published self-assessments with ground-truth labels. The figures
asserted are the issue's acceptance bar (rows and answers >= 98%, evidence/commentary text and
requirement text >= 95%), scored the way tools/eval_corpus.py scores them: rows paired by provision
id in order, texts compared whitespace- and quote-normalised with a fuzzy ratio >= 90.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import shared_dir
from corpus_scoring import score_rows

pytestmark = pytest.mark.corpus

CORPUS = shared_dir() / "corpus"
PDFS = sorted(CORPUS.glob("*.pdf")) if CORPUS.is_dir() else []


def _score(pdf: Path) -> dict[str, float]:
    from codecheck.readers.pdf import read_pdf

    labels = json.loads(pdf.with_suffix(".labels.json").read_text(encoding="utf-8"))
    doc = read_pdf(pdf)
    score = score_rows(labels["rows"], [r.as_dict() for r in doc.rows])
    pages = [r.location.page for r in doc.rows]
    assert all(p is not None and 1 <= p <= (doc.pages or 0) for p in pages), pdf.name
    assert pages == sorted(pages), f"{pdf.name}: rows out of page order"
    return {**score.ratios(), "extra": score.extra}


@pytest.mark.skipif(not PDFS, reason=f"shared corpus not found at {CORPUS} (set CODECHECK_SHARED)")
@pytest.mark.parametrize("pdf", PDFS, ids=[p.stem for p in PDFS])
def test_corpus_pdf_meets_the_extraction_bar(pdf: Path) -> None:
    score = _score(pdf)
    assert score["rows"] >= 0.98, score
    assert score["answers"] >= 0.98, score
    assert score["text"] >= 0.95, score
    assert score["requirement"] >= 0.95, score
    assert score["extra"] == 0, score
