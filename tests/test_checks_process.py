"""CC109 extra-stage and CC110 wrong-timescale, with their traps."""

from __future__ import annotations

import pytest

from content_fixtures import make_doc, make_row, run, run_one

# --------------------------------------------------------------------------- CC109


@pytest.mark.parametrize(
    "commentary",
    [
        "Unresolved complaints go to a stage 3 panel of board members.",
        "We have a three-stage process: stage 1, stage 2 and a final review.",
        "Most issues are handled at stage 0 by the housing officer.",
        "Residents first raise an informal complaint with their officer.",
        "A pre-complaint resolution call is made before logging.",
        "Complaints start with local resolution by the service team.",
        "Our complaints process has three stages.",
    ],
)
def test_extra_stage_flagged(commentary: str) -> None:
    hits = run_one("extra-stage", "5.2", commentary=commentary)
    assert len(hits) == 1, commentary
    assert "2024 Code (5." in hits[0].message and hits[0].snippet


@pytest.mark.parametrize(
    "commentary",
    [
        "We do not have a stage 0.",
        "We operate a two-stage process.",
        "Example Homes has no informal stage; every expression of dissatisfaction is logged.",
        "The stage 3 panel was removed in 2023.",
        "The Code does not allow a third stage, so our process has two.",
        "We have a 2 stage process rather than the previous three-stage process.",
        "Complaints not about the housing service go to a separate corporate process for other services "
        "with stage 3.",
        'Our old leaflet said "appeal to stage 3" and has been withdrawn.',
        "We moved from a three-stage process to two stages in April.",
        "A stage 0 does not exist in our procedure.",
        "If residents remain unhappy they may refer the matter to the Housing Ombudsman (stage 3).",
        "Stage 3 is the Housing Ombudsman, who is independent of Example Homes.",
    ],
)
def test_extra_stage_traps(commentary: str) -> None:
    assert run_one("extra-stage", "5.2", commentary=commentary) == []


def test_2022_third_stage_allowed_with_reasons() -> None:
    ok = "A stage 3 panel of residents is necessary because residents asked for independent review."
    assert run_one("extra-stage", "5.17", version="2022", commentary=ok) == []
    hits = run_one("extra-stage", "5.17", version="2022", commentary="We have a stage 3 panel.")
    assert len(hits) == 1 and "5.17" in hits[0].message


def test_2022_third_stage_reasons_in_the_5_17_row() -> None:
    rows = [
        make_row("5.13", version="2022", commentary="Stage 3 reviews are heard by a resident panel.", n=1),
        make_row(
            "5.17", version="2022", commentary="The panel is necessary because residents asked for it.", n=2
        ),
    ]
    assert run("extra-stage", make_doc(rows, "2022")) == []
    rows[1].commentary = "Noted."
    assert len(run("extra-stage", make_doc(rows, "2022"))) == 1


def test_2022_stage_zero_never_allowed() -> None:
    hits = run_one(
        "extra-stage", "5.17", version="2022", commentary="Complaints begin at stage 0 because it is quick."
    )
    assert len(hits) == 1


# --------------------------------------------------------------------------- CC110


@pytest.mark.parametrize(
    ("pid", "commentary", "expect"),
    [
        ("6.3", "We respond to stage 1 complaints within 20 working days.", "10 working days"),
        ("6.3", "Stage one replies are sent within twenty working days of acknowledgement.", "20"),
        ("6.2", "We acknowledge complaints within 10 days.", "5 working days"),
        ("6.4", "Any extension at stage 1 will be up to 30 working days.", "10 working days"),
        ("6.15", "At stage 2 an extension of up to 30 working days can be agreed.", "20 working days"),
        ("6.14", "Final responses are sent within 6 weeks.", "20 working days"),
        ("2.3", "Residents must make their complaint within 6 months of the issue.", "12 months"),
        ("6.3", "A full written reply is sent within fifteen working days.", "10 working days"),
        ("6.3", "Stage 1 complaints are answered within 10 to 20 working days.", "10 working days"),
        ("6.3", "The council applies a 30-day response target.", "10 working days"),
        ("5.13", "At stage 2 a further 20 working days can be used.", "10 working days"),  # 2022 Code
        ("2.3", "We do not accept complaints about events more than 6 months old.", "12 months"),
        ("2.3", "We will not accept complaints older than 6 months.", "12 months"),
        (
            "6.4",
            "If more time is needed the reply comes within 35 working days of the original complaint.",
            "20",
        ),
        (
            "6.3",
            "Stage 1 responses are sent within a total of 30 working days including any extension.",
            "20",
        ),
    ],
)
def test_wrong_timescale_flagged(pid: str, commentary: str, expect: str) -> None:
    version = "2022" if pid == "5.13" else "2024"
    hits = run_one("wrong-timescale", pid, version=version, commentary=commentary)
    assert len(hits) == 1, commentary
    assert expect in hits[0].message
    assert hits[0].snippet


def test_message_is_specific() -> None:
    hits = run_one("wrong-timescale", "6.3", commentary="Stage 1 responses are sent within 20 days.")
    assert hits[0].message.startswith('Stage 1 response stated as "20 days"')
    assert "the 2024 Code (6.3)" in hits[0].message and "counted from acknowledgement" in hits[0].message


@pytest.mark.parametrize(
    ("pid", "commentary"),
    [
        ("6.3", "We respond within 7 working days, faster than the Code."),  # less time complies
        ("6.2", "Complaints are acknowledged within five (5) working days."),
        ("6.2", "Complaints are acknowledged within 5 days of receipt."),  # "days" ambiguous
        ("6.3", "Stage 1 responses are sent within 14 days."),  # may be two working weeks
        ("6.3", "Stage 2 responses are sent within 20 working days."),  # another stage's figure, correct
        ("6.3", "This is a total of 20 working days from acknowledgement."),  # cumulative 10 + 10
        ("6.3", "Residents may request an escalation within 28 days of our response."),  # window
        (
            "6.3",
            "Damp and mould hazards are inspected within 14 days under Awaab's Law.",
        ),  # not a Code timescale
        ("6.3", "We no longer take 20 working days; we respond within 10 working days."),  # retracted
        (
            "6.3",
            "Landlords must issue a full response to stage 1 complaints within 10 working days of the "
            "complaint being acknowledged.",
        ),  # the requirement quoted
        ("6.14", "We aim to respond within 20 working days as a maximum."),
        ("6.4", "We do not extend timeframes beyond the 10-working day limit."),
        ("6.3", "Repairs are completed within 28 days."),
        ("6.3", "We aim to respond within 10 working days, or 20 working days if an extension is needed."),
        ("6.3", "Residents have 28 days after our stage 1 response to escalate their complaint."),
        (
            "6.3",
            "You can ask for your complaint to be escalated within 20 working days of receiving our reply.",
        ),
        ("6.3", "Escalation requests must be received within one calendar month."),
        ("6.15", "At stage 2 a further 20 working days can be used."),  # 2024 allows 20
        ("6.3", "Stage 1 and stage 2 responses are sent within 10 and 20 working days respectively."),
        (
            "6.3",
            "Residents may bring their complaint to the Ombudsman within 12 months of our final response.",
        ),
        (
            "6.3",
            "Last year the average stage 1 response time was 12 working days.",
        ),
        (
            "6.2",
            "We acknowledge stage 1 complaints within 3 working days, which is quicker than the Code "
            "requires.",
        ),
        (
            "6.3",
            "The Code requires 10 working days; we aim for 8 working days, faster than the Code.",
        ),  # performance, not a rule
        ("6.3", "Most complaints were answered in time; a few took 15 working days."),
    ],
)
def test_wrong_timescale_traps(pid: str, commentary: str) -> None:
    assert run_one("wrong-timescale", pid, commentary=commentary) == []


def test_other_stage_compared_with_its_own_figure() -> None:
    hits = run_one("wrong-timescale", "6.3", commentary="At stage 2 we respond within 30 working days.")
    assert len(hits) == 1 and "6.14" in hits[0].message and "Stage 2" in hits[0].message


def test_2022_code_stage_1_from_logging() -> None:
    rows = [
        make_row(
            "5.1", version="2022", commentary="Stage 1 complaints follow a corporate 20-day response target."
        )
    ]
    hits = run("wrong-timescale", make_doc(rows, "2022"))
    assert len(hits) == 1 and "2022 Code (5.1)" in hits[0].message and "logged" in hits[0].message


def test_code_figure_misstated() -> None:
    hits = run_one(
        "wrong-timescale", "6.15", commentary="The Code requires a stage 2 extension of 10 working days."
    )
    assert len(hits) == 1 and "as the Code's figure" in hits[0].message
