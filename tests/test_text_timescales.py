"""Working-day bounds of a stated figure (the calendar reading of "days" and "weeks")."""

from __future__ import annotations

from codecheck.text.timescales import working_day_bounds


def test_calendar_reading_bounds() -> None:
    assert working_day_bounds(10, "working_days", 2) == (10.0, 10.0)
    shortest, _ = working_day_bounds(20, "days", 2)
    assert shortest > 10  # "20 days" is longer than 10 working days however it is read
    shortest, _ = working_day_bounds(14, "days", 2)
    assert shortest <= 10  # "14 days" may be two working weeks
