"""What every output format shares: render options, stable ordering, per-section summaries.

Each format module turns a list of ``AuditResult`` into one string. They all need the same facts
(which section a finding belongs to, how many Yes/Partial/No answers a section has, whether a finding
reaches ``--fail-on``), so those are computed here once, the same way, and every format agrees with
every other. Ordering is fully deterministic so that report artefacts diff cleanly between runs.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from codecheck._version import __version__
from codecheck.baseline import BaselineInfo
from codecheck.model import ANSWERS, AuditResult, CodeVersion, Finding, RuleSpec, Severity

TOOL_NAME = "codecheck"
SEVERITIES: tuple[Severity, ...] = (Severity.ERROR, Severity.WARNING, Severity.INFO)
DOCUMENT_SECTION = 0  # the pseudo-section of document-level findings (provision None)
# Below this, reports say the Code version was a best guess; above it a confidence figure only invites
# doubt for no reason (the detection reasons say ids and wording match), so it is not shown.
LOW_DETECTION = 0.8


@dataclass
class RenderOptions:
    """Everything a format needs beyond the results themselves.

    ``fail_on`` is the threshold (None for ``never``) that decides "failed" in JUnit and summaries.
    ``rules`` are the rule specs in force (for SARIF descriptors and the "why it matters" text).
    ``color`` and ``width`` only affect the text format. ``base_dir`` makes document paths relative
    (SARIF URIs, baseline keys; ``--base-dir``). ``baseline`` describes a baseline filter that was
    applied. ``sarif_category`` is SARIF's ``automationDetails`` category (``--sarif-category``).
    ``today`` is the audit date a report prints (the HTML cover); None leaves it out, so a report
    never reads the clock itself.
    """

    fail_on: Severity | None = Severity.ERROR
    rules: list[RuleSpec] = field(default_factory=list)
    color: bool = False
    width: int = 100
    base_dir: Path | None = None
    baseline: BaselineInfo | None = None
    tool_version: str = __version__
    sarif_category: str = TOOL_NAME
    today: date | None = None

    def rule(self, slug_or_code: str) -> RuleSpec | None:
        for spec in self.rules:
            if slug_or_code in (spec.slug, spec.code):
                return spec
        return None


def error_reason(result: AuditResult) -> str:
    """The error without its leading "<path>: " (for formats that already show the document name)."""
    text = result.error or ""
    prefix = f"{result.path}: "
    return text[len(prefix):] if text.startswith(prefix) else text


# --------------------------------------------------------------------------- sections


def section_of(pid: str | None) -> int:
    """The Code section number a provision id belongs to ("4.3" -> 4); 0 for document level."""
    if not pid:
        return DOCUMENT_SECTION
    m = re.match(r"\s*(\d+)", pid)
    return int(m.group(1)) if m else DOCUMENT_SECTION


def section_title(code: CodeVersion | None, number: int) -> str:
    if number == DOCUMENT_SECTION:
        return "Whole document"
    sec = code.section(number) if code is not None else None
    return f"Section {number}: {sec.title}" if sec else f"Section {number}"


def severity_counts(findings: list[Finding]) -> dict[str, int]:
    """Open findings by severity: a finding reviewed and accepted as not an issue is counted apart
    (``reviewed_count``), never as an error, warning or note."""
    counts = Counter(str(f.severity) for f in findings if not f.accepted)
    return {str(s): counts.get(str(s), 0) for s in SEVERITIES}


def reaches(f: Finding, fail_on: Severity | None) -> bool:
    """Whether ``f`` fails the run at ``fail_on`` (an accepted finding never does)."""
    return fail_on is not None and f.severity >= fail_on and not f.accepted


def reviewed_count(findings: list[Finding]) -> int:
    """Findings a reviewer accepted as not an issue (and whose row has not changed since)."""
    return sum(1 for f in findings if f.accepted)


def stale_count(findings: list[Finding]) -> int:
    """Findings whose recorded decision no longer holds because the row changed (re-review)."""
    return sum(1 for f in findings if f.decision is not None and not f.decision.accepted)


def result_failed(result: AuditResult, fail_on: Severity | None) -> bool:
    """True when the document has a finding at or above the threshold (errors are reported apart)."""
    return any(reaches(f, fail_on) for f in result.findings)


@dataclass
class SectionSummary:
    number: int
    title: str
    answers: dict[str, int]
    findings: dict[str, int]

    @property
    def rows(self) -> int:
        return sum(self.answers.values())

    def as_dict(self) -> dict:
        return {
            "section": self.number,
            "title": self.title,
            "answers": dict(self.answers),
            "findings": dict(self.findings),
        }


def section_summaries(result: AuditResult) -> list[SectionSummary]:
    """Answers (Yes/Partial/No/N/A/blank) and findings by severity, per Code section.

    A row counts once, under the section of the first provision it covers; rows whose id is unknown
    count under the section their printed number suggests. Sections with neither rows nor findings are
    left out, except that every section of the Code appears when the document was aligned.
    """
    aligned = result.aligned
    code = aligned.code if aligned else None
    answers: dict[int, Counter] = {}
    if aligned is not None:
        for sec in code.sections:
            answers.setdefault(sec.number, Counter())
        for arow in aligned.rows:
            number = section_of(arow.provision or arow.row.provision)
            answers.setdefault(number, Counter())[arow.row.answer] += 1
    findings: dict[int, list[Finding]] = {}
    for f in result.findings:
        findings.setdefault(section_of(f.provision), []).append(f)
    numbers = sorted(set(answers) | set(findings))
    out = []
    for n in numbers:
        counts = answers.get(n, Counter())
        out.append(
            SectionSummary(
                number=n,
                title=section_title(code, n),
                answers={a: counts.get(a, 0) for a in ANSWERS},
                findings=severity_counts(findings.get(n, [])),
            )
        )
    return out


def answer_totals(result: AuditResult) -> dict[str, int]:
    counts: Counter = Counter()
    if result.aligned is not None:
        counts.update(r.row.answer for r in result.aligned.rows)
    return {a: counts.get(a, 0) for a in ANSWERS}


def grouped_by_section(result: AuditResult) -> list[tuple[int, str, list[Finding]]]:
    """Findings grouped by section (document-level first), each group in stable order."""
    code = result.aligned.code if result.aligned else None
    groups: dict[int, list[Finding]] = {}
    for f in result.findings:
        groups.setdefault(section_of(f.provision), []).append(f)
    return [(n, section_title(code, n), groups[n]) for n in sorted(groups)]


class RowIndex:
    """A document's aligned rows by location and by provision id, built once per document.

    A report that looked each finding's row up by scanning the rows did findings x rows work (a
    10,000-row document took tens of seconds); with this index every lookup is a dictionary probe,
    so rendering stays linear in findings + rows. The first row wins for a provision printed twice.
    """

    def __init__(self, result: AuditResult) -> None:
        self.by_location: dict = {}
        self.by_provision: dict[str, object] = {}
        self.wording: dict[str, str] = {}
        aligned = result.aligned
        if aligned is None:
            return
        for arow in aligned.rows:
            self.by_location.setdefault(arow.row.location, arow)
            for pid in (*arow.provisions, arow.row.provision):
                self.by_provision.setdefault(pid, arow)
        self.wording = {p.id: p.form_wording for p in aligned.code.provisions}

    def row_for(self, f: Finding):
        """The aligned row a finding speaks about: same location first, else the provision's row."""
        if f.location is not None and f.location in self.by_location:
            return self.by_location[f.location]
        if f.provision is not None:
            return self.by_provision.get(f.provision)
        return None

    def code_wording(self, pid: str | None) -> str | None:
        return self.wording.get(pid) if pid is not None else None


def row_for(result: AuditResult, f: Finding):
    """The aligned row a finding speaks about (one lookup; ``RowIndex`` for many)."""
    if result.aligned is None or (f.provision is None and f.location is None):
        return None
    return RowIndex(result).row_for(f)


def code_wording(result: AuditResult, pid: str | None) -> str | None:
    if pid is None or result.aligned is None:
        return None
    prov = result.aligned.code.provision(pid)
    return prov.form_wording if prov else None


# --------------------------------------------------------------------------- reviewed findings


def open_findings(findings: list[Finding]) -> list[Finding]:
    """The findings still to deal with: all but those a reviewer accepted as not an issue.

    A stale decision (the row changed since the review) hides nothing: its finding stays open and
    reports show the re-review wording beside it.
    """
    return [f for f in findings if not f.accepted]


def overall_counts(results: list[AuditResult]) -> dict[str, int]:
    return severity_counts([f for r in results for f in r.findings])
