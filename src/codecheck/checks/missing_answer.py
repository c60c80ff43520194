"""CC105 missing-answer: a row whose Comply answer is empty and whose commentary gives none.

Without an answer the row tells the governing body nothing. A blank template is not 72 findings, and
a form with no answers anywhere but with commentary gets one document-level finding.

Spec, parameters and pass/fail cases: ``rules/CC105-missing-answer/``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from codecheck.checks._filled import counted_rows, unfilled
from codecheck.engine.context import CheckContext, Hit, RuleParams
from codecheck.statements import quote_of, read_aligned
from codecheck.text.cells import provision_label
from codecheck.text.context import compile_any
from codecheck.text.normalize import clean, fold, is_blank

PATTERN_PARAMS = ("answer_in_commentary",)  # compiled when a user's rules file loads


def _answer_in_commentary(commentary: str, params: dict[str, Any]) -> bool:
    pat = compile_any(params["answer_in_commentary"])
    return bool(pat and pat.search(fold(commentary)))


def check(ctx: CheckContext, params: RuleParams) -> Iterator[Hit]:
    """Rows whose Comply cell is empty and whose commentary does not open with an answer.

    A blank template (nearly every row with no answer, evidence or commentary) yields nothing here:
    ``blank-form`` reports it once, by the same measure, instead of 72 identical findings. A form with
    no answers anywhere but with commentary gets one document-level finding.
    """
    # a row with neither a printed id nor an aligned provision is a reading artefact (a stray list
    # item, a sub-heading): the structure rules speak for it, an empty answer there means nothing
    rows = counted_rows(ctx.aligned)
    if not rows:
        return
    share = float(params["blank_form_share"])
    if unfilled(ctx.aligned, share) is not None:
        return  # an unfilled template: blank-form reports it
    blank = [r for r in rows if r.row.answer == "blank"]
    if len(blank) >= share * len(rows) and params["one_finding_when_all_blank"]:
        yield Hit(
            provision=None,
            message=(
                f"No Comply answer is given on {len(blank)} of {len(rows)} rows: state Yes, No or "
                "Partial for each provision"
            ),
        )
        return
    for arow in blank:
        if _answer_in_commentary(arow.row.commentary, params):
            continue
        has_text = not is_blank(arow.row.commentary)
        detail = (
            "the commentary describes practice but does not say whether the provision is met"
            if has_text
            else "and there is no commentary"
        )
        first = next(iter(read_aligned(arow.row).sentences("commentary")), None) if has_text else None
        yield Hit(
            provision=provision_label(arow),
            message=f"Comply answer is empty; {detail}. State Yes, No or Partial",
            location=arow.row.location,
            snippet=clean(arow.row.commentary)[:160] or None,
            quote=quote_of(first.span) if first is not None else None,
            reading="no Yes, No or Partial in the Comply cell or at the start of the commentary"
            if first is not None
            else None,
        )
