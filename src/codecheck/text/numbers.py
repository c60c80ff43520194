"""Numbers as officers write them: "10", "ten", "twenty-one", "five (5)", "5 (five)".

Timescale and date checks compare figures, so a figure written in words must read the same as one
written in digits; otherwise "twenty working days" at stage 1 would pass unnoticed.
"""

from __future__ import annotations

import re

UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "zeroth": 0,
}

_UNIT_ALT = "|".join(sorted(UNITS, key=len, reverse=True))
_TENS_ALT = "|".join(TENS)
#: a number written in words: "ten", "twenty", "twenty-one", "twenty one"
WORD_NUMBER = rf"(?:(?:{_TENS_ALT})(?:[\s-]+(?:{_UNIT_ALT}))?|{_UNIT_ALT})"
#: digits or words, optionally followed or preceded by the other form in brackets ("five (5)")
NUMBER = rf"(?:\d{{1,4}}|{WORD_NUMBER})(?:\s*\(\s*(?:\d{{1,4}}|{WORD_NUMBER})\s*\))?"

_NUMBER_RE = re.compile(rf"^\s*({NUMBER})\s*$", re.IGNORECASE)


def parse_number(text: str) -> int | None:
    """Value of a number written in digits or words ("twenty-one" -> 21); None when it is not one.

    In "five (5)" or "5 (five)" the first form is read; the bracketed repeat only confirms it.
    """
    text = text.strip().lower()
    m = re.match(rf"^(\d{{1,4}}|{WORD_NUMBER})(?![a-z0-9])", text)
    if not m:
        return None
    head = m.group(1)
    if head.isdigit():
        return int(head)
    parts = re.split(r"[\s-]+", head)
    total = 0
    for part in parts:
        if part in TENS:
            total += TENS[part]
        elif part in UNITS:
            total += UNITS[part]
        else:
            return None
    return total


def ordinal_or_number(text: str) -> int | None:
    """Value of "1", "one", "first", "zero": the ways a stage number is written."""
    low = text.strip().lower()
    if low in ORDINALS:
        return ORDINALS[low]
    return parse_number(low)
