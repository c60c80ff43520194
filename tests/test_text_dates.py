"""Date and target-date recognition."""

from __future__ import annotations

from datetime import date

import pytest

from codecheck.text.dates import find_dates, parse_iso, target_dates

FORM = date(2024, 6, 1)


@pytest.mark.parametrize(
    ("text", "latest"),
    [
        ("We will complete this by March 2025.", date(2025, 3, 31)),
        ("Target: 31/03/2025", date(2025, 3, 31)),
        ("due in Q3 2024/25", date(2024, 12, 31)),
        ("Q4 2024/25", date(2025, 3, 31)),
        ("by the end of 2024", date(2024, 12, 31)),
        ("from April 2025", date(2025, 4, 30)),
        ("planned for 2025/26", date(2026, 3, 31)),
        ("in 2025-26", date(2026, 3, 31)),
        ("by 31st March 2025", date(2025, 3, 31)),
        ("by 1 Sept 2024", date(2024, 9, 1)),
        ("in spring 2025", date(2025, 5, 31)),
        ("by 2025", date(2025, 12, 31)),
        ("within three months", date(2024, 9, 1)),
        ("over the next 6 months", date(2024, 12, 1)),
        ("by the end of the financial year", date(2025, 3, 31)),
        ("by the end of the next financial year", date(2026, 3, 31)),
        ("by the end of the quarter", date(2024, 6, 30)),
        ("complete by September", date(2024, 9, 30)),
        ("by the end of Q2", date(2024, 9, 30)),
        ("goes live next month", date(2024, 7, 31)),
        ("over the next quarter", date(2024, 9, 30)),
        ("live by the end of February", date(2025, 2, 28)),
    ],
)
def test_recognised(text: str, latest: date) -> None:
    found = find_dates(text, FORM)
    assert found, text
    assert found[0].latest == latest


@pytest.mark.parametrize(
    "text",
    [
        "Stage 1 responses are sent within 10 working days.",  # a process timescale, not a date
        "See section 6.3 of our policy.",
        "Version 2.1 of the leaflet",
        "There are 2024 tenants in the scheme",  # a bare number that looks like a year
        "2024/2027 plan",  # not a financial year
    ],
)
def test_not_dates(text: str) -> None:
    assert find_dates(text, FORM) == []


def test_past_dates_are_not_targets() -> None:
    text = "The policy was approved in March 2024 and reviewed in 2023/24."
    assert find_dates(text, FORM)
    assert target_dates(text, FORM) == []


def test_future_date_is_a_target() -> None:
    assert [d.text for d in target_dates("A new template goes live in October 2024.", FORM)] == [
        "October 2024"
    ]


def test_without_form_date_every_date_counts_and_relative_uses_anchor() -> None:
    assert target_dates("approved March 2020", None)
    assert target_dates("within three months", None, anchor=FORM)
    assert target_dates("within three months", None) == []


def test_parse_iso() -> None:
    assert parse_iso("2024-06-01") == FORM
    assert parse_iso("2024-06-01T10:00:00") == FORM
    assert parse_iso("June") is None
    assert parse_iso(None) is None
