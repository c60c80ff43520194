"""CC112 definition-mismatch and CC113 list-item-missing."""

from __future__ import annotations

import pytest

from content_fixtures import run_one

CODE_2024 = (
    "an expression of dissatisfaction, however made, about the standard of service, actions or lack of "
    "action by the landlord, its own staff, or those acting on its behalf, affecting a resident or group "
    "of residents."
)

# --------------------------------------------------------------------------- CC112


@pytest.mark.parametrize(
    "commentary",
    [
        f"Our policy defines a complaint as '{CODE_2024}'",
        f"Our policy defines a complaint as \u201c{CODE_2024.upper()}\u201d",
        # naming the landlord and "our staff" is not a change
        'Example Homes uses: "An expression of dissatisfaction, however made, about the standard of '
        "service, actions or lack of action by Example Homes, our staff, or those acting on our behalf, "
        'affecting a resident or group of residents."',
        "We have adopted the Ombudsman's definition of a complaint.",  # nothing quoted
    ],
)
def test_definition_accepted(commentary: str) -> None:
    assert run_one("definition-mismatch", "1.2", commentary=commentary) == []


def test_dropped_phrase_flagged() -> None:
    text = (
        'Our definition: "an expression of dissatisfaction, however made, about the standard of service, '
        "actions or lack of action by the organisation, its own staff, or those acting on its behalf, "
        'affecting a customer of Example Homes."'
    )
    hits = run_one("definition-mismatch", "1.2", commentary=text)
    assert len(hits) == 1
    assert "affecting a resident or group of residents" in hits[0].message
    assert 'it reads "affecting a customer of Example Homes' in hits[0].message


def test_missing_however_made() -> None:
    text = (
        '"An expression of dissatisfaction about the standard of service, actions or lack of action by the '
        'landlord, its own staff, or those acting on its behalf, affecting a resident or group of residents."'
    )
    hits = run_one("definition-mismatch", "1.2", commentary=text)
    assert len(hits) == 1 and '"however made"' in hits[0].message


def test_2022_wording_individual_resident() -> None:
    ok = (
        "'an expression of dissatisfaction, however made, about the standard of service, actions or lack of "
        "action by the organisation, its own staff, or those acting on its behalf, affecting an individual "
        "resident or group of residents'"
    )
    assert run_one("definition-mismatch", "1.2", version="2022", commentary=ok) == []


def test_2022_wording_on_a_2024_form_is_not_material() -> None:
    text = (
        "'an expression of dissatisfaction, however made, about the standard of service, actions or lack of "
        "action by the organisation, its own staff, or those acting on its behalf, affecting an individual "
        "resident or group of residents'"
    )
    assert run_one("definition-mismatch", "1.2", commentary=text) == []


def test_narrower_scope_is_flagged() -> None:
    text = (
        "'an expression of dissatisfaction, however made, about the standard of service, actions or lack of "
        "action by the landlord, its own staff, or those acting on its behalf, affecting a tenant or group "
        "of tenants'"
    )
    hits = run_one("definition-mismatch", "1.2", commentary=text)
    assert len(hits) == 1 and 'it reads "affecting a tenant or group of tenants"' in hits[0].message


def test_other_rows_ignored() -> None:
    text = '"An expression of dissatisfaction by a customer."'
    assert run_one("definition-mismatch", "1.3", commentary=text) == []


# --------------------------------------------------------------------------- CC113

FULL = (
    "Stage 1 letters confirm: a. the complaint stage b. the complaint definition c. the decision on the "
    "complaint d. the reasons for any decisions made e. the details of any remedy offered f. details of "
    "any outstanding actions g. details of how to escalate the matter to stage 2"
)


def test_full_list_accepted() -> None:
    assert run_one("list-item-missing", "6.9", commentary=FULL) == []


def test_item_left_out() -> None:
    text = FULL.replace(" d. the reasons for any decisions made", "")
    hits = run_one("list-item-missing", "6.9", commentary=text)
    assert len(hits) == 1
    assert "d) the reasons for any decisions made" in hits[0].message


@pytest.mark.parametrize(
    "commentary",
    [
        "Our letter template covers every point the Code lists, e.g. the decision and remedy.",  # no list
        "a. We train staff b. We audit letters c. We survey residents",  # a list of something else
        "See section 6.9 and 6.10 of the policy.",
    ],
)
def test_no_lettered_walkthrough(commentary: str) -> None:
    assert run_one("list-item-missing", "6.9", commentary=commentary) == []
