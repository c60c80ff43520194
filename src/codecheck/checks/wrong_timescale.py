"""CC110 wrong-timescale: a stated complaint-handling timescale longer than the Code's (or misstating it).

Each figure in the commentary is tied to what it times (acknowledgement, response, extension, total,
time limit) and compared with the Code's structured timescales; denials, performance figures, other
processes (repairs, Awaab's Law, the Ombudsman's own deadlines) and quotations are not compared.

Spec, parameters and pass/fail cases: ``rules/CC110-wrong-timescale/``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from codecheck.engine.context import CheckContext, Hit, NotApplicable, RuleParams
from codecheck.model import AlignedDocument, CodeVersion, Timescale
from codecheck.text.cells import one_line, provision_label, provision_ref, quote, row_provisions, row_text
from codecheck.text.context import compile_any, is_negated, quotes_requirement
from codecheck.text.timescales import TimescaleMention, find_timescales, working_day_bounds

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


def not_applicable(code: CodeVersion, params: RuleParams) -> NotApplicable | None:
    """Nothing to compare with on a version whose provisions set no timescales."""
    if not any(p.timescales for p in code.provisions):
        return NotApplicable("none of its provisions sets a timescale (provisions' timescales)")
    return None


def check(ctx: CheckContext, params: RuleParams) -> Iterator[Hit]:
    aligned = ctx.aligned
    cues = params["cues"]
    neg = list(params["negation_before"])
    window = int(params["negation_window"])
    exclude = compile_any(params["exclude_sentence"])
    code_cues = compile_any(params["code_cues"])
    comparison = compile_any(params["comparison_cues"])
    quote_threshold = float(params["quote_threshold"])
    slack = int(params["calendar_slack_days"])
    after_chars = int(params["after_chars"])
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
