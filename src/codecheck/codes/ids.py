"""Printed provision ids -> Code provisions.

Real forms print ids untidily: "6.3." with a trailing full stop, "6 .3" from PDF text extraction,
"1.2/ 1.4" for a combined row, "6.9 (a)" for a list item, "Section 6.3", non-breaking spaces from
Word. Alignment must not call such a row an unknown provision, and it must not guess either: anything
that does not resolve cleanly gives ().
"""

from __future__ import annotations

import re

from codecheck.model import CodeVersion

_ID = re.compile(r"^\d{1,2}\.\d{1,2}$")
_ITEM_SUFFIX = re.compile(r"^(\d{1,2}\.\d{1,2})\s*\(?[a-z]\)?$")
_SEPARATORS = re.compile(r"\s*(?:/|&|,|\+|\band\b)\s*")
_SPACED_POINT = re.compile(r"(\d)\s+\.\s*(\d)|(?<=\d)\.\s+(?=\d)")
_PREFIX = re.compile(r"^(?:section|provision|para(?:graph)?|code|§)\.?\s*", re.IGNORECASE)


def normalise_printed_id(printed: str) -> str:
    """Whitespace-free, punctuation-trimmed form of a printed id ("1.2/ 1.4" -> "1.2/1.4")."""
    text = " ".join(str(printed).replace("\u00a0", " ").split())
    text = _PREFIX.sub("", text)
    text = text.strip().strip("()[]").rstrip(".:;,)").lstrip("(")
    text = re.sub(r"\s*([/&,+])\s*", r"\1", text)
    return _SPACED_POINT.sub(r"\1.\2", text)


def resolve_printed_id(version: CodeVersion, printed: str) -> tuple[str, ...]:
    """The provision ids that a printed id speaks for in ``version``; () when it names none of them."""
    text = normalise_printed_id(printed)
    if not text:
        return ()
    aliases = {normalise_printed_id(k): v for k, v in version.aliases.items()}
    if text in aliases:
        return tuple(aliases[text])
    known = {p.id for p in version.provisions}
    if text in known:
        return (text,)
    m = _ITEM_SUFFIX.match(text)
    if m and m.group(1) in known:
        return (m.group(1),)
    parts = [p for p in _SEPARATORS.split(text) if p]
    if len(parts) > 1 and all(_ID.match(p) and p in known for p in parts):
        return tuple(dict.fromkeys(parts))
    return ()
