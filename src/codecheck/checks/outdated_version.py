"""CC114 outdated-version: does the form follow a Code version that has been replaced (CC114)?

A self-assessment is published to say how the landlord meets the Code in force; one written against a
superseded version (the 2022 Code, or the never-issued Joint consultation draft) answers the wrong
questions however well it is filled in. By default the question is asked as of today, because the
document is being checked before it is published or relied on; ``reference: document`` asks it as of
the date the form states instead (today when it states none), for auditing an archive as it stood.

Spec, parameters and pass/fail cases: ``rules/CC114-outdated-version/``.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from codecheck.engine.context import CheckContext, Hit, RuleParams
from codecheck.model import CodeVersion


def _iso(value: str | None) -> date | None:
    if not value:
        return None
    text = str(value)
    try:
        if len(text) == 7:  # "2024-02": a month
            return date.fromisoformat(text + "-01")
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def _successor(code: CodeVersion) -> CodeVersion | None:
    if not code.superseded_by:
        return None
    from codecheck.codes import get_version
    from codecheck.errors import CodecheckError

    try:
        return get_version(code.superseded_by)
    except CodecheckError:
        return None


def superseded_on(code: CodeVersion, successor: CodeVersion | None) -> date | None:
    """The first day ``code`` no longer governed: its successor's start, else the day after its end."""
    if successor is not None and _iso(successor.in_force_from):
        return _iso(successor.in_force_from)
    end = _iso(code.in_force_to)
    if end is not None:
        return end + timedelta(days=1)
    return _iso(successor.published) if successor is not None else None


def check(ctx: CheckContext, params: RuleParams) -> Iterator[Hit]:
    aligned = ctx.aligned
    code = aligned.code
    if not code.superseded_by and not code.in_force_to:
        return
    detection = aligned.detection
    if not detection.forced and detection.confidence < float(params["min_confidence"]):
        return  # an uncertain detection must not become a confident claim about the form
    successor = _successor(code)
    since = superseded_on(code, successor)
    doc_date = _iso(aligned.document_date)
    reference = ctx.today
    if str(params["reference"]) == "document" and doc_date is not None:
        reference = doc_date
    if since is not None and since > reference:
        return
    what = code.short_title
    when = f"{since.day} {since:%B %Y}" if since is not None else None
    if successor is None:
        status = f"{what}, which no longer applies" + (f" (from {when})" if when else "")
        advice = "complete the current Code's self-assessment form"
    else:
        name = successor.short_title
        if code.in_force_from is None:
            status = f"{what}, a draft that never came into force; it was replaced by the {name}"
        elif when:
            status = f"{what}, which the {name} replaced from {when}"
        else:
            status = f"{what}, which has been replaced by the {name}"
        advice = f"complete the current {name} self-assessment form"
    dated = f" (the form is dated {doc_date:%B %Y})" if doc_date else ""
    yield Hit(provision=None, message=f"This form follows the {status}{dated}; {advice}")
