"""The content rules over the statement reader: each phenomenon of issue 10 judged end to end on one
row, with fictional wording (Example Homes, Northfield Housing, Riverside Council)."""

from __future__ import annotations

import pytest

from codecheck.model import Severity
from content_fixtures import run_one

# --------------------------------------------------------------------------- CC110 wrong-timescale


@pytest.mark.parametrize(
    ("pid", "commentary", "cites"),
    [
        # a stage named after the figure
        (
            "6.14",
            "Replies go out within 10 working days at stage 1 and within 26 working days at stage 2.",
            "6.14",
        ),
        (
            "6.3",
            "From acknowledgement we take 14 working days for stage 1 and 20 for stage 2.",
            "6.3",
        ),
        # respectively, by stage and by step
        ("6.14", "Stage 1 and stage 2 replies are due within 10 and 28 working days respectively.", "6.14"),
        (
            "6.14",
            "For a stage 2 case, acknowledging and deciding take 5 and 25 working days respectively.",
            "6.14",
        ),
        # "Stage 1: …; Stage 2: 30" (the second figure borrows the unit)
        ("6.14", "Stage 1: 10 working days; Stage 2: 30.", "6.14"),
        # more time: an extension, and a total with one
        ("6.4", "Hard stage 1 cases can have their date moved back by 15 more working days.", "6.4"),
        (
            "6.4",
            "Once extended, a stage 1 case may last 30 working days in total.",
            "6.3",
        ),
        # upper bounds and units
        ("6.14", "Stage 2 reviews are completed in no longer than 8 weeks.", "6.14"),
        ("6.3", "A stage 1 answer is sent within a month.", "6.3"),
        ("6.2", "Acknowledgements go out within 5-8 working days of receipt.", "6.2"),
        ("6.3", "Stage 1 replies are sent within twelve workings days.", "6.3"),
        # counted from receipt: the Code allows the acknowledgement time on top
        ("6.3", "Stage 1 replies are sent within 20 working days of the complaint reaching us.", "6.3"),
        # the requirement's own words with another figure are not a quotation of it
        (
            "6.3",
            "We issue a full response to stage 1 complaints within 20 working days of the complaint being "
            "acknowledged.",
            "6.3",
        ),
        # a time limit for raising a complaint
        ("2.3", "Complaints have to be made within 6 months of the problem.", "2.3"),
        ("2.3", "Complaints brought over 26 weeks after the incident are refused.", "2.3"),
    ],
)
def test_breaches_read_from_the_text(pid: str, commentary: str, cites: str) -> None:
    hits = run_one("wrong-timescale", pid, commentary=commentary)
    assert len(hits) == 1, commentary
    assert f"({cites})" in hits[0].message
    assert hits[0].quote and hits[0].reading and hits[0].severity is None


@pytest.mark.parametrize(
    ("pid", "commentary"),
    [
        ("6.3", "Stage 1 replies go out within 10 working days and stage 2 replies within 20 working days."),
        ("6.14", "For stage two and stage one, decisions come within 20 and 10 working days respectively."),
        ("6.3", "Stage 1 decisions go out within 15 working days of the complaint reaching us."),
        ("6.3", "A director then writes back in a further ten working days."),
        ("6.15", "Difficult stage 2 cases can need another 20 working days at most."),
        ("6.3", "Decisions take 10 working days, or 20 working days where we have to extend."),
        ("6.3", "Stage 1 replies averaged 23.4 working days last year."),
        ("6.3", "Repairs raised through a complaint are completed within 28 working days."),
        ("6.3", "Freedom of Information requests are separate. They are answered within 20 working days."),
        ("6.3", "Until 2024 stage 1 replies took 20 working days; now we reply within 10."),
        ("6.3", "Could a stage 1 reply take 20 working days? No."),
        ("6.3", "An auditor found that a former leaflet quoted 25 working days for answers."),
        ("6.3", "Stage 1 replies are sent within a fortnight of acknowledgement."),
        ("6.3", "Stage 1 decisions go out inside 14 calendar days."),
        ("6.14", "Stage 2 replies are sent within four weeks of acknowledgement."),
        ("6.3", "Residents may ask for a review within 25 working days of our stage 1 reply."),
        ("6.3", "Records of each complaint are kept for six years."),
        ("2.3", "We will not consider matters that happened more than two years before the complaint."),
        ("6.3", "Our targets are 10 and 25 working days respectively."),  # cannot tell which is which
    ],
)
def test_no_finding_where_the_reading_complies_or_is_not_a_rule(pid: str, commentary: str) -> None:
    assert run_one("wrong-timescale", pid, commentary=commentary) == []


def test_2022_a_further_period_of_time_is_an_extension() -> None:
    hits = run_one(
        "wrong-timescale", "5.13", version="2022", commentary="A further 20 working days may be added."
    )
    assert len(hits) == 1 and "2022 Code (5.13)" in hits[0].message


def test_joint_draft_counts_from_receipt() -> None:
    # the Joint draft counts the stage 1 reply from receipt; a figure counted from acknowledgement
    # could mean a few more days, but is not clearly longer: no finding
    ok = "Stage 1 decisions go out inside 10 working days from the acknowledgement."
    assert run_one("wrong-timescale", "6.3", version="joint", commentary=ok) == []
    hits = run_one(
        "wrong-timescale", "6.3", version="joint", commentary="Stage 1 replies take 15 working days."
    )
    assert len(hits) == 1 and "Joint Code draft (6.3)" in hits[0].message


def test_a_stage_read_from_the_row_that_fits_the_other_stage_is_a_warning() -> None:
    hits = run_one(
        "wrong-timescale", "6.3", commentary="Our officers look into it and write back in 20 working days."
    )
    assert len(hits) == 1 and hits[0].severity is Severity.WARNING
    assert "the text names no stage" in hits[0].message and "stage 2" in hits[0].message
    # a figure too long for either stage stays an error
    hits = run_one("wrong-timescale", "6.3", commentary="We investigate and reply within 30 working days.")
    assert len(hits) == 1 and hits[0].severity is None


# --------------------------------------------------------------------------- CC109 extra-stage


@pytest.mark.parametrize(
    "commentary",
    [
        "Concerns are first handled by our Fix It Fast team; if not settled in 5 working days they become "
        "a formal stage 1 complaint.",
        "Residents must first speak to their officer; only if that fails is a formal complaint opened.",
        "Everything starts with an Early Resolution call, then a Stage 1 investigation.",
        "A tenant panel hearing was added last year as a third stage.",
        "Stage 4 - residents still unhappy may go to the Housing Ombudsman.",
    ],
)
def test_extra_stage_read(commentary: str) -> None:
    hits = run_one("extra-stage", "5.2", commentary=commentary)
    assert len(hits) == 1, commentary
    assert hits[0].quote and hits[0].reading and "own current policy" in hits[0].reading


@pytest.mark.parametrize(
    "commentary",
    [
        "We like to settle things early; no separate step exists before stage 1.",
        "Stage 1 (early resolution): a team leader replies within 10 working days.",
        "Until 2023 we had three stages; we now have two.",
        "Tenants unhappy after stage 2 may turn to the Housing Ombudsman as a third tier.",
        "Is there a stage 0? No.",
        "You might prefer to raise a contractor problem with the contractor informally first.",
    ],
)
def test_extra_stage_not_read(commentary: str) -> None:
    assert run_one("extra-stage", "5.2", commentary=commentary) == []


# --------------------------------------------------------------------------- CC111, CC108, CC106


@pytest.mark.parametrize(
    "commentary",
    [
        "The leaflet will need to be changed to say this.",
        "Publishing this online is still outstanding.",
        "This is not clearly set out in the procedure.",
        "There is no official process for this yet.",
        "We are working towards this.",
    ],
)
def test_paraphrased_non_compliance_under_a_yes(commentary: str) -> None:
    hits = run_one("answer-contradiction", "3.1", commentary=commentary)
    assert len(hits) == 1 and hits[0].quote and hits[0].reading


@pytest.mark.parametrize(
    "commentary",
    [
        "The leaflet is published and is being further improved with residents.",
        "Light-touch changes to the guidance are being made after this review.",
        "We will keep offering every channel we offer now.",
    ],
)
def test_improvements_are_not_non_compliance(commentary: str) -> None:
    assert run_one("answer-contradiction", "3.1", commentary=commentary) == []


@pytest.mark.parametrize(
    ("commentary", "flagged"),
    [
        ("A new case system is planned for spring 2026.", False),
        ("This will be done in the first quarter of 2026.", False),
        ("We expect to finish by 31 March 2027.", False),
        ("This will be picked up next year.", True),
        ("This is ongoing.", True),
        ("This will be reviewed in due course.", True),
        ("The policy was updated in January 2025.", True),  # before the form's date
    ],
)
def test_target_dates(commentary: str, flagged: bool) -> None:
    hits = run_one(
        "partial-without-date", "5.4", answer="partial", commentary=commentary, document_date="2025-06-01"
    )
    assert bool(hits) is flagged, commentary
    if hits:
        assert hits[0].quote == commentary


@pytest.mark.parametrize(
    ("commentary", "evidence", "rule"),
    [
        ("Noted.", "", "missing-evidence"),
        ("Acknowledged.", "", "missing-evidence"),
        ("N/A", "", "missing-evidence"),
        ("Noted.", "Noted.", "missing-evidence"),  # an acknowledgement in the Evidence cell cites nothing
        # a placeholder in the Evidence cell is evidence-not-applicable's: reported once, not twice
        ("Agreed", "N/A", "evidence-not-applicable"),
    ],
)
def test_bare_tokens_are_no_evidence(commentary: str, evidence: str, rule: str) -> None:
    found = {
        slug: run_one(slug, "4.2", commentary=commentary, evidence=evidence)
        for slug in ("missing-evidence", "evidence-not-applicable")
    }
    assert len(found[rule]) == 1
    assert sum(len(hits) for hits in found.values()) == 1


def test_evidence_that_names_a_source_is_evidence() -> None:
    assert (
        run_one("missing-evidence", "4.2", commentary="Noted.", evidence="Complaints policy, section 4") == []
    )


# --------------------------------------------------------------------------- CC112, CC113


def test_a_definition_in_own_words_is_compared() -> None:
    text = "Our policy defines a complaint as any worry a tenant raises about a service the association runs."
    hits = run_one("definition-mismatch", "1.2", commentary=text)
    assert len(hits) == 1 and '"expression of dissatisfaction"' in hits[0].message
    assert hits[0].quote.startswith("any worry a tenant raises")


def test_a_definition_with_the_same_scope_in_other_words_passes() -> None:
    text = (
        "We define a complaint as an expression of dissatisfaction, however made, about the standard of "
        "service we provide, actions or lack of action by Example Homes, its own staff, or those acting on "
        "its behalf, which affects an individual resident or a group of residents."
    )
    assert run_one("definition-mismatch", "1.2", commentary=text) == []


@pytest.mark.parametrize(
    "commentary",
    [
        # numbered, and the outstanding actions are left out
        "Our stage 2 letters give 1) which stage it is 2) how we defined the complaint 3) the outcome "
        "4) our reasons 5) any remedy 6) how to reach the Ombudsman.",
        # bullets
        "Each stage 2 reply sets out:\n\u2022 the stage\n\u2022 how we defined the complaint"
        "\n\u2022 our decision\n\u2022 the reasons for it\n\u2022 any remedy offered"
        "\n\u2022 how to go to the Ombudsman",
    ],
)
def test_list_items_in_any_labelling(commentary: str) -> None:
    hits = run_one("list-item-missing", "6.19", commentary=commentary)
    assert len(hits) == 1 and "f) details of any outstanding actions" in hits[0].message


def test_an_item_covered_after_the_list_is_present() -> None:
    text = (
        "Our stage 2 letters give 1) which stage it is 2) how we defined the complaint 3) the outcome "
        "4) our reasons 5) any remedy 6) any outstanding actions. The letters also say how to take "
        "the complaint to the Housing Ombudsman."
    )
    assert run_one("list-item-missing", "6.19", commentary=text) == []
