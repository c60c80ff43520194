"""CC117 evidence-not-applicable: a Yes/Partial whose Evidence cell holds only a placeholder.

"N/A", "None", "TBC" or "See above" in the Evidence column looks filled in but cites nothing, so the
governing body and the Ombudsman have no document, policy or record to check the answer against. The
row is reported when its commentary adds nothing either (empty, a placeholder too, or a bare "Yes").
An empty Evidence cell is missing-evidence's (CC106); a commentary that says something of its own is a
matter of judgement and is left alone, as it is there.

Spec, parameters and pass/fail cases: ``rules/CC117-evidence-not-applicable/``.
"""

from __future__ import annotations

from collections.abc import Iterator

from codecheck.engine.context import CheckContext, Hit, RuleParams
from codecheck.statements import read_aligned
from codecheck.text.cells import answer_phrase, one_line, provision_label
from codecheck.text.normalize import is_blank


def check(ctx: CheckContext, params: RuleParams) -> Iterator[Hit]:
    """Yes/Partial rows whose Evidence is only a placeholder and whose commentary adds nothing.

    What counts as a placeholder or a bare acknowledgement is the statement reader's word list
    (``bare_tokens`` in ``codecheck/statements/lexicon.yaml``), shared with missing-evidence and
    no-without-explanation so the three rules never disagree on what "says nothing" means.
    """
    answers = set(params["answers"])
    for arow in ctx.aligned.rows:
        row = arow.row
        if row.answer not in answers or is_blank(row.evidence):
            continue  # an empty Evidence cell is missing-evidence's
        reading = read_aligned(row)
        if not reading.placeholder_only("evidence"):
            continue
        commentary = row.commentary or ""
        says_nothing = (
            is_blank(commentary)
            or reading.placeholder_only("commentary")
            or reading.acknowledgement_only("commentary")
        )
        if not says_nothing:
            continue  # the commentary speaks for itself: a matter of judgement, as for missing-evidence
        given = one_line(row.evidence)
        also = "there is no commentary"
        if not is_blank(commentary):
            also = f'the commentary only says "{one_line(row.commentary)}"'
        yield Hit(
            provision=provision_label(arow),
            message=(
                f'Answered {answer_phrase(row)} but the Evidence cell only says "{given}" and {also}: '
                "cite the policy, document or record that shows it"
            ),
            location=row.location,
            snippet=given[:160],
        )
