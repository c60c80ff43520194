"""Amounts of time as officers write them: "10 working days", "five (5) days", "a fortnight",
"20-working-day", "24.5 working days", "workings days", "15 to 20 working days", "10 and 20 working
days", "up to ten more working days", and a bare "20" that borrows the unit of the figure before it
("Stage 1: 10 working days; Stage 2: 20").

One pass of one pattern over a sentence finds every quantity; nothing here decides what a figure
times or whose figure it is (``timescales`` does that).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from codecheck.text.numbers import WORD_NUMBER, parse_number

_NUM = rf"(?:\d{{1,4}}(?:\.\d{{1,2}})?|{WORD_NUMBER})(?:\s*\(\s*(?:\d{{1,4}}|{WORD_NUMBER})\s*\))?"
_UNIT = r"(?P<unit>days?|day's|weeks?|months?|hours?|hrs?|years?|wds?|fortnights?)"
_QUAL = r"(?P<qual>workings?|business|calendar|clear|work)"
_QUANTITY = re.compile(
    rf"\b(?:(?P<between>between)\s+)?"
    rf"(?P<list>(?:{_NUM}\s*,\s*){{0,5}}{_NUM}\s*,?\s*(?:(?P<conj>and|or|to)\s+|(?<=\d)\s*(?P<dash>-)\s*(?=\d)))?"
    rf"(?P<num>{_NUM}|an?|one)(?![.\d])\s*-?\s*"
    rf"(?P<more>more|further|extra|additional)?\s*-?\s*"
    rf"(?:{_QUAL}\s*-?\s*)?{_UNIT}(?![a-z])"
    # "7 days a week", "24 hours a day": a frequency, not a length of time
    r"(?!\s+(?:a|an|per|each|every)\s+(?:day|week|month|year|fortnight)\b)"
    r"|\b(?P<fortnight>(?:a|one)\s+fortnight)\b",
    re.IGNORECASE,
)
_LIST_ITEM = re.compile(_NUM, re.IGNORECASE)
_FREQUENCY_TAIL = re.compile(r"(?:days?|hours?|times?|weeks?|months?)\s+$", re.IGNORECASE)
# a bare number that borrows the unit of the figure before it: "Stage 2: 20", "and 20 for stage 2",
# "but most are settled within 10."
_BARE = re.compile(
    rf"(?:(?<=:)|(?<=\bwithin)|(?<=\binside)|(?<=\band)|(?<=\bor)|(?<=\bis)|(?<=\bare)|(?<=\bof)|(?<=\bin))"
    rf"\s+(?P<num>\d{{1,3}}|{WORD_NUMBER})"
    r"(?![\w%/:-]|\.\d)"
    r"(?=\s*(?:$|[.;,)]|for\b|at\b|respectively\b|and\b|or\b|if\b|where\b|when\b|unless\b))",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Quantity:
    """One amount of time in a sentence (offsets into the cell)."""

    start: int
    end: int
    text: str
    amount: float  # the upper figure of a range
    unit: str  # working_days | days | calendar_days | weeks | months | hours | years
    low: float | None = None  # lower figure of a range ("15 to 20 working days")
    more: bool = False  # "ten more working days", "20 extra working days"
    decimal: bool = False  # written with a decimal point: a statistic, not a rule
    series: int = 0  # index within a coordinated list ("10 and 20 working days"), else 0
    series_len: int = 1
    borrowed: bool = False  # a bare number that took its unit from the figure before it


def _unit(qual: str | None, unit: str) -> str:
    unit = unit.lower().replace("'s", "").rstrip("s")
    qual = (qual or "").lower()
    qual = "working" if qual == "workings" else qual
    if unit in ("wd",):
        return "working_days"
    if unit in ("hr", "hour"):
        return "hours"
    if unit == "fortnight":
        return "weeks"
    if unit == "day":
        if qual in ("working", "business", "work"):
            return "working_days"
        if qual in ("calendar", "clear"):
            return "calendar_days"
        return "days"
    return unit + "s"


def _value(text: str) -> float | None:
    text = text.strip().lower()
    if text in ("a", "an", "one"):
        return 1.0
    head = re.match(r"\d{1,4}\.\d{1,2}", text)
    if head:
        return float(head.group(0))
    n = parse_number(text)
    return float(n) if n is not None else None


def find_quantities(text: str, offset: int = 0) -> list[Quantity]:
    """Every amount of time in ``text`` (one sentence), offsets shifted by ``offset``."""
    out: list[Quantity] = []
    for m in _QUANTITY.finditer(text):
        if m.group("fortnight"):
            out.append(Quantity(offset + m.start(), offset + m.end(), m.group(0), 2.0, "weeks"))
            continue
        amount = _value(m.group("num"))
        if amount is None or amount <= 0:
            continue
        if m.group("num").lower() in ("a", "an") and _FREQUENCY_TAIL.search(
            text, max(0, m.start() - 12), m.start()
        ):
            continue  # "7 days a week": the "a week" of a frequency
        unit = _unit(m.group("qual"), m.group("unit"))
        if m.group("unit").lower().startswith("fortnight"):
            amount *= 2
        decimal = "." in m.group("num")
        more = bool(m.group("more"))
        listed = m.group("list")
        if not listed:
            out.append(
                Quantity(offset + m.start(), offset + m.end(), m.group(0), amount, unit, None, more, decimal)
            )
            continue
        values = [v for v in (_value(x.group(0)) for x in _LIST_ITEM.finditer(listed)) if v is not None]
        conj = (m.group("conj") or m.group("dash") or "").lower()
        if "." in listed and not decimal:  # "section 6.3 and 20 working days": an id, not a figure
            s = offset + m.start("num")
            out.append(
                Quantity(s, offset + m.end(), text[m.start("num") : m.end()], amount, unit, None, more)
            )
            continue
        if m.group("between") or conj in ("to", "-"):
            low = values[-1] if values else None
            if low is not None and low >= amount:
                low = None
            out.append(
                Quantity(offset + m.start(), offset + m.end(), m.group(0), amount, unit, low, more, decimal)
            )
            continue
        # a coordinated list: "10 and 20 working days" is two figures with one unit
        items = [*_LIST_ITEM.finditer(listed)]
        total = len(items) + 1
        for i, item in enumerate(items):
            value = _value(item.group(0))
            if value is None or value <= 0:
                continue
            s = offset + m.start("list") + item.start()
            e = offset + m.start("list") + item.end()
            out.append(Quantity(s, e, item.group(0), value, unit, None, more, "." in item.group(0), i, total))
        s = offset + m.start("num")
        out.append(
            Quantity(
                s,
                offset + m.end(),
                text[m.start("num") : m.end()],
                amount,
                unit,
                None,
                more,
                decimal,
                total - 1,
                total,
            )
        )
    out.sort(key=lambda q: q.start)
    return _with_borrowed(text, offset, out)


def _with_borrowed(text: str, offset: int, found: list[Quantity]) -> list[Quantity]:
    """Add bare numbers after a figure that borrow its unit ("Stage 1: 10 working days; Stage 2: 20")."""
    if not found:
        return found
    taken = [(q.start - offset, q.end - offset) for q in found]
    extra: list[Quantity] = []
    i = 0
    for m in _BARE.finditer(text):
        s, e = m.start("num"), m.end("num")
        if any(a <= s < b for a, b in taken):
            continue
        if re.search(r"\bstages?\b[^.;:]{0,15}$", text[max(0, s - 25) : s], re.IGNORECASE):
            continue  # "stages one and two": a stage number, not a figure
        while i + 1 < len(found) and found[i + 1].end - offset <= s:
            i += 1
        before = found[i] if found[i].end - offset <= s else None
        if before is None:
            continue
        value = _value(m.group("num"))
        if value is None or value <= 0 or value > 365:
            continue
        extra.append(Quantity(offset + s, offset + e, m.group("num"), value, before.unit, borrowed=True))
    if not extra:
        return found
    return sorted(found + extra, key=lambda q: q.start)
