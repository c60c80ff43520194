"""CC119 blank-form: the form has not been filled in (nearly every row has no answer, evidence or
commentary).

A blank template published, or sent to the governing body, is a serious gap, yet row by row it would
be 72 identical findings (or, as ``missing-answer`` rightly stays silent on it, none at all and a
"passed" verdict). One document-level error says what is wrong.

Spec, parameters and pass/fail cases: ``rules/CC119-blank-form/``.
"""

from __future__ import annotations

from collections.abc import Iterator

from codecheck.checks._filled import unfilled
from codecheck.engine.context import CheckContext, Hit, RuleParams


def check(ctx: CheckContext, params: RuleParams) -> Iterator[Hit]:
    """One document-level finding when at least ``blank_form_share`` of the rows are empty."""
    found = unfilled(ctx.aligned, float(params["blank_form_share"]))
    if found is None:
        return
    empty, total = found
    if total < int(params["min_rows"]):
        return
    yield Hit(
        provision=None,
        message=(
            f"{empty} of {total} answers blank (no answer, evidence or commentary): the "
            "self-assessment has not been filled in"
        ),
    )
