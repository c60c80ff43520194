"""Cross-page stitching rules, on hand-made page layouts (no PDF needed)."""

from __future__ import annotations

from codecheck.readers.pdf_stitch import PageLayout, assemble
from codecheck.readers.pdf_tables import PageCell, PageRow, PageTable
from codecheck.readers.pdf_text import Line, Word
from codecheck.readers.rows import build_rows

XS = [40.0, 100.0, 400.0, 470.0, 800.0]
HEADER = ["Code section", "Code requirement", "Comply: Yes/No", "Evidence, commentary and any explanations"]


def piece(page: int, rows: list[list[str]], top: float = 40.0, xs: list[float] = XS) -> PageTable:
    body = [PageRow([PageCell(t) for t in r], top + 20 * k, top + 20 * k + 18) for k, r in enumerate(rows)]
    return PageTable(page, (xs[0], top, xs[-1], top + 20 * len(rows)), list(xs), body)


def line(text: str, top: float, size: float = 10.0) -> Line:
    return Line([Word(text, 40.0, 40.0 + 5 * len(text), top, top + size, size)])


def test_row_whose_number_prints_after_the_break_keeps_its_first_part() -> None:
    page1 = piece(
        1,
        [
            HEADER,
            ["1.2", "Landlords must give residents the choice.", "\u2713", "We do."],
            ["", "Landlords must recognise the", "\u2713", "Our staff are trained"],
        ],
    )
    page2 = piece(
        2,
        [
            HEADER,
            ["1.3", "", "", "every year."],
            ["", "difference between a service request and a complaint.", "", ""],
        ],
    )
    result = assemble([PageLayout(1, 595, [page1], []), PageLayout(2, 595, [page2], [])])
    assert len(result.tables) == 1
    rows, _ = build_rows(result.tables)
    assert [r.provision for r in rows] == ["1.2", "1.3"]
    assert rows[0].requirement == "Landlords must give residents the choice."
    assert rows[1].requirement == (
        "Landlords must recognise the difference between a service request and a complaint."
    )
    assert rows[1].commentary == "Our staff are trained every year."
    assert rows[1].answer == "yes"
    assert any("number moved up" in n for n in result.notes)


def test_a_new_row_after_the_break_is_not_lifted() -> None:
    page1 = piece(
        1,
        [
            HEADER,
            ["1.2", "Landlords must give residents", "\u2713", "We do."],
            ["", "the choice to complain.", "", ""],
        ],
    )
    page2 = piece(2, [HEADER, ["1.3", "Landlords must recognise the difference.", "\u2713", "Trained."]])
    result = assemble([PageLayout(1, 595, [page1], []), PageLayout(2, 595, [page2], [])])
    rows, _ = build_rows(result.tables)
    assert rows[0].requirement == "Landlords must give residents the choice to complain."
    assert rows[1].requirement == "Landlords must recognise the difference."


def test_repeated_header_is_flagged_and_break_marked() -> None:
    page1 = piece(1, [HEADER, ["1.2", "Text", "Yes", "Comment"]])
    page2 = piece(2, [HEADER, ["", "more text", "", "more comment"], ["1.3", "Other", "No", "Because"]])
    result = assemble([PageLayout(1, 595, [page1], []), PageLayout(2, 595, [page2], [])])
    table = result.tables[0]
    assert [r.is_header for r in table.rows] == [True, False, True, False, False]
    assert [r.page_break_before for r in table.rows] == [False, False, False, True, False]
    assert [r.page for r in table.rows] == [1, 1, 2, 2, 2]


def test_different_columns_or_text_between_do_not_stitch() -> None:
    other = [40.0, 120.0, 400.0, 470.0, 800.0]
    page1 = piece(1, [HEADER, ["1.2", "Text", "Yes", "Comment"]])
    page2 = piece(2, [HEADER, ["2.1", "Text", "Yes", "Comment"]], xs=other)
    result = assemble([PageLayout(1, 595, [page1], []), PageLayout(2, 595, [page2], [])])
    assert len(result.tables) == 2

    page2 = piece(2, [HEADER, ["2.1", "Text", "Yes", "Comment"]], top=80.0)
    heading = line("Section 2: Exclusions", 50.0, 13.0)
    result = assemble([PageLayout(1, 595, [page1], []), PageLayout(2, 595, [page2], [heading])])
    assert len(result.tables) == 2
    assert result.tables[1].heading == "Section 2: Exclusions"


def test_running_footers_are_furniture_not_text_or_headings() -> None:
    layouts = []
    for n in (1, 2, 3):
        lines = [line(f"Example Homes - page {n} of 3", 570.0, 8.0)]
        if n == 1:
            lines.insert(0, line("Example Homes self-assessment", 20.0, 16.0))
        layouts.append(
            PageLayout(n, 595, [piece(n, [HEADER, [f"{n}.1", "Text", "Yes", "Comment"]], top=60.0)], lines)
        )
    result = assemble(layouts)
    assert [p.text for p in result.paragraphs] == ["Example Homes self-assessment"]
    assert len(result.tables) == 1  # the footer between pieces does not stop the stitching


def test_loose_text_becomes_paragraphs_like_a_docx_reader_sees_them() -> None:
    def at(text: str, top: float, x1: float = 500.0) -> Line:
        return Line([Word(text, 40.0, x1, top, top + 10.0, 10.0)])

    page1 = [
        at("1.1 Example Homes must accept a complaint unless there is a", 40),
        at("valid reason not to do so.", 51, 200),
        at("1.2 Example Homes must publish its policy on its website and", 62),
        at("send it to anyone who asks, by post or by", 73),
    ]
    page2 = [at("email, free of charge.", 40, 160), at("This closing note is a paragraph.", 51, 260)]
    result = assemble([PageLayout(1, 595, [], page1), PageLayout(2, 595, [], page2)])
    assert [p.text for p in result.paragraphs] == [
        "1.1 Example Homes must accept a complaint unless there is a valid reason not to do so.",
        "1.2 Example Homes must publish its policy on its website and send it to anyone who asks, "
        "by post or by email, free of charge.",
        "This closing note is a paragraph.",
    ]


def test_word_broken_after_its_hyphen_at_a_page_break_is_rejoined() -> None:
    page1 = piece(1, [HEADER, ["6.16", "Landlords must write.", "Yes", "Extension letter template CR-"]])
    page2 = piece(2, [HEADER, ["", "", "", "06 and the policy"], ["6.17", "Next.", "Yes", "Stage 1 -"]])
    result = assemble([PageLayout(1, 595, [page1], []), PageLayout(2, 595, [page2], [])])
    rows, _ = build_rows(result.tables)
    assert rows[0].commentary == "Extension letter template CR-06 and the policy"
    assert rows[1].commentary == "Stage 1 -"


def test_a_link_after_the_break_does_not_move_a_number() -> None:
    page1 = piece(
        1,
        [
            HEADER,
            ["1.2", "Landlords must give residents", "Yes", "See policy"],
            ["", "the choice to complain.", "", "online at"],
        ],
    )
    page2 = piece(
        2, [HEADER, ["1.3", "Landlords must recognise the difference.", "Yes", "www.example-homes.org"]]
    )
    result = assemble([PageLayout(1, 595, [page1], []), PageLayout(2, 595, [page2], [])])
    rows, _ = build_rows(result.tables)
    assert [r.provision for r in rows] == ["1.2", "1.3"]
    assert rows[0].requirement == "Landlords must give residents the choice to complain."
    assert rows[1].commentary == "www.example-homes.org"
