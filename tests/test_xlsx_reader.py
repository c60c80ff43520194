"""The workbook reader: sheets as tables, merged and lone-cell section rows, extra columns, values
read as saved (no formula evaluated, no macro run, no link followed), and hostile packages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import xlsx_factory as xf
from codecheck.errors import InputError, NoAssessmentError
from codecheck.limits import Limits
from codecheck.readers import read_document
from codecheck.readers.sniff import sniff
from html_factory import ANSWERS, CODE, commentary, evidence

PIDS = list(CODE)
B = xf.Cell


def test_one_sheet_in_all(tmp_path: Path) -> None:
    path = xf.simple(tmp_path / "form.xlsx")
    assert sniff(path) == "xlsx"
    doc = read_document(path)
    assert doc.format == "xlsx"
    assert [(r.provision, r.answer_text, r.evidence, r.commentary) for r in doc.rows] == [
        (pid, ANSWERS[pid], evidence(pid), commentary(pid)) for pid in PIDS
    ]
    first = doc.rows[0].location
    assert (first.sheet, first.row) == ("Self-assessment", 2)
    assert first.describe() == "sheet “Self-assessment”, row 2"


def test_workbook_named_docx_is_still_read_as_a_workbook(tmp_path: Path) -> None:
    path = xf.simple(tmp_path / "form.docx")
    assert [r.provision for r in read_document(path).rows] == PIDS


def test_one_sheet_per_section_gives_each_its_context(tmp_path: Path) -> None:
    sheets = {
        "Section 1": [xf.HEADER, *xf.standard_rows(("1.2", "1.3"))],
        "Section 6": [xf.HEADER, *xf.standard_rows(("6.3", "6.4"))],
        "Notes": [["Prepared by the Customer Resolution Team"]],
    }
    doc = read_document(xf.workbook(tmp_path / "sections.xlsx", sheets))
    assert [(r.provision, r.context, r.location.sheet) for r in doc.rows] == [
        ("1.2", "Section 1", "Section 1"),
        ("1.3", "Section 1", "Section 1"),
        ("6.3", "Section 6", "Section 6"),
        ("6.4", "Section 6", "Section 6"),
    ]
    assert "Prepared by the Customer Resolution Team" in doc.text


def test_merged_section_rows_and_title_rows(tmp_path: Path) -> None:
    rows = [
        [B("Example Homes self-assessment 2024", bold=True)],
        [],
        xf.HEADER,
        [B("Section 1 – Definition of a complaint", bold=True, fill="D9D9D9")],
        *xf.standard_rows(("1.2", "1.3")),
        [B("Section 6 – Complaint stages", bold=True, fill="D9D9D9")],
        *xf.standard_rows(("6.3",)),
    ]
    merges = {"Form": ["A1:E1", "A4:E4", "A7:E7"]}
    doc = read_document(xf.workbook(tmp_path / "merged.xlsx", {"Form": rows}, merges))
    assert [(r.provision, r.context) for r in doc.rows] == [
        ("1.2", "Section 1 – Definition of a complaint"),
        ("1.3", "Section 1 – Definition of a complaint"),
        ("6.3", "Section 6 – Complaint stages"),
    ]


def test_lone_cell_section_rows_without_a_merge(tmp_path: Path) -> None:
    """Read-only worksheets do not expose merges: a lone bold cell, or a lone text in the first
    column, is a section row; a lone text in the requirement column continues the requirement."""
    rows = [
        xf.HEADER,
        ["Stage 1"],
        ["6.3", "A full response to stage 1 complaints must be issued", "Yes", "Dashboard", "Met."],
        ["", "within 10 working days of the complaint being acknowledged."],
        ["", B("Stage 2", bold=True)],
        ["6.4", CODE["6.4"], "Yes", "Letters", "Met."],
    ]
    doc = read_document(xf.workbook(tmp_path / "lone.xlsx", {"Form": rows}))
    assert [(r.provision, r.context) for r in doc.rows] == [("6.3", "Stage 1"), ("6.4", "Stage 2")]
    assert doc.rows[0].requirement == CODE["6.3"]


def test_house_columns_tick_columns_rag_fill_and_dates(tmp_path: Path) -> None:
    header = ["Ref", "Accessibility and awareness", "Yes", "No", "RAG", "Evidence", "Commentary", "Actions",
              "Owner", "Target date"]  # fmt: skip
    rows = [
        header,
        ["3.1", CODE["3.1"], "", "✓", B("", fill="FF0000"), "Leaflet", "Not yet.", "Publish leaflet",
         "Complaints Manager", dt.datetime(2026, 3, 31)],
        ["6.3", CODE["6.3"], "✓", "", B("", fill="00B050"), "Dashboard", "Met.", "", "", ""],
    ]
    doc = read_document(xf.workbook(tmp_path / "house.xlsx", {"Section 3": rows}))
    first, second = doc.rows
    assert (first.requirement, first.answer, first.rag, first.target_date) == (
        CODE["3.1"], "no", "red", "31 March 2026")  # fmt: skip
    assert (first.actions, first.owner) == ("Publish leaflet", "Complaints Manager")
    assert (second.answer, second.answer_text, second.rag) == ("yes", "tick", "green")


def test_rag_column_alone_is_the_answer(tmp_path: Path) -> None:
    rows = [
        ["Ref", "Requirement", "RAG status", "Commentary"],
        ["1.2", CODE["1.2"], "Green", "Adopted."],
        ["1.3", CODE["1.3"], B("", fill="FFC000"), "Under way."],
    ]
    doc = read_document(xf.workbook(tmp_path / "rag.xlsx", {"Form": rows}))
    assert [(r.answer, r.rag, r.answer_source) for r in doc.rows] == [
        ("yes", "Green", "comply"),
        ("partial", "amber", "colour"),
    ]


def test_comply_merged_with_evidence(tmp_path: Path) -> None:
    rows = [xf.HEADER, ["1.2", CODE["1.2"], "Yes – Complaints policy", "", "Adopted."]]
    doc = read_document(xf.workbook(tmp_path / "m.xlsx", {"Form": rows}, {"Form": ["C2:D2"]}))
    row = doc.rows[0]
    assert (row.answer, row.answer_text, row.evidence, row.commentary) == (
        "yes", "Yes", "Complaints policy", "Adopted.")  # fmt: skip


def test_values_are_read_as_saved(tmp_path: Path) -> None:
    rows = [
        xf.HEADER,
        [B("1.10", number_format="@"), CODE["1.2"], True, "to be replaced", ""],
        [B(6.3, number_format="0.0"), CODE["6.3"], False, "", "=1+1"],
        [B(2.1, number_format="0.00"), CODE["2.1"], "Yes", "", ""],
    ]
    path = xf.workbook(tmp_path / "values.xlsx", {"Form": rows})
    path = xf.with_formula_value(path, "xl/worksheets/sheet1.xml", "D2", "HYPERLINK(&quot;x&quot;)", "Policy")
    doc = read_document(path)
    assert [r.provision for r in doc.rows] == ["1.10", "6.3", "2.10"]
    assert (doc.rows[0].answer, doc.rows[0].evidence) == ("yes", "Policy")  # TRUE ticks; the saved value
    assert doc.rows[1].answer == "blank"  # FALSE is an empty box
    assert doc.rows[1].commentary == ""  # a formula with no saved value: never evaluated, read as empty


def test_hidden_sheets_macros_and_external_links_are_read_as_data_only(tmp_path: Path) -> None:
    sheets = {"Form": [xf.HEADER, *xf.standard_rows(("1.2",))], "Lists": [["Yes"], ["No"]]}
    path = xf.workbook(tmp_path / "macro.xlsm", sheets, hidden=("Lists",))
    path = xf.add_parts(
        path,
        {
            "xl/vbaProject.bin": b"\xd0\xcf\x11\xe0 not really VBA: never run",
            "xl/externalLinks/externalLink1.xml": b'<externalLink xmlns="http://schemas.openxmlformats.org/'
            b'spreadsheetml/2006/main"><externalBook r:id="rId1" xmlns:r="http://schemas.openxmlformats.org/'
            b'officeDocument/2006/relationships"/></externalLink>',
        },
    )
    doc = read_document(path)
    assert [r.provision for r in doc.rows] == ["1.2"]
    notes = " ".join(n.message for n in doc.notes)
    assert "macros: read as data only" in notes and "links not followed" in notes
    assert "1 hidden worksheet(s) not read" in notes and "No" not in doc.text


def test_no_form_in_the_workbook(tmp_path: Path) -> None:
    path = xf.workbook(tmp_path / "budget.xlsx", {"Budget": [["Item", "Cost"], ["Paper", 12]]})
    with pytest.raises(NoAssessmentError, match="no self-assessment table found"):
        read_document(path)


def test_bounds(tmp_path: Path) -> None:
    rows = [xf.HEADER, ["1.2", CODE["1.2"], "Yes", "", "y" * 3000], *xf.standard_rows(("1.3", "2.1"))]
    path = xf.workbook(tmp_path / "bounds.xlsx", {"Form": rows})
    doc = read_document(path, Limits(max_cell_chars=1000))
    assert len(doc.rows[0].commentary) == 1000
    assert any(n.kind == "cells-truncated" and n.lost_text for n in doc.notes)
    with pytest.raises(InputError, match="more than 2 rows"):
        read_document(path, Limits(max_rows=2))
    with pytest.raises(InputError, match="parts, over the"):
        read_document(path, Limits(max_zip_entries=3))


def test_wide_sheet_is_cut_with_a_note(tmp_path: Path) -> None:
    wide = [[*xf.HEADER, *(f"Extra {i}" for i in range(80))], *(r + ["x"] * 80 for r in xf.standard_rows())]
    doc = read_document(xf.workbook(tmp_path / "wide.xlsx", {"Form": wide}))
    assert [r.provision for r in doc.rows] == PIDS
    cut = [n for n in doc.notes if n.kind == "cells-beyond-limits"]
    assert len(cut) == 1 and cut[0].lost_text and "beyond the reading limits" in cut[0].message


def test_zip_bomb_is_refused_before_inflating(tmp_path: Path) -> None:
    bomb = xf.zip_bomb(tmp_path / "bomb.xlsx", xf.simple(tmp_path / "ok.xlsx"))
    assert bomb.stat().st_size < 8 * 1024 * 1024
    with pytest.raises(InputError, match="zip bomb"):
        read_document(bomb)


def test_doctype_in_a_part_is_refused(tmp_path: Path) -> None:
    path = xf.simple(tmp_path / "dtd.xlsx")
    import zipfile

    xml = zipfile.ZipFile(path).read("xl/workbook.xml")
    if xml.startswith(b"<?xml"):
        _, _, rest = xml.partition(b"?>")
        xml = rest
    bad = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>' + xml
    xf.add_parts(path, {}, {"xl/workbook.xml": bad})
    with pytest.raises(InputError, match="DOCTYPE"):
        read_document(path)


def test_damaged_workbooks(tmp_path: Path) -> None:
    good = xf.simple(tmp_path / "good.xlsx").read_bytes()
    truncated = tmp_path / "truncated.xlsx"
    truncated.write_bytes(good[: len(good) // 2])
    with pytest.raises(InputError, match=r"corrupt|truncated"):
        read_document(truncated)
    broken = xf.add_parts(xf.simple(tmp_path / "broken.xlsx"), {}, {"xl/workbook.xml": b"<workbook"})
    with pytest.raises(InputError, match="corrupt or unreadable workbook"):
        read_document(broken)


def test_encrypted_workbook(tmp_path: Path) -> None:
    ooxml = pytest.importorskip("msoffcrypto.format.ooxml")
    source = xf.simple(tmp_path / "plain.xlsx")
    target = tmp_path / "locked.xlsx"
    with source.open("rb") as src, target.open("wb") as out:
        ooxml.OOXMLFile(src).encrypt("example-password", out)
    with pytest.raises(InputError, match="password-protected"):
        read_document(target)
