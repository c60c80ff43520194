"""CC108 partial-without-date: non-compliance declared without a date for compliance.

The 2024 Code asks a landlord that does not comply for "the date by which it intends to comply". Any
date expression in the commentary or evidence that ends on or after the form's own date counts as
that target ("by March 2025", "Q3 2024/25", "within three months", "by the end of the financial
year"); one that ended before the form was written ("implemented in 2023") is history, not a target.
A house form's own Target date or Actions column (``Row.target_date``, ``Row.actions``) answers the
question as the commentary does.

Spec, parameters and pass/fail cases: ``rules/CC108-partial-without-date/``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from codecheck.engine.context import CheckContext, Hit, NotApplicable, RuleParams
from codecheck.model import CodeVersion
from codecheck.text.cells import answer_phrase, one_line, provision_label, row_text
from codecheck.text.context import compile_any
from codecheck.text.dates import find_dates, parse_iso, target_dates
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
        # a form's own Target date (or Actions) column answers the question as well as the commentary
        text = "\n".join(t for t in (row_text(arow), _iso_dates(row.target_date), row.actions.strip()) if t)
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
        if target_dates(text, form_date, anchor=form_date or ctx.today, grace_days=grace):
            continue
        past = [one_line(d.text) for d in find_dates(text, form_date or ctx.today)]
        if past and form_date is not None:
            listed = ", ".join(past[:3])
            detail = f"the only dates given ({listed}) are before the form's date ({form_date.isoformat()})"
        elif text:
            detail = "the commentary gives no date by which it will comply"
        else:
            detail = "there is no commentary and no date by which it will comply"
        yield Hit(
            provision=provision_label(arow),
            message=(
                f"Answered {answer_phrase(row)} but {detail}; the Code asks for the date by which the "
                "landlord intends to comply"
            ),
            location=row.location,
            snippet=trigger,
        )


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
