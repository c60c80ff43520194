"""Find the date a self-assessment form gives for itself ("Self-assessment undertaken in June 2024").

The date matters for two judgements: whether the form follows a Code version that was already
superseded, and whether a "target date" in the commentary had already passed. Only the title and the
loose paragraphs near the top of the document are read, and a paragraph must say it is about the
assessment ("self-assessment", "undertaken", "reviewed", "dated" ...): a date elsewhere (for example
"in force from 1 April 2024" in the Code's own text) is not the form's date. A month-only date is given
as the first of that month.
"""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    m: i
    for i, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        1,
    )
    for m in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_PATTERNS = (
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),  # 12 June 2024
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),  # June 12, 2024
    re.compile(rf"\b{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),  # June 2024
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]?\d)-(?P<day>[0-3]?\d)\b"),  # 2024-06-12
    re.compile(r"\b(?P<day>[0-3]?\d)[/.](?P<month>[01]?\d)[/.](?P<year>(?:19|20)\d\d)\b"),  # 12/06/2024 (UK)
)
KEYWORDS = re.compile(
    r"self[- ]?assess|undertaken|completed|reviewed|approved|updated|prepared"
    r"|\bdated?\b|\bas at\b|\bversion\b",
    re.IGNORECASE,
)
# Phrases that date the Code or a law, not the form.
NOT_THE_FORM = re.compile(
    r"in(?:to)? force|came into|comes? into|effective from|appl(?:y|ies|icable) (?:from|to)"
    r"|\bact\b|published by|\bissued\b",
    re.IGNORECASE,
)
# Words before a date that make it a deadline or a span, not the day the form was completed.
_NOT_A_STAMP = re.compile(
    r"\b(?:by|before|until|till|due|target|deadline|from|to|after|between|and|next|period|year)"
    r"\s*(?:the\s+)?(?:end\s+of\s+)?$",
    re.IGNORECASE,
)
MAX_PARAGRAPHS = 40
MAX_CHARS = 600


def dates_in(text: str) -> list[tuple[int, date]]:
    """Every calendar date written in ``text`` (UK day-month order), as (offset, date), in text order."""
    found: list[tuple[int, int, date]] = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            parsed = _to_date(m)
            if parsed is not None:
                found.append((m.start(), m.end(), parsed))
    found.sort(key=lambda t: (t[0], -t[1]))
    out: list[tuple[int, date]] = []
    end = -1
    for start, stop, parsed in found:
        if start >= end:  # "12 June 2024" also contains "June 2024": keep the longer, earlier match
            out.append((start, parsed))
            end = stop
    return out


def parse_date(text: str) -> date | None:
    """The first calendar date written in ``text``, or None."""
    found = dates_in(text)
    return found[0][1] if found else None


def _to_date(m: re.Match[str]) -> date | None:
    month_text = m.group("month").lower().rstrip(".")
    month = MONTHS.get(month_text) if not month_text.isdigit() else int(month_text)
    day = int(m.groupdict().get("day") or 1)
    try:
        return date(int(m.group("year")), month or 0, day)
    except ValueError:
        return None


def _form_date(text: str) -> date | None:
    """The first date in ``text`` that is not a deadline or a period boundary ("by March 2025")."""
    for start, found in dates_in(text):
        if not _NOT_A_STAMP.search(text[max(0, start - 24) : start]):
            return found
    return None


def find_document_date(title: str | None, paragraphs: list[str]) -> str | None:
    """The form's own date as an ISO string, from its title or an opening paragraph; None if absent."""
    for text in paragraphs[:MAX_PARAGRAPHS]:
        text = text[:MAX_CHARS]
        if KEYWORDS.search(text) and not NOT_THE_FORM.search(text):
            found = _form_date(text)
            if found is not None:
                return found.isoformat()
    if title and not NOT_THE_FORM.search(title):
        found = _form_date(title[:MAX_CHARS])
        if found is not None:
            return found.isoformat()
    return None
