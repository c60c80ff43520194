"""A document's audit in a few plain sentences, for the top of a board paper.

"Example Homes' self-assessment against the … Code answers 71 of its 72 provisions; provision 7.3 of
the official form has no row. Of these, 67 are answered as met, 3 as partly met and 1 as not met; 1 of
the 4 partly or not met gives no target date. The audit raised 3 significant points … and 5 points to
check." No rule codes, no configuration words: counts of answers come from the aligned rows, counts of
points from the open findings (reviewed ones are mentioned apart).
"""

from __future__ import annotations

from collections import Counter

from codecheck.model import AuditResult
from codecheck.report.base import open_findings, reviewed_count, severity_counts
from codecheck.report.page import plural

NO_TARGET_DATE_RULE = "partial-without-date"  # its findings are the "no target date" count
_SHARES = (("yes", "met"), ("partial", "partly met"), ("no", "not met"), ("na", "not applicable"))


def and_list(items: list[str]) -> str:
    """"a", "a and b", "a, b and c"."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def possessive(name: str) -> str:
    return f"{name}’" if name.endswith("s") else f"{name}’s"


def _answered(answers: Counter, missing: list[str]) -> str:
    """"answers 71 of its 72 provisions; provision 7.3 of the official form has no row"."""
    rows = sum(answers.values())
    total = rows + len(missing)
    answered = rows - answers.get("blank", 0)
    if answered == total:
        phrase = f"answers all {plural(total, 'provision')}" if total > 1 else "answers its one provision"
    else:
        phrase = f"answers {answered} of its {plural(total, 'provision')}"
    if missing:
        if len(missing) > 3:
            lead, verb = f"{len(missing)} provisions", "have"
        elif len(missing) == 1:
            lead, verb = f"provision {missing[0]}", "has"
        else:
            lead, verb = f"provisions {and_list(list(missing))}", "have"
        phrase += f"; {lead} of the official form {verb} no row"
    return phrase


def _shares(result: AuditResult, answers: Counter) -> str | None:
    """"Of these, 67 are answered as met, …; 1 of the 4 partly or not met gives no target date"."""
    shares = [f"{answers[key]} as {words}" for key, words in _SHARES if answers.get(key)]
    if not shares:
        return None
    verb = "is" if answers[next(k for k, _ in _SHARES if answers.get(k))] == 1 else "are"
    rows = sum(answers.values())
    if len(shares) == 1 and rows > 1 and not answers.get("blank"):  # "All 72 are answered as met."
        sentence = "All " + shares[0].replace(" as ", " are answered as ", 1)
    else:
        first = shares[0].replace(" as ", f" {verb} answered as ", 1)
        sentence = "Of these, " + and_list([first, *shares[1:]])
    short = answers.get("partial", 0) + answers.get("no", 0)
    if short:
        no_date = sum(1 for f in open_findings(result.findings) if f.rule == NO_TARGET_DATE_RULE)
        sentence += f"; {no_date} of the {short} partly or not met {'gives' if no_date == 1 else 'give'}"
        sentence += " no target date"
    return sentence + "."


def _raised(result: AuditResult) -> str:
    counts = severity_counts(result.findings)
    raised = []
    if counts["error"]:
        raised.append(
            f"{plural(counts['error'], 'significant point')} where the form appears not to meet the Code"
        )
    if counts["warning"]:
        raised.append(f"{plural(counts['warning'], 'point')} to check")
    if counts["info"]:
        raised.append(f"{counts['info']} for information")
    if not raised:
        return "The audit raised nothing that needs attention."
    return f"The audit raised {and_list(raised)}."


def summary_paragraph(result: AuditResult, landlord: str | None) -> str:
    """The document's audit in plain sentences: answers, points raised, reviews."""
    aligned = result.aligned
    if aligned is None:
        return ""
    answers: Counter = Counter(arow.row.answer for arow in aligned.rows)
    who = f"{possessive(landlord)} self-assessment" if landlord else "The self-assessment"
    parts = [f"{who} against the {aligned.code.title} {_answered(answers, list(aligned.missing))}."]
    shares = _shares(result, answers)
    if shares:
        parts.append(shares)
    parts.append(_raised(result))
    reviewed = reviewed_count(result.findings)
    if reviewed:
        were = "was" if reviewed == 1 else "were"
        parts.append(f"{plural(reviewed, 'further point')} {were} reviewed and recorded as not an issue.")
    stale = sum(1 for f in result.findings if f.decision is not None and not f.decision.accepted)
    if stale:
        needs = "needs" if stale == 1 else "need"
        parts.append(f"{plural(stale, 'earlier review')} {needs} repeating: the row has changed since.")
    return " ".join(parts)
