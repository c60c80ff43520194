"""CC115 tracked-changes: unresolved tracked changes in the document.

codecheck reads the document as if every change were accepted; what gets published may show
something else. The reader counts the marks (``Document.tracked_changes``).

Spec, parameters and pass/fail cases: ``rules/CC115-tracked-changes/``.
"""

from __future__ import annotations

from collections.abc import Iterator

from codecheck.engine.context import CheckContext, Hit, RuleParams


def check(ctx: CheckContext, params: RuleParams) -> Iterator[Hit]:
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
