"""The DOCX reader over generated fixtures: every XML trap python-docx's .text falls into."""

from __future__ import annotations

from pathlib import Path

import pytest

from codecheck.errors import InputError
from codecheck.limits import Limits
from codecheck.readers import read_document
from codecheck.readers.docx import read_docx
from docx_factory import (
    CODE_2024,
    Table,
    Xml,
    checkbox14,
    dele,
    fld_simple,
    hidden,
    hyperlink,
    ins,
    legacy_checkbox,
    nested_table,
    p,
    sdt,
    simple_form,
    simple_rows,
    smart_tag,
    sym,
    t,
    tab,
    write_docx,
)


def one_row(
    tmp_path: Path,
    comply: object = "Yes",
    requirement: object = "Req.",
    evidence: object = "",
    commentary: object = "",
) -> object:
    path = write_docx(tmp_path / "f.docx", [Table([["1.2", requirement, comply, evidence, commentary]])])
    doc = read_document(path)
    assert len(doc.rows) == 1
    return doc


def test_simple_form(tmp_path: Path) -> None:
    doc = read_document(simple_form(tmp_path / "s.docx"))
    assert doc.format == "docx"
    assert [r.provision for r in doc.rows] == ["1.2", "1.3", "5.1", "6.2", "6.3", "9.1"]
    assert doc.rows[3].requirement == CODE_2024["6.2"]
    assert all(r.answer == "yes" and r.answer_text == "Yes" for r in doc.rows)
    assert doc.rows[0].evidence == "Example Homes complaints policy"
    assert doc.rows[0].location.as_dict() == {"page": None, "table": 1, "row": 2}
    assert doc.title == "Example Homes: Complaint Handling Code self-assessment"
    assert any("May 2025" in line for line in doc.text)


@pytest.mark.parametrize(
    ("font", "char"),
    [("Wingdings", "F0FC"), ("Wingdings", "F0FE"), ("Wingdings 2", "F050"), ("Wingdings 2", "F052")],
)
def test_symbol_font_ticks(tmp_path: Path, font: str, char: str) -> None:
    row = one_row(tmp_path, comply=Xml(p(sym(font, char), list_item=True))).rows[0]
    assert (row.answer, row.answer_text) == ("yes", "tick")


def test_glyph_ticks_and_crosses(tmp_path: Path) -> None:
    assert one_row(tmp_path, comply="✔").rows[0].answer == "yes"
    assert one_row(tmp_path, comply="✗").rows[0].answer == "no"
    assert one_row(tmp_path, comply="☐").rows[0].answer == "blank"


@pytest.mark.parametrize(("checked", "answer"), [(True, "yes"), (False, "blank")])
def test_checkbox_content_control(tmp_path: Path, checked: bool, answer: str) -> None:
    # Word shows a checked w14 checkbox as ☒; it is "checked", not a cross
    row = one_row(tmp_path, comply=Xml(p(checkbox14(checked)))).rows[0]
    assert row.answer == answer
    assert row.answer_text == ("tick" if checked else "")


@pytest.mark.parametrize(
    ("checked", "default", "answer"),
    [(True, False, "yes"), (False, True, "blank"), (None, True, "yes"), (None, False, "blank")],
)
def test_legacy_form_field_checkbox(tmp_path: Path, checked: bool | None, default: bool, answer: str) -> None:
    assert one_row(tmp_path, comply=Xml(p(legacy_checkbox(checked, default)))).rows[0].answer == answer


def test_text_in_content_controls_tracked_insertions_smart_tags_fields(tmp_path: Path) -> None:
    requirement = Xml(
        p(
            t("Landlords "),
            ins("must "),
            dele("should "),
            t("accept "),
            smart_tag("complaints"),
            t(" on "),
            fld_simple("1 April 2024"),
            t("."),
            hidden(" secret"),
        )
    )
    doc = one_row(
        tmp_path,
        comply=Xml(p(sdt(t("Partial (In progress)")))),
        requirement=requirement,
        evidence=Xml(p(hyperlink("www.example-homes.org.uk/complaints"))),
    )
    row = doc.rows[0]
    assert row.requirement == "Landlords must accept complaints on 1 April 2024."
    assert row.answer == "partial" and row.answer_text == "Partial (In progress)"
    assert row.evidence == "www.example-homes.org.uk/complaints"
    assert any(n.message.startswith("tracked changes present") for n in doc.notes)
    assert doc.tracked_changes > 0 and [n.kind for n in doc.notes].count("tracked-changes") == 1


def test_tracked_row_deletion_is_dropped(tmp_path: Path) -> None:
    path = simple_form(tmp_path / "d.docx")
    import zipfile

    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts["word/document.xml"].decode()
    marker = "<w:tr>"
    first_body = xml.index(marker, xml.index(marker) + 1)  # second row = 1.2
    deleted = (
        '<w:tr><w:trPr><w:del w:id="9" w:author="Example Homes" w:date="2025-01-01T00:00:00Z"/></w:trPr>'
    )
    parts["word/document.xml"] = (xml[:first_body] + deleted + xml[first_body + len(marker) :]).encode()
    out = tmp_path / "deleted.docx"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    doc = read_document(out)
    assert [r.provision for r in doc.rows][:2] == ["1.3", "5.1"]


def test_paragraphs_tabs_nbsp_and_list_bullets(tmp_path: Path) -> None:
    commentary = Xml(
        p(t("First\u00a0paragraph"), tab(), t("tabbed."))
        + p()
        + p(t("Point one"), list_item=True)
        + p(t("• typed bullet"))
        + p(t("a. lettered item"))
    )
    row = one_row(tmp_path, commentary=commentary).rows[0]
    assert row.commentary == "First paragraph tabbed. Point one • typed bullet a. lettered item"


def test_vertically_merged_provision_cell_is_not_duplicated(tmp_path: Path) -> None:
    rows = [
        ["4.3", "First part of the requirement", "Yes", "Policy", "One."],
        ["", "and its second part.", "", "", "Two."],
        ["4.4", "Another requirement.", "No", "", ""],
    ]
    path = write_docx(tmp_path / "v.docx", [Table(rows, merges=[(0, 0, 1, 0), (0, 2, 1, 2)])])
    doc = read_document(path)
    assert [r.provision for r in doc.rows] == ["4.3", "4.4"]
    assert doc.rows[0].requirement == "First part of the requirement and its second part."
    assert doc.rows[0].commentary == "One. Two."
    assert doc.rows[0].answer_text == "Yes"  # not "Yes Yes"
    assert doc.rows[0].stitched


def test_horizontally_merged_section_heading_row(tmp_path: Path) -> None:
    rows = [
        ["Stage 1", "", "", "", ""],
        ["6.1", "Stage one text.", "Yes", "", ""],
        ["Stage 2", "", "", "", ""],
        ["6.11", "Stage two text.", "Yes", "", ""],
    ]
    path = write_docx(tmp_path / "h.docx", [Table(rows, merges=[(0, 0, 0, 4), (2, 0, 2, 4)])])
    doc = read_document(path)
    assert [(r.provision, r.context) for r in doc.rows] == [("6.1", "Stage 1"), ("6.11", "Stage 2")]


def test_header_repeated_inside_the_table_is_skipped(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "r.docx", [Table(simple_rows(), repeat_header_at=(2, 4))])
    assert [r.provision for r in read_document(path).rows] == ["1.2", "1.3", "5.1", "6.2", "6.3", "9.1"]


def test_continuation_rows_with_empty_provision_cells(tmp_path: Path) -> None:
    rows = [
        ["5.2", "Landlords must", "✓", "", "Commentary."],
        ["", "respond within", "", "", ""],
        ["", "ten working days.", "", "", ""],
        ["5.3", "Next.", "✓", "", ""],
    ]
    doc = read_document(write_docx(tmp_path / "c.docx", [Table(rows)]))
    assert doc.rows[0].requirement == "Landlords must respond within ten working days."
    assert "1 row stitched from continuation rows" in [n.message for n in doc.notes]


def test_nested_table_in_a_cell_is_flattened(tmp_path: Path) -> None:
    evidence = Xml(p(t("Documents:")) + nested_table([["Policy", "2024"], ["Leaflet", "2025"]]) + p())
    doc = one_row(tmp_path, evidence=evidence)
    assert doc.rows[0].evidence == "Documents: Policy 2024 Leaflet 2025"
    assert any("nested" in n.message for n in doc.notes)


def test_layout_wrapper_table_is_looked_through(tmp_path: Path) -> None:
    import docx

    from docx_factory import HEADER_5

    inner = "<w:tr>" + "".join(f"<w:tc>{p(t(h))}</w:tc>" for h in HEADER_5) + "</w:tr>"
    for row in simple_rows(("1.2", "1.3")):
        inner += "<w:tr>" + "".join(f"<w:tc>{p(t(str(c)))}</w:tc>" for c in row) + "</w:tr>"
    grid = "".join('<w:gridCol w:w="1000"/>' for _ in HEADER_5)
    document = docx.Document()
    document.add_paragraph("Example Homes self-assessment")
    outer = document.add_table(rows=1, cols=1)
    from lxml import etree

    from codecheck.readers.docx_xml import W

    frag = etree.fromstring(f'<w:tbl xmlns:w="{W}"><w:tblPr/><w:tblGrid>{grid}</w:tblGrid>{inner}</w:tbl>')
    outer.rows[0].cells[0]._tc.insert(1, frag)
    path = tmp_path / "wrapped.docx"
    document.save(path)
    doc = read_document(path)
    assert [r.provision for r in doc.rows] == ["1.2", "1.3"]


def test_contents_table_is_not_read_as_rows(tmp_path: Path) -> None:
    contents = Table(
        [["1", "Introduction", "3"], ["2", "The Code", "5"]], header=["Section", "Title", "Page"]
    )
    path = write_docx(tmp_path / "toc.docx", [contents, Table(simple_rows(("1.2",)))])
    doc = read_document(path)
    assert [r.provision for r in doc.rows] == ["1.2"]
    assert doc.rows[0].location.table == 2
    assert "Introduction" in doc.all_text  # other tables' text stays available to the checks


def test_document_without_a_self_assessment_table(tmp_path: Path) -> None:
    contents = Table([["1", "Introduction", "3"]], header=["Section", "Title", "Page"])
    with pytest.raises(InputError, match="no self-assessment table"):
        read_document(write_docx(tmp_path / "none.docx", [contents]))
    with pytest.raises(InputError, match=r"no self-assessment table.*no tables"):
        read_document(write_docx(tmp_path / "empty.docx", []))


def test_limits_are_enforced(tmp_path: Path) -> None:
    path = simple_form(tmp_path / "l.docx")
    with pytest.raises(InputError, match="table rows"):
        read_docx(path, Limits(max_rows=3))
    with pytest.raises(InputError, match="tables"):
        read_docx(
            write_docx(tmp_path / "two.docx", [Table(simple_rows()), Table(simple_rows())]),
            Limits(max_tables=1),
        )
    doc = read_docx(path, Limits(max_cell_chars=40))
    assert doc.rows[0].requirement == CODE_2024["1.2"][:40].strip()
    assert any("truncated" in n.message for n in doc.notes)


def test_reader_is_linear_on_a_large_table(tmp_path: Path) -> None:
    import time

    ids = [f"{s}.{n}" for s in range(1, 10) for n in range(1, 60)]
    path = write_docx(tmp_path / "big.docx", [Table(simple_rows(ids))])
    start = time.perf_counter()
    doc = read_document(path)
    assert len(doc.rows) == len(ids)
    assert time.perf_counter() - start < 2.0  # python-docx's table.cell() route takes minutes here


def test_tables_nested_past_the_limit_are_skipped_not_fatal(tmp_path: Path) -> None:
    grid = '<w:tblPr/><w:tblGrid><w:gridCol w:w="100"/></w:tblGrid>'
    inner = p(t("innermost"))
    for _ in range(8):  # eight levels inside the form's cell; the default limit is five
        inner = f"<w:tbl>{grid}<w:tr><w:tc>{inner}</w:tc></w:tr></w:tbl>" + p()
    doc = one_row(tmp_path, commentary=Xml(p(t("Outer")) + inner))
    assert doc.rows[0].commentary == "Outer"
    assert any("nested over 5 levels" in n.message for n in doc.notes)


def test_header_and_footer_text_is_kept_for_detection(tmp_path: Path) -> None:
    import docx

    path = simple_form(tmp_path / "hf.docx")
    document = docx.Document(str(path))
    document.sections[0].header.paragraphs[0].text = "Example Homes – Complaint Handling Code 2024 V3"
    document.sections[0].footer.paragraphs[0].text = "Reviewed March 2025"
    document.save(path)
    doc = read_document(path)
    assert "Example Homes – Complaint Handling Code 2024 V3" in doc.text
    assert "Reviewed March 2025" in doc.text


def test_header_lines_are_kept_once_in_order(tmp_path: Path) -> None:
    """Repeated header lines are de-duplicated with a set (120,000 of them were quadratic)."""
    from hostile_factory import write_header_paragraphs_docx

    path = write_header_paragraphs_docx(tmp_path / "headers.docx", paragraphs=3000)
    doc = read_document(path)
    margin = [t for t in doc.text if t.startswith("Example Homes header line")]
    assert margin == [f"Example Homes header line {n}" for n in range(3000)]
    assert doc.text.index("Example Homes header line 0") == 0  # the page header comes first


def test_placeholder_core_title_falls_back_to_the_heading(tmp_path: Path) -> None:
    import docx

    path = simple_form(tmp_path / "t.docx")
    document = docx.Document(str(path))
    document.core_properties.title = "Microsoft Word - old-form.docx"
    document.save(path)
    assert read_document(path).title == "Example Homes: Complaint Handling Code self-assessment"
    document.core_properties.title = "Example Homes self-assessment 2025"
    document.save(path)
    assert read_document(path).title == "Example Homes self-assessment 2025"


def test_labelled_checkbox_controls_in_one_cell(tmp_path: Path) -> None:
    comply = Xml(p(checkbox14(False), t(" Yes "), checkbox14(True), t(" No")))
    row = one_row(tmp_path, comply=comply).rows[0]
    assert (row.answer, row.answer_text) == ("no", "No")


def test_content_control_placeholder_is_not_an_answer(tmp_path: Path) -> None:
    from docx_factory import placeholder_sdt

    row = one_row(
        tmp_path, comply=Xml(p(placeholder_sdt("Choose an item."))), commentary=Xml(p(placeholder_sdt()))
    ).rows[0]
    assert (row.answer, row.answer_text, row.commentary) == ("blank", "", "")


@pytest.mark.parametrize(("selected", "answer"), [(2, "partial"), (1, "no"), (None, "yes")])
def test_legacy_dropdown_form_field(tmp_path: Path, selected: int | None, answer: str) -> None:
    from docx_factory import legacy_dropdown

    comply = Xml(p(legacy_dropdown(["Yes", "No", "Partial"], selected)))
    assert one_row(tmp_path, comply=comply).rows[0].answer == answer


@pytest.mark.parametrize(
    ("font", "typed", "answer"),
    [
        ("Wingdings", "ü", "yes"),
        ("Wingdings 2", "P", "yes"),
        ("Wingdings", "\uf0fc", "yes"),
        ("Wingdings", "¨", "blank"),
        ("Wingdings", "û", "no"),
    ],
)
def test_ticks_typed_in_a_symbol_font(tmp_path: Path, font: str, typed: str, answer: str) -> None:
    run = f'<w:r><w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}"/></w:rPr><w:t>{typed}</w:t></w:r>'
    assert one_row(tmp_path, comply=Xml(p(run))).rows[0].answer == answer


def test_symbol_font_text_keeps_its_letters(tmp_path: Path) -> None:
    run = '<w:r><w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/></w:rPr><w:t>abc</w:t></w:r>'
    assert one_row(tmp_path, commentary=Xml(p(t("x "), run))).rows[0].commentary == "x abc"


def test_form_nested_in_a_two_column_layout_table(tmp_path: Path) -> None:
    from docx_factory import HEADER_5

    def tc(text: str) -> str:
        return f"<w:tc>{p(t(text))}</w:tc>"

    inner = "<w:tr>" + "".join(tc(h) for h in HEADER_5) + "</w:tr>"
    for row in simple_rows(("1.2", "1.3")):
        inner += "<w:tr>" + "".join(tc(str(c)) for c in row) + "</w:tr>"
    grid = "".join('<w:gridCol w:w="1000"/>' for _ in HEADER_5)
    form = f"<w:tbl><w:tblPr/><w:tblGrid>{grid}</w:tblGrid>{inner}</w:tbl>"
    # a layout table: a narrow margin column beside a column holding the whole form
    layout = [["Example Homes", Xml(p(t("Our self-assessment")) + form + p())]]
    path = write_docx(tmp_path / "layout.docx", [Table(layout, header=None)])
    doc = read_document(path)
    assert [r.provision for r in doc.rows] == ["1.2", "1.3"]
    assert doc.rows[0].location.table == 2  # the layout table is table 1


def test_pages_from_words_saved_layout(tmp_path: Path) -> None:
    brk = "<w:r><w:lastRenderedPageBreak/></w:r>"
    rows = [
        ["1.2", "First requirement.", "Yes", "", ""],
        ["1.3", Xml(p(brk, t("Starts page 2."))), "Yes", "", ""],  # the row begins a new page
        ["1.4", Xml(p(t("Runs over")) + p(brk, t("onto page 3."))), "Yes", "", ""],
        ["1.5", "On page 3.", "Yes", "", ""],
    ]
    doc = read_document(write_docx(tmp_path / "paged.docx", [Table(rows)]))
    assert [(r.provision, r.location.page) for r in doc.rows] == [
        ("1.2", 1),
        ("1.3", 2),
        ("1.4", 2),
        ("1.5", 3),
    ]
    assert doc.pages == 3
    assert any("last saved layout" in n.message for n in doc.notes)


def test_no_saved_layout_means_no_page_numbers(tmp_path: Path) -> None:
    doc = read_document(simple_form(tmp_path / "f.docx"))
    assert doc.pages is None and all(r.location.page is None for r in doc.rows)


def test_absurd_grid_span_is_bounded(tmp_path: Path) -> None:
    huge = '<w:tc><w:tcPr><w:gridSpan w:val="999999999"/></w:tcPr>' + p(t("Stage 1")) + "</w:tc>"
    path = simple_form(tmp_path / "span.docx")
    import zipfile

    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts["word/document.xml"].decode()
    at = xml.index("</w:tr>") + len("</w:tr>")  # after the header row
    parts["word/document.xml"] = (xml[:at] + f"<w:tr>{huge}</w:tr>" + xml[at:]).encode()
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    doc = read_document(path)
    assert len(doc.rows) == 6 and doc.rows[0].context == "Stage 1"
