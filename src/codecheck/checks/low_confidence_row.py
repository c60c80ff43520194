"""CC116 low-confidence-row: a row the reader had to guess about (an odd provision cell, a row
stitched across a page break, an answer found in the commentary).

Its findings deserve a second look; the rule is off by default.

Spec, parameters and pass/fail cases: ``rules/CC116-low-confidence-row/``.
"""

from __future__ import annotations

from collections.abc import Iterator

from codecheck.engine.context import CheckContext, Hit, RuleParams


def check(ctx: CheckContext, params: RuleParams) -> Iterator[Hit]:
    """Rows whose extraction confidence is below ``threshold`` (0..1)."""
    threshold = float(params["threshold"])
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
