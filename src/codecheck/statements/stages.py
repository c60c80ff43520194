"""Stage claims: how many stages the landlord's *current* complaints process has, and any named step
residents must go through before stage 1.

Read as a stage claim:

* a count ("a three-stage procedure", "each of the three stages");
* a stage by its number ("stage 3", "a third and final stage", "stage 0"); where the Ombudsman is named
  as that stage ("stage 3 is the Housing Ombudsman", "a third tier: the Ombudsman") the landlord's own
  stages are one fewer;
* a step before stage 1 by its usual names ("informal complaint", "pre-complaint", "an early
  resolution stage") or by what it does: a *gate* residents must pass before a formal complaint or
  stage 1 exists ("Only once the … conversation has run its course do we record a formal complaint",
  "if it is still unresolved after five working days we open a formal complaint").

Not a stage claim: a name given to stage 1 itself ("stage one, which we call frontline resolution"),
the Code's own advice ("early and local resolution is encouraged"), an optional informal word ("you
might prefer to mention it to them first"); and every claim carries a status, so a past process
("until April 2024 we had three stages"), a denial ("we do not have a stage 0"), a question, a
restatement of the Code or another process (non-housing complaints) is never the landlord's current one.
"""

from __future__ import annotations

from dataclasses import dataclass

from codecheck.statements import lexicon
from codecheck.statements.context import STATUS_TEXT, SentenceContext
from codecheck.statements.sentences import Span
from codecheck.text.numbers import ordinal_or_number

_ROMAN = {"iii": 3, "iv": 4}


@dataclass(frozen=True)
class StageClaim:
    """One statement about the stages of a complaints process."""

    kind: str  # count | numbered | prestage
    number: int | None  # the count, or the stage's number (0 for a stage before stage 1)
    internal: int | None  # how many stages of the landlord's own this implies (None: not a count)
    status: str
    words: Span  # what was matched, offsets in the cell
    sentence: Span
    cell: str
    note: str = ""

    @property
    def extra(self) -> str | None:
        """ "third" or "zero" when the claim describes a stage the Code does not allow, else None."""
        if self.kind == "prestage":
            return "zero"
        if self.internal is not None and self.internal >= 3:
            return "third"
        return None

    def reading(self) -> str:
        if self.kind == "prestage":
            head = f'a step before stage 1 ("{self.words.text}")'
        elif self.kind == "count":
            head = f"a process of {self.number} stages"
        elif self.internal is not None and self.number is not None and self.internal != self.number:
            head = (
                f"the Ombudsman named as stage {self.number}, so {self.internal} stages of the landlord's own"
            )
        else:
            head = f"a stage {self.number}"
        parts = [head, STATUS_TEXT.get(self.status, self.status)]
        if self.status == "other_subject":
            parts[-1] = "about another complaints process"
        if self.note:
            parts.append(self.note)
        return ", ".join(parts)


def read_stages(contexts: list[SentenceContext]) -> list[StageClaim]:
    """Every stage claim of a cell, in text order (one per matched phrase)."""
    out: list[StageClaim] = []
    for ctx in contexts:
        if ctx.mentions("prefilter.stages"):
            out.extend(_sentence_claims(ctx))
    return out


def _sentence_claims(ctx: SentenceContext) -> list[StageClaim]:
    found: list[StageClaim] = []
    base = ctx.span.start
    for m in lexicon.rx("stages.count").finditer(ctx.span.text):
        n = ordinal_or_number(lexicon.group(m, "n") or "")
        if n is None:
            continue
        found.append(_make(ctx, "count", n, n, base + m.start(), base + m.end()))
    for m in lexicon.rx("stages.numbered").finditer(ctx.span.text):
        raw = (lexicon.group(m, "n") or lexicon.group(m, "ord") or "").lower()
        n = _ROMAN.get(raw, ordinal_or_number(raw))
        if n is None:
            continue
        start, end = base + m.start(), base + m.end()
        if n == 0:
            found.append(_make(ctx, "prestage", 0, None, start, end))
            continue
        if n <= 2:
            continue
        internal = n - 1 if _names_ombudsman(ctx, start) else n
        note = "the Ombudsman is the last stage" if internal != n else ""
        found.append(_make(ctx, "numbered", n, internal, start, end, note))
    found.extend(_after_stage_two(ctx))
    found.extend(_prestages(ctx))
    found.sort(key=lambda c: c.words.start)
    return found


def _names_ombudsman(ctx: SentenceContext, pos: int) -> bool:
    """The stage at ``pos`` is the Ombudsman: named in the same clause, or the sentence is headed
    "Stage 4 –" and speaks of the Ombudsman and of no internal body (a panel, a board…)."""
    if ctx.search("stages.ombudsman", ctx.clause_at(pos)):
        return True
    return (
        ctx.search("stages.heading_late", ctx.span, match=True)
        and ctx.search("stages.ombudsman", ctx.span)
        and not ctx.search("stages.internal_bodies", ctx.span)
    )


def _after_stage_two(ctx: SentenceContext) -> list[StageClaim]:
    """A review by an internal body once stage 2 is over ("any complaint still unresolved after
    stage 2 goes to the Chief Executive") is a third stage, named or not; the Ombudsman is not one."""
    if any(c for c in lexicon.rx("stages.numbered").finditer(ctx.span.text)):
        return []  # a numbered stage is read as such
    m = lexicon.rx("stages.after_stage_two").search(ctx.span.text)
    if (
        m is None
        or ctx.search("stages.ombudsman", ctx.span)
        or not ctx.search("stages.internal_review", ctx.span)
    ):
        return []
    start, end = ctx.span.start + m.start(), ctx.span.start + m.end()
    return [_make(ctx, "numbered", 3, 3, start, end, "a review by an internal body after stage 2")]


def _prestages(ctx: SentenceContext) -> list[StageClaim]:
    """Named steps before stage 1, and gates residents must pass before a formal complaint."""
    text = ctx.span.text
    if lexicon.rx("stages.optional").search(text):
        return []
    out: list[StageClaim] = []
    base = ctx.span.start
    for m in lexicon.rx("stages.named_prestage").finditer(text):
        out.append(_make(ctx, "prestage", 0, None, base + m.start(), base + m.end()))
    gated = False
    if not out and lexicon.rx("stages.gate_target").search(text):
        m = lexicon.rx("stages.gate").search(text)
        if m is not None:
            claim = _make(
                ctx,
                "prestage",
                0,
                None,
                base + m.start(),
                base + m.end(),
                "a step residents must go through first",
                gate=True,
            )
            out.append(claim)
            gated = True
    if out and lexicon.rx("stages.no_prestage").search(text):
        return [_replace_status(c, "negated", "the text says there is no step before stage 1") for c in out]
    if out and not gated and lexicon.rx("stages.not_prestage").search(text):
        return [_replace_status(c, "negated", "named as stage 1 itself or the Code's advice") for c in out]
    return out


def _make(
    ctx: SentenceContext,
    kind: str,
    number: int | None,
    internal: int | None,
    start: int,
    end: int,
    note: str = "",
    gate: bool = False,
) -> StageClaim:
    status = _status(ctx, start, end, check_negation=not gate)
    return StageClaim(
        kind, number, internal, status, Span(start, end, ctx.text(start, end)), ctx.span, ctx.cell, note
    )


def _status(ctx: SentenceContext, start: int, end: int, check_negation: bool) -> str:
    if ctx.question:
        return "question"
    if ctx.in_quotation(start) or ctx.quotes_requirement:
        return "quotation"
    if ctx.code:
        return "code"
    if ctx.clause_flag("reported", start):
        return "reported"
    if ctx.clause_flag("past", start):
        return "past"
    if check_negation and _negated(ctx, start, end):
        return "negated"
    if ctx.search("stages.other_process", ctx.span):
        return "other_subject"
    return "own"


def _negated(ctx: SentenceContext, start: int, end: int) -> bool:
    clause = ctx.clause_at(start)
    lead = " ".join(ctx.text(max(clause.start, start - 100), start).split()[-8:])
    if lexicon.rx("negation_before").search(lead):
        return True
    tail = ctx.text(end, min(clause.end, end + 100)).lstrip(" ,'\"")
    return bool(lexicon.rx("negation_after").match(tail))


def _replace_status(claim: StageClaim, status: str, note: str) -> StageClaim:
    from dataclasses import replace

    return replace(claim, status=status, note=note) if claim.status == "own" else claim
