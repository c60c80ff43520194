"""Process checks: a complaints process with too many stages (CC109) and stated timescales longer than
the Code allows (CC110).

Both read the landlord's own statements about its process, so both must ignore denials ("we do not
have a stage 0"), statements about the Code itself ("the Code does not allow a third stage"),
quotations of the requirement, and other processes (Awaab's Law repairs, non-housing complaints).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from codecheck.engine.registry import CheckContext, Hit, check
from codecheck.model import AlignedDocument, Timescale
from codecheck.text.cells import one_line, provision_label, provision_ref, quote, row_provisions, row_text
from codecheck.text.context import compile_any, describes_code, in_quotation, is_negated, quotes_requirement
from codecheck.text.sentences import sentence_at
from codecheck.text.timescales import TimescaleMention, find_timescales, working_day_bounds

# --------------------------------------------------------------------------- CC109 extra-stage

_RULE_TEXT = {
    "third": "allows no more than two stages",
    "zero": "says extra named stages (such as 'stage 0') are not appropriate",
}
_KIND_TEXT = {
    "third": "a third complaints stage",
    "zero": "a stage before stage 1 (stage 0 / informal / pre-complaint)",
}


@check("extra-stage")
def extra_stage(ctx: CheckContext, params: dict[str, Any]) -> Iterator[Hit]:
    aligned = ctx.aligned
    kinds = {k: compile_any(v) for k, v in (params.get("stage_patterns") or {}).items()}
    neg_before = list(params.get("negation_before", ()))
    neg_after = list(params.get("negation_after", ()))
    window = int(params.get("negation_window", 8))
    code_cues = list(params.get("code_cues", ()))
    other = compile_any(params.get("other_process_cues", ()))
    reasons = compile_any(params.get("reason_cues", ()))
    third_allowed = aligned.code.max_stages >= 3
    quote_threshold = float(params.get("quote_threshold", 92))
    cited = (params.get("stage_provisions") or {}).get(aligned.code.id) or {}
    # the reasons for a third stage (2022 5.17) may be given in that provision's own row
    third_pid = cited.get("third")
    reasons_row = " ".join(row_text(r) for r in aligned.rows if third_pid and third_pid in r.provisions)
    for arow in aligned.rows:
        text = row_text(arow)
        if not text:
            continue
        requirement = arow.row.requirement
        for kind, pat in kinds.items():
            if pat is None:
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


# --------------------------------------------------------------------------- CC110 wrong-timescale

_WHAT_TEXT = {
    "acknowledge": "acknowledgement",
    "respond": "response",
    "extend": "extension",
    "time_limit": "time limit for raising a complaint",
    "total": "total time including any extension",
}
_UNIT_TEXT = {
    "working_days": "working days",
    "days": "days",
    "calendar_days": "calendar days",
    "weeks": "weeks",
    "months": "months",
    "hours": "hours",
}
_FROM_TEXT = {
    "received": "counted from receipt",
    "logged": "counted from the complaint being logged",
    "acknowledged": "counted from acknowledgement",
    "escalated": "counted from escalation",
    "aware": "from the issue occurring or the resident becoming aware of it",
}


@check("wrong-timescale")
def wrong_timescale(ctx: CheckContext, params: dict[str, Any]) -> Iterator[Hit]:
    aligned = ctx.aligned
    cues = params.get("cues") or {}
    neg = list(params.get("negation_before", ()))
    window = int(params.get("negation_window", 6))
    exclude = compile_any(params.get("exclude_sentence", ()))
    code_cues = compile_any(params.get("code_cues", ()))
    comparison = compile_any(params.get("comparison_cues", ()))
    quote_threshold = float(params.get("quote_threshold", 92))
    slack = int(params.get("calendar_slack_days", 2))
    after_chars = int(params.get("after_chars", 80))
    everywhere = [(p, t) for p in aligned.code.provisions for t in p.timescales]
    for arow in aligned.rows:
        text = row_text(arow)
        if not text:
            continue
        provisions = row_provisions(aligned, arow)
        own = [(p, t) for p in provisions for t in p.timescales]
        row_stage = next((p.stage for p in provisions if p.stage is not None), None)
        for mention in find_timescales(text, cues, after_chars):
            if mention.what in (None, "window"):
                continue
            sentence = mention.sentence.text
            if exclude and exclude.search(sentence):
                continue
            # "we do not accept complaints older than 6 months" states a limit, so a time limit is
            # never read as denied
            if mention.what != "time_limit" and is_negated(text, mention.start, mention.end, neg, (), window):
                continue
            if quotes_requirement(sentence, arow.row.requirement, quote_threshold):
                continue
            restates_code = _restates_code(mention, code_cues, comparison)
            target = _code_timescale(mention, own, everywhere, row_stage)
            if target is None:
                continue
            pid, ts, total = target
            problem = _compare(mention, ts, total, slack, restates_code)
            if problem is None:
                continue
            yield Hit(
                provision_label(arow),
                _message(aligned, mention, pid, ts, total, problem),
                arow.row.location,
                quote(text, mention.start, mention.end),
            )
            break  # one finding per row: the first conflicting figure


def _restates_code(
    mention: TimescaleMention, code_cues: re.Pattern[str] | None, comparison: re.Pattern[str] | None
) -> bool:
    """True when the sentence attributes the figure to the Code ("the Code requires … 10 working days").

    The Code must be named before the figure, and a comparison ("quicker than the Code requires")
    is the landlord's own standard measured against the Code, not a restatement of it.
    """
    if code_cues is None:
        return False
    sentence = mention.sentence
    before = sentence.text[: mention.start - sentence.start]
    if not code_cues.search(before):
        return False
    return not (comparison and comparison.search(sentence.text))


def _code_timescale(
    mention: TimescaleMention,
    own: list[tuple[Any, Timescale]],
    everywhere: list[tuple[Any, Timescale]],
    row_stage: int | None,
) -> tuple[str, Timescale, int | None] | None:
    """The Code timescale a mention speaks of: (provision id, timescale, base+extension total or None).

    The row's own provision is preferred; a mention that names another stage explicitly is compared
    with that stage's figure anywhere in the Code. A mention that cannot be pinned to one figure is not
    compared at all (silence beats a guess).
    """
    what = mention.what
    stage = mention.stage if mention.stage is not None else row_stage
    if what == "total":
        base = _pick(everywhere, "respond", stage)
        ext = _pick(everywhere, "extend", stage)
        if base is None or ext is None:
            return None
        return base[0], base[1], base[1].number + ext[1].number
    if what == "time_limit":
        found = _pick(own, "time_limit", None) or _pick(everywhere, "time_limit", None)
        return (found[0], found[1], None) if found else None
    found = _pick(own, what, stage)
    if found is None and mention.stage is not None:
        found = _pick(everywhere, what, mention.stage)
    return (found[0], found[1], None) if found else None


def _pick(pairs: list[tuple[Any, Timescale]], what: str, stage: int | None) -> tuple[str, Timescale] | None:
    matches = [(p.id, t) for p, t in pairs if t.what == what and (stage is None or t.stage in (None, stage))]
    if not matches:
        return None
    if stage is None and len({t.stage for _, t in matches}) > 1:
        return None  # ambiguous: the same quantity differs by stage and no stage is known
    return matches[0]


def _compare(
    mention: TimescaleMention, ts: Timescale, total: int | None, slack: int, restates: bool
) -> str | None:
    """Why the stated figure conflicts with the Code's, or None when it does not."""
    if ts.what == "time_limit" and mention.what == "time_limit":
        if ts.unit == "months" and mention.unit == "months" and mention.number < ts.number:
            return "shorter"
        return None
    if mention.unit == "months" or ts.unit == "months":
        return None
    code_n = total if total is not None else ts.number
    code_longest = working_day_bounds(code_n, ts.unit, 0)[1]
    shortest, _ = working_day_bounds(mention.number, mention.unit, slack)
    if shortest > code_longest:
        return "longer"
    if restates and mention.unit == ts.unit and mention.number != code_n and mention.low is None:
        return "misstated"
    return None


def _message(
    aligned: AlignedDocument,
    mention: TimescaleMention,
    pid: str,
    ts: Timescale,
    total: int | None,
    problem: str,
) -> str:
    stage = mention.stage if mention.stage is not None else ts.stage
    what = _WHAT_TEXT.get(mention.what or ts.what, ts.what)
    head = f"Stage {stage} {what}" if stage and mention.what != "time_limit" else what.capitalize()
    stated = f'stated as "{one_line(mention.text)}"'
    code_n = total if total is not None else ts.number
    unit = _UNIT_TEXT.get(ts.unit, ts.unit)
    anchor = f" ({_FROM_TEXT[ts.counted_from]})" if ts.counted_from in _FROM_TEXT and total is None else ""
    ref = provision_ref(aligned, pid)
    if problem == "shorter":
        return f"{head} {stated}; {ref} requires complaints to be accepted for {code_n} {unit}{anchor}"
    if problem == "misstated":
        return f"{head} {stated} as the Code's figure; {ref} sets {code_n} {unit}{anchor}"
    limit = "a total of" if total is not None else "no more than"
    ambiguous = (
        f" (longer than {code_n} {unit} even if calendar days are meant)"
        if mention.unit in ("days", "weeks", "calendar_days")
        else ""
    )
    return f"{head} {stated}{ambiguous}; {ref} allows {limit} {code_n} {unit}{anchor}"
