"""CC104 misnumbered-provision: a row whose requirement text is clearly another provision's than its number.

The judgement is alignment's (``codecheck.align``, thresholds in the version's facts); this check words
it, quoting the fit alignment kept (``AlignedRow.score``, ``printed_score``). When most rows moved,
the version or the numbering is the likelier mistake: one document-level finding says so.

Spec, parameters and pass/fail cases: ``rules/CC104-misnumbered-provision/``.
"""

from __future__ import annotations

from collections.abc import Iterator

from codecheck.checks._whole_form import too_many, version_hint
from codecheck.engine.context import CheckContext, Hit, RuleParams
from codecheck.text.cells import shorten


def check(ctx: CheckContext, params: RuleParams) -> Iterator[Hit]:
    """Rows whose requirement text is clearly another provision's than the number printed beside it."""
    code = ctx.aligned.code
    moved = [ar for ar in ctx.aligned.rows if ar.suggested]
    if too_many(len(moved), len(ctx.aligned.rows), params["max_share"]):
        yield Hit(
            provision=None,
            message=(
                f"{len(moved)} of {len(ctx.aligned.rows)} rows have the requirement text of another "
                f"provision than their number: {version_hint(ctx.aligned)}, or its rows were renumbered"
            ),
        )
        return
    for ar in moved:
        printed = ar.row.provision.strip()
        own = ar.printed_score
        target = " and ".join(ar.provisions) if len(ar.provisions) > 1 else ar.suggested
        noun = "provisions" if len(ar.provisions) > 1 else "provision"
        if own is None:
            detail = f"\u201c{printed}\u201d is not a provision of the {code.short_title}"
        else:
            detail = f"its text matches {target} {ar.score:.0f}% and {printed} only {own:.0f}%"
        yield Hit(
            provision=ar.suggested,
            message=(
                f"Row numbered \u201c{printed}\u201d has the requirement text of {noun} {target} "
                f"({detail}); renumber it or restore the right requirement"
            ),
            location=ar.row.location,
            snippet=shorten(ar.row.requirement) or None,
        )
