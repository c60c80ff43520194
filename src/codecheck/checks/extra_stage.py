"""CC109 extra-stage: a complaints process with more stages than the Code allows (a third stage, a stage 0,
an informal or pre-complaint stage).

It reads the landlord's own statements about its process, so it ignores denials ("we do not have a
stage 0"), statements about the Code itself, quotations of the requirement and other processes
(non-housing complaints, the Ombudsman described as a stage).

Spec, parameters and pass/fail cases: ``rules/CC109-extra-stage/``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from codecheck.engine.context import CheckContext, Hit, NotApplicable, RuleParams
from codecheck.model import CodeVersion
from codecheck.text.cells import one_line, provision_label, provision_ref, quote, row_text
from codecheck.text.context import compile_any, describes_code, in_quotation, is_negated, quotes_requirement
from codecheck.text.sentences import sentence_at

_RULE_TEXT = {
    "third": "allows no more than two stages",
    "zero": "says extra named stages (such as 'stage 0') are not appropriate",
}


_KIND_TEXT = {
    "third": "a third complaints stage",
    "zero": "a stage before stage 1 (stage 0 / informal / pre-complaint)",
}


def _first_asserted(
    text: str,
    pat: re.Pattern[str],
    neg_before: list[str],
    neg_after: list[str],
    window: int,
    code_cues: list[str],
    other: re.Pattern[str] | None,
    requirement: str | None,
    quote_threshold: float,
) -> tuple[int, int] | None:
    """The first match of ``pat`` in ``text`` the landlord asserts about its own housing process."""
    for m in pat.finditer(text):
        if is_negated(text, m.start(), m.end(), neg_before, neg_after, window):
            continue
        if describes_code(text, m.start(), code_cues):
            continue
        sentence = sentence_at(text, m.start()).text
        if other and other.search(sentence):
            continue
        if in_quotation(text, m.start()) or quotes_requirement(sentence, requirement, quote_threshold):
            continue
        return m.start(), m.end()
    return None


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
    kinds = {k: compile_any(v) for k, v in params["stage_patterns"].items()}
    neg_before = list(params["negation_before"])
    neg_after = list(params["negation_after"])
    window = int(params["negation_window"])
    code_cues = list(params["code_cues"])
    other = compile_any(params["other_process_cues"])
    reasons = compile_any(params["reason_cues"])
    third_allowed = aligned.code.max_stages >= 3
    quote_threshold = float(params["quote_threshold"])
    facts = aligned.code.facts
    cited = {"third": facts.stage_limit, "zero": facts.named_stages}  # None: the kind is not judged
    # the reasons for a third stage (2022 5.17) may be given in that provision's own row
    third_pid = cited.get("third")
    reasons_row = " ".join(row_text(r) for r in aligned.rows if third_pid and third_pid in r.provisions)
    for arow in aligned.rows:
        text = row_text(arow)
        if not text:
            continue
        requirement = arow.row.requirement
        for kind, pat in kinds.items():
            if pat is None or cited.get(kind) is None:
                continue
            hit = _first_asserted(
                text, pat, neg_before, neg_after, window, code_cues, other, requirement, quote_threshold
            )
            if hit is None:
                continue
            start, end = hit
            if kind == "third" and third_allowed:
                if reasons and (reasons.search(text) or reasons.search(reasons_row)):
                    continue  # 2022 5.17: a third stage with its reasons set out
                message = (
                    f"Describes {_KIND_TEXT[kind]} without the reasons {provision_ref(aligned, third_pid)} "
                    f'asks for ("{one_line(text[start:end])}")'
                )
            else:
                message = (
                    f'Describes {_KIND_TEXT[kind]} ("{one_line(text[start:end])}"); '
                    f"{provision_ref(aligned, cited.get(kind))} {_RULE_TEXT[kind]}"
                )
            yield Hit(provision_label(arow), message, arow.row.location, quote(text, start, end))
            break  # one finding per row
