"""CC102 unknown-provision: a row numbered with an id the Code version does not have (and whose text is no
provision's).

A number the Code lacks usually means a row copied from an older form or a typing slip. When most
rows are unknown, the form more likely follows another version: one document-level finding says so.

Spec, parameters and pass/fail cases: ``rules/CC102-unknown-provision/``.
"""

from __future__ import annotations

from collections.abc import Iterator

from codecheck.checks._whole_form import too_many, version_hint
from codecheck.engine.context import CheckContext, Hit, RuleParams
from codecheck.patterns import compile_any
from codecheck.text.cells import shorten

PATTERN_PARAMS = ("id_like",)  # compiled when a user's rules file loads


def check(ctx: CheckContext, params: RuleParams) -> Iterator[Hit]:
    """Rows numbered with an id the Code version does not have (and whose text is no provision's)."""
    code = ctx.aligned.code
    id_like = compile_any(params["id_like"], 0)
    unknown = [
        ar
        for ar in ctx.aligned.rows
        if not ar.provisions and ar.row.provision.strip() and id_like.search(ar.row.provision)
    ]  # a label the reader kept ("Stage 2") is not a provision number
    if too_many(len(unknown), len(ctx.aligned.rows), params["max_share"]):
        listed = ", ".join(ar.row.provision.strip() for ar in unknown[:12]) + (
            " …" if len(unknown) > 12 else ""
        )
        yield Hit(
            provision=None,
            message=(
                f"{len(unknown)} of {len(ctx.aligned.rows)} rows are numbered with ids the "
                f"{code.short_title} does not have ({listed}): {version_hint(ctx.aligned)}"
            ),
        )
        return
    for ar in unknown:
        printed = ar.row.provision.strip()
        yield Hit(
            provision=printed,
            message=f"Row numbered \u201c{printed}\u201d matches no provision of the {code.short_title}",
            location=ar.row.location,
            snippet=shorten(ar.row.requirement) or None,
        )
