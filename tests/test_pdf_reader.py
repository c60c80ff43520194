"""The PDF reader on generated fixtures: layouts landlords publish, and the ways a PDF can be bad."""

from __future__ import annotations

from pathlib import Path

import pytest

import pdf_factory as pf
from codecheck.errors import InputError
from codecheck.limits import Limits
from codecheck.readers.pdf import read_pdf


def norm(text: str) -> str:
    return " ".join(text.split())


def read(path: Path, **limits: int):
    return read_pdf(path, Limits(**limits) if limits else None)


# --------------------------------------------------------------------------- layouts


def test_multipage_table_with_repeated_header_comes_back_whole(tmp_path: Path) -> None:
    path = pf.multipage_document(tmp_path / "multi.pdf", repeats=6)
    doc = read(path)
    assert doc.format == "pdf"
    assert doc.pages is not None and doc.pages >= 4
    assert [r.provision for r in doc.rows] == list(pf.CODE_2024)
    for row in doc.rows:
        assert row.requirement == pf.CODE_2024[row.provision]
        assert row.commentary == norm(pf.LONG_COMMENT * 6)  # split over pages, rejoined exactly
        assert row.evidence == f"Complaints policy section {row.provision}"
        assert row.answer == "yes"
        assert row.location.table == 1  # one logical table, as in the DOCX
    assert any(r.stitched for r in doc.rows)
    pages = [r.location.page for r in doc.rows]
    assert pages == sorted(pages) and pages[0] == 1 and pages[-1] > 1
    # no repeated header became a row, and page furniture is not document text
    assert all("Code requirement" not in r.requirement for r in doc.rows)
    assert not any("page" in t.lower() and "example homes self-assessment –" in t.lower() for t in doc.text)
    assert doc.title == "Example Homes – Complaint Handling Code self-assessment 2024"
    assert "Section 1: Definition of a complaint" in doc.text


def test_requirement_split_mid_cell_across_a_page_break(tmp_path: Path) -> None:
    long_requirement = " ".join(pf.CODE_2024.values())
    # push the table low on the page so the first row breaks
    flow2 = pf.Flow()
    for _ in range(20):
        flow2.para(pf.Para("Example Homes introduction text that fills the first page."))
    flow2.table(
        pf.Table(
            [
                ["1.1", long_requirement * 3, "Yes", "Policy", "Met."],
                ["1.2", pf.CODE_2024["1.2"], "No", "", "Not yet."],
            ],
            pf.WIDTHS_5,
            pf.HEADER_5,
        )
    )
    path = flow2.save(tmp_path / "split.pdf")
    doc = read(path)
    assert [r.provision for r in doc.rows] == ["1.1", "1.2"]
    first = doc.rows[0]
    assert first.requirement == norm(long_requirement * 3)
    assert first.stitched and first.location.page == 1
    assert first.confidence < 1.0  # joined across a page break
    assert doc.rows[1].answer == "no"


def test_unruled_table_with_header(tmp_path: Path) -> None:
    flow = pf.Flow()
    flow.para(pf.Para("Example Homes self-assessment", 14, True))
    flow.table(pf.Table(pf.example_rows(), pf.WIDTHS_5, pf.HEADER_5, ruled=False))
    doc = read(flow.save(tmp_path / "unruled.pdf"))
    assert [r.provision for r in doc.rows] == list(pf.CODE_2024)
    for row in doc.rows:
        assert row.requirement == pf.CODE_2024[row.provision]
        assert row.answer == "yes"
        assert row.evidence == f"Complaints policy section {row.provision}"
        assert row.commentary == f"Example Homes meets {row.provision}: see the policy."
        assert row.confidence <= 0.8  # columns inferred from text positions
    assert any("without ruling" in n.message for n in doc.notes)


def test_unruled_table_without_header_row(tmp_path: Path) -> None:
    flow = pf.Flow()
    flow.para(pf.Para("Example Homes self-assessment", 14, True))
    rows = [
        [pid, text, "Partial", f"Policy {pid}", "Work due by March 2025."]
        for pid, text in pf.CODE_2024.items()
    ]
    flow.table(pf.Table(rows, pf.WIDTHS_5, None, ruled=False))
    doc = read(flow.save(tmp_path / "noheader.pdf"))
    assert [r.provision for r in doc.rows] == list(pf.CODE_2024)
    assert all(r.answer == "partial" for r in doc.rows)
    assert all(r.requirement == pf.CODE_2024[r.provision] for r in doc.rows)


def test_four_column_combined_evidence_layout_with_wingdings_ticks(tmp_path: Path) -> None:
    header = [
        "Code section",
        "Code requirement",
        "Comply: Yes/No",
        "Evidence, commentary and any explanations",
    ]
    rows = [
        [pid, text, "\uf0b7 \uf0fc", f"Example Homes evidence for {pid}."]
        for pid, text in pf.CODE_2024.items()
    ]
    rows[2][2] = "N/A"
    rows[3][2] = ""
    flow = pf.Flow()
    flow.para(pf.Para("Section 1 - Definition of a complaint Mandatory 'must' requirements", 12, True))
    flow.table(pf.Table(rows, [60, 330, 70, 302], header))
    doc = read(flow.save(tmp_path / "four.pdf"))
    assert [r.provision for r in doc.rows] == list(pf.CODE_2024)
    answers = [(r.answer, r.answer_text) for r in doc.rows]
    assert answers[0] == ("yes", "tick") and answers[1] == ("yes", "tick")
    assert answers[2] == ("na", "N/A")
    assert answers[3] == ("blank", "")
    for row in doc.rows:
        assert row.evidence == ""
        assert row.commentary == f"Example Homes evidence for {row.provision}."


def test_zapfdingbats_tick_and_bullets_are_not_text(tmp_path: Path) -> None:
    rows = pf.example_rows()
    rows[0][2] = pf.ZAPF_PREFIX + "4"
    rows[1][3] = "\uf0b7 Complaints policy"
    flow = pf.Flow()
    flow.table(pf.Table(rows, pf.WIDTHS_5, pf.HEADER_5))
    doc = read(flow.save(tmp_path / "zapf.pdf"))
    assert (doc.rows[0].answer, doc.rows[0].answer_text) == ("yes", "tick")
    assert doc.rows[1].evidence == "Complaints policy"


def test_white_rectangles_make_no_phantom_columns(tmp_path: Path) -> None:
    flow = pf.Flow()
    flow.table(pf.Table(pf.example_rows(), pf.WIDTHS_5, pf.HEADER_5, white_rects=True))
    doc = read(flow.save(tmp_path / "white.pdf"))
    assert [r.provision for r in doc.rows] == list(pf.CODE_2024)
    assert all(r.requirement == pf.CODE_2024[r.provision] for r in doc.rows)
    assert all(r.confidence == 1.0 for r in doc.rows)


def test_section_tables_with_headings_stay_separate(tmp_path: Path) -> None:
    rows = pf.example_rows()
    flow = pf.Flow()
    flow.para(pf.Para("Section 1: Definition of a complaint", 13, True))
    flow.table(pf.Table(rows[:3], pf.WIDTHS_5, pf.HEADER_5))
    flow.page_break()
    flow.para(pf.Para("Section 2: Exclusions", 13, True))
    flow.table(pf.Table(rows[3:], pf.WIDTHS_5, pf.HEADER_5))
    doc = read(flow.save(tmp_path / "sections.pdf"))
    assert [r.location.table for r in doc.rows] == [1, 1, 1, 2, 2, 2, 2]
    assert [r.location.page for r in doc.rows] == [1, 1, 1, 2, 2, 2, 2]
    assert not any(r.stitched for r in doc.rows)


# --------------------------------------------------------------------------- bad input


def test_encrypted_pdf_asks_for_a_password(tmp_path: Path) -> None:
    pypdf = pytest.importorskip("pypdf", reason="pypdf (test extra) builds the encrypted fixture")
    plain = pf.multipage_document(tmp_path / "plain.pdf", repeats=1)
    writer = pypdf.PdfWriter(clone_from=str(plain))
    writer.encrypt(user_password="example-secret", owner_password="example-owner")
    locked = tmp_path / "locked.pdf"
    with locked.open("wb") as fh:
        writer.write(fh)
    with pytest.raises(InputError, match="password") as info:
        read(locked)
    assert str(locked) in str(info.value)


def test_image_only_pdf_says_ocr_is_needed(tmp_path: Path) -> None:
    path = pf.image_only_document(tmp_path / "scan.pdf")
    with pytest.raises(InputError, match="OCR"):
        read(path)


@pytest.mark.parametrize("keep", [0.2, 0.5])
def test_truncated_pdf_is_one_clean_error(tmp_path: Path, keep: float) -> None:
    good = pf.multipage_document(tmp_path / "good.pdf", repeats=2).read_bytes()
    bad = tmp_path / "truncated.pdf"
    bad.write_bytes(good[: int(len(good) * keep)])
    with pytest.raises(InputError) as info:
        read(bad)
    assert "\n" not in str(info.value)
    assert str(bad) in str(info.value)


def test_garbage_after_pdf_magic_is_corrupt(tmp_path: Path) -> None:
    bad = tmp_path / "garbage.pdf"
    bad.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40)
    with pytest.raises(InputError, match=r"corrupt|no text"):
        read(bad)


def test_not_a_pdf(tmp_path: Path) -> None:
    bad = tmp_path / "notes.pdf"
    bad.write_text("Example Homes meeting notes", encoding="utf-8")
    with pytest.raises(InputError, match=r"not a (DOCX, )?PDF"):
        read(bad)


def test_contents_table_only_is_not_a_self_assessment(tmp_path: Path) -> None:
    flow = pf.Flow()
    flow.para(pf.Para("Example Homes annual complaints report", 16, True))
    flow.para(pf.Para("Contents", 13, True))
    toc = [["Introduction", "2"], ["Complaints performance", "4"], ["Service improvements", "7"]]
    flow.table(pf.Table(toc, [500, 80], ["Section", "Page"]))
    with pytest.raises(InputError, match="no self-assessment table"):
        read(flow.save(tmp_path / "report.pdf"))


def test_text_without_tables_is_not_a_self_assessment(tmp_path: Path) -> None:
    flow = pf.Flow()
    flow.para(pf.Para("Example Homes newsletter: the new repairs service starts in May."))
    with pytest.raises(InputError, match="no self-assessment table"):
        read(flow.save(tmp_path / "news.pdf"))


def test_page_cap_applies(tmp_path: Path) -> None:
    path = pf.multipage_document(tmp_path / "multi.pdf", repeats=6)
    with pytest.raises(InputError, match=r"page limit|pages, over"):
        read(path, max_pages=2)


def test_reading_does_not_modify_the_input(tmp_path: Path) -> None:
    path = pf.multipage_document(tmp_path / "multi.pdf", repeats=1)
    before = path.read_bytes()
    read(path)
    assert path.read_bytes() == before


def test_table_with_horizontal_rules_only(tmp_path: Path) -> None:
    flow = pf.Flow()
    flow.para(pf.Para("Example Homes self-assessment", 14, True))
    flow.table(pf.Table(pf.example_rows("No"), pf.WIDTHS_5, pf.HEADER_5, ruled="horizontal"))
    doc = read(flow.save(tmp_path / "hrules.pdf"))
    assert [r.provision for r in doc.rows] == list(pf.CODE_2024)
    assert all(r.answer == "no" for r in doc.rows)
    assert all(r.requirement == pf.CODE_2024[r.provision] for r in doc.rows)


def test_numbered_code_paragraphs_are_not_a_table(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no self-assessment table"):
        read(pf.numbered_code_text(tmp_path / "code.pdf"))


@pytest.mark.parametrize("repeat_header", [True, False], ids=["header-repeated", "no-repeat"])
def test_unruled_table_over_several_pages(tmp_path: Path, repeat_header: bool) -> None:
    rows = [[pid, text, "Yes", f"Policy {pid}", pf.LONG_COMMENT * 3] for pid, text in pf.CODE_2024.items()]
    flow = pf.Flow()
    flow.para(pf.Para("Example Homes self-assessment", 14, True))
    flow.table(pf.Table(rows, pf.WIDTHS_5, pf.HEADER_5, ruled=False, repeat_header=repeat_header))
    doc = read(flow.save(tmp_path / "unruled-long.pdf"))
    assert doc.pages == 3
    assert [r.provision for r in doc.rows] == list(pf.CODE_2024)
    assert {r.location.table for r in doc.rows} == {1}
    for row in doc.rows:
        assert row.requirement == pf.CODE_2024[row.provision]
        assert row.commentary == norm(pf.LONG_COMMENT * 3)
    assert doc.text == ["Example Homes self-assessment"]


def test_fillable_form_fields_are_read_from_their_widgets(tmp_path: Path) -> None:
    header = ["Code provision", "Code requirement", "Yes", "No", "Commentary / explanation"]
    rows = []
    for k, (pid, text) in enumerate(pf.CODE_2024.items()):
        yes = k % 3 != 1
        rows.append(
            [
                pid,
                text,
                pf.FIELD_CHECKED if yes else pf.FIELD_UNCHECKED,
                pf.FIELD_UNCHECKED if yes else pf.FIELD_CHECKED,
                f"Example Homes note on {pid}.",
            ]
        )
    flow = pf.Flow()
    flow.table(pf.Table(rows, [56, 330, 50, 50, 276], header))
    doc = read(flow.save(tmp_path / "fillable.pdf"))
    assert [r.provision for r in doc.rows] == list(pf.CODE_2024)
    assert [r.answer for r in doc.rows] == ["no" if k % 3 == 1 else "yes" for k in range(len(rows))]

    text_rows = [
        [pid, text, pf.FIELD_TEXT + "Partial", "Policy", "Due by June 2025."]
        for pid, text in pf.CODE_2024.items()
    ]
    flow = pf.Flow()
    flow.table(pf.Table(text_rows, pf.WIDTHS_5, pf.HEADER_5))
    doc = read(flow.save(tmp_path / "fillable-text.pdf"))
    assert all((r.answer, r.answer_text) == ("partial", "Partial") for r in doc.rows)


def test_scanned_pages_among_text_pages_are_reported(tmp_path: Path) -> None:
    text = pf.Flow()
    text.para(pf.Para("Example Homes self-assessment", 14, True))
    text.table(pf.Table(pf.example_rows(), pf.WIDTHS_5, pf.HEADER_5))
    scan = pf.Canvas(*pf.PAGE_A4_LANDSCAPE)
    scan.image(40, 40, 700, 500)
    doc = read(pf.save_pages(tmp_path / "mixed.pdf", [*text.pages, scan]))
    assert [r.provision for r in doc.rows] == list(pf.CODE_2024)
    assert any("page 2 is scanned" in n.message and "OCR" in n.message for n in doc.notes)


def test_pdf_with_owner_password_only_opens(tmp_path: Path) -> None:
    pypdf = pytest.importorskip("pypdf", reason="pypdf (test extra) builds the encrypted fixture")
    plain = pf.multipage_document(tmp_path / "plain.pdf", repeats=1)
    writer = pypdf.PdfWriter(clone_from=str(plain))
    writer.encrypt(user_password="", owner_password="example-owner")
    restricted = tmp_path / "restricted.pdf"
    with restricted.open("wb") as fh:
        writer.write(fh)
    assert [r.provision for r in read(restricted).rows] == list(pf.CODE_2024)


def test_pages_with_too_many_drawings_skip_the_grid_search(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import codecheck.readers.pdf as pdf_reader

    flow = pf.Flow()
    flow.table(pf.Table(pf.example_rows(), pf.WIDTHS_5, pf.HEADER_5))
    path = flow.save(tmp_path / "ruled.pdf")
    monkeypatch.setattr(pdf_reader, "MAX_DRAWN_OBJECTS", 10)
    doc = read(path)
    assert any("ruled tables not searched" in n.message for n in doc.notes)
    assert [r.provision for r in doc.rows] == list(pf.CODE_2024)  # still read, from text positions
    assert all(r.confidence <= 0.8 for r in doc.rows)


def test_column_rules_without_row_rules_still_give_one_row_per_provision(tmp_path: Path) -> None:
    rows = [[pid, text, "Yes", f"Policy {pid}", pf.LONG_COMMENT] for pid, text in pf.CODE_2024.items()]
    flow = pf.Flow()
    flow.para(pf.Para("Example Homes self-assessment", 14, True))
    flow.table(pf.Table(rows, pf.WIDTHS_5, pf.HEADER_5, ruled="columns"))
    doc = read(flow.save(tmp_path / "columns.pdf"))
    assert [r.provision for r in doc.rows] == list(pf.CODE_2024)
    for row in doc.rows:
        assert row.requirement == pf.CODE_2024[row.provision]
        assert row.commentary == norm(pf.LONG_COMMENT)
        assert row.evidence == f"Policy {row.provision}"
    # rows told apart by text position (one ruled row holding several provisions), or by where the
    # column rules of each row end: either way nothing is skipped
    assert not any("skipped" in n.message for n in doc.notes)


def test_overprinted_fake_bold_text_is_read_once(tmp_path: Path) -> None:
    flow = pf.Flow()
    flow.table(pf.Table(pf.example_rows("Partial"), pf.WIDTHS_5, pf.HEADER_5, overprint=True))
    doc = read(flow.save(tmp_path / "overprint.pdf"))
    assert [r.provision for r in doc.rows] == list(pf.CODE_2024)
    assert all((r.answer, r.answer_text) == ("partial", "Partial") for r in doc.rows)
    assert all(r.requirement == pf.CODE_2024[r.provision] for r in doc.rows)


def test_landscape_content_on_a_rotated_portrait_page(tmp_path: Path) -> None:
    """'Print to PDF' often stores landscape pages as portrait pages with /Rotate 90."""
    pypdf = pytest.importorskip("pypdf", reason="pypdf (test extra) rotates the fixture")
    flow = pf.Flow()
    flow.para(pf.Para("Example Homes self-assessment", 14, True))
    flow.table(pf.Table(pf.example_rows(), pf.WIDTHS_5, pf.HEADER_5))
    writer = pypdf.PdfWriter(clone_from=str(flow.save(tmp_path / "landscape.pdf")))
    for page in writer.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        page.add_transformation(pypdf.Transformation().rotate(90).translate(height, 0))
        page.mediabox = pypdf.generic.RectangleObject([0, 0, height, width])
        page.rotation = 90
    rotated = tmp_path / "rotated.pdf"
    with rotated.open("wb") as fh:
        writer.write(fh)
    doc = read(rotated)
    assert [r.provision for r in doc.rows] == list(pf.CODE_2024)
    assert all(r.requirement == pf.CODE_2024[r.provision] for r in doc.rows)
    assert doc.title == "Example Homes self-assessment"


def test_ruled_table_continued_without_a_repeated_header(tmp_path: Path) -> None:
    rows = [[pid, text, "Yes", f"Policy {pid}", pf.LONG_COMMENT * 4] for pid, text in pf.CODE_2024.items()]
    flow = pf.Flow()
    flow.para(pf.Para("Example Homes self-assessment", 14, True))
    flow.table(pf.Table(rows, pf.WIDTHS_5, pf.HEADER_5, repeat_header=False))
    doc = read(flow.save(tmp_path / "norepeat.pdf"))
    assert doc.pages is not None and doc.pages >= 3
    assert [r.provision for r in doc.rows] == list(pf.CODE_2024)
    assert {r.location.table for r in doc.rows} == {1}
    assert all(r.commentary == norm(pf.LONG_COMMENT * 4) for r in doc.rows)


def test_letterhead_table_on_every_page_is_page_furniture(tmp_path: Path) -> None:
    rows = [[pid, text, "Yes", f"Policy {pid}", pf.LONG_COMMENT * 4] for pid, text in pf.CODE_2024.items()]
    flow = pf.Flow(letterhead=("Example Homes", "Complaint Handling Code self-assessment 2024"))
    flow.para(pf.Para("Example Homes self-assessment", 14, True))
    flow.table(pf.Table(rows, pf.WIDTHS_5, pf.HEADER_5))
    doc = read(flow.save(tmp_path / "letterhead.pdf"))
    assert [r.provision for r in doc.rows] == list(pf.CODE_2024)
    assert {r.location.table for r in doc.rows} == {1}
    assert all(r.commentary == norm(pf.LONG_COMMENT * 4) for r in doc.rows)
    assert doc.text == ["Example Homes self-assessment"]


def test_vertically_merged_evidence_cell_keeps_its_text_whole(tmp_path: Path) -> None:
    """An Evidence cell merged down over two provisions: its words are read whole, none lost, and
    cited for both provisions (the landlord gives the same evidence for each)."""
    page = pf.Canvas(*pf.PAGE_A4_LANDSCAPE)
    xs = [40.0, 100.0, 420.0, 490.0, 640.0, 800.0]
    tops = [40.0, 70.0, 130.0, 190.0]  # header, 1.2, 1.3 (evidence merged over 1.2 and 1.3), bottom
    for x in xs:
        page.line(x, tops[0], x, tops[-1])
    for y in (tops[0], tops[1], tops[3]):
        page.line(xs[0], y, xs[-1], y)
    for x0, x1 in ((xs[0], xs[3]), (xs[4], xs[5])):  # the rule between 1.2 and 1.3, except under Evidence
        page.line(x0, tops[2], x1, tops[2])
    for k, text in enumerate(pf.HEADER_5):
        page.text(xs[k] + 3, tops[0] + 4, text[:24], 9, True)
    for row, pid in ((1, "1.2"), (2, "1.3")):
        page.text(xs[0] + 3, tops[row] + 4, pid, 9)
        for n, line in enumerate(pf.wrap(pf.CODE_2024[pid], xs[2] - xs[1] - 6, 9)[:4]):
            page.text(xs[1] + 3, tops[row] + 4 + 11 * n, line, 9)
        page.text(xs[2] + 3, tops[row] + 4, "Yes", 9)
        page.text(xs[4] + 3, tops[row] + 4, f"Example Homes note {pid}.", 9)
    for n, line in enumerate(
        ["Complaints policy", "section 2, and the", "staff guidance", "on service requests"]
    ):
        page.text(xs[3] + 3, tops[1] + 4 + 30 * n, line, 9)  # runs down into the 1.3 row
    doc = read(pf.save_pages(tmp_path / "merged.pdf", [page]))
    assert [r.provision for r in doc.rows] == ["1.2", "1.3"]
    evidence = "Complaints policy section 2, and the staff guidance on service requests"
    assert doc.rows[0].evidence == evidence
    assert doc.rows[1].evidence == evidence
    assert doc.rows[0].commentary == "Example Homes note 1.2."
    assert doc.rows[1].commentary == "Example Homes note 1.3."


def test_numbers_pushed_down_their_cells_by_blank_lines(tmp_path: Path) -> None:
    """Converted forms often have empty paragraphs above the number: the row is still one row."""
    rows = [
        ["\n\n" + pid, text, "\n\uf0b7 \uf0fc", f"Policy {pid}", "Done."]
        for pid, text in pf.CODE_2024.items()
    ]
    flow = pf.Flow()
    flow.table(pf.Table(rows, pf.WIDTHS_5, pf.HEADER_5))
    doc = read(flow.save(tmp_path / "pushed.pdf"))
    assert [r.provision for r in doc.rows] == list(pf.CODE_2024)
    assert all(r.requirement == pf.CODE_2024[r.provision] for r in doc.rows)
    assert all((r.answer, r.answer_text) == ("yes", "tick") for r in doc.rows)
