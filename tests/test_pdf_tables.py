"""Unit rules of the PDF page layer: glyphs, line joining, edge filtering, unruled row bands."""

from __future__ import annotations

import pytest

from codecheck.readers.pdf_tables import unruled_tables, visible_edge
from codecheck.readers.pdf_text import Line, Word, clean_word, group_lines, join_lines

COLS = (40.0, 100.0, 420.0, 480.0)  # left edges of: number | requirement | comply | commentary


def words(top: float, *cells: str, size: float = 10.0) -> list[Word]:
    """Words of one printed line: ``cells`` are the texts in each column ('' for none)."""
    out = []
    for x, text in zip(COLS, cells, strict=False):
        cursor = x
        for token in text.split():
            width = 5.0 * len(token)
            out.append(Word(token, cursor, cursor + width, top, top + size, size))
            cursor += width + 2.5
    return out


def test_symbol_fonts_and_private_use_glyphs() -> None:
    assert clean_word("\uf0fc", "ABCDEF+Wingdings-Regular") == "✓"
    assert clean_word("ü", "Wingdings") == "✓"  # no ToUnicode: the raw code
    assert clean_word("l", "Wingdings") == ""  # a Wingdings bullet is not text
    assert clean_word("4", "ZapfDingbats") == "✔"
    assert clean_word("\uf0b7") == ""  # Symbol bullet from list formatting
    assert clean_word("•") == ""
    assert clean_word("Yes\x07") == "Yes"  # control characters never reach a terminal


def test_lines_join_with_spaces_and_rejoin_word_internal_hyphens() -> None:
    lines = group_lines(
        [
            Word("see", 0, 15, 0, 10, 10),
            Word("www.example-homes.org/how-to-", 18, 150, 0, 10, 10),
            Word("complain", 0, 40, 12, 22, 10),
            Word("Stage", 0, 25, 24, 34, 10),
            Word("1", 28, 33, 24, 34, 10),
            Word("-", 36, 40, 24, 34, 10),
            Word("review", 0, 30, 36, 46, 10),
        ]
    )
    assert join_lines(lines) == "see www.example-homes.org/how-to-complain Stage 1 - review"


def test_white_and_invisible_rectangles_are_not_edges() -> None:
    rect = {"object_type": "rect", "fill": True, "stroke": False}
    assert visible_edge({**rect, "non_stroking_color": (0.85, 0.85, 0.85)})  # shaded header cell
    assert not visible_edge({**rect, "non_stroking_color": (1, 1, 1)})
    assert not visible_edge({**rect, "non_stroking_color": (0, 0, 0, 0)})  # CMYK white
    assert not visible_edge({"object_type": "rect", "fill": False, "stroke": False})
    assert visible_edge({"object_type": "line", "stroke": True, "stroking_color": (0,)})
    assert visible_edge({"object_type": "char", "text": "x"})


@pytest.mark.parametrize("padding", [4.0, 0.0], ids=["padded-rows", "no-padding"])
def test_unruled_rows_follow_bands_when_the_number_is_not_on_the_first_line(padding: float) -> None:
    raw = [
        *words(40, "Ref", "Code requirement", "Comply", "Commentary and evidence"),
        *words(60, "1.2", "Landlords must accept a complaint", "✓", "We accept complaints"),
        *words(72, "", "unless there is a valid reason.", "", "from everyone."),
        # row 1.3: its number sits on the second line (blank lines above it in the cell); without
        # padding only the cells that start together tell where the row begins
        *words(84 + padding, "", "A complaint submitted by a third party", "✓", "Representatives are"),
        *words(96 + padding, "1.3", "must be handled in line with the policy.", "", "welcome."),
        *words(108 + 2 * padding, "1.4", "Landlords must recognise service requests.", "✓", "We do."),
    ]
    tables = unruled_tables(1, group_lines(raw), 595.0)
    assert len(tables) == 1
    rows = [[c.text for c in r.cells] for r in tables[0].rows]
    assert rows[0][1] == "Code requirement"
    numbered = {r[0]: r for r in rows if r[0]}
    assert numbered["1.2"][1] == "Landlords must accept a complaint unless there is a valid reason."
    assert (
        numbered["1.3"][1]
        == "A complaint submitted by a third party must be handled in line with the policy."
    )
    assert numbered["1.3"][2] == "✓"
    assert numbered["1.3"][3] == "Representatives are welcome."
    assert all(r.confidence <= 0.8 for r in tables[0].rows)


def test_a_paragraph_under_an_unruled_table_is_not_part_of_it() -> None:
    raw = [
        *words(40, "Ref", "Code requirement", "Comply", "Commentary"),
        *[
            w
            for k in range(6)
            for w in words(60 + 14 * k, f"1.{k + 1}", "Landlords must do this.", "Yes", "Done.")
        ],
    ]
    para = Line(
        [Word("Example Homes approved this self-assessment at its board meeting", 40, 560, 160, 170, 10)]
    )
    lines = [*group_lines(raw), para]
    tables = unruled_tables(1, lines, 595.0)
    assert len(tables) == 1
    assert tables[0].bbox[3] < 160
    assert [r.cells[0].text for r in tables[0].rows][1:] == [f"1.{k + 1}" for k in range(6)]
