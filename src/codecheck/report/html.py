"""The ``html`` format: a board paper, self-contained, readable on screen and printed.

A complaints officer takes this to the governing body, so it reads like a board paper rather than a
linter's log: a cover naming the landlord, the form, the reporting period and the audit date (each
only as the document states it; the audit date is ``RenderOptions.today``); a plain-English summary;
each Code section's provisions as shares met / partly met / not met / unanswered (bars of one length,
so that they show compliance, not section size); every finding with the sentence it rests on, the
Code's wording and what to do; an action plan with owners and dates to fill in; page numbers and a
contents list in print (CSS paged media). Findings a reviewer accepted as not an issue are shown as
such and counted apart.

Rendering is linear in findings + rows: each document's rows are indexed once (``RowIndex``), never
scanned per finding. The page itself (base template, stylesheet, escaping) is ``report.page``,
shared with the ``diff`` report.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from codecheck.findings import display_path
from codecheck.model import AuditResult, Finding, Severity
from codecheck.report.action_plan import PRIORITY, plan_items
from codecheck.report.base import (
    DOCUMENT_SECTION,
    LOW_DETECTION,
    RenderOptions,
    RowIndex,
    error_reason,
    grouped_by_section,
    open_findings,
    result_failed,
    reviewed_count,
    section_of,
    section_title,
    severity_counts,
)
from codecheck.report.cover import cover_facts
from codecheck.report.page import long_date, render_page
from codecheck.report.summary import summary_paragraph
from codecheck.terminal import one_line

# Shares of a section's provisions, in the order the bars show them.
BANDS = (
    ("met", "Met"),
    ("partly", "Partly met"),
    ("notmet", "Not met"),
    ("na", "Not applicable"),
    ("unanswered", "No answer"),
)
_BAND_OF_ANSWER = {"yes": "met", "partial": "partly", "no": "notmet", "na": "na", "blank": "unanswered"}
EXCERPT = 600  # characters of a form cell shown beside a finding

# What each severity means, in words a board member can weigh (codecheck reads the words on the form,
# not the landlord's practice: no finding is a verdict of non-compliance).
MEANING = {
    Severity.ERROR: "the form, as written, appears not to meet the Code: correct it or explain why",
    Severity.WARNING: "something may be missing or unclear: check and complete the form",
    Severity.INFO: "worth knowing; no change needed unless it applies",
}


@dataclass
class Band:
    key: str
    label: str
    count: int
    percent: int  # rounded so that a bar's labels add up to 100
    width: float  # exact share, for the bar


def _percentages(counts: list[int]) -> list[int]:
    """Whole percentages that add up to 100 (largest remainder), so a bar never reads 99 % or 101 %."""
    total = sum(counts)
    if not total:
        return [0] * len(counts)
    raw = [100 * c / total for c in counts]
    whole = [int(r) for r in raw]
    order = sorted(range(len(raw)), key=lambda i: (whole[i] - raw[i], i))
    for i in order[: 100 - sum(whole)]:
        whole[i] += 1
    return whole


def _section_bars(result: AuditResult) -> list[dict]:
    """Per Code section: its provisions as shares met / partly met / not met / N/A / no answer.

    A provision the form leaves out counts as "no answer": it is one the governing body never sees
    assessed. A row counts once, under the section of the first provision it covers.
    """
    aligned = result.aligned
    if aligned is None:
        return []
    counts: dict[int, Counter] = {s.number: Counter() for s in aligned.code.sections}
    for arow in aligned.rows:
        counts.setdefault(section_of(arow.provision or arow.row.provision), Counter())[
            _BAND_OF_ANSWER.get(arow.row.answer, "unanswered")
        ] += 1
    for pid in aligned.missing:
        counts.setdefault(section_of(pid), Counter())["unanswered"] += 1
    findings: dict[int, Counter] = {}
    for f in open_findings(result.findings):
        findings.setdefault(section_of(f.provision), Counter())[str(f.severity)] += 1
    out = []
    for number in sorted(n for n in counts if n != DOCUMENT_SECTION):
        c = counts[number]
        values = [c.get(key, 0) for key, _ in BANDS]
        total = sum(values)
        shares = _percentages(values)
        bands = [
            Band(key, label, n, pct, round(100 * n / total, 3) if total else 0.0)
            for (key, label), n, pct in zip(BANDS, values, shares, strict=True)
            if n
        ]
        out.append(
            {
                "number": number,
                "title": section_title(aligned.code, number),
                "total": total,
                "bands": bands,
                "findings": findings.get(number, Counter()),
            }
        )
    return out


def _quote_parts(f: Finding) -> tuple[str, str, str] | None:
    """The quoted sentence split around the words that triggered the finding, for highlighting."""
    quote = one_line(f.quote or "")
    if not quote:
        return None
    key = one_line(f.snippet or "")
    at = quote.lower().find(key.lower()) if key and len(key) < len(quote) else -1
    if at < 0:
        return (quote, "", "")
    return (quote[:at], quote[at : at + len(key)], quote[at + len(key) :])


_ANSWER_WORDS = {
    "yes": "Yes",
    "no": "No",
    "partial": "Partial",
    "na": "Not applicable",
    "blank": "(no answer)",
}


def _answer_label(row) -> str:
    """The normalised answer, with the printed wording when it says more ("Partial (in progress)")."""
    label = _ANSWER_WORDS.get(row.answer, row.answer)
    printed = one_line(row.answer_text or "")
    if row.answer_source in ("tick", "checkbox") or printed.lower() in ("tick", "ticked"):
        return f"{label} (ticked)" if row.answer != "blank" else label
    if printed and printed.lower().startswith(label.lower()):
        return printed
    return f"{label} (“{printed}”)" if printed else label


# Sentences of a rule's rationale that speak about codecheck's own workings (options, rules,
# parameters) rather than the Code: useful in `rules explain`, jargon in a board paper.
_TOOL_TALK = re.compile(
    r"--[a-z]|\brules?\b|\bparam(?:eter)?s?\b|\bconfig|\benable[ds]? it\b|\boff by default\b|\bcodecheck\b",
    re.IGNORECASE,
)


def board_rationale(text: str) -> str | None:
    """A rule's rationale without the sentences about codecheck's configuration (None if nothing is left)."""
    sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z(])", " ".join(text.split()))
    kept = [s for s in sentences if not _TOOL_TALK.search(s)]
    return " ".join(kept) or None


def _excerpt(text: str | None) -> str:
    text = one_line(text or "")
    return text if len(text) <= EXCERPT else text[: EXCERPT - 1].rsplit(" ", 1)[0] + " …"


def _finding_view(f: Finding, index: RowIndex, options: RenderOptions, explained: set[str]) -> dict:
    spec = options.rule(f.rule) or options.rule(f.code)
    arow = index.row_for(f)
    form = None
    if arow is not None:
        row = arow.row
        form = {
            "answer": _answer_label(row),
            "evidence": _excerpt(row.evidence),
            "commentary": _excerpt(row.commentary) if not f.quote else "",
        }
    why = None
    if spec is not None and spec.rationale and f.rule not in explained:
        explained.add(f.rule)
        why = board_rationale(spec.rationale)
    decision = None
    if f.decision is not None:
        decision = {"text": f.decision.describe(), "accepted": f.decision.accepted}
    return {
        "f": f,
        "severity": str(f.severity),
        "badge": "Reviewed" if f.accepted else PRIORITY[f.severity],
        "where": f.location.describe() if f.location else "",
        "rule_words": spec.summary if spec else f.rule.replace("-", " "),
        "quote": _quote_parts(f),
        "reading": one_line(f.reading or ""),
        "wording": index.code_wording(f.provision),
        "form": form,
        "action": spec.action if spec and spec.action else None,
        "why": why,
        "decision": decision,
    }


def _groups(result: AuditResult, index: RowIndex, options: RenderOptions) -> list[dict]:
    explained: set[str] = set()
    return [
        {
            "number": n,
            "title": title,
            "anchor": f"s{n}",
            "findings": [_finding_view(f, index, options, explained) for f in findings],
        }
        for n, title, findings in grouped_by_section(result)
    ]


def _document_view(result: AuditResult, options: RenderOptions) -> dict:
    name = display_path(result.path, options.base_dir)
    view: dict = {
        "name": name,
        "error": error_reason(result) if result.error else None,
        "failed": result_failed(result, options.fail_on),
        "counts": severity_counts(result.findings),
        "reviewed": reviewed_count(result.findings),
        "stale": sum(1 for f in result.findings if f.decision is not None and not f.decision.accepted),
        "landlord": None,
        "title": None,
        "period": None,
        "form_date": None,
        "code": None,
        "detection_note": None,
        "summary": "",
        "sections": [],
        "groups": [],
        "plan": [],
        "missing": [],
        "baseline_hidden": 0,
    }
    if result.error:
        return view
    aligned = result.aligned
    doc = aligned.document if aligned else None
    facts = cover_facts(doc, aligned.document_date if aligned else None)
    index = RowIndex(result)
    view.update(
        {
            "landlord": facts.landlord,
            "title": doc.title if doc else None,
            "period": facts.period,
            "form_date": facts.form_date,
            "code": aligned.code if aligned else None,
            "summary": summary_paragraph(result, facts.landlord),
            "sections": _section_bars(result),
            "groups": _groups(result, index, options),
            "plan": plan_items(result, options, index),
            "missing": list(aligned.missing) if aligned else [],
        }
    )
    if aligned is not None:
        det = aligned.detection
        if det.forced:
            view["detection_note"] = "Code version chosen by the person running the audit."
        elif det.confidence < LOW_DETECTION:
            view["detection_note"] = (
                f"The form does not say clearly which Code version it follows; it was audited against "
                f"the {aligned.code.title} as the closest match ({det.confidence:.0%} sure). "
                "Check this first."
            )
    if options.baseline is not None:
        view["baseline_hidden"] = options.baseline.for_document(name)
    return view


def render(results: list[AuditResult], options: RenderOptions) -> str:
    docs = [_document_view(r, options) for r in results]
    totals = severity_counts([f for r in results for f in r.findings])
    return render_page(
        "report.html.j2",
        docs=docs,
        totals=totals,
        reviewed=sum(d["reviewed"] for d in docs),
        unreadable=sum(1 for r in results if r.error),
        audit_date=long_date(options.today) if options.today else None,
        fail_on=str(options.fail_on) if options.fail_on else "never",
        version=options.tool_version,
        bands=BANDS,
        meaning={str(k): v for k, v in MEANING.items()},
        priority={str(k): v for k, v in PRIORITY.items()},
        baseline=options.baseline,
    )
