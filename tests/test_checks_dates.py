"""CC108 partial-without-date."""

from __future__ import annotations

import pytest

from content_fixtures import run_one

FORM = "2024-06-01"


@pytest.mark.parametrize(
    "commentary",
    [
        "A new procedure will be in place by March 2025.",
        "Target completion 31/03/2025.",
        "Scheduled for Q3 2024/25.",
        "Due by the end of 2024.",
        "The new template goes live April 2025.",
        "Included in the 2025/26 service plan.",
        "We expect to comply within three months.",
        "Training will be complete by the end of the financial year.",
    ],
)
def test_target_date_given(commentary: str) -> None:
    assert (
        run_one("partial-without-date", "5.4", answer="partial", commentary=commentary, document_date=FORM)
        == []
    )


@pytest.mark.parametrize(
    "commentary",
    [
        "This area is still being worked on.",
        "A review began in March 2024 and is continuing.",  # past relative to the form's date
        "Performance for 2023/24 fell short; we are reviewing it.",  # past financial year
        "Stage 1 replies are due within 10 working days.",  # a process timescale, not a date
    ],
)
def test_no_target_date(commentary: str) -> None:
    hits = run_one("partial-without-date", "5.4", answer="partial", commentary=commentary, document_date=FORM)
    assert len(hits) == 1
    assert "date by which" in hits[0].message


def test_past_dates_named_in_message() -> None:
    hits = run_one(
        "partial-without-date", "5.4", answer="no", commentary="Reviewed in March 2024.", document_date=FORM
    )
    assert "March 2024" in hits[0].message and "before the form's date" in hits[0].message


def test_yes_in_progress_answer_is_checked() -> None:
    hits = run_one(
        "partial-without-date", "5.4", answer="yes", answer_text="Yes (in progress)", commentary="Ongoing."
    )
    assert len(hits) == 1 and "Yes (in progress)" in hits[0].message


def test_plain_yes_not_checked() -> None:
    assert run_one("partial-without-date", "5.4", answer="yes", commentary="We always do this.") == []


def test_unexplained_row() -> None:
    hits = run_one("partial-without-date", "9.8", answer="no")
    assert len(hits) == 1 and "no commentary" in hits[0].message
    # configurable: leave it to no-without-explanation, whose message asks for the date as well
    assert run_one("partial-without-date", "9.8", answer="no", params={"skip_when_unexplained": True}) == []


def test_ticked_answer_named_plainly() -> None:
    hits = run_one(
        "partial-without-date", "4.3", answer="partial", answer_text="tick", commentary="Ongoing work."
    )
    assert len(hits) == 1 and hits[0].message.startswith("Answered Partial (ticked)")
