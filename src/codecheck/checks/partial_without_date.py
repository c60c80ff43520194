"""CC108 partial-without-date: non-compliance declared without a date for compliance.

The 2024 Code asks a landlord that does not comply for "the date by which it intends to comply". The
statement reader judges every date of the row: one that ends on or after the form's own date is a
target ("by March 2025", "Q3 2024/25", "spring 2026", "the first quarter of 2026", "within three
months"); one that ended before the form was written ("implemented in 2023") is history, and "next
year", "in due course" or "ongoing" is no date at all. A house form's own Target date or Actions
column (``Row.target_date``, ``Row.actions``) answers the question as the commentary does. Whether a
version asks for a target date at all is its fact (``facts.target_date_required``; the 2022 Code did
not).

Spec, parameters and pass/fail cases: ``rules/CC108-partial-without-date/``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from codecheck.engine.context import CheckContext, Hit, NotApplicable, RuleParams
from codecheck.model import CodeVersion
from codecheck.statements import Reading, quote_of, read_aligned
from codecheck.statements.compliance import read_dates
from codecheck.statements.reader import CELLS
from codecheck.text.cells import answer_phrase, one_line, provision_label, row_text
from codecheck.text.context import compile_any
from codecheck.text.dates import parse_iso
from codecheck.text.normalize import fold, is_blank


def not_applicable(code: CodeVersion, params: RuleParams) -> NotApplicable | None:
    """The version's facts say whether it asks for a target date (the 2022 Code did not)."""
    required = code.facts.target_date_required
    if required is None:
        return NotApplicable(
            "it does not say whether a non-compliance must give a target date (facts.target_date_required)"
        )
    return None if required else NotApplicable(f"the {code.id} Code asks for no target date", warn=False)


def check(ctx: CheckContext, params: RuleParams) -> Iterator[Hit]:
    answers = set(params["answers"])
    progress = compile_any(params["in_progress_answer"])
    form_date = parse_iso(ctx.aligned.document_date)
    grace = int(params["grace_days"])
    skip_unexplained = bool(params["skip_when_unexplained"])
    for arow in ctx.aligned.rows:
        row = arow.row
        said = one_line(row.answer_text)
        trigger = None
        if row.answer in answers:
            trigger = said or row.answer.capitalize()
        elif row.answer == "yes" and progress:
            m = progress.search(fold(said))
            if m:
                trigger = said
        if trigger is None:
            continue
        if skip_unexplained and is_blank(row.commentary) and is_blank(row.evidence):
            continue  # no-without-explanation reports it, asking for the date as well
        reading = read_aligned(row)
        anchor = form_date or ctx.today
        dates = reading.dates(form_date, anchor, grace)
        # a form's own Target date (or Actions) column answers the question as well as the commentary
        for name, text in (("target date", _iso_dates(row.target_date)), ("actions", row.actions.strip())):
            dates += [(name, d) for d in read_dates(text, form_date, anchor, grace)] if text else []
        targets = [(cell, d) for cell, d in dates if d.target]
        if targets:
            _, d = targets[0]
            ctx.note(row.location, f'partial-without-date: "{one_line(d.mention.text)}" is a target date')
            continue
        past = [one_line(d.mention.text) for _, d in dates if d.why == "past"]
        vague = [one_line(d.mention.text) for _, d in dates if d.why == "vague"]
        if past and form_date is not None:
            listed = ", ".join(past[:3])
            detail = f"the only dates given ({listed}) are before the form's date ({form_date.isoformat()})"
        elif vague:
            detail = f'"{vague[0]}" is not a date by which it will comply'
        elif row_text(arow):
            detail = "the commentary gives no date by which it will comply"
        else:
            detail = "there is no commentary and no date by which it will comply"
        quote, how = _what_it_rests_on(reading, dates, said or row.answer)
        yield Hit(
            provision=provision_label(arow),
            message=(
                f"Answered {answer_phrase(row)} but {detail}; the Code asks for the date by which the "
                "landlord intends to comply"
            ),
            location=row.location,
            snippet=trigger,
            quote=quote,
            reading=how,
        )


def _what_it_rests_on(reading: Reading, dates: list, answer: str) -> tuple[str | None, str | None]:
    """The sentence a missing date is shown on: the one with a past or vague date, else the one that
    describes the unfinished work, else the first; and how the row was read."""
    for why in ("past", "vague"):
        for cell, d in dates:
            if d.why == why:
                what = "a date before the form's date" if why == "past" else "no date, only a vague time"
                if cell not in CELLS:  # a Target date or Actions cell: short, quoted whole
                    how = f"answered {answer}; {what} in the {cell} column; no target date"
                    return one_line(d.mention.text), how
                span = reading.sentence_at(cell, d.mention.start)
                if span is not None:
                    return quote_of(span), f"answered {answer}; {what}; no target date"
    claim = next(iter(reading.compliance), None)
    if claim is not None:
        return quote_of(claim.sentence, claim.words), f"answered {answer}; {claim.reading()}; no target date"
    first = next((c for name in ("commentary", "evidence") for c in reading.sentences(name)), None)
    if first is None:
        return None, None
    return quote_of(first.span), f"answered {answer}; no target date in the commentary or evidence"


_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def _iso_dates(text: str) -> str:
    """A target date cell as words: "2026-03-31" (a web page's or workbook's ISO date) as "31 March 2026"."""

    def words(m: re.Match[str]) -> str:
        try:
            day = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return m.group(0)
        return f"{day.day} {day.strftime('%B')} {day.year}"

    return _ISO_DATE.sub(words, text.strip())
