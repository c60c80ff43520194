"""PDFs as browsers print web pages, drawn by ``pdf_factory``: rows broken over a page without their
bottom rule, banded tables with no rules, header words broken inside narrow cells, and labelled
blocks (no table) printed as paragraphs."""

from __future__ import annotations

from pathlib import Path

import pdf_factory as pf
from codecheck.readers import read_document

ANSWERS = ["Yes", "Partial", "No", "Yes", "Yes", "Partial", "Yes", "No"]


def rows(comment_repeat: int = 1) -> list[list[str]]:
    out = []
    for k, (pid, text) in enumerate(pf.CODE_2024.items()):
        note = " ".join([pf.LONG_COMMENT.strip()] * comment_repeat)
        out.append([pid, text, ANSWERS[k % len(ANSWERS)], f"Complaints policy section {pid}", note])
    return out


def check(doc, body: list[list[str]]) -> None:
    assert [r.provision for r in doc.rows] == [r[0] for r in body]
    for row, want in zip(doc.rows, body, strict=True):
        assert row.requirement == " ".join(want[1].split())
        assert row.answer == want[2].lower()
        assert row.evidence == want[3]
        assert row.commentary == " ".join(want[4].split())
    assert not any(n.kind == "skipped-text" for n in doc.notes)


def test_rows_broken_over_pages_without_their_bottom_rule(tmp_path: Path) -> None:
    body = rows(comment_repeat=3) * 3
    for k, row in enumerate(body):
        row[0] = f"{k // 8 + 1}.{k % 8 + 1}"
    flow = pf.Flow()
    flow.para(pf.Para("Example Homes self-assessment (printed from our website)", 14, True))
    flow.table(pf.Table(body, pf.WIDTHS_5, pf.HEADER_5, open_breaks=True))
    path = flow.save(tmp_path / "printed.pdf")
    assert len(flow.pages) >= 3
    check(read_document(path), body)


def test_banded_table_without_rules(tmp_path: Path) -> None:
    body = rows()
    flow = pf.Flow()
    flow.para(pf.Para("Example Homes self-assessment", 14, True))
    flow.table(pf.Table(body, pf.WIDTHS_5, pf.HEADER_5, ruled=False, banded=True))
    check(read_document(flow.save(tmp_path / "banded.pdf")), body)


def test_header_words_broken_inside_narrow_cells(tmp_path: Path) -> None:
    body = rows()
    widths = [40.0, 250.0, 26.0, 130.0, 316.0]
    header = ["Code provision", "Code requirement", "Comply: Yes/No", "Evidence", "Commentary"]
    assert len(pf.wrap(header[2], widths[2] - 6, 9.0, True)) >= 3  # "Compl" / "y:" / "Yes/N" / "o"
    flow = pf.Flow()
    flow.table(pf.Table(body, widths, header))
    check(read_document(flow.save(tmp_path / "narrow.pdf")), body)


def test_labelled_blocks_printed_as_paragraphs(tmp_path: Path) -> None:
    flow = pf.Flow()
    flow.para(pf.Para("Example Homes complaint handling self-assessment", 16, True))
    flow.para(pf.Para("Section 1: Definition of a complaint", 13, True))
    pids = list(pf.CODE_2024)[:4]
    for k, pid in enumerate(pids):
        flow.para(pf.Para(f"Code provision {pid}", 12, True))
        flow.para(pf.Para("Requirement", 10, True))
        flow.para(pf.Para(pf.CODE_2024[pid], 10))
        flow.para(pf.Para("Do we comply?", 10, True))
        flow.para(pf.Para(ANSWERS[k], 10))
        flow.para(pf.Para("Evidence", 10, True))
        flow.para(pf.Para(f"Complaints policy section {pid}", 10))
        flow.para(pf.Para("Commentary", 10, True))
        flow.para(pf.Para(f"Example Homes meets {pid} through its policy.", 10))
    doc = read_document(flow.save(tmp_path / "blocks.pdf"))
    assert [(r.provision, r.answer, r.evidence) for r in doc.rows] == [
        (pid, ANSWERS[k].lower(), f"Complaints policy section {pid}") for k, pid in enumerate(pids)
    ]
    assert all(r.location.page is not None and r.location.block for r in doc.rows)
    assert doc.rows[0].requirement == " ".join(pf.CODE_2024[pids[0]].split())
    assert doc.rows[0].context == "Section 1: Definition of a complaint"
