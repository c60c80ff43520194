"""Column roles beyond the official form's, a Comply cell merged with its neighbour, RAG colours,
and what the checks make of them: a target date column, reader notes, a missing provision whose row
the reader could not place."""

from __future__ import annotations

from dataclasses import replace

import pytest

from codecheck.model import SKIPPED_TEXT, Location, ReaderNote
from codecheck.readers.answers import rag_from_fill, split_leading_answer
from codecheck.readers.columns import header_role, roles_from_header
from codecheck.readers.raw import RawCell
from codecheck.readers.rows import build_rows
from test_checks_structure import findings, form_rows, row
from test_rows import table


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Actions", "actions"),
        ("Improvement actions required", "actions"),
        ("Comments and actions", "commentary"),
        ("Actions taken", "commentary"),
        ("Target date", "target_date"),
        ("Date for completion", "target_date"),
        ("Action owner", "owner"),
        ("Responsible officer", "owner"),
        ("RAG status", "rag"),
        ("Status", "rag"),
        ("Compliance status", "comply"),
        ("Do we comply?", "comply"),
        ("Compl y: Ye s/N o", "comply"),
        ("Commen tary", "commentary"),
        ("Code provi sion", "provision"),
    ],
)
def test_header_vocabulary(text: str, role: str) -> None:
    assert header_role(text) == role


def test_extra_columns_are_kept_as_fields() -> None:
    header = ["Ref", "Requirement", "Comply", "Evidence", "Commentary", "Actions", "Owner", "Target date"]
    header.append("RAG")
    body = [["3.1", "Landlords must make it easy to complain.", "Partial", "Leaflet", "Under way.",
             "Publish leaflet", "Complaints Manager", "31/03/2026", RawCell("", fill="FFC000")]]  # fmt: skip
    rows, _ = build_rows([table(body, header=header)])
    r = rows[0]
    assert (r.answer, r.commentary, r.actions, r.owner, r.target_date, r.rag) == (
        "partial", "Under way.", "Publish leaflet", "Complaints Manager", "31/03/2026", "amber")  # fmt: skip
    assert r.as_dict()["rag"] == "amber"


def test_status_column_alone_is_the_answer_and_recorded() -> None:
    header = ["Ref", "Requirement", "Status", "Commentary"]
    body = [["1.2", "A complaint must be defined.", "Amber", "Under review."]]
    rows, _ = build_rows([table(body, header=header)])
    assert (rows[0].answer, rows[0].rag) == ("partial", "Amber")


def test_coloured_comply_cell_without_words() -> None:
    body = [["1.2", "A complaint must be defined.", RawCell("", fill="00B050"), "Policy", "Adopted."]]
    rows, _ = build_rows([table(body)])
    assert (rows[0].answer, rows[0].answer_source, rows[0].rag) == ("yes", "colour", "green")


def test_separate_yes_no_partial_columns_under_a_section_title() -> None:
    header = ["Ref", "Self-assessment, reporting and compliance", "Yes", "Partial", "No", "Comments"]
    body = [
        ["8.1", "Landlords must produce an annual complaints performance report.", "✓", "", "", "Done."],
        ["8.2", "The annual complaints performance report must be published.", "", "", "X", "Not yet."],
    ]
    rows, _ = build_rows([table(body, header=header)])
    assert [(r.provision, r.requirement[:20], r.answer) for r in rows] == [
        ("8.1", "Landlords must produ", "yes"),
        ("8.2", "The annual complaint", "no"),
    ]
    cmap = roles_from_header(header)
    assert cmap is not None and cmap.get("requirement") == 1 and set(cmap.answers) == {"yes", "partial", "no"}


@pytest.mark.parametrize(
    ("cell", "answer", "answer_text", "evidence"),
    [
        ("Yes Complaints policy", "yes", "Yes", "Complaints policy"),
        ("Partial (In progress) – Training plan", "partial", "Partial (In progress)", "Training plan"),
        ("✓ Leaflet", "yes", "tick", "Leaflet"),
        ("No. Not in place", "no", "No", "Not in place"),
    ],
)
def test_comply_cell_merged_with_evidence(cell: str, answer: str, answer_text: str, evidence: str) -> None:
    body = [["1.2", "A complaint must be defined.", RawCell(cell, span=2), "Commentary text."]]
    rows, _ = build_rows([table(body)])
    r = rows[0]
    assert (r.answer, r.answer_text, r.evidence) == (answer, answer_text, evidence)
    assert r.commentary == "Commentary text."


def test_leading_answer_and_colours() -> None:
    assert split_leading_answer("No complaints are refused") is None
    assert split_leading_answer("Yesterday we met") is None
    assert [rag_from_fill(c) for c in ("FF0000", "FFC000", "00B050", "D9D9D9", "FFFFFF", "#92D050")] == [
        "red", "amber", "green", None, None, "green"]  # fmt: skip


# --------------------------------------------------------------------------- checks


def test_partial_with_a_date_in_the_target_date_column_is_not_a_finding() -> None:
    rows = form_rows("2024")
    rows[5].answer, rows[5].answer_text, rows[5].commentary = "partial", "Partial", "Training is under way."
    pid = rows[5].provision
    slugs = ("partial-without-date",)
    assert [f.provision for f in findings(rows, slugs=slugs)] == [pid]
    rows[5].target_date = "2026-03-31"
    assert findings(rows, slugs=slugs) == []
    rows[5].target_date = ""
    rows[5].actions = "Refresher training for all teams by June 2026"
    assert findings(rows, slugs=slugs) == []


def test_reader_note_rule_reports_lost_text_only() -> None:
    notes = [
        ReaderNote("rows", "3 rows stitched from continuation rows"),
        ReaderNote(
            SKIPPED_TEXT,
            "table 2 row 7: text without a provision number skipped",
            Location(page=4, table=2, row=7),
            position=12,
        ),
    ]
    found = findings(form_rows("2024"), slugs=("reader-note",), notes=notes)
    where = Location(page=4, table=2, row=7)
    assert [(f.code, f.provision, f.location) for f in found] == [("CC118", None, where)]
    assert "text without a provision number skipped" in found[0].message


def test_missing_provision_says_when_skipped_text_is_where_its_row_would_be() -> None:
    rows = form_rows("2024", skip={"6.3"})
    position = next(i for i, r in enumerate(rows) if r.provision == "6.4")
    note = ReaderNote(SKIPPED_TEXT, "table 6 row 4: text without a provision number skipped",
                      Location(page=9, table=6, row=4), position)  # fmt: skip
    found = findings(rows, notes=[note])
    assert [f.provision for f in found] == ["6.3"]
    assert "the reader skipped text near page 9, table 6, row 4 that may hold it" in found[0].message
    far = replace(note, position=3)  # near 1.x, not where 6.3 would be
    assert "skipped" not in findings(rows, notes=[far])[0].message


def test_reader_notes_survive_pickling() -> None:
    import pickle

    note = ReaderNote(SKIPPED_TEXT, "x skipped", Location(page=2), 5)
    again = pickle.loads(pickle.dumps(note))
    assert (again.message, again.kind, again.location) == ("x skipped", SKIPPED_TEXT, Location(page=2))
    assert again.position == 5 and again == note
    assert row("1.2", "text", 1).as_dict()["actions"] == ""
