"""Round trip: random forms written with the fixture factory come back row for row.

Each example draws a form (column order, answer spellings and tick styles, requirements split over
continuation rows, repeated headers, sub-heading rows, section tables, an Evidence cell merged down
(w:vMerge) over consecutive provisions citing the same document, sometimes through a provision's
continuation rows) and checks the reader returns exactly the rows it was built from: each provision
under a merged cell cites it once. This exercises the general rules rather than any one layout.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from codecheck.readers import read_document
from docx_factory import Table, Xml, checkbox14, p, sym, write_docx

ANSWER_CELLS = [
    ("Yes", "yes", "Yes"),
    ("Compliant", "yes", "Compliant"),
    ("Partial (In Progress)", "partial", "Partial (In Progress)"),
    ("No", "no", "No"),
    ("N/A", "na", "N/A"),
    ("", "blank", ""),
    (Xml(p(sym("Wingdings", "F0FC"))), "yes", "tick"),
    (Xml(p(checkbox14(True))), "yes", "tick"),
    (Xml(p(checkbox14(False))), "blank", ""),
]
WORDS = [
    "landlords",
    "must",
    "respond",
    "to",
    "complaints",
    "within",
    "ten",
    "working",
    "days",
    "and",
    "keep",
    "residents",
    "informed",
    "of",
    "progress",
]
ORDERS = [
    ("Code provision", "Code requirement", "Comply: Yes / No", "Evidence", "Commentary / explanation"),
    ("Code section", "Code requirement", "Comply: Yes/No", "Explanations and Commentary", "Evidence"),
    ("Code section", "Code requirement", "Comply: Yes/No", "Evidence, commentary and any explanations"),
]


def sentence(draw, n: int) -> str:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=n, max_size=n + 6))
    return (" ".join(words)).capitalize() + "."


@st.composite
def forms(draw):
    header = list(draw(st.sampled_from(ORDERS)))
    nsections = draw(st.integers(1, 3))
    tables, expected = [], []
    ev_col = 3 if header[3] == "Evidence" else (4 if len(header) == 5 else None)
    for section in range(1, nsections + 1):
        rows = []
        repeat = set()
        merges = []
        run: list = []  # [first row, last row, evidence] of the Evidence cell being merged down
        for n in range(1, draw(st.integers(1, 5)) + 1):
            pid = f"{section}.{n}"
            parts = [sentence(draw, 3) for _ in range(draw(st.integers(1, 3)))]
            cell, answer, answer_text = draw(st.sampled_from(ANSWER_CELLS))
            evidence = draw(st.sampled_from(["", "Complaints policy", "www.example-homes.org.uk/complaints"]))
            commentary = draw(st.sampled_from(["", "Example Homes does this.", "Reviewed in 2025."]))
            broken = False
            if draw(st.booleans()) and n > 1:
                rows.append(["Stage 2"] + [""] * (len(header) - 1))
                broken = True
            if draw(st.booleans()):
                repeat.add(len(rows))
                broken = True
            first = len(rows)
            if run and not broken and evidence and evidence == run[2] and draw(st.booleans()):
                run[1] = first + (len(parts) - 1 if draw(st.booleans()) else 0)
            else:
                if run and run[1] > run[0]:
                    merges.append((run[0], ev_col, run[1], ev_col))
                run = [first, first, evidence] if ev_col is not None and evidence else []
            if len(header) == 5 and header[3] == "Evidence":
                values = [pid, parts[0], cell, evidence, commentary]
            elif len(header) == 5:
                values = [pid, parts[0], cell, commentary, evidence]
            else:
                values = [pid, parts[0], cell, " ".join(x for x in (evidence, commentary) if x)]
            rows.append(values)
            for more in parts[1:]:
                rows.append(["", more] + [""] * (len(header) - 2))
            combined = len(header) == 4
            expected.append(
                (
                    pid,
                    " ".join(parts),
                    answer,
                    answer_text,
                    "" if combined else evidence,
                    " ".join(x for x in (evidence, commentary) if x) if combined else commentary,
                )
            )
        if run and run[1] > run[0]:
            merges.append((run[0], ev_col, run[1], ev_col))
        tables.append(
            Table(
                rows,
                header=header,
                heading=f"Section {section}",
                repeat_header_at=sorted(repeat),
                merges=merges,
            )
        )
    return tables, expected


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(forms())
def test_random_forms_round_trip(form) -> None:
    tables, expected = form
    with tempfile.TemporaryDirectory() as tmp:
        doc = read_document(write_docx(Path(tmp) / "form.docx", tables))
    got = [(r.provision, r.requirement, r.answer, r.answer_text, r.evidence, r.commentary) for r in doc.rows]
    assert got == expected
