"""Timescale phrases in commentary: "acknowledge within five (5) working days", "a 20-day response
target", "a further 10 working days", "a total of 20 working days".

A mention is read into a structured ``TimescaleMention`` (figure, unit, what it times, which stage,
whether it is a base time, an extension, a cumulative total or an escalation-request window) so that
the ``wrong-timescale`` check can compare like with like. Every cue list comes from the rule's
parameters (``rules/CC110-wrong-timescale/rule.yaml``); this module only applies them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from codecheck.text.context import compile_any
from codecheck.text.numbers import NUMBER, ordinal_or_number, parse_number
from codecheck.text.sentences import Span, clause_at, sentence_at

_QUANTITY = re.compile(
    rf"\b(?:(?P<lo>{NUMBER})\s*(?:-|to|and)\s*)?(?P<num>{NUMBER})\s*-?\s*"
    r"(?P<qual>working|business|calendar|clear)?\s*-?\s*"
    r"(?P<unit>days?|weeks?|months?|hours?|wds?)\b",
    re.IGNORECASE,
)
_STAGE = re.compile(
    r"\bstage[\s-]*(?P<n>one|two|three|zero|[0-3])\b|\b(?P<ord>first|second|third)[\s-]+stage\b",
    re.IGNORECASE,
)

#: what a mention may time; "window" (an escalation-request window) and "total" are never compared
#: with a Code figure of the same name
WHATS = ("window", "total", "time_limit", "extend", "acknowledge", "respond")


@dataclass(frozen=True)
class TimescaleMention:
    """One stated timescale, read from commentary."""

    start: int
    end: int
    text: str  # the quantity as written ("20-day", "five (5) working days")
    number: int  # the upper figure of a range
    unit: str  # working_days | days | calendar_days | weeks | months | hours
    what: str | None  # one of WHATS, or None when no cue says
    stage: int | None  # stated stage (None: not stated in the sentence)
    sentence: Span
    low: int | None = None  # lower figure of a range ("10 to 20 working days")


def _unit(qual: str | None, unit: str) -> str:
    unit = unit.lower().rstrip("s")
    qual = (qual or "").lower()
    if unit == "wd" or qual in ("working", "business"):
        return "working_days" if unit in ("day", "wd") else unit + "s"
    if unit == "day":
        return "calendar_days" if qual in ("calendar", "clear") else "days"
    return unit + "s"


def find_timescales(
    text: str, cues: Mapping[str, list[str]], after_chars: int = 80
) -> list[TimescaleMention]:
    """Every timescale mention in ``text`` (cleaned), classified with ``cues``.

    ``cues`` maps each name in ``WHATS`` to regex fragments matched against the clause *before* the
    figure, and ``<name>_after`` to fragments matched against the ``after_chars`` characters just
    *after* it. The cue
    nearest before the figure decides what it times (falling back to the words after it), because a
    sentence often times two things ("acknowledged within 5 working days and answered within 10").
    """
    out: list[TimescaleMention] = []
    compiled = {w: compile_any(cues.get(w, ())) for w in WHATS}
    compiled.update({f"{w}_after": compile_any(cues.get(f"{w}_after", ())) for w in WHATS})
    for m in _QUANTITY.finditer(text):
        num = parse_number(m.group("num"))
        if num is None or num == 0:
            continue
        low = parse_number(m.group("lo")) if m.group("lo") else None
        if low is not None and low >= num:
            low = None
        unit = _unit(m.group("qual"), m.group("unit"))
        sent = sentence_at(text, m.start())
        what = _classify(text, m.start(), m.end(), compiled, after_chars)
        stage = _stage(text, m.start(), sent)
        out.append(TimescaleMention(m.start(), m.end(), m.group(0), num, unit, what, stage, sent, low))
    return out


def _classify(
    text: str, start: int, end: int, compiled: Mapping[str, re.Pattern[str] | None], after_chars: int
) -> str | None:
    clause = clause_at(text, start)
    before = text[clause.start : start]
    after = text[end : clause.end]
    tail = after.lstrip(" ,")[:after_chars]
    # window and total override: "request an escalation within 20 working days", "a total of 20",
    # "28 days after our response to escalate", "20 working days in total"
    for what in ("window", "total"):
        pat, pat_after = compiled.get(what), compiled.get(f"{what}_after")
        if (pat and pat.search(before)) or (pat_after and pat_after.search(tail)):
            return what
    best: tuple[int, str] | None = None
    for what in ("time_limit", "extend", "acknowledge", "respond"):
        pat = compiled.get(what)
        if not pat:
            continue
        for cm in pat.finditer(before):
            if best is None or cm.end() > best[0] or (cm.end() == best[0] and what == "extend"):
                best = (cm.end(), what)
    extended_after = compiled.get("extend_after")
    if best:
        if best[1] == "respond" and extended_after and extended_after.search(tail):
            return "total"  # "respond within 20 working days if an extension is needed"
        return best[1]
    for what in ("time_limit", "extend", "acknowledge", "respond"):
        pat = compiled.get(f"{what}_after")
        if pat and pat.search(tail):
            return what
    return None


def _stage(text: str, pos: int, sent: Span) -> int | None:
    """Nearest stage named before ``pos`` in its sentence, else the first one after it."""
    rel = pos - sent.start
    before = [m for m in _STAGE.finditer(sent.text) if m.end() <= rel]
    after = [m for m in _STAGE.finditer(sent.text) if m.start() >= rel]
    m = before[-1] if before else (after[0] if after else None)
    if m is None:
        return None
    value = ordinal_or_number(m.group("n") or m.group("ord"))
    return value


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
