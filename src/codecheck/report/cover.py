"""What a report's cover says about the form: the landlord and the reporting period, where stated.

A board paper names whose self-assessment it is and the period it covers. codecheck only repeats
what the document itself states, in a form that cannot be mistaken: a labelled line ("Landlord:
Example Homes", "Reporting period: 2024/25"), a title of the form "<name> – … self-assessment" or
"<name> self-assessment …", a stated year range ("2024/25", "April 2024 to March 2025", "year ending
31 March 2025"). Anything less certain is left out: a cover that names the wrong landlord or period
is worse than one that names none. Only the text outside the self-assessment tables is read (title
and loose paragraphs), each paragraph up to a bounded length, so the work is linear and small.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from codecheck.model import Document
from codecheck.terminal import one_line

MAX_PARAGRAPHS = 40  # the cover facts sit at the top of a form
MAX_CHARS = 400  # per paragraph
MAX_NAME_WORDS = 8

_DASH = r"\s[–—-]\s"
_LABELLED_LANDLORD = re.compile(
    r"^\s*(?:name of (?:the )?(?:landlord|organisation)|landlord(?:'s)? name|landlord|"
    r"organisation(?: name)?|registered provider|provider name)\s*[:–—]\s*(?P<name>[^.;\n]{2,80}?)\s*$",
    re.IGNORECASE,
)
# "<name> – … self-assessment" / "<name> – … Complaint Handling Code …" (the name before the dash)
_TITLE_DASH = re.compile(rf"^(?P<name>[^–—:]{{2,80}}?){_DASH}(?P<rest>.+)$")
# "<name> self-assessment …" / "<name> review of the … Code" / "<name>'s self-assessment"
_TITLE_LEAD = re.compile(
    r"^(?P<name>.{2,80}?)(?:'s)?\s+(?:self[- ]assessment|review of the\b|complaint handling code\b)",
    re.IGNORECASE,
)
_ABOUT_THE_FORM = re.compile(r"self[- ]assessment|complaint handling code|ombudsman", re.IGNORECASE)
# words that make a would-be name a description of the form instead
_NOT_A_NAME = re.compile(
    r"\b(?:code|ombudsman|appendix|annex|self[- ]assessment|form|section|complaints?|handling|"
    r"version|draft|joint|review|report|policy|template|table|contents|page|the|this|our)\b|\d",
    re.IGNORECASE,
)

_LABELLED_PERIOD = re.compile(
    r"\b(?:reporting period|period covered|period of (?:the )?(?:assessment|review)|reporting year|"
    r"financial year|year covered)\s*[:–—]\s*(?P<period>[^.;\n]{4,60}?)\s*(?:[.;]|$)",
    re.IGNORECASE,
)
_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_PERIOD_PATTERNS = (
    # "1 April 2024 to 31 March 2025", "April 2024 – March 2025"
    re.compile(
        rf"\b(?:\d{{1,2}}\s+)?{_MONTHS}\s+20\d\d\s*(?:to|until|–|—|-)\s*(?:\d{{1,2}}\s+)?{_MONTHS}\s+20\d\d\b",
        re.IGNORECASE,
    ),
    # "year ending 31 March 2025", "year ended March 2025"
    re.compile(rf"\byear end(?:ing|ed)\s+(?:\d{{1,2}}\s+)?{_MONTHS}\s+20\d\d\b", re.IGNORECASE),
    # "2024/25", "2024-25", "2024–2025" after a word that makes it a period ("for", "in", "year")
    re.compile(
        r"\b(?:for|in|during|year|period|covering)\s+(?:the\s+)?(?:financial\s+year\s+)?"
        r"(?P<whole>20(?P<a>\d\d)\s*[/–—-]\s*(?:20)?(?P<b>\d\d))\b",
        re.IGNORECASE,
    ),
)


@dataclass(frozen=True)
class CoverFacts:
    """What the cover can state about the form, each None when the document does not say it."""

    landlord: str | None = None
    period: str | None = None
    form_date: str | None = None  # as precise as the form states it ("June 2024", "23 October 2025")


def _paragraphs(doc: Document) -> list[str]:
    texts = [doc.title] if doc.title else []
    texts.extend(doc.text[:MAX_PARAGRAPHS])
    return [one_line(t[:MAX_CHARS]) for t in texts if t and t.strip()]


def _plausible_name(name: str) -> str | None:
    name = name.strip(" ,;:'\"‘’“”")
    words = name.split()
    if not words or len(words) > MAX_NAME_WORDS or _NOT_A_NAME.search(name):
        return None
    if not all(w[0].isupper() or w.lower() in ("and", "of", "&", "for", "upon", "on") for w in words):
        return None
    if name.isupper() and len(name) > 4:  # "TOWER HAMLETS HOMES": show it as the reader would
        name = " ".join(w.capitalize() if w.isalpha() else w for w in words)
    return name


def landlord_of(doc: Document) -> str | None:
    """The landlord's name as the document states it (labelled line, or the title's lead), else None."""
    paragraphs = _paragraphs(doc)
    for text in paragraphs:
        m = _LABELLED_LANDLORD.match(text)
        if m and (name := _plausible_name(m.group("name"))):
            return name
    for text in paragraphs[:3]:  # a title names the landlord first, at the top of the document
        m = _TITLE_DASH.match(text)
        if m and _ABOUT_THE_FORM.search(m.group("rest")) and (name := _plausible_name(m.group("name"))):
            return name
        m = _TITLE_LEAD.match(text)
        if m and (name := _plausible_name(m.group("name"))):
            return name
    return None


def period_of(doc: Document) -> str | None:
    """The reporting period as the document words it ("2024/25", "April 2024 to March 2025"), else None."""
    paragraphs = _paragraphs(doc)
    for text in paragraphs:
        m = _LABELLED_PERIOD.search(text)
        if m:
            return m.group("period").strip()
    for text in paragraphs:
        for pattern in _PERIOD_PATTERNS:
            m = pattern.search(text)
            if m is None:
                continue
            if m.groupdict().get("a"):
                first, second = int(m.group("a")), int(m.group("b"))
                if second != (first + 1) % 100:  # "2024-26" or "2022-2024" is not one year
                    continue
                return f"20{m.group('a')}/{m.group('b')}"
            return m.group(0)
    return None


def form_date_as_stated(doc: Document, iso: str | None) -> str | None:
    """The form's own date (``AlignedDocument.document_date``) no more precise than the form gives it.

    A month-only date ("undertaken in June 2024") is held as the first of the month; printing "1 June
    2024" would invent a day, so the day is shown only when the text states the first of that month.
    """
    from datetime import date

    from codecheck.report.page import MONTHS, long_date

    if not iso:
        return None
    try:
        day = date.fromisoformat(iso)
    except ValueError:
        return one_line(iso)
    if day.day != 1:
        return long_date(day)
    month = MONTHS[day.month - 1]
    first = re.compile(
        rf"\b0?1(?:st)?\s+(?:of\s+)?{month[:3]}[a-z]*\.?,?\s+{day.year}\b|\b{month[:3]}[a-z]*\.?\s+0?1(?:st)?,?\s+{day.year}\b"
        rf"|\b{day.year}-{day.month:02d}-01\b|\b0?1[/.]0?{day.month}[/.]{day.year}\b",
        re.IGNORECASE,
    )
    if any(first.search(text) for text in _paragraphs(doc)):
        return long_date(day)
    return f"{month} {day.year}"


def cover_facts(doc: Document | None, document_date: str | None = None) -> CoverFacts:
    if doc is None:
        return CoverFacts()
    return CoverFacts(
        landlord=landlord_of(doc), period=period_of(doc), form_date=form_date_as_stated(doc, document_date)
    )
