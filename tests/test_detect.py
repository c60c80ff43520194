"""Version detection from the form itself: ids, wording, keywords, title and dates; --code overrides."""

from __future__ import annotations

from pathlib import Path

import pytest

from codecheck.codes import get_version
from codecheck.detect import detect_version, document_dates
from codecheck.errors import CodecheckError
from codecheck.model import Document, Location, Row


def form_document(
    version: str,
    title: str = "Example Homes self-assessment",
    keep: int | None = None,
    text: tuple[str, ...] = (),
) -> Document:
    """A document whose rows are the version's official form rows, worded as that form words them."""
    code = get_version(version)
    rows = []
    for i, form_row in enumerate(code.form[:keep] if keep else code.form, start=1):
        wording = form_row.text or (
            code.provision(form_row.covers[0]).form_wording if form_row.covers else ""
        )
        rows.append(
            Row(
                provision=form_row.id,
                requirement=" ".join(wording.split()),
                answer="yes",
                answer_text="Yes",
                evidence="",
                commentary="",
                location=Location(table=1, row=i),
            )
        )
    return Document(path=Path("example.docx"), format="docx", rows=rows, text=list(text), title=title)


@pytest.mark.parametrize("version", ["2022", "2024", "joint"])
def test_each_version_is_detected_from_its_own_form(version: str) -> None:
    detection = detect_version(form_document(version))
    assert detection.version == version
    assert 0.5 < detection.confidence <= 1.0
    assert not detection.forced
    assert any("wording" in r for r in detection.reasons)


def test_a_partial_form_is_still_detected() -> None:
    assert detect_version(form_document("2022", keep=30)).version == "2022"
    assert detect_version(form_document("2024", keep=30)).version == "2024"


def test_forced_version_wins() -> None:
    detection = detect_version(form_document("2022"), forced="2024")
    assert (detection.version, detection.forced, detection.confidence) == ("2024", True, 1.0)


def test_unknown_forced_version_is_a_one_line_error() -> None:
    with pytest.raises(CodecheckError, match="unknown Code version"):
        detect_version(form_document("2024"), forced="1999")


def test_title_and_dates_decide_when_rows_say_little() -> None:
    def bare(title: str, text: tuple[str, ...]) -> Document:
        rows = [
            Row(
                provision=pid,
                requirement="",
                answer="yes",
                answer_text="Yes",
                evidence="",
                commentary="",
                location=Location(table=1, row=i),
            )
            for i, pid in enumerate(["1.2", "1.3", "2.1"], start=2)
        ]
        return Document(path=Path("x.docx"), format="docx", rows=rows, text=list(text), title=title)

    old = detect_version(
        bare("Complaint Handling Code 2022: self-assessment", ("Reviewed in September 2022.",))
    )
    new = detect_version(bare("Complaint Handling Code 2024: self-assessment", ("Reviewed in June 2024.",)))
    assert old.version == "2022"
    assert new.version == "2024"
    assert old.confidence < 0.6  # little evidence: say so


def test_document_dates() -> None:
    doc = Document(
        path=Path("x"),
        format="docx",
        rows=[],
        text=["Self-assessment undertaken in June 2024."],
        title="Review – SEPTEMBER 2022",
    )
    assert [d.isoformat() for d in document_dates(doc)] == ["2022-09-01", "2024-06-01"]


def test_section_titles_are_evidence() -> None:
    rows = [
        Row(
            provision="2.1",
            requirement="",
            answer="yes",
            answer_text="Yes",
            evidence="",
            commentary="",
            location=Location(table=1, row=2),
        )
    ]
    doc = Document(
        path=Path("x.docx"),
        format="docx",
        rows=rows,
        title="Example Homes self-assessment",
        text=["Section 3: Complaint handling personnel", "Section 4: Complaint handling principles"],
    )
    detection = detect_version(doc)
    assert detection.version == "2022"
    assert any("section titles" in r for r in detection.reasons)


def test_unnumbered_form_is_detected_by_its_wording() -> None:
    doc = form_document("2022")
    for row in doc.rows:
        row.provision = ""
    detection = detect_version(doc)
    assert detection.version == "2022"
