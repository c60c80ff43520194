"""Compliance claims (denied / in progress / planned) and target dates.

"Our procedure is silent on this point", "the policy still has to be updated", "we do not yet have a
formal process", "there is no official process" say the requirement is not met, whatever the
Comply column says. Improvements to something already in place ("being further strengthened",
"small amendments", "to make it easier") and the continuation of existing practice ("will keep
accepting") do not. Planned work counts only when it *is* the requirement: it points back to it
("these factors", "this requirement") or shares its distinctive words.

A target date is a date by which the landlord will comply: "by 31 March 2027", "spring 2026",
"Q1 2026/27", "the first quarter of 2026". "Next year", "in the coming year", "in due course" and
"ongoing" are not dates, and a date already past on the form's own date is history, not a target.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from codecheck.statements import lexicon
from codecheck.statements.context import STATUS_TEXT, SentenceContext
from codecheck.statements.sentences import Span
from codecheck.text.dates import DateMention, find_dates

KIND_TEXT = {
    "asserted": "says the requirement is met",
    "denied": "says the requirement is not met",
    "in_progress": "says the work to meet it is still under way",
    "planned": "says the work to meet it is still to come",
}
_WORD = re.compile(r"[a-z]{4,}")


@dataclass(frozen=True)
class ComplianceClaim:
    """A statement that the requirement is (not yet) met."""

    kind: str  # asserted | denied | in_progress | planned
    status: str  # own | negated | conditional | quotation | improvement | continuing | other_subject
    about_requirement: bool  # planned work points back to, or shares the words of, the requirement
    words: Span
    sentence: Span
    cell: str
    note: str = ""
    target: str | None = None  # a date in the same sentence ("by 31 March 2026"), as written

    @property
    def contradicts_yes(self) -> bool:
        """Whether this claim, read plainly, says a "Yes" overstates compliance."""
        if self.status != "own" or self.kind == "asserted":
            return False
        return self.kind in ("denied", "in_progress") or self.about_requirement

    def reading(self) -> str:
        status = {
            "improvement": "an improvement to something already in place",
            "continuing": "existing practice that continues",
        }.get(self.status, STATUS_TEXT.get(self.status, self.status))
        parts = [f"{KIND_TEXT[self.kind]}", status]
        if self.kind == "planned":
            parts.append(
                "about the requirement itself"
                if self.about_requirement
                else "not shown to be the requirement"
            )
        if self.target:
            parts.append(f'target date "{self.target}"')
        if self.note:
            parts.append(self.note)
        return ", ".join(parts)


def read_compliance(contexts: list[SentenceContext], requirement: str | None) -> list[ComplianceClaim]:
    """Every compliance claim of a cell, in text order (at most one per sentence and kind)."""
    req_words = _content_words(requirement or "")
    out: list[ComplianceClaim] = []
    for ctx in contexts:
        for kind in ("asserted", "denied", "in_progress", "planned"):
            if not ctx.mentions(f"prefilter.{kind}"):
                continue
            for m in lexicon.rx(f"compliance.{kind}").finditer(ctx.span.text):
                start, end = ctx.span.start + m.start(), ctx.span.start + m.end()
                status, note = _status(ctx, start, end)
                about = kind != "planned" or _about_requirement(ctx, req_words)
                words = Span(start, end, m.group(0))
                target = _sentence_date(ctx) if kind != "asserted" else None
                out.append(ComplianceClaim(kind, status, about, words, ctx.span, ctx.cell, note, target))
                if status == "own":
                    break
    out.sort(key=lambda c: c.words.start)
    return out


def _status(ctx: SentenceContext, start: int, end: int) -> tuple[str, str]:
    clause = ctx.clause_at(start)
    cues = ctx.cues_in("condition", clause.start, start)
    if cues and "," not in ctx.text(cues[-1][0], start):
        return "conditional", "a condition describes a case, not the state of compliance"
    if ctx.in_quotation(start):
        return "quotation", ""
    if ctx.cues_in("compliance.improvement", clause.start, end) or ctx.search("compliance.purpose", ctx.span):
        return "improvement", ""
    if ctx.search("compliance.continuing", ctx.span):
        return "continuing", ""
    words = ctx.text(max(clause.start, start - 40), start).split()[-3:]
    if re.search(r"\b(?:not|never|no)\b", " ".join(words), re.I):
        return "negated", ""
    return "own", ""


def _sentence_date(ctx: SentenceContext) -> str | None:
    """The first date written out in the sentence (relative ones need the form's date: see read_dates)."""
    found = find_dates(ctx.span.text)
    return found[0].text if found else None


def _content_words(text: str) -> set[str]:
    generic = set(lexicon.words("compliance.generic_words"))
    return {w[:6] for w in _WORD.findall(text.lower()) if w not in generic}


def _about_requirement(ctx: SentenceContext, req_words: set[str]) -> bool:
    if ctx.search("compliance.about_requirement", ctx.span):
        return True
    return len(_content_words(ctx.span.text) & req_words) >= 2


# ---------------------------------------------------------------------------- target dates


@dataclass(frozen=True)
class DateReading:
    """A date in the commentary, and whether it can be the target for compliance."""

    mention: DateMention
    target: bool
    why: str  # "future", "past", "vague"


def read_dates(text: str, form_date: date | None, anchor: date, grace_days: int = 0) -> list[DateReading]:
    """Every date of ``text`` (a normalised cell), each judged as a target or not.

    ``form_date``: the form's own date (a date before it is history); ``anchor`` resolves relative
    expressions ("within three months") when the form has no date.
    """
    out: list[DateReading] = []
    seen: list[tuple[int, int]] = []
    for d in find_dates(text, form_date or anchor):
        seen.append((d.start, d.end))
        out.append(_judge(d, form_date, grace_days))
    for m in lexicon.rx("ordinal_quarter").finditer(text):
        if any(s < m.end() and m.start() < e for s, e in seen):
            continue
        latest = _ordinal_quarter_end(m)
        if latest is None:
            continue
        d = DateMention(m.start(), m.end(), m.group(0), latest, "quarter")
        out.append(_judge(d, form_date, grace_days))
    out.sort(key=lambda r: r.mention.start)
    return out


def _judge(d: DateMention, form_date: date | None, grace_days: int) -> DateReading:
    if d.kind == "relative" and lexicon.rx("vague_dates").search(d.text.strip()):
        return DateReading(d, False, "vague")
    if form_date is not None and (form_date - d.latest).days > grace_days:
        return DateReading(d, False, "past")
    return DateReading(d, True, "future")


_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def _ordinal_quarter_end(m: re.Match[str]) -> date | None:
    q = _ORD.get((lexicon.group(m, "ord") or "").lower())
    if q is None:
        return None
    fy = lexicon.group(m, "fy")
    if fy:
        start = int(re.match(r"20\d\d", fy).group(0))  # type: ignore[union-attr]
        month = 3 + 3 * q  # financial-year quarters: Q1 ends June, Q4 ends March
        year = start + (month - 1) // 12
        month = (month - 1) % 12 + 1
    else:
        year = int(lexicon.group(m, "year") or 0)
        month = 3 * q
    if not 2000 <= year <= 2100:
        return None
    return date(year, month, calendar.monthrange(year, month)[1])
