"""Where a claim comes from and how it was read: the sentence quoted, its offsets, and the reading.

Every content finding shows the officer the sentence it rests on and the reader's interpretation of
it ("read as: stage 2 extension, 20 working days, own current policy"), so that a misreading is
visible at a glance instead of hiding behind a confident message.
"""

from __future__ import annotations

from dataclasses import dataclass

from codecheck.statements.sentences import Span

#: the longest quote a finding carries (a longer sentence is cut around the words that matter)
QUOTE_LIMIT = 300


@dataclass(frozen=True)
class Provenance:
    """The sentence a claim was read from: which cell, where in it, and its text."""

    cell: str  # "commentary" | "evidence"
    start: int
    end: int
    text: str
    reading: str

    def as_dict(self) -> dict:
        return {
            "cell": self.cell,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "reading": self.reading,
        }


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


def provenance(cell: str, sentence: Span, reading: str, focus: Span | None = None) -> Provenance:
    """A claim's provenance record (offsets are into the reader's normalised cell text)."""
    return Provenance(cell, sentence.start, sentence.end, quote_of(sentence, focus), reading)
