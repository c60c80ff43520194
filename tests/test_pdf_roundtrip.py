"""Property test: generated PDF forms of many shapes read back row for row.

Column widths, answers, text lengths (rows that break across pages), ruling style and whether the
header repeats are drawn at random; the reader must return every provision with its requirement,
answer and commentary exactly as drawn, whatever the layout.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import pdf_factory as pf
from codecheck.readers.pdf import read_pdf

ANSWERS = {"Yes": "yes", "No": "no", "Partial": "partial", "N/A": "na", "\uf0b7 \uf0fc": "yes"}
WORDS = (
    "Example",
    "Homes",
    "reviews",
    "every",
    "complaint",
    "within",
    "five",
    "days",
    "and",
    "records",
    "the",
    "outcome",
    "for",
    "the",
    "board",
    "each",
    "quarter.",
)


@st.composite
def forms(draw: st.DrawFn) -> dict:
    pids = list(pf.CODE_2024)
    chosen = sorted(draw(st.sets(st.sampled_from(pids), min_size=3, max_size=len(pids))), key=pids.index)
    rows = []
    for pid in chosen:
        answer = draw(st.sampled_from(sorted(ANSWERS)))
        length = draw(st.integers(min_value=1, max_value=160))
        comment = " ".join(WORDS[(k * 7 + len(pid)) % len(WORDS)] for k in range(length))
        rows.append([pid, pf.CODE_2024[pid], answer, f"Policy {pid}", comment])
    widths = [
        draw(st.floats(min_value=40, max_value=70)),
        draw(st.floats(min_value=180, max_value=300)),
        draw(st.floats(min_value=55, max_value=80)),
        draw(st.floats(min_value=80, max_value=140)),
    ]
    widths.append(762 - sum(widths))
    return {
        "rows": rows,
        "widths": widths,
        "ruled": draw(st.sampled_from([True, False, "horizontal", "columns"])),
        "repeat": draw(st.booleans()),
    }


@settings(
    max_examples=10,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(form=forms())
def test_generated_forms_read_back_row_for_row(tmp_path_factory: pytest.TempPathFactory, form: dict) -> None:
    flow = pf.Flow()
    flow.para(pf.Para("Example Homes self-assessment", 14, True))
    flow.table(
        pf.Table(form["rows"], form["widths"], pf.HEADER_5, ruled=form["ruled"], repeat_header=form["repeat"])
    )
    path = flow.save(tmp_path_factory.mktemp("roundtrip") / "form.pdf")
    doc = read_pdf(Path(path))
    assert [r.provision for r in doc.rows] == [row[0] for row in form["rows"]]
    for got, want in zip(doc.rows, form["rows"], strict=True):
        assert got.requirement == want[1]
        assert got.answer == ANSWERS[want[2]]
        assert got.evidence == want[3]
        assert got.commentary == want[4]
