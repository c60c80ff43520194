"""CC110 wrong-timescale: a stated complaint-handling timescale longer than the Code's (or misstating it).

A thin adapter over the statement reader (``codecheck.statements``): it reads each figure of a row
into a timescale claim (what it times: acknowledgement, response, extension, total, time limit; the
stage; where counting starts; whether it is the landlord's own current rule or a statistic, another
subject, the past, a question, a denial, the Code restated). Only the landlord's own claims, and
restatements of the Code that misstate it, are compared with the Code version's structured
timescales (``code_versions/*.yaml``: what/number/unit/counted_from per provision). Every finding
quotes the sentence it rests on and says how it was read; a figure whose stage the text does not
name, and which would comply as another stage's, is only a warning.

Spec, parameters and pass/fail cases: ``rules/CC110-wrong-timescale/``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from codecheck.engine.context import CheckContext, Hit, NotApplicable, RuleParams
from codecheck.model import AlignedDocument, CodeVersion, Severity, Timescale
from codecheck.statements import quote_of, read_aligned
from codecheck.statements.timescales import FROM_TEXT, UNIT_TEXT, TimescaleClaim
from codecheck.text.cells import one_line, provision_label, provision_ref, row_provisions
from codecheck.text.timescales import working_day_bounds

_WHAT_TEXT = {
    "acknowledge": "acknowledgement",
    "respond": "response",
    "extend": "extension",
    "time_limit": "time limit for raising a complaint",
    "total": "total time including any extension",
}
_COMPARED = ("acknowledge", "respond", "extend", "total", "time_limit")
# events in the order they happen: a figure counted from an earlier event than the Code's may run
# longer by the time between the two (receipt -> acknowledgement: the acknowledgement time)
_EARLY_ANCHORS = ("received", "escalated")
_LATE_ANCHORS = ("acknowledged", "logged")


def not_applicable(code: CodeVersion, params: RuleParams) -> NotApplicable | None:
    """Nothing to compare with on a version whose provisions set no timescales."""
    if not any(p.timescales for p in code.provisions):
        return NotApplicable("none of its provisions sets a timescale (provisions' timescales)")
    return None


def check(ctx: CheckContext, params: RuleParams) -> Iterator[Hit]:
    aligned = ctx.aligned
    slack = int(params["calendar_slack_days"])
    everywhere = [(p, t) for p in aligned.code.provisions for t in p.timescales]
    for arow in aligned.rows:
        reading = read_aligned(arow.row)
        if not reading.timescales:
            continue
        provisions = row_provisions(aligned, arow)
        own = [(p, t) for p in provisions for t in p.timescales]
        row_stage = next((p.stage for p in provisions if p.stage is not None), None)
        for claim in reading.timescales:
            found = _judge(claim, own, everywhere, row_stage, slack)
            if isinstance(found, str):
                ctx.note(arow.row.location, f"wrong-timescale: {claim.reading()}: {found}")
                continue
            pid, ts, code_n, problem = found
            message = _message(aligned, claim, pid, ts, code_n, problem, row_stage)
            other = _complying_stage(claim, own, everywhere, row_stage, slack)
            if other is not None:
                message += (
                    f" (the text names no stage: read as stage {claim.stage or row_stage} from the row; as a "
                    f"stage {other} time it would comply)"
                )
            yield Hit(
                provision_label(arow),
                message,
                arow.row.location,
                one_line(claim.figure.text),
                quote=quote_of(claim.sentence, claim.figure),
                reading=claim.reading(),
                severity=Severity.WARNING if other is not None else None,
            )
            break  # one finding per row: the first conflicting figure


def _complying_stage(
    claim: TimescaleClaim,
    own: list[tuple[Any, Timescale]],
    everywhere: list[tuple[Any, Timescale]],
    row_stage: int | None,
    slack: int,
) -> int | None:
    """When the text names no stage, another stage under which the figure complies (the reading is then
    uncertain: an error only where every plausible reading breaches the Code)."""
    if claim.stage_source in ("text", "heading") or claim.step == "time_limit":
        return None
    used = claim.stage if claim.stage is not None else row_stage
    for alt in sorted({t.stage for _, t in everywhere if t.stage is not None and t.stage != used}):
        trial = replace(claim, stage=alt, stage_source="text")
        if isinstance(_judge(trial, own, everywhere, row_stage, slack), str):
            return alt
    return None


def _judge(
    claim: TimescaleClaim,
    own: list[tuple[Any, Timescale]],
    everywhere: list[tuple[Any, Timescale]],
    row_stage: int | None,
    slack: int,
) -> tuple[str, Timescale, float, str] | str:
    """(provision, Code timescale, Code figure in the claim's terms, problem) or why nothing is wrong."""
    if claim.status not in ("own", "code"):
        return "not the landlord's current rule"
    if claim.step not in _COMPARED:
        return "not a step the Code times"
    if claim.bound == "lower":
        return "a lower limit, not a promise"
    if claim.unit == "years" and claim.step != "time_limit":
        return "a period in years is no complaint-stage time"
    if claim.counted_from in ("meeting",):
        return "counted from an event the Code does not time"
    stage = claim.stage if claim.stage is not None else row_stage
    target = _code_timescale(claim.step, stage, claim.stage is not None, own, everywhere)
    if target is None:
        return "no single Code figure for this step (stage unknown)"
    pid, ts, code_n = target
    if claim.step == "time_limit":
        if ts.unit == "months" and _longest_days(claim) < ts.number * 28:
            return pid, ts, ts.number, "shorter"
        return "at least the Code's time limit"
    code_n += _anchor_allowance(claim, ts, stage, everywhere)
    if claim.status == "code":
        stated = claim.stage_source == "text" or claim.step in ("acknowledge",)
        if stated and claim.unit == ts.unit and claim.amount != code_n and claim.low is None:
            return pid, ts, code_n, "misstated"
        return "the Code restated as it is"
    longest_code = working_day_bounds(int(code_n), ts.unit, 0)[1]
    if _shortest_working_days(claim, slack) > longest_code:
        return pid, ts, code_n, "longer"
    return f"within the Code's {code_n:g} {UNIT_TEXT.get(ts.unit, ts.unit)}"


def _shortest_working_days(claim: TimescaleClaim, slack: int) -> float:
    """The fewest working days a stated figure can mean: "days" and "weeks" may be calendar time,
    less ``slack`` days for a weekend or bank holiday at either end."""
    calendar_days = {"days": 1, "calendar_days": 1, "weeks": 7, "months": 28, "years": 365}
    if claim.unit == "working_days":
        return claim.amount
    if claim.unit == "hours":
        return claim.amount / 24 * 5 / 7
    per = calendar_days.get(claim.unit, 1)
    return max(0.0, (claim.amount * per - slack) * 5 / 7)


def _longest_days(claim: TimescaleClaim) -> float:
    """The most calendar days a time limit as written can mean."""
    per = {"months": 31, "years": 366, "weeks": 7, "calendar_days": 1, "working_days": 7 / 5, "days": 7 / 5}
    return claim.amount * per.get(claim.unit, 1)


def _anchor_allowance(claim: TimescaleClaim, ts: Timescale, stage: int | None, everywhere: list) -> float:
    """Extra time the Code allows when the landlord counts from an earlier event than the Code does:
    "15 working days from receipt" against 10 from acknowledgement (acknowledged within 5)."""
    if claim.step not in ("respond", "total"):
        return 0.0
    if claim.counted_from in _EARLY_ANCHORS and ts.counted_from in _LATE_ANCHORS:
        ack = _pick(everywhere, "acknowledge", stage)
        return float(ack[1].number) if ack and ack[1].unit == ts.unit else 0.0
    return 0.0


def _code_timescale(
    step: str,
    stage: int | None,
    stage_stated: bool,
    own: list[tuple[Any, Timescale]],
    everywhere: list[tuple[Any, Timescale]],
) -> tuple[str, Timescale, float] | None:
    """The Code figure a claim is measured against: (provision id, timescale, figure).

    The row's own provision is preferred; a claim that names another stage is compared with that
    stage's figure anywhere in the Code; a total is the stage's response plus its extension. A claim
    that cannot be pinned to one figure is not compared at all (silence beats a guess).
    """
    if step == "total":
        base = _pick(everywhere, "respond", stage)
        ext = _pick(everywhere, "extend", stage)
        if base is None or ext is None or base[1].unit != ext[1].unit:
            return None
        return base[0], base[1], float(base[1].number + ext[1].number)
    if step == "time_limit":
        found = _pick(own, "time_limit", None) or _pick(everywhere, "time_limit", None)
        return (found[0], found[1], float(found[1].number)) if found else None
    found = _pick(own, step, stage)
    if found is None and stage is not None:
        found = _pick(everywhere, step, stage)
    if found is None and not stage_stated and stage is None:
        found = _pick(everywhere, step, None)
    return (found[0], found[1], float(found[1].number)) if found else None


def _pick(pairs: list[tuple[Any, Timescale]], what: str, stage: int | None) -> tuple[str, Timescale] | None:
    matches = [(p.id, t) for p, t in pairs if t.what == what and (stage is None or t.stage in (None, stage))]
    if not matches:
        return None
    if stage is None and len({(t.number, t.unit) for _, t in matches}) > 1:
        return None  # ambiguous: the same quantity differs by stage and no stage is known
    return matches[0]


def _message(
    aligned: AlignedDocument,
    claim: TimescaleClaim,
    pid: str,
    ts: Timescale,
    code_n: float,
    problem: str,
    row_stage: int | None,
) -> str:
    stage = claim.stage if claim.stage is not None else (ts.stage or row_stage)
    what = _WHAT_TEXT.get(claim.step, ts.what)
    head = f"Stage {stage} {what}" if stage and claim.step != "time_limit" else what.capitalize()
    stated = f'stated as "{one_line(claim.figure.text)}"'
    unit = UNIT_TEXT.get(ts.unit, ts.unit)
    total = claim.step == "total"
    anchor = ""
    if ts.counted_from in _FROM_CODE and not total and code_n == ts.number:
        anchor = f" ({_FROM_CODE[ts.counted_from]})"
    elif code_n != ts.number and not total:
        anchor = (
            f" ({FROM_TEXT.get(claim.counted_from or '', 'counted from receipt')}, acknowledgement included)"
        )
    ref = provision_ref(aligned, pid)
    if problem == "shorter":
        return f"{head} {stated}; {ref} requires complaints to be accepted for {code_n:g} {unit}{anchor}"
    if problem == "misstated":
        return f"{head} {stated} as the Code's figure; {ref} sets {code_n:g} {unit}{anchor}"
    limit = "a total of" if total else "no more than"
    ambiguous = (
        f" (longer than {code_n:g} {unit} even if calendar days are meant)"
        if claim.unit in ("days", "weeks", "calendar_days")
        else ""
    )
    return f"{head} {stated}{ambiguous}; {ref} allows {limit} {code_n:g} {unit}{anchor}"


_FROM_CODE = {
    "received": "counted from receipt",
    "logged": "counted from the complaint being logged",
    "acknowledged": "counted from acknowledgement",
    "escalated": "counted from escalation",
    "aware": "from the issue occurring or the resident becoming aware of it",
}
