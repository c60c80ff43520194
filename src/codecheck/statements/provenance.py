"""How a finding quotes the sentence it rests on.

Every claim keeps its provenance (its cell, the sentence with its offsets in the cell, and a short
``reading()``); every content finding shows the officer that sentence and the reading ("read as:
stage 2 extension, 20 working days, own current policy"), so that a misreading is visible at a
glance instead of hiding behind a confident message. A long sentence is cut around the words that
matter, at spaces.
"""

from __future__ import annotations

from codecheck.statements.sentences import Span

#: the longest quote a finding carries (a longer sentence is cut around the words that matter)
QUOTE_LIMIT = 300


def quote_of(sentence: Span, focus: Span | None = None, limit: int = QUOTE_LIMIT) -> str:
    """The sentence as a finding quotes it: whole when short, else cut around ``focus`` at spaces."""
    text = " ".join(sentence.text.split())
    if len(text) <= limit:
        return text
    body = sentence.text
    centre = (focus.start - sentence.start) if focus is not None else 0
    lo = max(0, centre - limit // 2)
    hi = min(len(body), lo + limit)
    lo = max(0, hi - limit)
    while lo > 0 and not body[lo - 1].isspace():
        lo += 1
    while hi < len(body) and not body[hi].isspace():
        hi -= 1
    cut = " ".join(body[lo:hi].split())
    return ("…" if lo > 0 else "") + cut + ("…" if hi < len(body) else "")
