"""CC111 answer-contradiction: a Yes the commentary contradicts ("not yet in place", "being developed").

A contradicted Yes overstates compliance to the governing body. The statement reader finds denials
("our procedure is silent on this"), work in progress ("the policy still has to be updated") and
planned work that is the requirement itself; improvements to something in place, continuing practice,
conditions, negations and quotations are not read as a contradiction. How English says each of these
is the reader's lexicon (``codecheck/statements/lexicon.yaml``, ``compliance``), not this rule's.

Spec, parameters and pass/fail cases: ``rules/CC111-answer-contradiction/``.
"""

from __future__ import annotations

from collections.abc import Iterator

from codecheck.engine.context import CheckContext, Hit, RuleParams
from codecheck.statements import quote_of, read_aligned
from codecheck.text.cells import answer_phrase, one_line, provision_label


def check(ctx: CheckContext, params: RuleParams) -> Iterator[Hit]:
    """Yes rows whose commentary says the requirement is not (yet) met: the first such claim."""
    answers = set(params["answers"])
    for arow in ctx.aligned.rows:
        if arow.row.answer not in answers:
            continue
        reading = read_aligned(arow.row)
        for claim in reading.compliance:
            if not claim.contradicts_yes:
                ctx.note(arow.row.location, f"answer-contradiction: {claim.reading()}: no contradiction")
                continue
            yield Hit(
                provision=provision_label(arow),
                message=(
                    f"Answered {answer_phrase(arow.row)} but the commentary says it is not "
                    f'yet in place ("{one_line(claim.words.text)}"): answer Partial or No and give a date '
                    "for compliance"
                ),
                location=arow.row.location,
                snippet=one_line(claim.words.text),
                quote=quote_of(claim.sentence, claim.words),
                reading=claim.reading(),
            )
            break
