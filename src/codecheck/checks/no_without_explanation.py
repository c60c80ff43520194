"""CC107 no-without-explanation: a No or Partial answer with no explanation.

A non-compliance cannot be weighed without its reasons: the Code asks for a detailed explanation and
the date by which the landlord intends to comply. Which obligations need one is the version's fact
(the 2022 form asks only for unmet 'must' requirements).

Spec, parameters and pass/fail cases: ``rules/CC107-no-without-explanation/``.
"""

from __future__ import annotations

from collections.abc import Iterator

from codecheck.engine.context import CheckContext, Hit, RuleParams
from codecheck.text.cells import answer_phrase, provision_label, row_provisions
from codecheck.text.normalize import clean, words


def check(ctx: CheckContext, params: RuleParams) -> Iterator[Hit]:
    """No/Partial rows with no explanation: nothing (or a word or two) in commentary and evidence.

    Evidence counts too: some forms put the explanation in the Evidence column, and a row whose
    evidence explains the gap is not unexplained.
    """
    answers = set(params["answers"])
    min_words = int(params["min_words"])
    obligations = ctx.aligned.code.facts.explain_unmet  # None: every provision
    for arow in ctx.aligned.rows:
        row = arow.row
        if row.answer not in answers:
            continue
        if obligations is not None:
            provs = row_provisions(ctx.aligned, arow)
            if provs and not any(p.obligation in obligations for p in provs):
                continue  # e.g. a 2022 best-practice "should" row: no explanation required
        said = len(words(row.commentary)) + len(words(row.evidence))
        if said >= min_words:
            continue
        given = clean(f"{row.commentary} {row.evidence}")
        what = f'only "{given}" as explanation' if given else "no commentary"
        yield Hit(
            provision=provision_label(arow),
            message=(
                f"Answered {answer_phrase(row)} with {what}: the Code requires a detailed explanation of "
                "non-compliance and the date by which the landlord intends to comply"
            ),
            location=row.location,
            snippet=row.answer_text.strip() or None,
        )
