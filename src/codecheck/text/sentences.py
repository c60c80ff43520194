"""Sentence and clause splitting for commentary cells.

Commentary often runs several statements together without full stops (a cell's paragraphs are joined
with spaces), so a sentence is also ended where a new capitalised statement starts after a lower-case
word with no punctuation between — a heuristic tuned to keep a negation or a stage mention from
leaking into the next statement.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

_ABBREV = (
    "e.g.",
    "i.e.",
    "etc.",
    "no.",
    "para.",
    "approx.",
    "incl.",
    "st.",
    "dr.",
    "mr.",
    "mrs.",
    "ms.",
    "cllr.",
)


@dataclass(frozen=True)
class Span:
    """A stretch of a text with its offsets, so matches inside it map back to the whole text."""

    start: int
    end: int
    text: str


def sentences(text: str) -> tuple[Span, ...]:
    """Split ``text`` into sentences; offsets refer to ``text``.

    Cached: the checks ask for the sentence around every match, so a long cell would otherwise be
    split once per match.
    """
    return _sentences(text)


@lru_cache(maxsize=128)
def _sentences(text: str) -> tuple[Span, ...]:
    out: list[Span] = []
    start = 0
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        boundary = False
        if ch in ".!?;" and (i + 1 == n or text[i + 1] == " "):
            before = text[max(0, i - 6) : i + 1].lower()
            if ch == "." and any(before.endswith(a) for a in _ABBREV):
                boundary = False
            elif ch == "." and i > 0 and text[i - 1].isdigit() and i + 2 < n and text[i + 2].isdigit():
                boundary = False  # "6.3" style ids never end a sentence (they have no space anyway)
            else:
                boundary = True
            end = i + 1
        elif ch == "\n" or (
            ch == " "
            and i > 0
            and text[i - 1].islower()
            and i + 2 < n
            and text[i + 1].isupper()
            and text[i + 2].islower()
            and _looks_like_new_statement(text, i + 1)
        ):
            boundary = True
            end = i
        if boundary:
            seg = text[start:end].strip()
            if seg:
                lead = len(text[start:end]) - len(text[start:end].lstrip())
                out.append(Span(start + lead, start + lead + len(seg), seg))
            start = i + 1
        i += 1
    seg = text[start:].strip()
    if seg:
        lead = len(text[start:]) - len(text[start:].lstrip())
        out.append(Span(start + lead, start + lead + len(seg), seg))
    return tuple(out)


_STATEMENT_STARTERS = re.compile(
    r"(?:This|The|We|Our|All|Any|Where|When|If|In|Complaints?|Residents?|Stage|There|It|A|An|Officers?|"
    r"Staff|Regular|Performance|Landlord|Requests?|Reports?)\b"
)


def _looks_like_new_statement(text: str, pos: int) -> bool:
    """A capitalised word that commonly opens a statement (not a proper noun such as "Council")."""
    return bool(_STATEMENT_STARTERS.match(text, pos))


@lru_cache(maxsize=128)
def _starts(text: str) -> tuple[int, ...]:
    return tuple(s.start for s in _sentences(text))


def sentence_at(text: str, pos: int) -> Span:
    """The sentence of ``text`` that contains offset ``pos``."""
    spans = sentences(text)
    i = bisect.bisect_right(_starts(text), pos) - 1
    if 0 <= i < len(spans) and spans[i].start <= pos < spans[i].end:
        return spans[i]
    return Span(0, len(text), text)


_CLAUSE_BREAK = re.compile(r",\s+(?:but|however|although|whereas|while|whilst|and)\b|\s+but\s+|;|\s+-\s+")


def clause_at(text: str, pos: int) -> Span:
    """The clause (within its sentence) that contains ``pos``: split at ", but", ";", " - " and similar."""
    sent = sentence_at(text, pos)
    rel = pos - sent.start
    lo, hi = 0, len(sent.text)
    for m in _CLAUSE_BREAK.finditer(sent.text):
        if m.end() <= rel:
            lo = m.end()
        elif m.start() > rel:
            hi = m.start()
            break
    seg = sent.text[lo:hi]
    lead = len(seg) - len(seg.lstrip())
    return Span(sent.start + lo + lead, sent.start + lo + lead + len(seg.strip()), seg.strip())
