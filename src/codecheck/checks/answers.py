"""Answer checks: a missing Comply answer (CC105), a No/Partial with no explanation (CC107), and a Yes
the commentary contradicts (CC111).

These are the gaps a governing body cannot see past: without an answer the row says nothing, without
an explanation a non-compliance cannot be weighed, and a contradicted Yes overstates compliance.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from codecheck.engine.registry import CheckContext, Hit, check
from codecheck.statements import quote_of, read_aligned
from codecheck.text.cells import answer_phrase, one_line, provision_label, row_provisions
from codecheck.text.context import compile_any
from codecheck.text.normalize import clean, fold, is_blank, words


def _answer_in_commentary(commentary: str, params: dict[str, Any]) -> bool:
    pat = compile_any(params.get("answer_in_commentary", ()))
    return bool(pat and pat.search(fold(commentary)))


@check("missing-answer")
def missing_answer(ctx: CheckContext, params: dict[str, Any]) -> Iterator[Hit]:
    """Rows whose Comply cell is empty and whose commentary does not open with an answer.

    A blank template (nearly every answer blank and nearly every commentary empty) yields nothing: the
    form has not been filled in, and 72 identical findings would bury everything else. A form with no
    answers anywhere but with commentary gets one document-level finding.
    """
    # a row with neither a printed id nor an aligned provision is a reading artefact (a stray list
    # item, a sub-heading): the structure rules speak for it, an empty answer there means nothing
    rows = [r for r in ctx.aligned.rows if r.provisions or r.row.provision.strip()]
    if not rows:
        return
    blank = [r for r in rows if r.row.answer == "blank"]
    share = float(params.get("blank_form_share", 0.9))
    if len(blank) >= share * len(rows):
        empty = [r for r in rows if is_blank(r.row.commentary) and is_blank(r.row.evidence)]
        if len(empty) >= share * len(rows):
            return  # an unfilled template
        if params.get("one_finding_when_all_blank", True):
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


@check("no-without-explanation")
def no_without_explanation(ctx: CheckContext, params: dict[str, Any]) -> Iterator[Hit]:
    """No/Partial rows with no explanation: nothing (or a word or two) in commentary and evidence.

    Evidence counts too: some forms put the explanation in the Evidence column, and a row whose
    evidence explains the gap is not unexplained.
    """
    answers = set(params.get("answers", ("no", "partial")))
    min_words = int(params.get("min_words", 3))
    obligations = (params.get("obligations") or {}).get(ctx.aligned.code.id)
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
            quote=given or None,
            reading=f"fewer than {min_words} words of explanation" if given else None,
        )


@check("answer-contradiction")
def answer_contradiction(ctx: CheckContext, params: dict[str, Any]) -> Iterator[Hit]:
    """Yes rows whose commentary says the requirement is not (yet) met.

    The statement reader finds denials ("our procedure is silent on this"), work in progress ("the
    policy still has to be updated") and planned work that is the requirement itself; improvements to
    something in place, continuing practice, conditions, negations and quotations are not read as a
    contradiction.
    """
    answers = set(params.get("answers", ("yes",)))
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
