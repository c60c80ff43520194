"""CC103 duplicate-provision: a provision answered in more rows than the official form gives it.

Alignment marks the repeats (``AlignedRow.duplicate_of``), leaving out the official form's own
repeats (the Joint draft's two 6.1 and 6.19 rows) and a requirement split over two rows.

Spec, parameters and pass/fail cases: ``rules/CC103-duplicate-provision/``.
"""

from __future__ import annotations

from collections.abc import Iterator

from codecheck.engine.context import CheckContext, Hit, RuleParams
from codecheck.text.cells import shorten


def check(ctx: CheckContext, params: RuleParams) -> Iterator[Hit]:
    """Rows that repeat a provision more often than the official form does."""
    rows = ctx.aligned.rows
    for ar in rows:
        if ar.duplicate_of is None:
            continue
        first = rows[ar.duplicate_of]
        repeated = [pid for pid in ar.provisions if pid in first.provisions] or list(ar.provisions)
        pid = repeated[0]
        yield Hit(
            provision=pid,
            message=(
                f"Provision {pid} has a second row (first at {first.row.location.describe()}); "
                "answer each provision once"
            ),
            location=ar.row.location,
            snippet=shorten(ar.row.requirement) or None,
        )
