"""The labelled-block builder, on items and through the DOCX reader (Word documents built here)."""

from __future__ import annotations

from pathlib import Path

import pytest

from codecheck.readers import read_document
from codecheck.readers.blocks import BlockItem, build_blocks
from codecheck.readers.raw import RawCell, RawRow, RawTable
from html_factory import ANSWERS, CODE, commentary, evidence

PIDS = ["1.2", "1.3", "2.1", "3.1"]


def labelled(pid: str, labels=("Requirement", "Do we comply?", "Evidence", "Commentary")) -> list[BlockItem]:
    values = [CODE[pid], ANSWERS[pid], evidence(pid), commentary(pid)]
    items = [BlockItem(f"Code provision {pid}", heading=3)]
    for label, value in zip(labels, values, strict=True):
        items += [BlockItem(label, emphasised=True), BlockItem(value)]
    return items


def test_blocks_become_rows_with_context() -> None:
    items = [BlockItem("Self-assessment 2024", heading=1), BlockItem("Introduction text.")]
    items += [BlockItem("Section 1: Definition of a complaint", heading=2)]
    for pid in PIDS:
        items += labelled(pid)
    result = build_blocks(items)
    assert [(r.provision, r.answer_text, r.evidence, r.context) for r in result.rows] == [
        (pid, ANSWERS[pid], evidence(pid), "Section 1: Definition of a complaint") for pid in PIDS
    ]
    assert "Introduction text." in result.loose and "Self-assessment 2024" in result.loose
    assert [r.location.block for r in result.rows] == [1, 2, 3, 4]


def test_start_styles() -> None:
    """"6.3 Title" headings, a bold number opening the requirement, "Provision: 6.3" lines."""
    items = [BlockItem("1.2 Defining complaints", heading=3)]
    items += [BlockItem("Requirement", emphasised=True), BlockItem(CODE["1.2"])]
    items += [BlockItem("Comply: Yes"), BlockItem("Evidence: Policy")]
    items += [BlockItem(f"1.3 {CODE['1.3']}", lead="1.3")]
    items += [BlockItem("Comply: No"), BlockItem("Evidence: Leaflet")]
    items += [BlockItem("Provision: 2.1"), BlockItem(f"Requirement: {CODE['2.1']}")]
    items += [BlockItem("Comply: Partial"), BlockItem("Evidence: Log")]
    rows = build_blocks(items).rows
    assert [(r.provision, r.requirement, r.answer, r.evidence) for r in rows] == [
        ("1.2", CODE["1.2"], "yes", "Policy"),
        ("1.3", CODE["1.3"], "no", "Leaflet"),
        ("2.1", CODE["2.1"], "partial", "Log"),
    ]


def test_answer_words_are_values_not_labels() -> None:
    items = []
    for pid, word in (("1.2", "Compliant"), ("1.3", "Partially compliant"), ("2.1", "Not met")):
        items += [
            BlockItem(f"Code provision {pid}", heading=3),
            BlockItem("Compliance", emphasised=True),
            BlockItem(word, emphasised=True),
            BlockItem("Commentary", emphasised=True),
            BlockItem("Fine."),
        ]
    rows = build_blocks(items).rows
    assert [(r.answer, r.answer_text) for r in rows] == [
        ("yes", "Compliant"), ("partial", "Partially compliant"), ("no", "Not met")]  # fmt: skip


def test_sentences_using_label_words_are_text() -> None:
    """A document name, a lettered item or a sentence opening with a label word is not a label."""
    items = []
    for pid in ("6.3", "6.4"):
        items += [
            BlockItem(f"Code provision {pid}", heading=3),
            BlockItem("Requirement", emphasised=True),
            BlockItem("The response must include:"),
            BlockItem("f. details of any outstanding actions; and"),
            BlockItem("Evidence", emphasised=True),
            BlockItem("Stage 1 response template CR-02"),
            BlockItem("Commentary", emphasised=True),
            BlockItem("Reviewed by the Board every month."),
        ]
    rows = build_blocks(items).rows
    for row in rows:
        assert row.requirement == "The response must include: f. details of any outstanding actions; and"
        assert row.evidence == "Stage 1 response template CR-02"
        assert row.commentary == "Reviewed by the Board every month."


def test_numbered_code_text_is_not_read_and_not_reported() -> None:
    items = [BlockItem(f"{pid} {text}") for pid, text in CODE.items()]
    result = build_blocks(items)
    assert result.rows == [] and result.notes == []


def test_unlabelled_block_among_labelled_ones_is_reported() -> None:
    items = [*labelled("1.2"), BlockItem("Code provision 1.3", heading=3), BlockItem(CODE["1.3"])]
    items += labelled("2.1")
    result = build_blocks(items)
    assert [r.provision for r in result.rows] == ["1.2", "2.1"]
    assert any(n.kind == "skipped-text" and "1.3" in n.message and n.position == 1 for n in result.notes)


def test_key_value_tables() -> None:
    def kv(pid: str) -> RawTable:
        pairs = [("Code provision", pid), ("Requirement", CODE[pid]), ("Compliant?", ANSWERS[pid]),
                 ("Evidence", evidence(pid))]  # fmt: skip
        rows = [RawRow([RawCell(k), RawCell(v)], i + 1) for i, (k, v) in enumerate(pairs)]
        return RawTable(rows, 1, ncols=2)

    rows = build_blocks([BlockItem("", table=kv("1.2")), BlockItem("", table=kv("2.1"))]).rows
    assert [(r.provision, r.answer, r.evidence) for r in rows] == [
        ("1.2", "yes", evidence("1.2")), ("2.1", "no", evidence("2.1"))]  # fmt: skip


# --------------------------------------------------------------------------- through the DOCX reader


def write_blocks_docx(path: Path, *, styles: bool = True, lost: str | None = None) -> Path:
    import docx

    document = docx.Document()
    document.add_heading("Northfield Housing complaint handling self-assessment", level=1)
    document.add_paragraph("Completed in May 2025.")
    for pid in PIDS:
        name = "Code provision" if pid == lost else f"Code provision {pid}"
        if styles:
            document.add_heading(name, level=3)
        else:
            document.add_paragraph().add_run(name).bold = True
        for label, value in (("Requirement", CODE[pid]), ("Evidence", evidence(pid))):
            document.add_paragraph().add_run(label).bold = True
            document.add_paragraph(value)
        answer = document.add_paragraph()
        answer.add_run("Do we comply?").bold = True
        answer.add_run(f" {ANSWERS[pid]}")
        document.add_paragraph().add_run("Commentary").bold = True
        document.add_paragraph(commentary(pid))
    document.save(path)
    return path


@pytest.mark.parametrize("styles", [True, False], ids=["heading-styles", "bold-only"])
def test_docx_labelled_blocks(tmp_path: Path, styles: bool) -> None:
    doc = read_document(write_blocks_docx(tmp_path / "blocks.docx", styles=styles))
    assert [(r.provision, r.requirement, r.answer_text, r.evidence, r.commentary) for r in doc.rows] == [
        (pid, CODE[pid], ANSWERS[pid], evidence(pid), commentary(pid)) for pid in PIDS
    ]
    assert "Completed in May 2025." in doc.text


def test_docx_block_without_its_number(tmp_path: Path) -> None:
    doc = read_document(write_blocks_docx(tmp_path / "lost.docx", lost="2.1"))
    assert [r.provision for r in doc.rows] == ["1.2", "1.3", "3.1"]
    notes = [n for n in doc.notes if n.kind == "skipped-text"]
    assert len(notes) == 1 and "after 1.3" in notes[0].message


def test_a_field_gathering_many_paragraphs_is_cut_at_the_cell_limit_with_a_note() -> None:
    """A field joins any number of paragraphs: it is bounded as one cell is, and the cut is reported."""
    items = [BlockItem("6.3 Landlords must respond within 10 working days.", heading=2)]
    items.append(BlockItem("Comply", emphasised=True))
    items.append(BlockItem("Yes"))
    items.append(BlockItem("Commentary", emphasised=True))
    items += [BlockItem(f"Paragraph {n} of the commentary.") for n in range(200)]
    result = build_blocks(items, max_chars=500)
    (row,) = result.rows
    assert len(row.commentary) == 500 and row.commentary.startswith("Paragraph 0 of the commentary.")
    cut = [n for n in result.notes if n.kind == "cells-truncated"]
    assert len(cut) == 1 and cut[0].lost_text and "longer than 500 characters" in cut[0].message
    whole = build_blocks(items)
    assert whole.rows[0].commentary.endswith("Paragraph 199 of the commentary.")
    assert not any(n.kind == "cells-truncated" for n in whole.notes)
