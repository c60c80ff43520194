"""Vertically merged cells in PDF tables: a cell drawn over several rows, as Word and LibreOffice print
a ``w:vMerge``. Each provision the merge reaches cites its text; a provision's own continuation rows
do not repeat it; a merge running over a page break counts the part before the break too."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pdf_factory as pf
from codecheck.limits import CARRY_CELLS, Limits
from codecheck.readers.pdf import read_pdf

XS = [40.0, 100.0, 420.0, 490.0, 640.0, 800.0]
SIZE = 9.0
LEAD = SIZE * 1.2


def _lines(text: str | None, width: float) -> int:
    return len(pf.wrap(text, width - 6, SIZE)) if text else 0


def page_of(rows: Sequence[Sequence[str | None]], top: float = 40.0) -> pf.Canvas:
    """A page holding one ruled table (header first); each row as tall as its own text needs."""
    page = pf.Canvas(*pf.PAGE_A4_LANDSCAPE)
    body = [list(pf.HEADER_5), *rows]
    tops = [top]
    for row in body:
        n = max(
            (_lines(t, XS[c + 1] - XS[c]) for c, t in enumerate(row)),
            default=1,
        )
        tops.append(tops[-1] + max(n, 1) * LEAD + 8)
    pf.draw_grid(page, XS, tops, body, SIZE, bold_first=True)
    return page


def halves(text: str, at: int) -> tuple[str, str]:
    words = text.split()
    return " ".join(words[:at]), " ".join(words[at:])


def by_id(path: Path, limits: Limits | None = None) -> dict:
    doc = read_pdf(path, limits)
    return {r.provision: r for r in doc.rows} | {"_notes": [n.message for n in doc.notes]}


def test_merged_over_several_provisions_each_cites_it_once(tmp_path: Path) -> None:
    """Evidence merged over 1.2 (with a continuation row) and 1.3: both cite it, 1.2 not twice."""
    code = pf.CODE_2024
    head, tail = halves(code["1.2"], 14)
    rows = [
        ["1.2", head, "Yes", "Complaints policy section 2", "Example Homes note 1.2."],
        ["", tail, "", None, "More on 1.2."],
        ["1.3", code["1.3"], "Yes", None, "Example Homes note 1.3."],
        ["1.4", code["1.4"], "No", "Service request log", "Example Homes note 1.4."],
    ]
    got = by_id(pf.save_pages(tmp_path / "merged.pdf", [page_of(rows)]))
    assert got["1.2"].requirement == code["1.2"]
    assert got["1.2"].evidence == "Complaints policy section 2"
    assert got["1.2"].commentary == "Example Homes note 1.2. More on 1.2."
    assert got["1.3"].evidence == "Complaints policy section 2"
    assert got["1.3"].commentary == "Example Homes note 1.3."
    assert got["1.4"].evidence == "Service request log"
    assert any("merged down" in n for n in got["_notes"])


def test_merged_answer_cell_gives_each_provision_its_answer(tmp_path: Path) -> None:
    code = pf.CODE_2024
    rows = [
        ["1.2", code["1.2"], "Yes", "Policy section 2", "Note 1.2."],
        ["1.3", code["1.3"], None, "Policy section 3", "Note 1.3."],
        ["1.4", code["1.4"], "No", "Service request log", "Note 1.4."],
    ]
    got = by_id(pf.save_pages(tmp_path / "answer.pdf", [page_of(rows)]))
    assert [got[p].answer for p in ("1.2", "1.3", "1.4")] == ["yes", "yes", "no"]


def test_merged_within_one_provision_is_read_once(tmp_path: Path) -> None:
    """A cell merged over a provision's own continuation rows belongs to that provision only."""
    code = pf.CODE_2024
    first, rest = halves(code["1.3"], 12)
    middle, last = halves(rest, 12)
    rows = [
        ["1.2", code["1.2"], "Yes", "Policy section 2", "Note 1.2."],
        ["1.3", first, "Yes", "Complaints policy section 3 and the staff guidance", "Note 1.3."],
        ["", middle, "", None, ""],
        ["", last, "", None, ""],
        ["1.4", code["1.4"], "Yes", "Service request log", "Note 1.4."],
    ]
    got = by_id(pf.save_pages(tmp_path / "once.pdf", [page_of(rows)]))
    assert got["1.3"].requirement == code["1.3"]
    assert got["1.3"].evidence == "Complaints policy section 3 and the staff guidance"
    assert got["1.2"].evidence == "Policy section 2"
    assert got["1.4"].evidence == "Service request log"
    assert not any("merged down" in n for n in got["_notes"])


def test_merge_over_a_page_break_counts_the_part_before_the_break(tmp_path: Path) -> None:
    """1.3 is broken by the page break; its Evidence cell, merged down over 1.4, is printed in two
    boxes: "… section 4 and the" ends page 1, "staff guidance" starts page 2 and covers 1.4."""
    code = pf.CODE_2024
    head, tail = halves(code["1.3"], 16)
    page1 = page_of([
        ["1.2", code["1.2"], "Yes", "Policy section 2", "Note 1.2."],
        ["1.3", head, "Yes", "Complaints policy section 4 and the", "Note 1.3"],
    ], top=330.0)
    page2 = page_of([
        ["", tail, "", "staff guidance", "continued."],
        ["1.4", code["1.4"], "Yes", None, "Note 1.4."],
        ["2.1", code["2.1"], "Yes", "Acceptance checklist", "Note 2.1."],
    ])
    got = by_id(pf.save_pages(tmp_path / "break.pdf", [page1, page2]))
    whole = "Complaints policy section 4 and the staff guidance"
    assert got["1.3"].requirement == code["1.3"]
    assert got["1.3"].evidence == whole
    assert got["1.3"].commentary == "Note 1.3 continued."
    assert got["1.4"].evidence == whole
    assert got["2.1"].evidence == "Acceptance checklist"


def test_merge_starting_at_the_top_of_a_page_is_not_joined_to_the_page_before(tmp_path: Path) -> None:
    """A numbered row at the top of page 2 starts its own merge: page 1's last cell is not part of it."""
    code = pf.CODE_2024
    page1 = page_of([
        ["1.2", code["1.2"], "Yes", "Policy section 2", "Note 1.2."],
        ["1.3", code["1.3"], "Yes", "Policy section 3", "Note 1.3."],
    ], top=330.0)
    page2 = page_of([
        ["1.4", code["1.4"], "Yes", "Service request log", "Note 1.4."],
        ["2.1", code["2.1"], "Yes", None, "Note 2.1."],
    ])
    got = by_id(pf.save_pages(tmp_path / "fresh.pdf", [page1, page2]))
    assert got["1.3"].evidence == "Policy section 3"
    assert got["1.4"].evidence == "Service request log"
    assert got["2.1"].evidence == "Service request log"


def test_repeated_merged_text_is_bounded(tmp_path: Path) -> None:
    """Many rows under one merged cell: past the document's budget the repeats read empty, noted."""
    text = "Complaints policy, every section"  # 32 characters
    limit = 40
    n = CARRY_CELLS * limit // len(text) + 3  # the budget runs out before the last rows
    rows = [
        [f"1.{k}", f"Requirement {k}.", "Yes", text if k == 1 else None, f"Note {k}."]
        for k in range(1, n + 1)
    ]
    page = pf.Canvas(*pf.PAGE_A4_LANDSCAPE)
    tops = [20.0 + 14.0 * k for k in range(n + 2)]
    pf.draw_grid(page, XS, tops, [list(pf.HEADER_5), *rows], 8.0, bold_first=True)
    doc = read_pdf(pf.save_pages(tmp_path / "many.pdf", [page]), Limits(max_cell_chars=limit))
    evidence = [r.evidence for r in doc.rows]
    assert len(evidence) == n
    assert evidence[: n - 3] == [text] * (n - 3)
    assert evidence[-2:] == ["", ""]
    assert any("read as empty" in note.message for note in doc.notes)


def test_cell_merged_across_and_down_is_read_once_per_provision(tmp_path: Path) -> None:
    """Evidence and Commentary merged into one box over two provisions: each reads it as the first
    does, once (not once per column it covers)."""
    code = pf.CODE_2024
    page = pf.Canvas(*pf.PAGE_A4_LANDSCAPE)
    tops = [40.0, 70.0, 150.0, 230.0, 310.0]
    rows = [
        list(pf.HEADER_5),
        ["1.2", code["1.2"], "Yes", "Complaints policy section 2 covers both", None],
        ["1.3", code["1.3"], "Yes", None, None],
        ["1.4", code["1.4"], "Yes", "Service request log", "Note 1.4."],
    ]
    for x in XS[:4] + XS[5:]:  # the Evidence|Commentary rule is broken over 1.2 and 1.3
        page.line(x, tops[0], x, tops[-1])
    page.line(XS[4], tops[0], XS[4], tops[1])
    page.line(XS[4], tops[3], XS[4], tops[4])
    page.line(XS[0], tops[0], XS[-1], tops[0])
    page.line(XS[0], tops[-1], XS[-1], tops[-1])
    page.line(XS[0], tops[1], XS[-1], tops[1])
    page.line(XS[0], tops[2], XS[3], tops[2])
    page.line(XS[0], tops[3], XS[-1], tops[3])
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            for k, line in enumerate(pf.wrap(text, XS[c + 1] - XS[c] - 6, SIZE) if text else []):
                page.text(XS[c] + 3, tops[r] + 3 + k * LEAD, line, SIZE, r == 0)
    got = by_id(pf.save_pages(tmp_path / "wide.pdf", [page]))
    assert got["1.2"].evidence == "Complaints policy section 2 covers both"
    assert (got["1.3"].evidence, got["1.3"].commentary) == (got["1.2"].evidence, got["1.2"].commentary)
    assert got["1.4"].evidence == "Service request log"


def test_merge_over_two_page_breaks_grows_page_by_page(tmp_path: Path) -> None:
    """One Evidence cell merged from 1.2 down to 2.1, printed over three pages in three boxes: every
    provision it covers cites all of it, the broken rows 1.2 and 1.4 once."""
    code = pf.CODE_2024
    a2, b2 = halves(code["1.2"], 16)
    a4, b4 = halves(code["1.4"], 16)
    page1 = page_of([["1.2", a2, "Yes", "Complaints policy", "Note 1.2"]], top=420.0)
    page2 = page_of([
        ["", b2, "", "section 2 and", "continued."],
        ["1.3", code["1.3"], "Yes", None, "Note 1.3."],
        ["1.4", a4, "Yes", None, "Note 1.4"],
    ], top=330.0)
    page3 = page_of([
        ["", b4, "", "the staff guidance", "continued."],
        ["2.1", code["2.1"], "Yes", None, "Note 2.1."],
    ])
    got = by_id(pf.save_pages(tmp_path / "three.pdf", [page1, page2, page3]))
    whole = "Complaints policy section 2 and the staff guidance"
    assert got["1.2"].requirement == code["1.2"]
    assert got["1.4"].requirement == code["1.4"]
    assert [got[p].evidence for p in ("1.2", "1.3", "1.4")] == [whole] * 3
    assert got["1.2"].commentary == "Note 1.2 continued."
    assert got["2.1"].evidence == whole
