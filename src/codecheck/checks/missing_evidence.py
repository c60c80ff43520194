"""CC106 missing-evidence: a Yes/Partial answer supported by nothing.

The Code's form asks landlords to "support all statements with evidence". A row counts as supported
when its Evidence cell has text, or its commentary names a source (a document, policy, link or
record). A commentary that describes practice without naming a document is a matter of judgement
and is not reported; a bare assertion ("This requirement is complied with") is.

Spec, parameters and pass/fail cases: ``rules/CC106-missing-evidence/``.
"""

from __future__ import annotations

from collections.abc import Iterator

from codecheck.engine.context import CheckContext, Hit, RuleParams
from codecheck.text.cells import answer_phrase, provision_label
from codecheck.text.context import compile_any
from codecheck.text.normalize import clean, fold, is_blank


def check(ctx: CheckContext, params: RuleParams) -> Iterator[Hit]:
    answers = set(params["answers"])
    source = compile_any(params["source_cues"])
    assertion = compile_any(params["assertion_only"])
    for arow in ctx.aligned.rows:
        row = arow.row
        if row.answer not in answers or not is_blank(row.evidence):
            continue
        commentary = fold(row.commentary)
        said = answer_phrase(row)
        if is_blank(commentary):
            message = (
                f"Answered {said} with no evidence and no commentary: cite the policy, document or record "
                "that shows it"
            )
            snip = row.answer_text.strip() or None
        elif assertion and assertion.search(commentary) and not (source and source.search(commentary)):
            message = (
                f"Answered {said} with no evidence; the commentary only asserts compliance: cite the "
                "policy, document or record that shows it"
            )
            snip = clean(row.commentary)[:160]
        else:
            continue
        yield Hit(provision=provision_label(arow), message=message, location=row.location, snippet=snip)
