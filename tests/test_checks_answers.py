"""CC105 missing-answer, CC107 no-without-explanation, CC111 answer-contradiction."""

from __future__ import annotations

import pytest

from content_fixtures import make_doc, make_row, run, run_one

# --------------------------------------------------------------------------- CC105


def test_blank_answer_with_commentary_is_flagged() -> None:
    rows = [
        make_row("1.2", commentary="Covered by our policy.", n=1),
        make_row("1.3", answer="blank", commentary="Example Homes sends a letter to the resident.", n=2),
    ]
    hits = run("missing-answer", make_doc(rows))
    assert [h.provision for h in hits] == ["1.3"]
    assert "Comply answer is empty" in hits[0].message
    assert hits[0].location is not None and hits[0].location.row == 2


def test_blank_answer_and_no_commentary_is_flagged() -> None:
    rows = [make_row("1.2", commentary="Covered by our policy."), make_row("1.3", answer="blank")]
    hits = run("missing-answer", make_doc(rows))
    assert len(hits) == 1 and "no commentary" in hits[0].message


@pytest.mark.parametrize(
    "commentary", ["Yes - this is in our policy.", "Compliant. See leaflet.", "N/A: no contractors"]
)
def test_answer_given_in_commentary_is_not_flagged(commentary: str) -> None:
    rows = [make_row("1.2", commentary="ok"), make_row("1.3", answer="blank", commentary=commentary)]
    assert run("missing-answer", make_doc(rows)) == []


def test_row_without_any_id_is_left_to_structure_rules() -> None:
    rows = [make_row("1.2", commentary="Covered by our policy.", n=1), make_row("1.3", commentary="Ok.", n=2)]
    stray = make_row("1.4", answer="blank", commentary="c. the decision on the complaint", n=3)
    stray.provision = ""
    assert run("missing-answer", make_doc([*rows, stray])) == []


def test_blank_form_gives_no_row_findings() -> None:
    rows = [make_row(pid, answer="blank", n=i) for i, pid in enumerate(["1.2", "1.3", "1.4", "1.5", "1.6"])]
    assert run("missing-answer", make_doc(rows)) == []


def test_all_answers_blank_but_commentary_filled_is_one_document_finding() -> None:
    rows = [
        make_row(pid, answer="blank", commentary="Example Homes does this.", n=i)
        for i, pid in enumerate(["1.2", "1.3", "1.4", "1.5", "1.6"])
    ]
    hits = run("missing-answer", make_doc(rows))
    assert len(hits) == 1 and hits[0].provision is None


# --------------------------------------------------------------------------- CC107


@pytest.mark.parametrize("answer", ["no", "partial"])
def test_no_or_partial_without_commentary(answer: str) -> None:
    hits = run_one("no-without-explanation", "5.4", answer=answer)
    assert len(hits) == 1 and "no commentary" in hits[0].message


def test_2022_should_rows_need_no_explanation() -> None:
    from codecheck.codes import get_version

    code = get_version("2022")
    must = next(p.id for p in code.provisions if p.obligation == "must" and p.on_form)
    should = next(p.id for p in code.provisions if p.obligation == "should" and p.on_form)
    assert len(run_one("no-without-explanation", must, version="2022", answer="no")) == 1
    assert run_one("no-without-explanation", should, version="2022", answer="no") == []


def test_a_word_or_two_is_no_explanation() -> None:
    hits = run_one("no-without-explanation", "5.4", answer="partial", commentary="Ongoing")
    assert len(hits) == 1 and 'only "Ongoing"' in hits[0].message


@pytest.mark.parametrize(
    ("answer", "commentary", "evidence"),
    [
        ("no", "We are recruiting a complaints lead.", ""),
        (
            "partial",
            "",
            "Contractor clause still being agreed with the repairs partner",
        ),  # explained in Evidence
        ("yes", "", ""),
    ],
)
def test_explained_or_yes_not_flagged(answer: str, commentary: str, evidence: str) -> None:
    assert (
        run_one("no-without-explanation", "5.4", answer=answer, commentary=commentary, evidence=evidence)
        == []
    )


# --------------------------------------------------------------------------- CC111


@pytest.mark.parametrize(
    "commentary",
    [
        "A learning log is currently being developed by the customer team.",
        # planned work that is the requirement itself (9.8: a standard objective for staff)
        "A standard complaint-handling objective for all employees will be introduced next year.",
        "We are working towards publishing this on the website.",
        "This is not yet in place for contractor complaints.",
        "We are working with the repairs partner to meet this requirement.",
        "We will work with the Board to embed this practice.",
        "The policy is currently being updated to reflect the 2024 Code.",
        "The Board report is still being developed with the new chair.",
        "A report for the new chair is planned, and the first one has not yet been presented.",
        "We are still working towards a named manager for every stage 2 review.",
        "Not yet fully embedded across all teams.",
    ],
)
def test_yes_contradicted(commentary: str) -> None:
    hits = run_one("answer-contradiction", "9.8", commentary=commentary)
    assert len(hits) == 1
    assert "not yet in place" in hits[0].message and hits[0].snippet


@pytest.mark.parametrize(
    "commentary",
    [
        "The policy is in place. It is being further developed with residents.",  # improvement
        "Additional guidance for staff will be developed during the year.",  # extra work
        "The register is not currently being developed further; it is complete.",  # negation
        'Our leaflet says "a new form will be introduced" - this happened in 2023.',  # quotation
        "The Member Responsible for Complaints will receive quarterly reports.",  # future practice
        "The policy was updated to reflect the 2024 Code in April.",  # done
        "We have not yet had a case where this applied.",  # not about the requirement being met
        "The team is working towards a customer service accreditation.",  # something else
        "If an extension is not agreed, the resident is referred to the Ombudsman.",  # a condition
        "This is in place. We plan to introduce an online portal in 2025 to make it easier.",  # improvement
        "Staff are trained; refresher training will be introduced annually.",
        # planned, but not the requirement (9.8 asks for a standard objective, not a register)
        "A reasonable adjustments register will be introduced next year.",
    ],
)
def test_yes_not_contradicted(commentary: str) -> None:
    assert run_one("answer-contradiction", "9.8", commentary=commentary) == []


def test_partial_answer_is_not_a_contradiction() -> None:
    assert (
        run_one(
            "answer-contradiction", "9.8", answer="partial", commentary="This is currently being developed."
        )
        == []
    )
