"""The statement reader's stage, compliance, date, definition, list and bare-token readings.

All wording is fictional and written for these tests; each phenomenon has several variants.
"""

from __future__ import annotations

from datetime import date

import pytest

from codecheck.statements import read_row

# --------------------------------------------------------------------------- stages


def extra(text: str) -> list[str]:
    """The extra stages read as the landlord's own current process."""
    return [c.extra for c in read_row(text).stages if c.extra and c.status == "own"]


@pytest.mark.parametrize(
    "text",
    [
        # a named step residents must go through before stage 1, without "stage 0" or "informal"
        "Concerns first go to our Put It Right desk, which answers within two days, "
        "before a formal complaint is registered.",
        "Only after the Early Help conversation has finished do we log a formal stage 1 complaint.",
        "A stage 1 complaint is opened once the resident has been through the Quick Response service.",
        "If the matter is still not resolved after three working days, we open a formal "
        "complaint at stage one.",
        "Our process begins with Local Resolution by the estate officer, followed by a "
        "stage 1 investigation.",
        "Sort It Now handles concerns before a formal complaint is made, with an answer within a day.",
        "Where the housing officer has not replied within ten days, write again and ask "
        "for a formal complaint.",
        "Every concern goes first to the Neighbourhood Fix stage; what it cannot settle passes to stage 1.",
        "Tenants first raise an informal complaint with the neighbourhood officer.",
        "A pre-complaint call is made before anything is logged.",
        "Tenants must talk to their estate officer before a complaint can be logged.",
    ],
)
def test_prestage_read(text: str) -> None:
    assert extra(text) == ["zero"], [c.reading() for c in read_row(text).stages]


@pytest.mark.parametrize(
    "text",
    [
        # the Code's own advice, a name for stage 1 itself, optional informal words, denials
        "Settling things locally is encouraged; still, no separate step exists before stage 1.",
        "Stage 1 (local resolution): the team leader replies within 10 working days.",
        "Twelve cases were closed at stage one, which we call frontline resolution.",
        "Frontline resolution (stage one of our two) settled 40 cases last quarter.",
        "You may prefer to mention a contractor problem to the contractor informally first.",
        "Please ring us before a complaint is made, so that we can try to help.",
        "We aim to resolve concerns at the first point of contact.",
        "We do not have a stage 0.",
        "Nothing like an informal or 'stage 0' step exists; the procedure stops at two stages.",
        "Informal handling of complaints ended when the new Code took effect.",
        "Where a repair can be done straight away, staff simply do it; nothing stops a resident complaining.",
        "Informal complaints are logged as formal stage 1 complaints straight away.",
        "Our Local Resolution stage (stage 1) is handled by the team leader.",
    ],
)
def test_not_a_prestage(text: str) -> None:
    assert extra(text) == [], [c.reading() for c in read_row(text).stages]


@pytest.mark.parametrize(
    "text",
    [
        "Example Homes handles complaints through three stages.",
        "Tenants may challenge any outcome in all three stages of our scheme.",
        "Stage 3 - if still unhappy, the resident writes to the Chair and the board considers the case.",
        "After that, board members sit as a panel, which is the third stage.",
        "Going to the Housing Ombudsman counts as our fourth stage.",
        "Stage 4 - if the tenant is still dissatisfied they may contact the Housing Ombudsman.",
        "A tenant panel hearing was brought in last year as a third stage.",
        "Cases still open after stage 2 are looked at by the Chief Executive, our last internal step.",
    ],
)
def test_third_stage_read(text: str) -> None:
    assert extra(text) == ["third"], [c.reading() for c in read_row(text).stages]


@pytest.mark.parametrize(
    "text",
    [
        "Up to March 2024 our scheme had three stages; today there are two.",
        "Is there an internal stage 3? No - once stage 2 ends, tenants can go to the Ombudsman.",
        "The Code does not allow a third stage, so our process has two.",
        "Once our two stages are done, the Housing Ombudsman offers a third level.",
        "Riverside Council runs two stages and treats the Ombudsman as a third tier.",
        "If still unhappy after stage 2, residents may refer the matter to the Housing Ombudsman (stage 3).",
        "Non-housing complaints follow the council's three-stage corporate process.",
        "We moved from a three-stage process to two stages in April.",
        "The printed leaflet still mentions three stages and is being replaced.",
        "Once stage 2 is over, tenants may take the matter to the Housing Ombudsman.",
        "A process with more than two stages is not acceptable under the Code, and ours has two.",
        "Stage 3 of our improvement plan will train repairs staff on complaint handling.",
        "The reviewed policy has two stages, removing the previous stage 3 panel.",
    ],
)
def test_not_a_third_stage(text: str) -> None:
    assert extra(text) == [], [c.reading() for c in read_row(text).stages]


# --------------------------------------------------------------------------- compliance


def contradicts(text: str, requirement: str | None = None) -> bool:
    return any(c.contradicts_yes for c in read_row(text, "", requirement).compliance)


@pytest.mark.parametrize(
    "text",
    [
        "The tenancy handbook will need to be changed to match this.",
        "Adding the Code's wording to our policy is still outstanding.",
        "How residents can do this is not clearly set out in the policy.",
        "There is no formal process for this at present, although staff do it.",
        "We are working towards a written procedure for this.",
        "Our procedure does not yet cover this.",
        "The policy is silent on this.",
        "Section 4 of our procedure is at odds with this provision.",
        "The guidance still has to be rewritten so that it reflects the Code.",
        "A new process that meets this is still being designed.",
        "We don't currently publish the annual complaints report online.",
        "A project group has been formed to put this in place by next spring.",
        "Our own review found this is only partly met.",
        "Not fully embedded across the repairs teams yet.",
        "A new procedure has been drafted and will go to the Board for approval.",
    ],
)
def test_paraphrased_non_compliance(text: str) -> None:
    assert contradicts(text), [c.reading() for c in read_row(text).compliance]


@pytest.mark.parametrize(
    "text",
    [
        "The policy is in place and is being further strengthened with refresher sessions.",
        "Minor changes to the leaflet are being drafted after this review.",
        "We will keep accepting complaints from advocates, as we always have.",
        "Over the coming year the committee will keep reviewing complaint trends.",
        "A new online portal, expected next spring, will let residents complain online too.",
        "If the resident does not agree, we do not close the case.",
        "We have not yet had a complaint of this kind.",
        "We do not have a stage 0.",
        "Extra guidance for staff will be introduced to make this quicker.",
        "There is no formal process residents must follow before they can complain.",
        "We do not currently have any open cases of this kind.",
    ],
)
def test_improvements_and_other_statements_are_not_non_compliance(text: str) -> None:
    assert not contradicts(text), [c.reading() for c in read_row(text).compliance]


def test_planned_work_counts_when_it_is_the_requirement() -> None:
    requirement = "Landlords must keep a record of every reasonable adjustment agreed with a resident."
    assert contradicts("A register of reasonable adjustments will be introduced in 2026.", requirement)
    assert contradicts("By May we will have introduced this across all teams.", requirement)
    assert not contradicts("A new staff newsletter will be introduced in 2026.", requirement)


# --------------------------------------------------------------------------- target dates


def targets(text: str, form: str = "2025-06-01") -> list[str]:
    found = read_row(text).dates(date.fromisoformat(form), date.fromisoformat(form))
    return [d.mention.text for _, d in found if d.target]


@pytest.mark.parametrize(
    "text",
    [
        "The new system is due in spring 2026.",
        "Planned for Q1 2026/27.",
        "The policy goes to the board by 31 March 2027.",
        "We expect this to be done in the first quarter of 2026.",
        "Target: the second quarter of 2026/27.",
        "Completion is planned for December 2025.",
    ],
)
def test_target_dates(text: str) -> None:
    assert targets(text), text


@pytest.mark.parametrize(
    "text",
    [
        "This will be addressed next year.",
        "We will review this in the coming year.",
        "We will get to this in due course.",
        "Work is ongoing.",
        "The policy was revised in February 2025.",  # before the form's date: history
        "A review started in March 2024 and continues.",
    ],
)
def test_not_target_dates(text: str) -> None:
    assert targets(text) == [], text


# --------------------------------------------------------------------------- definitions


@pytest.mark.parametrize(
    ("text", "start"),
    [
        (
            "Our policy defines a complaint as any worry a tenant raises about a service or "
            "action the council took.",
            "any worry",
        ),
        (
            "Under our procedure a complaint is any expression of dissatisfaction with us.",
            "any expression",
        ),
        (
            'Section 2 says: "An expression of dissatisfaction, however made, about our service."',
            "An expression",
        ),
        (
            "We define a complaint as an expression of dissatisfaction from a tenant regarding us.",
            "an expression",
        ),
    ],
)
def test_definitions_read(text: str, start: str) -> None:
    found = read_row(text).definition
    assert found is not None and found.words.text.startswith(start)


@pytest.mark.parametrize(
    "text",
    [
        "We have adopted the Ombudsman's definition of a complaint.",
        "The policy explains what a complaint is.",
        "The complaint definition is in section 2 of the policy.",
        "A complaint is set out in section 2.",
    ],
)
def test_pointers_are_not_definitions(text: str) -> None:
    assert read_row(text).definition is None


@pytest.mark.parametrize(
    "text",
    [
        "Each expression of dissatisfaction is recorded as a complaint.",
        "Staff treat every expression of dissatisfaction as a complaint, whatever words are used.",
    ],
)
def test_a_practice_using_the_codes_words_is_not_a_definition(text: str) -> None:
    assert read_row(text).definition is None


# --------------------------------------------------------------------------- lists and bare tokens


def test_lists_in_any_labelling() -> None:
    for text in (
        "Letters cover: a. the stage b. the decision c. the reasons",
        "Letters cover: 1) the stage 2) the decision 3) the reasons",
        "Letters cover:\n\u2022 the stage\n\u2022 the decision\n\u2022 the reasons",
        "Letters cover: (a) the stage (b) the decision (c) the reasons",
    ):
        lists = read_row(text).lists
        assert lists and [i.words.text for i in lists[0].items] == [
            "the stage",
            "the decision",
            "the reasons",
        ], text


@pytest.mark.parametrize("token", ["Noted.", "Acknowledged.", "N/A", "n/a", "Agreed", "-", "Yes."])
def test_bare_tokens(token: str) -> None:
    assert read_row(token, token).bare("commentary") and read_row("", token).bare("evidence")


@pytest.mark.parametrize(
    "text",
    [
        "Noted in the policy, section 3.",
        "Acknowledgement letters are sent within 5 days.",
        "See above",  # points to another row's evidence: not nothing
    ],
)
def test_words_are_not_bare(text: str) -> None:
    assert not read_row(text).bare("commentary")


def test_compliance_kinds_and_target_dates() -> None:
    claims = read_row("We fully comply with this requirement.").compliance
    assert [(c.kind, c.contradicts_yes) for c in claims] == [("asserted", False)]
    claims = read_row("The handbook still has to be rewritten; this will be done by 30 June 2026.").compliance
    assert claims[0].kind == "in_progress" and claims[0].contradicts_yes
    planned = [c for c in claims if c.kind == "planned"]
    assert not planned or planned[0].target == "30 June 2026"
    claims = read_row("The leaflet will be updated to reflect this by 31 March 2026.").compliance
    assert claims[0].kind == "planned" and claims[0].target == "31 March 2026"


@pytest.mark.parametrize(
    "token", ["N/A", "TBC", "None provided.", "Nothing held", "No evidence available", "Pending", "To follow"]
)
def test_placeholders_say_nothing_in_either_column(token: str) -> None:
    reading = read_row(token, token)
    assert reading.placeholder_only("evidence") and reading.bare("commentary")
    assert not reading.acknowledgement_only("commentary")


@pytest.mark.parametrize("token", ["See above", "As below.", "see above"])
def test_a_pointer_is_a_placeholder_only_for_evidence(token: str) -> None:
    reading = read_row(token, token)
    assert reading.placeholder_only("evidence") and not reading.bare("commentary")


@pytest.mark.parametrize("token", ["Noted.", "Fully compliant", "Met.", "Agreed"])
def test_acknowledgements_are_not_placeholders(token: str) -> None:
    reading = read_row(token, token)
    assert reading.acknowledgement_only("commentary") and not reading.placeholder_only("evidence")


def test_a_cell_that_says_more_is_no_placeholder() -> None:
    reading = read_row("None of our stage 2 cases needed it this year.", "N/A - see the policy, section 4")
    assert not reading.placeholder_only("commentary") and not reading.placeholder_only("evidence")
