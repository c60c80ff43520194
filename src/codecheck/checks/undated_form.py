"""CC120 undated-form: the form gives no date anywhere.

The Ombudsman's guidance asks for the self-assessment to be completed, reviewed and approved by the
governing body at least annually; a form with no date at all cannot show either. Any calendar date
the landlord wrote counts (in the title, the introduction, a page header or footer, or any evidence
or commentary cell), so the finding only appears when there is truly none; an empty fill-in slot
("Self-assessment completed on: ______") is not a date.

Spec, parameters and pass/fail cases: ``rules/CC120-undated-form/``.
"""

from __future__ import annotations

from collections.abc import Iterator

from codecheck.checks._filled import landlord_cells, loose_text, unfilled
from codecheck.docdate import dates_in
from codecheck.engine.context import CheckContext, Hit, RuleParams


def _dated(ctx: CheckContext) -> bool:
    aligned = ctx.aligned
    if aligned.document_date:
        return True
    if any(dates_in(text) for text in loose_text(aligned)):
        return True
    return any(dates_in(text) for _, text in landlord_cells(aligned))


def check(ctx: CheckContext, params: RuleParams) -> Iterator[Hit]:
    """One document-level note when no calendar date is written anywhere in a filled-in form."""
    if unfilled(ctx.aligned, float(params["blank_form_share"])) is not None:
        return  # a blank template: blank-form says what matters
    if _dated(ctx):
        return
    yield Hit(
        provision=None,
        message=(
            "The form gives no date: state when the self-assessment was completed and when the "
            "governing body approved it"
        ),
    )
