"""CC108 partial-without-date: non-compliance declared without a date for compliance.

The 2024 Code asks a landlord that does not comply for "the date by which it intends to comply". Any
date expression in the commentary or evidence that ends on or after the form's own date counts as
that target ("by March 2025", "Q3 2024/25", "within three months", "by the end of the financial
year"); one that ended before the form was written ("implemented in 2023") is history, not a target.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from codecheck.engine.registry import CheckContext, Hit, check
from codecheck.text.cells import answer_phrase, one_line, provision_label, row_text
from codecheck.text.context import compile_any
from codecheck.text.dates import find_dates, parse_iso, target_dates
from codecheck.text.normalize import fold, is_blank


@check("partial-without-date")
def partial_without_date(ctx: CheckContext, params: dict[str, Any]) -> Iterator[Hit]:
    answers = set(params.get("answers", ("no", "partial")))
    progress = compile_any(params.get("in_progress_answer", ()))
    form_date = parse_iso(ctx.aligned.document_date)
    grace = int(params.get("grace_days", 0))
    skip_unexplained = bool(params.get("skip_when_unexplained", False))
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


def _iso_dates(text: str) -> str:
    """A target date cell as words: "2026-03-31" (a web page's or workbook's ISO date) as "31 March 2026"."""
    import re
    from datetime import date

    def words(m: re.Match[str]) -> str:
        try:
            day = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return m.group(0)
        return f"{day.day} {day.strftime('%B')} {day.year}"

    return re.sub(r"\b(\d{4})-(\d{2})-(\d{2})\b", words, text.strip())
