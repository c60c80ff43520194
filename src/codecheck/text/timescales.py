"""Working-day arithmetic for stated timescales.

"days" and "weeks" in commentary may be calendar time; the ``wrong-timescale`` check compares a stated
figure with the Code's only when it is longer however it is read. Reading the figures themselves
(what they time, which stage, whose rule) is the statement reader's job (``codecheck.statements``).
"""

from __future__ import annotations


def working_day_bounds(number: int, unit: str, slack_days: int) -> tuple[float, float]:
    """(shortest, longest) span in working days a stated figure can mean.

    "days" without "working" is ambiguous: it may be working days or calendar days, so the shortest
    reading treats calendar days as 5/7 working days less ``slack_days`` (bank holidays, a weekend at
    either end). A figure is clearly longer than the Code's only when its shortest reading is.
    """
    if unit == "working_days":
        return float(number), float(number)
    if unit in ("days", "calendar_days"):
        shortest = max(0.0, (number - slack_days) * 5 / 7)
        return shortest, float(number)
    if unit == "weeks":
        return max(0.0, (number * 7 - slack_days) * 5 / 7), number * 5.0
    if unit == "hours":
        return number / 24 * 5 / 7, number / 24
    if unit == "months":
        return max(0.0, (number * 28 - slack_days) * 5 / 7), number * 23.0
    return float(number), float(number)
