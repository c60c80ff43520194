"""Rows joined from many physical rows: the same text as joining them one by one, in linear time, capped.

A provision running over thousands of continuation rows (in the row builder) or over thousands of
rows the aligner joins used to re-join the whole text for every row. These tests pin down that the
list-based joining gives exactly the text the old one-by-one joining gave, and that the joined text
stops at ``max_cell_chars`` with a note. ``bench/scaling.py`` shows the time staying linear.
"""

from __future__ import annotations

from functools import reduce
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from codecheck.align import align_document
from codecheck.codes import get_version
from codecheck.model import Document, Location, Row, VersionDetection
from codecheck.readers.raw import RawCell, RawRow, RawTable
from codecheck.readers.rows import _join, _Joined, build_rows

HEADER = ["Code provision", "Code requirement", "Comply: Yes / No", "Evidence", "Commentary / explanation"]
# hyphen-broken words ("co-" + "operative") join without a space; anything else with one
pieces = st.lists(
    st.sampled_from(["co-", "operative", "www.example-", "homes.org.uk", "Policy", "", "x-", "9-", "Z"])
)


@settings(max_examples=200, deadline=None)
@given(parts=pieces)
def test_joined_pieces_are_the_one_by_one_join(parts: list[str]) -> None:
    joined = _Joined(parts[0] if parts else "", cap=10_000)
    for part in parts[1:]:
        joined.add(part)
    assert joined.text() == reduce(_join, parts, "")


def form(rows: list[list[str]]) -> RawTable:
    body = [HEADER, *rows]
    raw = [RawRow([RawCell(t) for t in r], index=i, is_header=i == 1) for i, r in enumerate(body, start=1)]
    return RawTable(rows=raw, index=1, ncols=5)


def test_continuation_rows_join_up_to_the_cap_with_a_note() -> None:
    rows = [["6.9", "Landlords must set out", "Partial", "", ""]]
    rows += [["", f"line {n} of the requirement", "", f"document {n}", ""] for n in range(500)]
    (row,), notes = build_rows([form(rows)], max_chars=1000)
    assert len(row.requirement) == 1000 and len(row.evidence) == 1000
    assert row.requirement.startswith("Landlords must set out line 0 of the requirement line 1 ")
    cut = "1 row joined from continuation rows longer than 1000 characters in a cell: cut there"
    assert cut in [n.message for n in notes]
    assert next(n for n in notes if n.message == cut).lost_text  # text past the cap reached no row
    (whole,), notes = build_rows([form(rows)])
    assert whole.requirement.endswith("line 499 of the requirement")
    assert not any("cut" in n.message for n in notes)


def row(provision: str, requirement: str, answer: str = "blank", commentary: str = "", n: int = 1) -> Row:
    return Row(
        provision=provision,
        requirement=requirement,
        answer=answer,  # type: ignore[arg-type]
        answer_text=answer if answer != "blank" else "",
        evidence="",
        commentary=commentary,
        location=Location(table=1, row=n),
        confidence=1.0 - n / 1000,
    )


def aligned(rows: list[Row], max_chars: int = 100_000):
    doc = Document(path=Path("form.docx"), format="docx", rows=rows)
    return align_document(doc, get_version("2024"), VersionDetection("2024", 1.0), max_chars=max_chars)


def test_rows_the_aligner_joins_read_as_joined_one_by_one() -> None:
    """A number printed once, over a requirement split into rows the reader could not join."""
    code = get_version("2024").provision("6.3")
    assert code is not None
    words = code.text.split()
    third = len(words) // 3
    parts = [" ".join(words[:third]), " ".join(words[third : 2 * third]), " ".join(words[2 * third :])]
    rows = [
        row("6.3", parts[0], n=1),
        row("", parts[1], "yes", "We reply in time.", n=2),
        row("", parts[2], n=3),
    ]
    result = aligned(rows)
    (joined,) = [ar for ar in result.rows if ar.row.location.row == 1]
    assert joined.row.requirement == " ".join(parts)
    assert joined.row.answer == "yes" and joined.row.commentary == "We reply in time."
    assert joined.row.stitched and joined.row.confidence == rows[2].confidence
    assert result.notes == []


def test_thousands_of_joined_rows_stop_at_the_cap_with_a_note() -> None:
    code = get_version("2024").provision("6.3")
    assert code is not None
    rows = [row("6.3", code.text, n=1)] + [row("", f"and clause {n} of it", n=n + 2) for n in range(3000)]
    result = aligned(rows, max_chars=5_000)
    joined = result.rows[0].row
    assert joined.requirement.startswith(code.text + " and clause 0 of it and clause 1 of it")
    assert len(joined.requirement) == 5_000
    assert len(result.rows) == 1
    cut = "1 row(s) joined during alignment hold more than 5000 characters in a cell: cut there"
    assert result.notes == [cut]
