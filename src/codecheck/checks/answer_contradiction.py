"""CC111 answer-contradiction: a Yes the commentary contradicts ("not yet in place", "being developed").

A contradicted Yes overstates compliance to the governing body. Improvements to what is already in
place ("being further strengthened"), conditions and negations are not contradictions.

Spec, parameters and pass/fail cases: ``rules/CC111-answer-contradiction/``.
"""

from __future__ import annotations

from collections.abc import Iterator

from codecheck.engine.context import CheckContext, Hit, RuleParams
from codecheck.text.cells import answer_phrase, one_line, provision_label, quote, row_text
from codecheck.text.context import compile_any, in_quotation, is_negated
from codecheck.text.sentences import clause_at, sentence_at


def check(ctx: CheckContext, params: RuleParams) -> Iterator[Hit]:
    """Yes rows whose commentary says the requirement is still being put in place.

    Matches are skipped when negated ("is not being developed"), when the words say the work is extra
    ("further developed", "a new … will be introduced" about an improvement) or when they sit inside a
    quotation.
    """
    answers = set(params["answers"])
    pat = compile_any(params["not_in_place"])
    extra = compile_any(params["not_contradiction_before"])
    conditional = compile_any(params["conditional_before"])
    improvement = compile_any(params["improvement_cues"])
    if pat is None:
        return
    neg = list(params["negation_before"])
    window = int(params["negation_window"])
    for arow in ctx.aligned.rows:
        if arow.row.answer not in answers:
            continue
        text = row_text(arow)
        for m in pat.finditer(text):
            clause = clause_at(text, m.start())
            lead = text[clause.start : m.start()]
            if conditional and conditional.search(lead):
                continue  # "If this is not agreed, …": a case, not a statement of compliance
            if improvement and improvement.search(sentence_at(text, m.start()).text):
                continue  # "… to make it easier", "… to improve reporting": building on what exists
            if extra and extra.search(text[clause.start : m.end()]):
                continue  # "additional …", "further developed": improving what is already there
            if is_negated(text, m.start(), m.end(), neg, (), window):
                continue
            if in_quotation(text, m.start()):
                continue
            yield Hit(
                provision=provision_label(arow),
                message=(
                    f"Answered {answer_phrase(arow.row)} but the commentary says it is not "
                    f'yet in place ("{one_line(m.group(0))}"): answer Partial or No and give a date for '
                    "compliance"
                ),
                location=arow.row.location,
                snippet=quote(text, m.start(), m.end()),
            )
            break
