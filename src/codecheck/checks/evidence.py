"""CC106 missing-evidence: a Yes/Partial answer supported by nothing.

The Code's form asks landlords to "support all statements with evidence". A row counts as supported
when its Evidence cell says something, or its commentary names a source (a document, policy, link or
record). A bare token ("N/A", "Noted.", "Acknowledged.") in either cell is no support, and neither is
a commentary that only asserts compliance ("This requirement is complied with"). A commentary that
describes practice without naming a document is a matter of judgement and is not reported.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from codecheck.engine.registry import CheckContext, Hit, check
from codecheck.statements import read_aligned
from codecheck.text.cells import answer_phrase, one_line, provision_label
from codecheck.text.context import compile_any
from codecheck.text.normalize import clean, fold, is_blank


@check("missing-evidence")
def missing_evidence(ctx: CheckContext, params: dict[str, Any]) -> Iterator[Hit]:
    answers = set(params.get("answers", ("yes", "partial")))
    source = compile_any(params.get("source_cues", ()))
    assertion = compile_any(params.get("assertion_only", ()))
    for arow in ctx.aligned.rows:
        row = arow.row
        if row.answer not in answers:
            continue
        reading = read_aligned(row)
        if not reading.bare("evidence"):
            continue
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
