"""CC106 missing-evidence."""

from __future__ import annotations

import pytest

from content_fixtures import run_one


def test_yes_with_nothing() -> None:
    hits = run_one("missing-evidence", "6.20")
    assert len(hits) == 1 and "no evidence and no commentary" in hits[0].message


@pytest.mark.parametrize(
    "commentary", ["This requirement is complied with.", "Compliant", "We are fully compliant."]
)
def test_bare_assertion(commentary: str) -> None:
    hits = run_one("missing-evidence", "6.20", answer="partial", commentary=commentary)
    assert len(hits) == 1 and "only asserts compliance" in hits[0].message


@pytest.mark.parametrize(
    ("evidence", "commentary"),
    [
        ("Complaints Policy v4", ""),
        ("", "Set out in the Example Homes complaints policy, section 3."),
        ("", "See www.example-homes.org.uk/complaints"),
        ("", "Staff follow the escalation process and keep residents informed."),  # practice: judgement call
        ("", "This requirement is complied with - see the audit report."),
    ],
)
def test_supported_or_judgement_not_flagged(evidence: str, commentary: str) -> None:
    assert run_one("missing-evidence", "6.20", evidence=evidence, commentary=commentary) == []


@pytest.mark.parametrize("answer", ["no", "na", "blank"])
def test_other_answers_not_checked(answer: str) -> None:
    assert run_one("missing-evidence", "6.20", answer=answer) == []
