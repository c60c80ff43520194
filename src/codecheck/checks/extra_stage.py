"""CC109 extra-stage: a complaints process with more stages than the Code allows (a third stage, a stage 0,
an informal or pre-complaint stage).

A thin adapter over the statement reader (``codecheck.statements``): it reads each row into stage
claims with a status (the landlord's own current process, a past one, a denial, a question, the Code
restated, another process such as non-housing complaints or the Ombudsman named as a stage); only
the landlord's own current claims of a third stage or of a step before stage 1 are reported. The
provisions a finding cites are the version's facts (``facts.stage_limit``, ``facts.named_stages``);
a version that allows a third stage with reasons (2022 5.17) is judged by whether they are given.

Spec, parameters and pass/fail cases: ``rules/CC109-extra-stage/``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from codecheck.engine.context import CheckContext, Hit, NotApplicable, RuleParams
from codecheck.model import CodeVersion
from codecheck.statements import quote_of, read_aligned
from codecheck.statements.stages import StageClaim
from codecheck.text.cells import one_line, provision_label, provision_ref, row_text
from codecheck.text.context import compile_any

_RULE_TEXT = {
    "third": "allows no more than two stages",
    "zero": "says extra named stages (such as 'stage 0') are not appropriate",
}
_KIND_TEXT = {
    "third": "a third complaints stage",
    "zero": "a stage before stage 1 (stage 0 / informal / pre-complaint)",
}


def not_applicable(code: CodeVersion, params: RuleParams) -> NotApplicable | None:
    """Nothing to judge on a version whose facts name neither stage provision."""
    if code.facts.stage_limit is None and code.facts.named_stages is None:
        return NotApplicable(
            "it names no provision that limits stages (facts.stage_limit) or rules out extra named stages "
            "(facts.named_stages)"
        )
    return None


def check(ctx: CheckContext, params: RuleParams) -> Iterator[Hit]:
    aligned = ctx.aligned
    reasons = compile_any(params["reason_cues"])
    third_allowed = aligned.code.max_stages >= 3
    facts = aligned.code.facts
    cited = {"third": facts.stage_limit, "zero": facts.named_stages}  # None: the kind is not judged
    # the reasons for a third stage (2022 5.17) may be given in that provision's own row
    third_pid = cited.get("third")
    reasons_row = " ".join(row_text(r) for r in aligned.rows if third_pid and third_pid in r.provisions)
    for arow in aligned.rows:
        reading = read_aligned(arow.row)
        for claim in reading.stages:
            kind = claim.extra
            if kind is None or claim.status != "own":
                ctx.note(
                    arow.row.location,
                    f"extra-stage: {claim.reading()}: not an extra stage of the current process",
                )
                continue
            if cited.get(kind) is None:
                ctx.note(
                    arow.row.location, f"extra-stage: {claim.reading()}: the Code version does not rule on it"
                )
                continue
            if kind == "third" and third_allowed:
                if reasons and (reasons.search(reading.cell(claim.cell)) or reasons.search(reasons_row)):
                    ctx.note(
                        arow.row.location, f"extra-stage: {claim.reading()}: a third stage with its reasons"
                    )
                    continue  # 2022 5.17: a third stage with its reasons set out
                message = (
                    f"Describes {_KIND_TEXT[kind]} without the reasons {provision_ref(aligned, third_pid)} "
                    f'asks for ("{one_line(claim.words.text)}")'
                )
            else:
                message = (
                    f'Describes {_KIND_TEXT[kind]} ("{one_line(claim.words.text)}"); '
                    f"{provision_ref(aligned, cited.get(kind))} {_RULE_TEXT[kind]}"
                )
            yield _stage_hit(arow, claim, message)
            break  # one finding per row


def _stage_hit(arow: Any, claim: StageClaim, message: str) -> Hit:
    return Hit(
        provision_label(arow),
        message,
        arow.row.location,
        one_line(claim.words.text),
        quote=quote_of(claim.sentence, claim.words),
        reading=claim.reading(),
    )
