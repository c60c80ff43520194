"""CC107 no-without-explanation: a No or Partial answer with no explanation.

A non-compliance cannot be weighed without its reasons: the Code asks for a detailed explanation and
the date by which the landlord intends to comply. Which obligations need one is the version's fact
(the 2022 form asks only for unmet 'must' requirements).

Spec, parameters and pass/fail cases: ``rules/CC107-no-without-explanation/``.
"""

from __future__ import annotations

from collections.abc import Iterator

from codecheck.engine.context import CheckContext, Hit, RuleParams
from codecheck.statements import Reading, read_aligned
from codecheck.text.cells import answer_phrase, one_line, provision_label, row_provisions
from codecheck.text.dates import parse_iso
from codecheck.text.normalize import clean, is_blank, words


def check(ctx: CheckContext, params: RuleParams) -> Iterator[Hit]:
    """No/Partial rows with no explanation: nothing (or a word or two) in commentary and evidence.

    Evidence counts too: some forms put the explanation in the Evidence column, and a row whose
    evidence explains the gap is not unexplained. But a commentary that is only a bare token ("-",
    "N/A", "Noted.") beside Evidence that only cites a document is unexplained: the citation says
    where practice is written down, not why the requirement is unmet or by when it will be.
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
        reading = read_aligned(row)
        if (row.commentary or "").strip() and reading.bare("commentary") and not is_blank(row.evidence):
            # "-", "N/A", "Noted." say nothing; a document named in the Evidence says where the
            # practice is written down, not why it is unmet or when it will be
            if _evidence_explains(reading, ctx):
                ctx.note(row.location, "no-without-explanation: the Evidence gives a reason or a date")
                continue
            token = one_line(row.commentary)
            yield Hit(
                provision=provision_label(arow),
                message=(
                    f'Answered {answer_phrase(row)} but the commentary says only "{token}" and the '
                    f'Evidence only cites "{one_line(row.evidence)}": the Code requires a detailed '
                    "explanation of non-compliance and the date by which the landlord intends to comply"
                ),
                location=row.location,
                snippet=row.answer_text.strip() or None,
                quote=token,
                reading="a bare token, no explanation",
            )
            continue
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
            quote=given or None,
            reading=f"fewer than {min_words} words of explanation" if given else None,
        )


def _evidence_explains(reading: Reading, ctx: CheckContext) -> bool:
    """The Evidence says why the requirement is unmet or by when it will be met: a compliance claim
    (denied, in progress, planned) or a date read in that column."""
    if any(c.cell == "evidence" and c.kind != "asserted" for c in reading.compliance):
        return True
    form_date = parse_iso(ctx.aligned.document_date)
    return any(
        cell == "evidence" and d.why != "vague"
        for cell, d in reading.dates(form_date, form_date or ctx.today)
    )
