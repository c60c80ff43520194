"""Extraction checks: what the reader noticed that a publisher should know about (CC115, CC116).

Tracked changes mean the document still holds unresolved edits (codecheck reads it as if all were
accepted; what gets published may differ). A low-confidence row is one the reader had to guess about
(an odd provision cell, a stitched page break): its findings deserve a second look.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from codecheck.engine.registry import CheckContext, Hit, check


@check("tracked-changes")
def tracked_changes(ctx: CheckContext, params: dict[str, Any]) -> Iterator[Hit]:
    """One document-level finding when the reader counted unresolved tracked changes."""
    document = ctx.aligned.document
    if not document.tracked_changes:
        return
    said = next((n.message for n in document.notes if n.kind == "tracked-changes"), None)
    yield Hit(
        provision=None,
        message=(
            "The document has unresolved tracked changes "
            f"({said or f'{document.tracked_changes} marks'}); accept or reject them before publishing"
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
