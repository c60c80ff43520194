"""Dates and target dates in commentary.

The Code asks a landlord that does not comply to give "the date by which it intends to comply". Officers
write that date in many ways ("by March 2025", "31/03/2025", "Q3 2024/25", "end of 2024", "2025/26",
"within three months", "by the end of the financial year"). Each mention is resolved to the *latest*
day it can mean, so that "a date in the past relative to the form's own date" can be told apart from a
real target: a target must end on or after the form's date.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from codecheck.text.numbers import NUMBER, parse_number

MONTHS = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}
_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_SEASON_END = {"spring": (5, 0), "summer": (8, 0), "autumn": (11, 0), "fall": (11, 0), "winter": (2, 1)}
_PART_END = {"early": 4, "mid": 7, "middle of": 7, "late": 12, "end of": 12, "the end of": 12}


@dataclass(frozen=True)
class DateMention:
    """A date expression found in a text and the latest calendar day it can refer to."""

    start: int
    end: int
    text: str
    latest: date
    kind: str  # exact | month | quarter | financial_year | year | season | relative


def _end_of_month(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _year(text: str) -> int:
    y = int(text)
    return y + 2000 if y < 100 else y


def _fy_end(start_year: int) -> date:
    """UK financial year "2024/25" runs 1 April 2024 to 31 March 2025."""
    return date(start_year + 1, 3, 31)


def _add_months(d: date, months: int) -> date:
    m = d.month - 1 + months
    y = d.year + m // 12
    m = m % 12 + 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


_FY = r"(20\d\d)\s*[/-]\s*(20\d\d|\d\d)"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("numeric", re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](20\d\d|\d\d)\b")),
    (
        "day_month_year",
        re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_ALT})\.?,?\s+(20\d\d)\b", re.I),
    ),
    (
        "month_day_year",
        re.compile(rf"\b({_MONTH_ALT})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(20\d\d)\b", re.I),
    ),
    ("quarter_fy", re.compile(rf"\b(?:q|quarter\s*)([1-4])\s*(?:of\s+)?(?:fy\s*)?{_FY}\b", re.I)),
    ("quarter_year", re.compile(r"\b(?:q|quarter\s*)([1-4])\s*(?:of\s+)?(20\d\d)\b(?!\s*[/-]\s*\d)", re.I)),
    ("month_year", re.compile(rf"\b({_MONTH_ALT})\.?,?\s+(20\d\d)\b(?!\s*[/-]\s*\d)", re.I)),
    ("season_year", re.compile(r"\b(spring|summer|autumn|fall|winter)\s+(?:of\s+)?(20\d\d)\b", re.I)),
    ("financial_year", re.compile(rf"\b(?:fy\s*)?{_FY}\b", re.I)),
    (
        "part_year",
        re.compile(r"\b(early|mid|middle of|late|(?:the\s+)?end of)[\s-]+(20\d\d)\b(?!\s*[/-]\s*\d)", re.I),
    ),
    (
        "year",
        re.compile(
            r"\b(?:by|in|during|before|until|till|within|for)\s+(?:the\s+year\s+)?(20\d\d)\b(?!\s*[/-]\s*\d)",
            re.I,
        ),
    ),
]

_RELATIVE_UNIT_MONTHS = {"month": 1, "months": 1, "quarter": 3, "quarters": 3, "year": 12, "years": 12}
_RELATIVE = re.compile(
    rf"\b(?:within|in|over|during)\s+(?:the\s+)?(?:next\s+|coming\s+)?({NUMBER}|a|an|one)\s+"
    r"(months?|quarters?|years?)\b",
    re.I,
)
_END_OF = re.compile(
    r"\b(?:by|before|at|for|until|till|to)\s+(?:the\s+)?(?:end\s+of\s+(?:the\s+)?|)"
    r"(?:(current|this|next)\s+)?(financial\s+year|calendar\s+year|year|quarter|month)(?:[\s-]+end)?\b",
    re.I,
)
_MONTH_ONLY = re.compile(
    rf"\b(?:by|before|until|till|in|during|from|end of|the end of)\s+(?:the\s+end\s+of\s+)?({_MONTH_ALT})\b"
    r"(?!\.?,?\s*(?:\d|20\d\d))",
    re.I,
)
_NEXT = re.compile(
    r"\b(?:(?:by|in|during|for|over|within)\s+)?(?:the\s+)?next\s+(financial\s+year|year|quarter|month)\b",
    re.I,
)
_QUARTER_ONLY = re.compile(
    r"\b(?:by|before|in|during|end of|the end of)\s+(?:the\s+end\s+of\s+)?(?:q|quarter\s*)([1-4])\b"
    r"(?!\s*(?:of\s+)?(?:fy\s*)?20\d\d)",
    re.I,
)


def find_dates(text: str, ref: date | None = None) -> list[DateMention]:
    """Every date expression in ``text`` with the latest day it may mean.

    ``ref`` (the form's own date) anchors relative expressions ("within three months", "by the end of
    the financial year", "by September": the next September on or after it); without it they are not
    resolved.
    """
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match[str], latest: date | None, kind: str) -> None:
        if latest is None:
            return
        if any(m.start() < e and s < m.end() for s, e in taken):
            return
        taken.append((m.start(), m.end()))
        found.append(DateMention(m.start(), m.end(), m.group(0), latest, kind))

    for kind, pat in _PATTERNS:
        for m in pat.finditer(text):
            add(m, _resolve(kind, m), _KIND_NAME[kind])
    if ref is not None:
        for m in _RELATIVE.finditer(text):
            n_text = m.group(1).lower()
            n = 1 if n_text in ("a", "an") else parse_number(n_text)
            if n is None:
                continue
            months = n * _RELATIVE_UNIT_MONTHS[m.group(2).lower()]
            add(m, _add_months(ref, months), "relative")
        for m in _MONTH_ONLY.finditer(text):
            if m.group(1).lower() == "may" and not re.match(
                r"(?i)(?:by|before|until|till|end of|the end of)", m.group(0)
            ):
                continue  # "in may" is more often the verb than the month
            month = MONTHS[m.group(1).lower()]
            year = ref.year if month >= ref.month else ref.year + 1
            add(m, _end_of_month(year, month), "month")
        for m in _QUARTER_ONLY.finditer(text):
            add(m, _next_quarter_end(ref, int(m.group(1))), "quarter")
        for m in _NEXT.finditer(text):
            add(m, _period_end(ref, m.group(1).lower(), "next"), "relative")
        for m in _END_OF.finditer(text):
            add(m, _period_end(ref, m.group(2).lower(), (m.group(1) or "this").lower()), "relative")
    found.sort(key=lambda d: d.start)
    return found


_KIND_NAME = {
    "numeric": "exact",
    "day_month_year": "exact",
    "month_day_year": "exact",
    "quarter_fy": "quarter",
    "quarter_year": "quarter",
    "month_year": "month",
    "season_year": "season",
    "financial_year": "financial_year",
    "part_year": "year",
    "year": "year",
}


def _resolve(kind: str, m: re.Match[str]) -> date | None:
    try:
        if kind == "numeric":
            day, month, year = int(m.group(1)), int(m.group(2)), _year(m.group(3))
            return date(year, month, day)  # UK order: day/month/year
        if kind == "day_month_year":
            return date(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))
        if kind == "month_day_year":
            return date(int(m.group(3)), MONTHS[m.group(1).lower()], int(m.group(2)))
        if kind == "quarter_fy":
            q, start = int(m.group(1)), int(m.group(2))
            if not _is_fy_pair(start, m.group(3)):
                return None
            month = 3 + 3 * q  # Q1 ends June, Q2 September, Q3 December, Q4 March next year
            return _end_of_month(start + (month - 1) // 12, (month - 1) % 12 + 1)
        if kind == "quarter_year":
            return _end_of_month(int(m.group(2)), 3 * int(m.group(1)))
        if kind == "month_year":
            return _end_of_month(int(m.group(2)), MONTHS[m.group(1).lower()])
        if kind == "season_year":
            month, carry = _SEASON_END[m.group(1).lower()]
            return _end_of_month(int(m.group(2)) + carry, month)
        if kind == "financial_year":
            start = int(m.group(1))
            if not _is_fy_pair(start, m.group(2)):
                return None
            return _fy_end(start)
        if kind == "part_year":
            part = " ".join(m.group(1).lower().split())
            return _end_of_month(int(m.group(2)), _PART_END.get(part, 12))
        if kind == "year":
            return date(int(m.group(1)), 12, 31)
    except (ValueError, KeyError):
        return None
    return None


def _is_fy_pair(start: int, second: str) -> bool:
    """ "2024/25" and "2024/2025" are financial years; "2024/2027" is not."""
    return _year(second) == start + 1


def _next_quarter_end(ref: date, q: int) -> date:
    """The later of the next calendar-year and financial-year "Q<q>" ends on or after ``ref``.

    Without a year, "Q2" may be April-June (calendar) or July-September (financial year); the later
    end is taken so that a real target is never mistaken for a past date.
    """
    ends = []
    for month in (3 * q, (3 * q + 3 - 1) % 12 + 1):
        year = ref.year if _end_of_month(ref.year, month) >= ref else ref.year + 1
        ends.append(_end_of_month(year, month))
    return max(ends)


def _period_end(ref: date, period: str, which: str) -> date:
    period = " ".join(period.split())
    if period == "financial year":
        end = _fy_end(ref.year if ref.month >= 4 else ref.year - 1)
        return _add_months(end, 12) if which == "next" else end
    if period in ("year", "calendar year"):
        return date(ref.year + (1 if which == "next" else 0), 12, 31)
    if period == "quarter":
        q_end_month = ((ref.month - 1) // 3 + 1) * 3
        end = _end_of_month(ref.year, q_end_month)
        if which == "next":
            nxt = _add_months(date(end.year, end.month, 1), 3)
            return _end_of_month(nxt.year, nxt.month)
        return end
    # month
    if which == "next":
        nxt = _add_months(date(ref.year, ref.month, 1), 1)
        return _end_of_month(nxt.year, nxt.month)
    return _end_of_month(ref.year, ref.month)


def target_dates(
    text: str, ref: date | None, anchor: date | None = None, grace_days: int = 0
) -> list[DateMention]:
    """Date mentions that can be a target for compliance: those not wholly before the form's date.

    ``ref`` is the form's own date; ``anchor`` (default ``ref``) resolves relative phrases such as
    "within three months" when the form states no date. Without a form date no mention can be shown to
    be in the past, so every one counts.
    """
    dates = find_dates(text, ref or anchor)
    if ref is None:
        return dates
    cutoff = ref - timedelta(days=grace_days)
    return [d for d in dates if d.latest >= cutoff]


def parse_iso(value: str | None) -> date | None:
    """``date`` from an ISO string such as ``AlignedDocument.document_date``; None when absent or bad."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
