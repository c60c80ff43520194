"""Whether a form has been filled in at all, and what the landlord wrote outside the Code's words:
what several checks share.

A blank template (the official form downloaded and not yet completed) is one problem, not 72 missing
answers plus a missing date plus a missing approval: ``blank-form`` reports it once, and the rules
that would otherwise fire row by row or on the form's missing date (``missing-answer``,
``undated-form``, ``approval-not-stated``) stay silent on it, each by the same measure. Not a check
(the leading underscore): logic those checks share.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from codecheck.model import AlignedDocument, AlignedRow
from codecheck.text.normalize import clean, is_blank

# A fill-in slot left empty: "Approved by the governing body on: __________" says nothing has been
# approved. The label before an empty slot is dropped with the slot.
_EMPTY_SLOT = re.compile(r"[^.:;\n]{0,80}:\s*(?:_{3,}|\.{4,}|…{2,}|-{4,})\s*")


def counted_rows(aligned: AlignedDocument) -> list[AlignedRow]:
    """Rows that stand for a provision: a row with neither a printed id nor an aligned provision is a
    reading artefact (a stray list item, a sub-heading), whose emptiness means nothing."""
    return [r for r in aligned.rows if r.provisions or r.row.provision.strip()]


def empty_rows(rows: list[AlignedRow]) -> list[AlignedRow]:
    """Rows with no answer, no evidence and no commentary."""
    return [
        r for r in rows if r.row.answer == "blank" and is_blank(r.row.evidence) and is_blank(r.row.commentary)
    ]


def unfilled(aligned: AlignedDocument, share: float) -> tuple[int, int] | None:
    """(empty rows, rows) when at least ``share`` of the form's rows are empty, else None."""
    rows = counted_rows(aligned)
    if not rows:
        return None
    empty = len(empty_rows(rows))
    return (empty, len(rows)) if empty >= share * len(rows) else None


def without_empty_slots(text: str) -> str:
    """``text`` with fill-in slots left empty taken out, with their labels."""
    return _EMPTY_SLOT.sub(" ", text)


def loose_text(aligned: AlignedDocument) -> Iterator[str]:
    """The document's own paragraphs outside the assessment rows (title, headers, introduction),
    cleaned, with empty fill-in slots removed."""
    document = aligned.document
    for text in (document.title or "", *document.text):
        cleaned = without_empty_slots(clean(text))
        if cleaned.strip():
            yield cleaned


def landlord_cells(aligned: AlignedDocument) -> Iterator[tuple[AlignedRow, str]]:
    """What the landlord wrote in the rows (evidence and commentary; never the Code's requirement
    text, which names the governing body and dates of its own), cleaned."""
    for arow in aligned.rows:
        for text in (arow.row.evidence, arow.row.commentary):
            cleaned = without_empty_slots(clean(text))
            if cleaned.strip():
                yield arow, cleaned
