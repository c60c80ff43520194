"""The form's own date, as alignment records it (``AlignedDocument.document_date``)."""

from __future__ import annotations

from datetime import date

import pytest

from codecheck.docdate import dates_in, find_document_date, parse_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12 June 2024", date(2024, 6, 12)),
        ("12th of June, 2024", date(2024, 6, 12)),
        ("June 12, 2024", date(2024, 6, 12)),
        ("Sept 2022", date(2022, 9, 1)),
        ("SEPTEMBER 2022", date(2022, 9, 1)),
        ("2025-04-03", date(2025, 4, 3)),
        ("03/04/2025", date(2025, 4, 3)),  # UK order: 3 April
        ("3.4.2025", date(2025, 4, 3)),
        ("31/02/2025", None),
        ("2024/25", None),
        ("version 2024", None),
    ],
)
def test_parse_date(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


def test_dates_in_keeps_the_longest_match_once() -> None:
    assert dates_in("On 12 June 2024 and in July 2024.") == [(3, date(2024, 6, 12)), (23, date(2024, 7, 1))]


@pytest.mark.parametrize(
    ("title", "paragraphs", "expected"),
    [
        (None, ["Self-assessment undertaken in June 2024."], "2024-06-01"),
        ("Example Homes - Self-Assessment Form - SEPTEMBER 2022", [], "2022-09-01"),
        (None, ["Reviewed: 03/04/2025"], "2025-04-03"),
        (None, ["Completed on 12 March 2025; actions to be completed by June 2025."], "2025-03-12"),
        (None, ["Actions will be completed by June 2025."], None),  # a deadline, not the form's date
        (None, ["The Code came into force on 1 April 2024."], None),  # the Code's date
        (None, ["This self-assessment follows the Code issued in February 2024."], None),
        (None, ["Self-assessment for the period April 2024 to March 2025."], None),
        (None, ["Example Homes welcomes complaints. June 2024"], None),  # no sign it dates the form
        ("Example Homes self-assessment 2024/25", ["Our complaints team completed this form."], None),
    ],
)
def test_find_document_date(title: str | None, paragraphs: list[str], expected: str | None) -> None:
    assert find_document_date(title, paragraphs) == expected


def test_only_the_opening_paragraphs_are_read() -> None:
    filler = ["Example Homes provides homes in the north."] * 60
    assert find_document_date(None, [*filler, "Self-assessment completed in May 2025."]) is None
