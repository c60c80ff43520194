"""Property tests for the row builder: any table a reader could produce is handled without error,
and what comes back is well-formed (provenance points at a real row, answers in the vocabulary,
text normalised)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from codecheck.model import ANSWERS
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
    assert all(isinstance(n, str) and n for n in notes)
    for row in rows:
        assert (row.location.table, row.location.row) in physical
        assert row.answer in ANSWERS
        assert 0.0 <= row.confidence <= 1.0
        for text in (row.provision, row.requirement, row.evidence, row.commentary, row.answer_text):
            assert text == " ".join(text.split())
            assert "\u00a0" not in text and "\uf0fc" not in text
        if row.answer == "blank" and row.answer_source == "comply":
            assert row.answer_text == "" or row.confidence < 1.0
