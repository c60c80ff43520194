"""CC106 missing-evidence: a Yes/Partial answer supported by nothing.

The Code's form asks landlords to "support all statements with evidence". A row counts as supported
when its Evidence cell says something, or its commentary names a source (a document, policy, link or
record). An empty Evidence cell, or one holding only an acknowledgement ("Noted.", "Agreed", "Yes"),
is no support; a commentary that is only such a token or a placeholder ("Acknowledged.", "N/A") or
only asserts compliance ("This requirement is complied with") adds none. A placeholder in the Evidence
cell ("N/A", "TBC", "See above") is evidence-not-applicable's (CC117), so the two rules never report
one row twice. A commentary that describes practice without naming a document is a matter of
judgement and is not reported.

Spec, parameters and pass/fail cases: ``rules/CC106-missing-evidence/``.
"""

from __future__ import annotations

from collections.abc import Iterator

from codecheck.engine.context import CheckContext, Hit, RuleParams
from codecheck.statements import read_aligned
from codecheck.text.cells import answer_phrase, one_line, provision_label
from codecheck.text.context import compile_any
from codecheck.text.normalize import clean, fold, is_blank


def check(ctx: CheckContext, params: RuleParams) -> Iterator[Hit]:
    answers = set(params["answers"])
    source = compile_any(params["source_cues"])
    assertion = compile_any(params["assertion_only"])
    for arow in ctx.aligned.rows:
        row = arow.row
        if row.answer not in answers:
            continue
        reading = read_aligned(row)
        if not (is_blank(row.evidence) or reading.acknowledgement_only("evidence")):
            continue  # evidence given, or a placeholder for evidence-not-applicable (CC117)
        commentary = fold(row.commentary)
        said = answer_phrase(row)
        evidence_note = f' (evidence: "{one_line(reading.evidence)}")' if reading.evidence.strip() else ""
        if is_blank(commentary):
            message = (
                f"Answered {said} with no evidence{evidence_note} and no commentary: cite the policy, "
                "document or record that shows it"
            )
            snip = row.answer_text.strip() or None
            quote, how = (None, None)
        elif (reading.bare("commentary") or (assertion and assertion.search(commentary))) and not (
            source and source.search(commentary)
        ):
            message = (
                f"Answered {said} with no evidence{evidence_note}; the commentary only asserts compliance: "
                "cite the policy, document or record that shows it"
            )
            snip = clean(row.commentary)[:160]
            quote, how = one_line(reading.commentary)[:300], "a bare assertion or token, no source named"
        else:
            ctx.note(row.location, "missing-evidence: the commentary says more than a bare assertion")
            continue
        yield Hit(
            provision=provision_label(arow),
            message=message,
            location=row.location,
            snippet=snip,
            quote=quote,
            reading=how,
        )
