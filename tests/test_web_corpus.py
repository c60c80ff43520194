"""Conformance: the web-page and workbook readers over the labelled corpus renditions.

``../shared/corpus`` (or ``$CODECHECK_SHARED/corpus``) holds the four documents as web pages (tables,
labelled blocks, one long table with section rows) and two as workbooks; they share the DOCX's
labels. Scored as ``tools/eval_corpus.py`` scores them; every rendition must meet the bar on its own.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import shared_dir
from corpus_scoring import score_rows

pytestmark = pytest.mark.corpus

CORPUS = shared_dir() / "corpus"
FILES = sorted([*CORPUS.glob("*.html"), *CORPUS.glob("*.xlsx")]) if CORPUS.is_dir() else []


@pytest.mark.skipif(not FILES, reason=f"shared corpus not found at {CORPUS} (set CODECHECK_SHARED)")
@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_corpus_web_page_or_workbook(path: Path) -> None:
    from codecheck.detect import detect_version
    from codecheck.readers import read_document

    labels = json.loads(path.with_name(path.name.split(".")[0] + ".labels.json").read_text(encoding="utf-8"))
    doc = read_document(path)
    ratios = score_rows(labels["rows"], [r.as_dict() for r in doc.rows]).ratios()
    assert ratios["rows"] >= 0.99 and ratios["answers"] >= 0.99, ratios
    assert ratios["text"] >= 0.97 and ratios["requirement"] >= 0.98, ratios
    assert ratios["extra"] <= 0.01, ratios
    assert detect_version(doc).version == labels["code_version"]
    assert not any(n.kind == "skipped-text" for n in doc.notes)
