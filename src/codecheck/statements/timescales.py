"""Timescale claims: what a figure times (step), at which stage, counted from when, and whose rule it is.

"replies follow within 10 working days of acknowledgement at stage 1 and within 20 working days at
stage 2" holds two claims: a stage 1 response of 10 working days counted from acknowledgement, and a
stage 2 response of 20 working days. Attachment works in both directions and across coordinations:

* the figure's own conjunct decides first (a stage or step named just before *or just after* it),
  then its clause, then its sentence, then a "Stage 2:" heading before it;
* "10 and 20 working days … respectively" pairs the figures with the stages (or steps) listed in the
  same sentence, in order; a list that cannot be paired is *unclear* and never compared;
* "of acknowledgement", "after it is logged" say where counting starts and are never read as the step;
* "a further 20 working days" is an extension only when the sentence speaks of extending (a delay, a
  new date, exceptional cases); otherwise it is the next step's response, counted from the previous;
* "no longer than 8 weeks" is an upper bound, not a negation.

Cue lists come from ``lexicon.yaml``; every cue is found once per sentence and looked up by position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from codecheck.statements import lexicon
from codecheck.statements.context import STATUS_TEXT, SentenceContext
from codecheck.statements.quantities import Quantity, find_quantities
from codecheck.statements.sentences import Span

STEPS = ("acknowledge", "respond", "extend", "total", "window", "time_limit", "contact", "unknown")
STEP_TEXT = {
    "acknowledge": "acknowledgement",
    "respond": "response",
    "extend": "extension",
    "total": "total time including any extension",
    "window": "time to ask for escalation",
    "time_limit": "time limit for raising a complaint",
    "contact": "first contact",
    "unknown": "timescale of an unnamed step",
}
UNIT_TEXT = {
    "working_days": "working days",
    "days": "days",
    "calendar_days": "calendar days",
    "weeks": "weeks",
    "months": "months",
    "hours": "hours",
    "years": "years",
}
FROM_TEXT = {
    "received": "counted from receipt",
    "acknowledged": "counted from acknowledgement",
    "logged": "counted from logging",
    "escalated": "counted from the escalation request",
    "previous": "counted from the previous step",
    "aware": "counted from the issue or the resident becoming aware of it",
    "meeting": "counted from a meeting",
    "deadline": "beyond the original deadline",
}
_STEP_CUES = ("extend", "acknowledge", "respond", "contact", "generic")
_GENERIC_RESPOND = re.compile(
    r"^(?:target|targets|deadline|timescale|timeframe|time limit|time frame|standard)$", re.I
)
# the words right after a figure that can name what it times end at punctuation or a new clause word
_HEAD_END = re.compile(
    r"[,;.:()]|\s(?:and|or|but|of|from|after|to|for|if|where|when|which|that|unless|as|in|at|by|while)\s",
    re.IGNORECASE,
)
_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)
_ESCALATION_WORD = re.compile(r"\bescalat\w*|\bappeal\b|\breview\b", re.I)


@dataclass(frozen=True)
class TimescaleClaim:
    """One stated timescale and how it was read."""

    step: str  # one of STEPS
    stage: int | None
    amount: float
    unit: str
    status: str  # one of context.STATUSES
    figure: Span  # the figure as written, offsets in the cell
    sentence: Span
    cell: str
    low: float | None = None
    counted_from: str | None = None
    bound: str = "exact"  # upper | lower | approximate | exact
    subject: str | None = None
    stage_source: str = ""  # text | implied | heading | "" (not stated)
    note: str = ""  # why a status or step was chosen, when that is not obvious

    @property
    def amount_text(self) -> str:
        fig = f"{self.amount:g}"
        if self.low is not None:
            fig = f"{self.low:g}-{fig}"
        return f"{fig} {UNIT_TEXT.get(self.unit, self.unit)}"

    def reading(self) -> str:
        """How the claim was read, in the words of a reviewer ("stage 2 extension, 20 working days, …")."""
        head = STEP_TEXT.get(self.step, self.step)
        if self.stage is not None and self.step not in ("time_limit",):
            head = f"stage {self.stage} {head}"
        parts = [head, self.amount_text]
        if self.counted_from in FROM_TEXT:
            parts.append(FROM_TEXT[self.counted_from])
        if self.bound == "upper":
            parts.append("an upper limit")
        elif self.bound == "lower":
            parts.append("a lower limit")
        elif self.bound == "approximate":
            parts.append("approximate")
        status = STATUS_TEXT.get(self.status, self.status)
        if self.status == "other_subject" and self.subject:
            status = f"about {self.subject}, not a complaint stage"
        parts.append(status)
        if self.note:
            parts.append(self.note)
        return ", ".join(parts)


def read_timescales(contexts: list[SentenceContext]) -> list[TimescaleClaim]:
    """Every timescale claim in a cell's sentences, in text order."""
    out: list[TimescaleClaim] = []
    for ctx in contexts:
        if not ctx.mentions("prefilter.quantities"):
            continue
        quantities = find_quantities(ctx.span.text, ctx.span.start)
        if not quantities:
            continue
        if ctx.span.text.count("|") >= 2:
            out.extend(_grid(ctx, quantities))
            continue
        paired = _pair_series(ctx, quantities)
        for q in quantities:
            out.append(_claim(ctx, q, quantities, paired.get(q.start)))
    return out


# ---------------------------------------------------------------------------- one figure


def _claim(
    ctx: SentenceContext, q: Quantity, all_q: list[Quantity], pairing: tuple[int | None, str | None] | None
) -> TimescaleClaim:
    after_text = ctx.text(q.end, min(ctx.span.end, q.end + 90))
    anchor, anchor_end = _counted_from(ctx, after_text, q)
    before_window = ctx.text(max(ctx.span.start, q.start - 60), q.start)
    further = q.more or bool(lexicon.rx("further_before").search(before_window))
    deadline = further and bool(lexicon.rx("further_deadline").search(before_window))
    step, note = _step(ctx, q, all_q, after_text, anchor_end, further, deadline)
    if anchor == "deadline" and step in ("respond", "unknown", "total"):
        step, note = "extend", "time beyond the original deadline"
    if further and step == "respond" and anchor is None:
        anchor = "previous"
    status, subject, status_note = _status(ctx, q, step, before_window)
    stage, source = _stage(ctx, q, all_q)
    unclear = False
    if pairing is not None:
        p_stage, p_step = pairing
        if p_stage is not None:
            stage, source = p_stage, "text"
        if p_step is not None:
            step = p_step
    elif q.series_len > 1:
        unclear = not _series_shares_context(ctx, q)
    if unclear and status == "own":
        status = "unclear"
    if step == "extend" and anchor not in (None, "previous", "deadline"):
        anchor = None  # an extension runs on from the response deadline, whatever the sentence says
    return TimescaleClaim(
        step=step,
        stage=stage,
        amount=q.amount,
        unit=q.unit,
        status=status,
        figure=Span(q.start, q.end, q.text),
        sentence=ctx.span,
        cell=ctx.cell,
        low=q.low,
        counted_from=anchor,
        bound=_bound(before_window, step, after_text),
        subject=subject,
        stage_source=source,
        note=note or status_note,
    )


def _counted_from(ctx: SentenceContext, after: str, q: Quantity) -> tuple[str | None, int]:
    """Where counting starts, from the words after the figure (or a "counted from …" in the sentence),
    and where that anchor phrase ends (cell offset), so its words are never read as the step."""
    pat, names = lexicon.rx_named("counted_from")
    m = pat.match(after)
    if m is not None:
        return lexicon.name_of(m, names), q.end + m.end()
    pat, names = lexicon.rx_named("counted_from_sentence")
    named = ctx.remember(
        ("counted_from_sentence",), lambda: lexicon.name_of(pat.search(ctx.span.text), names)
    )
    return (named if isinstance(named, str) else None), q.end


def _bound(before: str, step: str, after: str) -> str:
    if step == "time_limit":
        return "upper"
    if lexicon.rx("bound_upper").search(before):
        return "upper"
    if before.rstrip().lower().endswith("after") and lexicon.rx("bound_after_wait").match(after):
        return "lower"
    if lexicon.rx("bound_lower").search(before):
        return "lower"
    if lexicon.rx("bound_approx").search(before):
        return "approximate"
    return "exact"


def _step(
    ctx: SentenceContext,
    q: Quantity,
    all_q: list[Quantity],
    after: str,
    anchor_end: int,
    further: bool,
    deadline: bool,
) -> tuple[str, str]:
    """What the figure times, and a note when the choice needs explaining."""
    conj = ctx.conjunct_at(q.start)
    clause = ctx.clause_at(q.start)
    # a request window or a time limit for raising a complaint is never a response time; but in
    # "we acknowledge escalation requests within 5 working days" the request is what is acknowledged
    if ctx.cues_in("steps.window", conj.start, conj.end) and _nearest(
        ctx, conj.start, q.start, after=False, skip=(q.end, anchor_end)
    ) in (None, "contact"):
        return "window", ""
    near_before = ctx.text(max(clause.start, q.start - 80), q.start)
    if lexicon.rx("steps.time_limit").search(near_before) or lexicon.rx("steps.time_limit_after").search(
        after
    ):
        return "time_limit", ""
    if (
        ctx.cues_in("steps.total", conj.start, conj.end)
        or ctx.cues_in("steps.total", clause.start, q.start)
        or (lexicon.rx("steps.total").search(after[:50]))
    ):
        return "total", ""
    if further:
        if ctx.cues_in("extension_context", ctx.span.start, ctx.span.end) or ctx.cues_in(
            "steps.extend", ctx.span.start, ctx.span.end
        ):
            return "extend", ""
        if deadline:
            return "respond", "a further period after the previous step, not an extension"
        return "extend", "an amount of extra time"
    # the noun right after the figure: "a 10-working-day extension", "the 20-day response target"
    head_end = q.end + len(_HEAD_END.split(after, maxsplit=1)[0][:30])
    head = _nearest(ctx, q.end, head_end, after=True)
    if head is not None:
        return _maybe_total(ctx, q, all_q, head), ""
    skip = (q.end, anchor_end)
    for lo, hi, after_side in (
        (conj.start, q.start, False),
        (q.end, conj.end, True),
        (clause.start, q.start, False),
        (q.end, _next_figure(all_q, q, clause.end), True),
        (ctx.span.start, q.start, False),
    ):
        found = _nearest(ctx, lo, hi, after=after_side, skip=skip)
        if found is None:
            continue
        if found == "extend" and after_side and ctx.cues_in("condition", q.end, hi):
            # "or 20 working days if an extension is needed": the time with an extension
            return "total", "the time allowed with an extension"
        return _maybe_total(ctx, q, all_q, found), ""
    if any(s.start != q.start for s in ctx.stages) and not ctx.cues("steps.contact"):
        # "Stage 1: 10 working days; Stage 2: 20": a figure given for a named stage is its reply time
        return "respond", "no step named: read as the stage's response time"
    return "unknown", ""


def _maybe_total(ctx: SentenceContext, q: Quantity, all_q: list[Quantity], step: str) -> str:
    """An alternative, longer response for hard cases ("or 20 working days for complex cases") is
    the base time plus an extension."""
    if step != "respond" or len(all_q) < 2:
        return step
    conj = ctx.conjunct_at(q.start)
    clause = ctx.clause_at(q.start)
    hard = ctx.cues_in("steps.complex_case", conj.start, conj.end) or ctx.cues_in(
        "steps.complex_case", q.end, min(clause.end, q.end + 60)
    )
    others = [o for o in all_q if o is not q and o.amount < q.amount and o.unit == q.unit]
    return "total" if hard and others else step


def _nearest(
    ctx: SentenceContext, lo: int, hi: int, *, after: bool, skip: tuple[int, int] = (0, 0)
) -> str | None:
    """The step cue nearest the figure within [lo, hi): the last one before it, or the first after."""
    best: tuple[int, int, str] | None = None
    for step in _STEP_CUES:
        if step == "generic" and best is not None:
            break  # "deadline", "target" decide only when nothing more specific is near
        for s, e in ctx.cues_in(f"steps.{step}", lo, hi):
            if skip[0] <= s < skip[1]:
                continue
            if step == "acknowledge" and _is_anchor_word(ctx, s):
                continue
            step_name = "respond" if step == "generic" else step
            rank = s if after else -e
            key = (rank, _STEP_CUES.index(step))
            if best is None or key < best[:2]:
                best = (key[0], key[1], step_name)
    return best[2] if best else None


def _is_anchor_word(ctx: SentenceContext, pos: int) -> bool:
    """ "of acknowledgement", "after it is logged": the word names where counting starts."""
    lead = ctx.text(max(ctx.span.start, pos - 30), pos).lower()
    return bool(re.search(r"\b(?:of|from|after|following|since|once)\s+(?:\w+\s+){0,3}$", lead))


def _next_figure(all_q: list[Quantity], q: Quantity, limit: int) -> int:
    for o in all_q:
        if o.start > q.start:
            return min(o.start, limit)
    return limit


def _status(ctx: SentenceContext, q: Quantity, step: str, before: str) -> tuple[str, str | None, str]:
    """Whose rule the figure states, the other subject when there is one, and a note."""
    if ctx.question:
        return "question", None, ""
    if ctx.in_quotation(q.start) or ctx.quotes_requirement:
        return "quotation", None, ""
    if ctx.code:
        return "code", None, ""
    if ctx.clause_flag("reported", q.start):
        return "reported", None, ""
    if ctx.clause_flag("past", q.start):
        return "past", None, ""
    # a time limit is often put as a condition ("if you raise it within six months")
    cond = _condition(ctx, q) if step != "time_limit" else None
    if step != "time_limit" and cond != "failure" and _negated(ctx, q, before):
        return "negated", None, ""
    if ctx.clause_flag("statistic", q.start) or q.decimal:
        return "statistic", None, ""
    subject = ctx.subject_at(q.start)
    if subject is not None:
        return "other_subject", subject, ""
    if cond == "conditional":
        return "conditional", None, ""
    return "own", None, "in a condition on missing the deadline" if cond == "failure" else ""


def _negated(ctx: SentenceContext, q: Quantity, before: str) -> bool:
    clause = ctx.clause_at(q.start)
    lead_words = ctx.text(max(clause.start, q.start - 80), q.start).split()[-6:]
    if lexicon.rx("negation_before").search(" ".join(lead_words)):
        # "will not exceed", "no later than" bound the figure; they do not deny it
        return not lexicon.rx("bound_upper").search(before)
    tail = ctx.text(q.end, min(clause.end, q.end + 100))
    return bool(lexicon.rx("negation_after").match(tail.lstrip(" ,")))


def _condition(ctx: SentenceContext, q: Quantity) -> str | None:
    """ "conditional" when the figure sits inside an if-clause about something else, "failure" when
    the condition is the landlord missing that figure ("if we cannot reply within 10 working days")."""
    clause = ctx.clause_at(q.start)
    cues = ctx.cues_in("condition", clause.start, q.start)
    if not cues:
        return None
    start = cues[-1][0]
    between = ctx.text(start, q.start)
    if "," in between:
        return None  # "If it is complex, we reply within 20 working days": the figure is the rule
    if lexicon.rx("failure_condition").search(between + " " + ctx.text(q.end, min(clause.end, q.end + 40))):
        return "failure"  # "if we cannot reply within 10 …", "if the 10-day deadline is not met"
    if lexicon.rx("resident_subject").search(between):
        return "conditional"  # "if you raise it within six months": the resident's time, not ours
    return None


def _stage(ctx: SentenceContext, q: Quantity, all_q: list[Quantity]) -> tuple[int | None, str]:
    """The stage a figure belongs to, and how it was found."""
    if not ctx.stages:
        implied = _implied_stage(ctx, q)
        if implied is not None:
            return implied, "implied"
        if ctx.heading_stage is not None:
            return ctx.heading_stage, "heading"
        return None, ""
    conj = ctx.conjunct_at(q.start)
    in_conj = [s for s in ctx.stages if conj.start <= s.start < conj.end]
    if in_conj:
        return min(in_conj, key=lambda s: abs(s.start - q.start)).stage, "text"
    clause = ctx.clause_at(q.start)
    heading = _clause_heading(ctx, clause)
    if heading is not None:
        return heading, "text"
    for lo, hi in ((clause.start, clause.end), (ctx.span.start, ctx.span.end)):
        before = [s for s in ctx.stages if lo <= s.start < q.start]
        if before and not _figure_between(all_q, before[-1].end, q.start, q):
            return before[-1].stage, "text"
        after = [s for s in ctx.stages if q.end <= s.start < hi]
        if after and not _figure_between(all_q, q.end, after[0].start, q):
            return after[0].stage, "text"
        if before:
            return before[-1].stage, "text"
    implied = _implied_stage(ctx, q)
    if implied is not None:
        return implied, "implied"
    return None, ""


def _clause_heading(ctx: SentenceContext, clause: Span) -> int | None:
    """The stage a clause opens with as a heading ("Stage 2: acknowledge 5 …")."""
    if not re.match(
        r"\s*(?:at\s+)?stages?[\s-]*(?:one|two|[12])\b\s*(?:[:(,-]|\([^)]{0,40}\))", clause.text, re.I
    ):
        return None
    first = next((s for s in ctx.stages if s.start >= clause.start), None)
    return first.stage if first is not None and first.start < clause.start + 12 else None


def _figure_between(all_q: list[Quantity], lo: int, hi: int, me: Quantity) -> bool:
    return any(o is not me and lo <= o.start < hi for o in all_q)


def _implied_stage(ctx: SentenceContext, q: Quantity) -> int | None:
    """A stage named without its number: "escalated", "review", "appeal", "final response" (2);
    "first stage", "initial response" (1). Only the figure's own clause is read."""
    conj = ctx.conjunct_at(q.start)
    clause = ctx.clause_at(q.start)
    # its own conjunct anywhere ("… within 20 working days of the escalation"), else what the clause
    # is about, named before it ("Escalation requests are acknowledged … and answered within 20 …")
    for lo, hi in ((conj.start, conj.end), (clause.start, q.start)):
        if ctx.cues_in("stage_implied_2", lo, hi):
            return 2
        if ctx.cues_in("stage_implied_1", lo, hi):
            return 1
    return None


# ---------------------------------------------------------------------------- coordinated figures


def _pair_series(
    ctx: SentenceContext, quantities: list[Quantity]
) -> dict[int, tuple[int | None, str | None]]:
    """ "10 and 20 working days … respectively": each figure of a coordinated list gets the stage (or
    step) of the same rank in the sentence's own list of stages (or steps)."""
    out: dict[int, tuple[int | None, str | None]] = {}
    series = [q for q in quantities if q.series_len > 1]
    if not series:
        return out
    groups: dict[int, list[Quantity]] = {}
    for q in series:
        # a series is the run of figures that share one unit word (consecutive, same length)
        key = next((g for g, members in groups.items() if members[-1].series == q.series - 1), None)
        if key is None or q.series == 0:
            key = q.start
            groups[key] = []
        groups[key].append(q)
    for members in groups.values():
        n = len(members)
        stages = _distinct_stages(ctx)
        steps = _listed_steps(ctx, members[0].start)
        stage_list = stages if len(stages) == n else None
        step_list = steps if len(steps) == n else None
        if stage_list is None and step_list is None:
            continue
        for i, q in enumerate(members):
            out[q.start] = (
                stage_list[i] if stage_list else None,
                step_list[i] if step_list else None,
            )
    return out


def _distinct_stages(ctx: SentenceContext) -> list[int]:
    out: list[int] = []
    for s in ctx.stages:
        if not out or out[-1] != s.stage:
            out.append(s.stage)
    return out


def _listed_steps(ctx: SentenceContext, before: int) -> list[str]:
    """Steps named in order before a coordinated list ("acknowledging and answering")."""
    found: list[tuple[int, str]] = []
    for step in ("acknowledge", "respond", "extend"):
        for s, _e in ctx.cues_in(f"steps.{step}", ctx.span.start, before):
            found.append((s, step))
    found.sort()
    out: list[str] = []
    for _, step in found:
        if not out or out[-1] != step:
            out.append(step)
    return out


def _series_shares_context(ctx: SentenceContext, q: Quantity) -> bool:
    """An unpaired list ("10 or 15 working days") is still readable when every figure has the same
    stage and step anyway (the sentence names one stage at most)."""
    return len(_distinct_stages(ctx)) <= 1 and not ctx.cues("respectively")


# ---------------------------------------------------------------------------- flattened tables


def _grid(ctx: SentenceContext, quantities: list[Quantity]) -> list[TimescaleClaim]:
    """A table flattened into text ("Stage | Acknowledge | Respond Stage 1 | 5 working days | …"):
    the step words before the first numbered stage are the columns; each figure takes the column of
    its rank after the last stage named before it."""
    first_stage = ctx.stages[0].start if ctx.stages else ctx.span.end
    header: list[tuple[int, str]] = []
    for step in ("acknowledge", "respond", "extend"):
        for s, _e in ctx.cues_in(f"steps.{step}", ctx.span.start, first_stage):
            header.append((s, step))
    columns = [step for _, step in sorted(header)]
    out: list[TimescaleClaim] = []
    for q in quantities:
        claim = _claim(ctx, q, quantities, None)
        before = [s for s in ctx.stages if s.start < q.start]
        if columns and before:
            rank = sum(1 for o in quantities if before[-1].end <= o.start < q.start)
            if rank < len(columns):
                claim = _replace(claim, step=columns[rank], stage=before[-1].stage, stage_source="text")
        out.append(claim)
    return out


def _replace(claim: TimescaleClaim, **changes: object) -> TimescaleClaim:
    from dataclasses import replace

    return replace(claim, **changes)  # type: ignore[arg-type]
