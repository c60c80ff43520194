"""Property tests for the row builder: any table a reader could produce is handled without error,
and what comes back is well-formed (provenance points at a real row, answers in the vocabulary,
text normalised)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from codecheck.model import ANSWERS, ReaderNote
from codecheck.readers.raw import RawCell, RawRow, RawTable
from codecheck.readers.rows import build_rows

TEXTS = st.sampled_from(
    [
        "",
        "",
        "1.2",
        "6.10",
        "1.2/ 1.4",
        "3",
        "Stage 1",
        "Section 2 - Exclusions",
        "Yes",
        "No",
        "Partial",
        "N/A",
        "✓",
        "☐",
        "\uf0fc",
        "Code provision",
        "Code requirement",
        "Comply: Yes / No",
        "Evidence",
        "Commentary / explanation",
        "Landlords must respond within 10 working days.",
        "should not exceed",
        "www.example-",
        "homes.org.uk",
        "  spaced\u00a0text\t here ",
        "Example Homes policy",
    ]
)


@st.composite
def tables(draw) -> list[RawTable]:
    out = []
    for index in range(1, draw(st.integers(1, 3)) + 1):
        ncols = draw(st.integers(2, 6))
        rows = []
        for r in range(1, draw(st.integers(0, 12)) + 1):
            cells, used = [], 0
            while used < ncols:
                span = draw(st.integers(1, min(2, ncols - used)))
                text = draw(TEXTS)
                cells.append(RawCell(text, draw(st.sampled_from([None, None, True, False])), span))
                used += span
            rows.append(
                RawRow(
                    cells,
                    r,
                    page=draw(st.sampled_from([None, 1, 2])),
                    is_header=draw(st.booleans()) and r == 1,
                    page_break_before=draw(st.booleans()),
                )
            )
        out.append(
            RawTable(
                rows,
                index,
                ncols=ncols,
                heading=draw(st.sampled_from([None, "Stage 2", "A note."])),
                continued_from=draw(st.sampled_from([None, index - 1 or None])),
            )
        )
    return out


@settings(max_examples=150, deadline=None)
@given(tables())
def test_any_raw_tables_give_well_formed_rows(raw: list[RawTable]) -> None:
    rows, notes = build_rows(raw)
    physical = {(t.index, r.index) for t in raw for r in t.rows}
    assert len(rows) <= len(physical)
    assert all(isinstance(n, ReaderNote) and n.kind and n.message for n in notes)
    for row in rows:
        assert (row.location.table, row.location.row) in physical
        assert row.answer in ANSWERS
        assert 0.0 <= row.confidence <= 1.0
        for text in (row.provision, row.requirement, row.evidence, row.commentary, row.answer_text):
            assert text == " ".join(text.split())
            assert "\u00a0" not in text and "\uf0fc" not in text
        if row.answer == "blank" and row.answer_source == "comply":
            assert row.answer_text == "" or row.confidence < 1.0


@st.composite
def merged_tables(draw) -> list[RawTable]:
    """Tables as above with some cells marked as the lower part of a vertically merged cell, each
    repeating the text of the cell at its column in the row above (as the DOCX reader gives them)."""
    out = draw(tables())
    for table in out:
        for above, row in zip(table.rows, table.rows[1:], strict=False):
            starts, col = {}, 0
            for cell in above.cells:
                starts[col] = cell
                col += cell.span
            col = 0
            for k, cell in enumerate(row.cells):
                root = starts.get(col)
                if root is not None and draw(st.integers(0, 3)) == 0:
                    row.cells[k] = RawCell(root.text, root.checked, cell.span, merged_from_above=True)
                col += cell.span
    return out


def _blanked(raw: list[RawTable]) -> list[RawTable]:
    """The same tables with every merged cell's repeated text dropped (a reader that cannot recover it)."""
    return [
        RawTable(
            [
                RawRow(
                    [RawCell("", None, c.span, True) if c.merged_from_above else c for c in r.cells],
                    r.index,
                    r.page,
                    r.is_header,
                    r.page_break_before,
                )
                for r in t.rows
            ],
            t.index,
            t.page,
            t.heading,
            t.ncols,
            t.nested,
            t.continued_from,
        )
        for t in raw
    ]


@settings(max_examples=150, deadline=None)
@given(merged_tables())
def test_merged_text_fills_cells_but_never_changes_which_rows_exist(raw: list[RawTable]) -> None:
    """A merged cell's repeated text may fill a provision's fields, never move a row boundary: the rows,
    their provisions, provenance, context and stitching are those read without that text."""
    rows, _ = build_rows(raw)
    plain, _ = build_rows(_blanked(raw))

    def shape(rs):
        return [(r.provision, r.location.as_dict(), r.context, r.stitched) for r in rs]

    assert shape(rows) == shape(plain)
    for got, base in zip(rows, plain, strict=True):
        for field in ("requirement", "evidence", "commentary"):
            # text is only ever added, in front of the row's own (the merged cell sits in its first row)
            assert getattr(got, field).endswith(getattr(base, field))
