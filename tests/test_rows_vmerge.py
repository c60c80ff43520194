"""The row builder and vertically merged cells (``RawCell.merged_from_above``).

The rule: a merged cell that reaches the first row of a provision belongs to that provision too (one
Evidence cell merged over three provisions is cited for all three); within one provision (its
continuation rows, a page split) the merged text is read once, never repeated.
"""

from __future__ import annotations

from codecheck.readers.raw import RawCell, RawRow, RawTable
from codecheck.readers.rows import build_rows

H5 = ["Code provision", "Code requirement", "Comply: Yes / No", "Evidence", "Commentary"]


def below(text: str = "", checked: bool | None = None, span: int = 1) -> RawCell:
    """The lower part of a vertically merged cell, repeating its first part as a reader gives it."""
    return RawCell(text, checked, span, merged_from_above=True)


def table(rows: list[list[str | RawCell]], index: int = 1, **kw) -> RawTable:
    raw_rows = []
    for i, values in enumerate([H5, *rows], start=1):
        cells = [v if isinstance(v, RawCell) else RawCell(v) for v in values]
        raw_rows.append(RawRow(cells=cells, index=i, is_header=i == 1))
    ncols = max(sum(c.span for c in r.cells) for r in raw_rows)
    return RawTable(rows=raw_rows, index=index, ncols=ncols, **kw)


def by_id(rows) -> dict:
    return {r.provision: r for r in rows}


def test_evidence_merged_over_several_provisions_belongs_to_each() -> None:
    rows, notes = build_rows(
        [
            table(
                [
                    ["6.3", "First requirement.", "Yes", "Extension letter template", "We do."],
                    ["6.4", "Second requirement.", "Yes", below("Extension letter template"), ""],
                    ["6.5", "Third requirement.", "Yes", below("Extension letter template"), ""],
                    ["6.6", "Fourth requirement.", "Yes", "Response template", ""],
                ]
            )
        ]
    )
    assert [(r.provision, r.evidence) for r in rows] == [
        ("6.3", "Extension letter template"),
        ("6.4", "Extension letter template"),
        ("6.5", "Extension letter template"),
        ("6.6", "Response template"),
    ]
    assert not any(r.stitched for r in rows)
    assert "2 rows share a cell merged down from the provision above" in " ".join(n.message for n in notes)


def test_merged_text_is_read_once_within_one_provision() -> None:
    # 4.3's requirement broken over three physical rows; its number, answer and evidence cells merged
    # down over all three
    rows, notes = build_rows(
        [
            table(
                [
                    ["4.3", "The first part", "Yes", "Training records", "Trained."],
                    [below("4.3"), "the second part", below("Yes"), below("Training records"), ""],
                    [below("4.3"), "and the end.", below("Yes"), below("Training records"), "All staff."],
                    ["4.4", "Next requirement.", "No", "", "Not yet."],
                ]
            )
        ]
    )
    assert [r.provision for r in rows] == ["4.3", "4.4"]
    first = by_id(rows)["4.3"]
    assert first.requirement == "The first part the second part and the end."
    assert first.evidence == "Training records"
    assert first.answer_text == "Yes"
    assert first.commentary == "Trained. All staff."
    assert first.stitched
    assert by_id(rows)["4.4"].evidence == ""
    assert not any("merged down" in n.message for n in notes)


def test_cell_merged_over_a_continuation_and_into_the_next_provision() -> None:
    # the merged cell reaches 5.2's continuation row (read once there) and 5.3's first row (5.3's own)
    rows, _ = build_rows(
        [
            table(
                [
                    ["5.2", "A requirement that", "Yes", "Policy section 4", ""],
                    ["", "carries on.", "", below("Policy section 4"), ""],
                    ["5.3", "Another requirement.", "Yes", below("Policy section 4"), ""],
                ]
            )
        ]
    )
    got = by_id(rows)
    assert got["5.2"].requirement == "A requirement that carries on."
    assert got["5.2"].evidence == "Policy section 4"
    assert got["5.3"].evidence == "Policy section 4" and not got["5.3"].stitched


def test_merged_answer_and_tick_reach_each_provision() -> None:
    rows, _ = build_rows(
        [
            table(
                [
                    ["1.2", "Req one.", "Yes", "", "Done."],
                    ["1.3", "Req two.", below("Yes"), "", "Done too."],
                    ["1.4", "Req three.", RawCell("☑", checked=True), "", ""],
                    ["1.5", "Req four.", below("☑", checked=True), "", ""],
                ]
            )
        ]
    )
    assert [(r.provision, r.answer) for r in rows] == [
        ("1.2", "yes"),
        ("1.3", "yes"),
        ("1.4", "yes"),
        ("1.5", "yes"),
    ]


def test_merged_placeholder_without_its_text_reads_as_empty() -> None:
    # a reader that cannot recover the merged text (nothing above it) flags an empty placeholder
    rows, _ = build_rows(
        [table([["2.1", "Req.", "Yes", below(""), ""], ["2.2", "Req.", "Yes", below(""), ""]])]
    )
    assert [(r.provision, r.evidence) for r in rows] == [("2.1", ""), ("2.2", "")]


def test_row_split_over_a_page_break_does_not_repeat_merged_text() -> None:
    first = table([["5.8", "A requirement that", "Yes", "Policy", "Starts"]], index=1, page=3)
    second = table(
        [[below("5.8"), "continues on the next page.", below("Yes"), below("Policy"), "and ends."]],
        index=2,
        page=4,
        continued_from=1,
    )
    rows, _ = build_rows([first, second])
    assert len(rows) == 1
    assert (rows[0].requirement, rows[0].answer_text, rows[0].evidence, rows[0].commentary) == (
        "A requirement that continues on the next page.",
        "Yes",
        "Policy",
        "Starts and ends.",
    )


def test_merged_cells_beside_a_grid_span_stay_in_their_column() -> None:
    header = ["Code provision", RawCell("Code requirement", span=2), "Comply", "Evidence", "Commentary"]
    raw = [
        header,
        ["3.1", RawCell("Wide requirement.", span=2), "Yes", "Staff guide", "Com"],
        ["3.2", RawCell("Another wide one.", span=2), "Yes", below("Staff guide"), ""],
    ]
    rows_raw = [
        RawRow([v if isinstance(v, RawCell) else RawCell(v) for v in values], i, is_header=i == 1)
        for i, values in enumerate(raw, start=1)
    ]
    rows, _ = build_rows([RawTable(rows=rows_raw, index=1, ncols=6)])
    assert [(r.provision, r.requirement, r.answer, r.evidence, r.commentary) for r in rows] == [
        ("3.1", "Wide requirement.", "yes", "Staff guide", "Com"),
        ("3.2", "Another wide one.", "yes", "Staff guide", ""),
    ]


def test_unnumbered_form_gives_merged_evidence_to_each_requirement() -> None:
    header = ["Code requirement", "Comply: Yes / No", "Evidence", "Commentary"]
    raw = [
        header,
        ["Landlords must accept complaints.", "Yes", "Complaints policy", "Done."],
        ["Responses within 10 working days.", "Yes", below("Complaints policy"), ""],
    ]
    rows_raw = [
        RawRow([v if isinstance(v, RawCell) else RawCell(v) for v in values], i, is_header=i == 1)
        for i, values in enumerate(raw, start=1)
    ]
    rows, _ = build_rows([RawTable(rows=rows_raw, index=1, ncols=4)])
    assert [(r.requirement, r.evidence) for r in rows] == [
        ("Landlords must accept complaints.", "Complaints policy"),
        ("Responses within 10 working days.", "Complaints policy"),
    ]


def test_header_cell_merged_down_is_not_read_as_content() -> None:
    # "Provision" merged over a two-row header ("Comply" over "Yes | No"): the header is still found
    raw = [
        ["Provision", "Requirement", RawCell("Comply", span=2), "Commentary"],
        [below("Provision"), below("Requirement"), "Yes", "No", below("Commentary")],
        ["1.2", "Req one.", RawCell("☑", checked=True), RawCell("☐", checked=False), "Done."],
    ]
    rows_raw = [
        RawRow([v if isinstance(v, RawCell) else RawCell(v) for v in values], i)
        for i, values in enumerate(raw, start=1)
    ]
    rows, _ = build_rows([RawTable(rows=rows_raw, index=1, ncols=5)])
    assert [(r.provision, r.requirement, r.answer, r.commentary) for r in rows] == [
        ("1.2", "Req one.", "yes", "Done.")
    ]
