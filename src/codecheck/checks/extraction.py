"""Extraction checks: what the reader noticed that a publisher should know about (CC115, CC116, CC118).

Tracked changes mean the document still holds unresolved edits (codecheck reads it as if all were
accepted; what gets published may differ). A low-confidence row is one the reader had to guess about
(an odd provision cell, a stitched page break): its findings deserve a second look. A reader note
says text was not read into any row; ``lost_text_near`` lets the missing-provision check say when
such text sits where a missing provision's row would be.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from codecheck.engine.registry import CheckContext, Hit, check
from codecheck.model import LOST_TEXT_KINDS, AlignedDocument, ReaderNote

_TRACKED = re.compile(r"tracked[ -]?changes?|revision marks?", re.IGNORECASE)


@check("tracked-changes")
def tracked_changes(ctx: CheckContext, params: dict[str, Any]) -> Iterator[Hit]:
    """One document-level finding when the reader reported tracked changes."""
    notes = [n for n in ctx.aligned.document.notes if _TRACKED.search(n)]
    if notes:
        yield Hit(
            provision=None,
            message=(
                f"The document has unresolved tracked changes ({notes[0]}); accept or reject them before "
                "publishing"
            ),
        )


@check("low-confidence-row")
def low_confidence_row(ctx: CheckContext, params: dict[str, Any]) -> Iterator[Hit]:
    """Rows whose extraction confidence is below ``threshold`` (0..1)."""
    threshold = float(params.get("threshold", 0.7))
    for ar in ctx.aligned.rows:
        row = ar.row
        if row.confidence >= threshold:
            continue
        printed = row.provision.strip() or "(no number)"
        yield Hit(
            provision=ar.provision or (row.provision.strip() or None),
            message=(
                f"Row {printed} was read with low confidence ({row.confidence:.0%}); check that its "
                "number, answer and text were extracted correctly"
            ),
            location=row.location,
        )


@check("reader-note")
def reader_note(ctx: CheckContext, params: dict[str, Any]) -> Iterator[Hit]:
    """One finding per reader note of the configured kinds (text the reader could not place)."""
    kinds = set(params.get("kinds", LOST_TEXT_KINDS))
    for note in ctx.aligned.document.reader_notes:
        if note.kind not in kinds:
            continue
        yield Hit(
            provision=None,
            message=f"The reader could not place this in a row: {note.message}; check the document there",
            location=note.location,
        )


def lost_text_near(aligned: AlignedDocument, pid: str) -> ReaderNote | None:
    """A note about text the reader skipped where provision ``pid``'s row would be, if there is one.

    Where the row would be: after the last row of a provision that comes before ``pid`` on the form
    and before the first row of one that comes after it. A note whose position (in the document's
    rows) falls in that gap is near.
    """
    notes = [n for n in aligned.document.reader_notes if n.kind in LOST_TEXT_KINDS and n.position is not None]
    if not notes:
        return None
    order = {p: i for i, p in enumerate(aligned.code.form_provision_ids)}
    if pid not in order:
        return None
    index = {id(row): i for i, row in enumerate(aligned.document.rows)}
    low, high = -1, len(aligned.document.rows)
    for ar in aligned.rows:
        at = index.get(id(ar.row))
        ranks = [order[p] for p in ar.provisions if p in order]
        if at is None or not ranks:
            continue
        if max(ranks) < order[pid]:
            low = max(low, at)
        elif min(ranks) > order[pid]:
            high = min(high, at)
    if low >= high:
        return None
    return next((n for n in notes if low < n.position <= high), None)
