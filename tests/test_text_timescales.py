"""Timescale phrase parsing: figures, units, what is timed, which stage."""

from __future__ import annotations

import pytest

from codecheck.text.normalize import clean
from codecheck.text.timescales import find_timescales, working_day_bounds
from content_fixtures import params

CUES = params("wrong-timescale")["cues"]


def one(text: str):
    found = find_timescales(clean(text), CUES)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "number", "unit", "what", "stage"),
    [
        ("We acknowledge complaints within five (5) working days.", 5, "working_days", "acknowledge", None),
        ("Stage 1 responses are sent within ten working days.", 10, "working_days", "respond", 1),
        ("The council applies a 20-day response target to stage one.", 20, "days", "respond", 1),
        ("At stage 2 we reply within 20 working days of escalation.", 20, "working_days", "respond", 2),
        (
            "An extension of up to 30 working days may be agreed at stage two.",
            30,
            "working_days",
            "extend",
            2,
        ),
        ("We may take a further 10 working days.", 10, "working_days", "extend", None),
        ("This is a total of 20 working days from acknowledgement.", 20, "working_days", "total", None),
        ("Residents may request an escalation within 28 days.", 28, "days", "window", None),
        ("Complaints must be made within 6 months of the issue.", 6, "months", "time_limit", None),
        ("the 10-working day timeframe for a response", 10, "working_days", "respond", None),
        ("We answer within 2 weeks", 2, "weeks", "respond", None),
    ],
)
def test_mentions(text: str, number: int, unit: str, what: str, stage: int | None) -> None:
    m = one(text)
    assert (m.number, m.unit, m.what, m.stage) == (number, unit, what, stage)


def test_two_figures_in_one_sentence_are_classified_separately() -> None:
    found = find_timescales(
        clean("Complaints are acknowledged within 5 working days and answered within 10 working days."), CUES
    )
    assert [(m.number, m.what) for m in found] == [(5, "acknowledge"), (10, "respond")]


def test_range_keeps_upper_bound() -> None:
    m = one("Stage 1 replies take 10 to 20 working days.")
    assert (m.low, m.number) == (10, 20)


def test_calendar_reading_bounds() -> None:
    assert working_day_bounds(10, "working_days", 2) == (10.0, 10.0)
    shortest, _ = working_day_bounds(20, "days", 2)
    assert shortest > 10  # "20 days" is longer than 10 working days however it is read
    shortest, _ = working_day_bounds(14, "days", 2)
    assert shortest <= 10  # "14 days" may be two working weeks
