"""The DOCX reader and vertically merged cells (``w:vMerge``), end to end through ``read_document``.

A merged cell that reaches the first row of several provisions is cited for each of them; within one
provision (its continuation rows) the text is read once. ``w:gridSpan`` cells beside a merge keep
their columns, and a non-assessment table's text is not repeated.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from codecheck.limits import effective
from codecheck.readers import read_document
from codecheck.readers.docx import _Reader
from docx_factory import Table, Xml, checkbox14, p, write_docx
from hostile_factory import write_docx_with_document_xml

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _by_id(doc) -> dict:
    return {r.provision: r for r in doc.rows}


def test_evidence_merged_over_three_provisions_is_cited_for_each(tmp_path: Path) -> None:
    rows = [
        ["6.3", "First requirement.", "Yes", "Extension letter template", "We do this."],
        ["6.4", "Second requirement.", "Yes", "", "And this."],
        ["6.5", "Third requirement.", "Yes", "", ""],
        ["6.6", "Fourth requirement.", "Yes", "Stage 1 response template", ""],
    ]
    path = write_docx(tmp_path / "m.docx", [Table(rows, merges=[(0, 3, 2, 3)])])
    doc = read_document(path)
    assert [(r.provision, r.evidence, r.commentary) for r in doc.rows] == [
        ("6.3", "Extension letter template", "We do this."),
        ("6.4", "Extension letter template", "And this."),
        ("6.5", "Extension letter template", ""),
        ("6.6", "Stage 1 response template", ""),
    ]
    assert not any(r.stitched for r in doc.rows)


def test_missing_evidence_is_not_reported_under_a_merged_evidence_cell(tmp_path: Path) -> None:
    import json

    from typer.testing import CliRunner

    from codecheck.cli.app import app

    rows = [
        ["6.4", "Second requirement.", "Yes", "Extension letter template", ""],
        ["6.5", "Third requirement.", "Yes", "", ""],
        ["6.6", "Fourth requirement.", "Yes", "", ""],
    ]
    path = write_docx(tmp_path / "m.docx", [Table(rows, merges=[(0, 3, 1, 3)])])
    result = CliRunner().invoke(app, ["audit", str(path), "--format", "json", "--today", "2025-10-01"])
    assert result.exit_code in (0, 1), result.output
    missing = {
        f["provision"] for f in json.loads(result.output)["findings"] if f["rule"] == "missing-evidence"
    }
    assert "6.6" in missing  # the check itself is live: a Yes with nothing cited beside it
    assert not missing & {"6.4", "6.5"}


def test_merged_cells_within_one_provision_are_read_once(tmp_path: Path) -> None:
    # 4.3's requirement is broken over three physical rows; its number, answer and evidence cells are
    # merged down over all three
    rows = [
        ["4.3", "The first part", "Yes", "Training records", "Trained."],
        ["", "the second part", "", "", ""],
        ["", "and the end.", "", "", "All staff."],
        ["4.4", "Next requirement.", "No", "", "Not yet."],
    ]
    merges = [(0, 0, 2, 0), (0, 2, 2, 2), (0, 3, 2, 3)]
    doc = read_document(write_docx(tmp_path / "w.docx", [Table(rows, merges=merges)]))
    assert [r.provision for r in doc.rows] == ["4.3", "4.4"]
    first, second = doc.rows
    assert first.requirement == "The first part the second part and the end."
    assert (first.answer_text, first.evidence, first.commentary) == (
        "Yes",
        "Training records",
        "Trained. All staff.",
    )
    assert first.stitched
    assert second.evidence == ""


def test_merge_over_a_continuation_row_and_into_the_next_provision(tmp_path: Path) -> None:
    rows = [
        ["5.2", "A requirement that", "Yes", "Policy section 4", ""],
        ["", "carries on.", "", "", ""],
        ["5.3", "Another requirement.", "Yes", "", ""],
    ]
    doc = read_document(write_docx(tmp_path / "c.docx", [Table(rows, merges=[(0, 3, 2, 3)])]))
    got = _by_id(doc)
    assert got["5.2"].requirement == "A requirement that carries on."
    assert got["5.2"].evidence == "Policy section 4"
    assert got["5.3"].evidence == "Policy section 4"


def test_merged_checkbox_answer_reaches_each_provision(tmp_path: Path) -> None:
    rows = [
        ["1.2", "Req one.", Xml(p(checkbox14(True))), "", ""],
        ["1.3", "Req two.", "", "", ""],
        ["1.4", "Req three.", "No", "", "Not yet."],
    ]
    doc = read_document(write_docx(tmp_path / "t.docx", [Table(rows, merges=[(0, 2, 1, 2)])]))
    assert [(r.provision, r.answer) for r in doc.rows] == [("1.2", "yes"), ("1.3", "yes"), ("1.4", "no")]


def test_grid_span_beside_a_vertical_merge_keeps_every_cell_in_its_column(tmp_path: Path) -> None:
    # six grid columns: the requirement spans two (w:gridSpan) in every row, the Evidence cell is
    # merged down (w:vMerge) over two provisions
    header = ["Code provision", "Code requirement", "", "Comply", "Evidence", "Commentary"]
    rows = [
        ["3.1", "Wide requirement.", "", "Yes", "Staff guide", "One."],
        ["3.2", "Another wide one.", "", "Partial", "", "Two."],
        ["3.3", "A third.", "", "No", "Own evidence", ""],
    ]
    merges = [(0, 1, 0, 2), (1, 1, 1, 2), (2, 1, 2, 2), (0, 4, 1, 4)]
    doc = read_document(write_docx(tmp_path / "g.docx", [Table(rows, header=header, merges=merges)]))
    assert [(r.provision, r.requirement, r.answer, r.evidence, r.commentary) for r in doc.rows] == [
        ("3.1", "Wide requirement.", "yes", "Staff guide", "One."),
        ("3.2", "Another wide one.", "partial", "Staff guide", "Two."),
        ("3.3", "A third.", "no", "Own evidence", ""),
    ]


def test_reader_flags_continuation_cells_with_their_first_part(tmp_path: Path) -> None:
    rows = [
        ["2.1", "Req one.", "Yes", "Policy", ""],
        ["2.2", "Req two.", "Yes", "", ""],
    ]
    path = write_docx(tmp_path / "f.docx", [Table(rows, merges=[(0, 3, 1, 3)])])
    from lxml import etree

    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    reader = _Reader(path, effective(None))
    reader.block(root.find(f"{W}body"))
    (table,) = reader.tables
    evidence = [r.cells[3] for r in table.rows]
    assert [(c.text, c.merged_from_above) for c in evidence] == [
        ("Evidence", False),
        ("Policy", False),
        ("Policy", True),
    ]
    # the table's loose text (used when it is not an assessment table) holds the merged text once
    assert reader.table_texts[1].count("Policy") == 1


def test_merged_text_in_a_non_assessment_table_is_not_repeated(tmp_path: Path) -> None:
    form = Table([["1.2", "Req one.", "Yes", "", ""]])
    contacts = Table(
        [["Complaints team", "Example Homes, 1 Example Street"], ["Board", ""]],
        header=["Contact", "Address"],
        merges=[(0, 1, 1, 1)],
    )
    doc = read_document(write_docx(tmp_path / "n.docx", [form, contacts]))
    assert [r.provision for r in doc.rows] == ["1.2"]
    assert sum(line.count("Example Homes, 1 Example Street") for line in doc.text) == 1


def test_continuation_cell_with_nothing_above_reads_as_empty(tmp_path: Path) -> None:
    # a damaged or hand-written file: w:vMerge continue in the table's first row, and in a column the
    # row above does not reach (a ragged grid)
    from lxml import etree

    source = write_docx(tmp_path / "s.docx", [Table([["1.2", "Req one.", "Yes", "Policy", "Done."]])])
    with zipfile.ZipFile(source) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    header, body = root.iter(f"{W}tr")
    orphan = f'<w:tc xmlns:w="{W[1:-1]}"><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>'
    header.append(etree.fromstring(orphan))
    body.append(etree.fromstring(orphan))
    body.append(etree.fromstring(orphan))
    path = write_docx_with_document_xml(tmp_path / "d.docx", source, etree.tostring(root))
    reader = _Reader(path, effective(None))
    reader.block(root.find(f"{W}body"))
    (table,) = reader.tables
    assert [(c.text, c.merged_from_above) for c in table.rows[0].cells[5:]] == [("", True)]
    assert [(c.text, c.merged_from_above) for c in table.rows[1].cells[5:]] == [("", True), ("", True)]
    doc = read_document(path)
    assert [(r.provision, r.evidence, r.commentary) for r in doc.rows] == [("1.2", "Policy", "Done.")]


def _hostile_merge(tmp_path: Path, text: str, rows: int) -> Path:
    """One Evidence cell of ``text`` merged down over ``rows`` provision rows, in raw XML (a w:vMerge
    continuation is ~50 bytes, so the file stays small whatever it would repeat)."""
    from xml.sax.saxutils import escape

    source = write_docx(tmp_path / "s.docx", [Table([["1.2", "Req one.", "Yes", "", ""]])])
    with zipfile.ZipFile(source) as z:
        xml = z.read("word/document.xml").decode("utf-8")

    def tc(body: str) -> str:
        return f"<w:tc>{body}</w:tc>"

    def cell(value: str) -> str:
        return tc(f'<w:p><w:r><w:t xml:space="preserve">{escape(value)}</w:t></w:r></w:p>')

    body = []
    for k in range(rows):
        pid = f"{k // 50 + 1}.{k % 50 + 1}"
        evidence = (
            tc(f'<w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>{escape(text)}</w:t></w:r></w:p>')
            if k == 0
            else tc("<w:tcPr><w:vMerge/></w:tcPr><w:p/>")
        )
        body.append(f"<w:tr>{cell(pid)}{cell('Req.')}{cell('Yes')}{evidence}{cell('')}</w:tr>")
    start = xml.index("<w:tr>", xml.index("<w:tr>") + 1)  # keep the header row
    end = xml.index("</w:tbl>")
    xml = xml[:start] + "".join(body) + xml[end:]
    return write_docx_with_document_xml(tmp_path / "h.docx", source, xml.encode("utf-8"))


def test_merged_text_repeated_is_bounded(tmp_path: Path) -> None:
    from codecheck.limits import CARRY_CELLS, Limits
    from codecheck.readers.docx import read_docx

    path = _hostile_merge(tmp_path, "Policy document A", rows=14)  # 17 characters, 13 continuations
    doc = read_docx(path, Limits(max_cell_chars=20))  # 200 characters may be repeated: 11 x 17
    assert CARRY_CELLS * 20 // 17 == 11
    assert [r.evidence for r in doc.rows] == ["Policy document A"] * 12 + ["", ""]
    assert any("2 vertically merged cell continuation(s) read as empty" in n.message for n in doc.notes)


def test_huge_cell_merged_down_thousands_of_rows_stays_small(tmp_path: Path) -> None:
    import time

    path = _hostile_merge(tmp_path, "x" * 100_000, rows=3000)
    assert path.stat().st_size < 200_000
    started = time.perf_counter()
    doc = read_document(path)
    assert time.perf_counter() - started < 30  # liveness, not speed (bench/scaling.py measures that)
    assert len(doc.rows) == 3000
    from codecheck.limits import CARRY_CELLS

    # the merged cell's own text once, and at most CARRY_CELLS cells' worth repeated below it
    assert sum(len(r.evidence) for r in doc.rows) <= (1 + CARRY_CELLS) * 100_000
    assert any("read as empty" in n.message for n in doc.notes)
