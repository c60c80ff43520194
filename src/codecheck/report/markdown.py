"""The ``markdown`` format: for a pull-request comment, a wiki page or the Actions step summary.

GitHub-flavoured Markdown: a summary table across documents, then per document the findings grouped
by section and a per-section answer table. Document text is untrusted: it is stripped of control
characters, pipes and newlines cannot break a table, and HTML/Markdown metacharacters are escaped so
that a commentary cell cannot inject markup, links or mentions into a PR comment.
"""

from __future__ import annotations

import re

from codecheck.findings import display_path
from codecheck.model import AuditResult, Finding
from codecheck.report.base import (
    RenderOptions,
    error_reason,
    grouped_by_section,
    overall_counts,
    result_failed,
    reviewed_count,
    section_summaries,
)
from codecheck.terminal import one_line

# Inside a table cell text never starts a line, so list/heading markers are harmless; what remains
# are inline markup, links (brackets), tables (pipes), raw HTML and @mentions.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]|<>~@])")
_ICON = {"error": "🔴", "warning": "🟠", "info": "🔵"}


def md(text: str | None) -> str:
    """Untrusted text as one inert Markdown line (no markup, links, mentions or HTML)."""
    if not text:
        return ""
    clean = one_line(text).replace("&", "&amp;")
    return _MD_SPECIAL.sub(r"\\\1", clean)


def _status(result: AuditResult, options: RenderOptions) -> str:
    if result.error:
        return "❌ could not be audited"
    return "❌ failed" if result_failed(result, options.fail_on) else "✅ passed"


def _counts(counts: dict[str, int], reviewed: int = 0) -> str:
    """Open findings by severity, then (when there are any) the ones reviewed as not an issue."""
    words = {"error": "errors", "warning": "warnings", "info": "info"}
    text = " · ".join(f"{counts[k]} {k if counts[k] == 1 else words[k]}" for k in words)
    return f"{text} · {reviewed} reviewed: not an issue" if reviewed else text


def _finding_cells(f: Finding) -> tuple[str, str]:
    """The severity and finding cells; a reviewed finding shows its decision (accepted findings are
    marked reviewed instead of their severity; a stale decision asks for re-review)."""
    sev = f"{_ICON[str(f.severity)]} {f.severity}"
    text = md(f.message)
    if f.decision is not None:
        if f.decision.accepted:
            sev = f"✔️ reviewed ({f.severity})"
        text += f"<br>_{md(f.decision.describe())}_"
    return sev, text


def document_section(result: AuditResult, options: RenderOptions, level: int = 2) -> str:
    h = "#" * level
    name = md(display_path(result.path, options.base_dir))
    out = [f"{h} {name}", ""]
    if result.error:
        out += [f"**Could not be audited:** {md(error_reason(result))}", ""]
        return "\n".join(out)
    aligned = result.aligned
    if aligned is not None:
        det = aligned.detection
        how = "given with --code" if det.forced else f"detected with confidence {det.confidence:.2f}"
        out += [
            f"Code version: **{md(aligned.code.title)}** ({how}). Status: {_status(result, options)}.",
            "",
        ]
    groups = grouped_by_section(result)
    if not groups:
        out += ["No findings.", ""]
    for _n, title, findings in groups:
        out += [
            f"{h}# {md(title)}",
            "",
            "| Provision | Severity | Rule | Finding | Where |",
            "|---|---|---|---|---|",
        ]
        for f in findings:
            where = f.location.describe() if f.location else "whole document"
            sev, text = _finding_cells(f)
            out.append(f"| {md(f.provision) or '—'} | {sev} | `{f.code}` {f.rule} | {text} | {where} |")
        out.append("")
    summaries = [s for s in section_summaries(result) if s.rows or sum(s.findings.values())]
    if summaries:
        out += [
            "<details><summary>Answers and findings by section</summary>",
            "",
            "| Section | Yes | Partial | No | N/A | Blank | Errors | Warnings | Info |",
            "|---|--:|--:|--:|--:|--:|--:|--:|--:|",
        ]
        for s in summaries:
            a, fc = s.answers, s.findings
            out.append(
                f"| {md(s.title)} | {a['yes']} | {a['partial']} | {a['no']} | {a['na']} | {a['blank']} "
                f"| {fc['error']} | {fc['warning']} | {fc['info']} |"
            )
        out += ["", "</details>", ""]
    if options.baseline is not None:
        hidden = options.baseline.for_document(display_path(result.path, options.base_dir))
        if hidden:
            out += [f"_{hidden} known findings hidden by the baseline._", ""]
    return "\n".join(out)


def summary_table(results: list[AuditResult], options: RenderOptions) -> str:
    out = ["| Document | Code | Status | Errors | Warnings | Info |", "|---|---|---|--:|--:|--:|"]
    for r in results:
        c = overall_counts([r])
        code = r.aligned.code.id if r.aligned else "—"
        name = md(display_path(r.path, options.base_dir))
        out.append(
            f"| {name} | {code} | {_status(r, options)} | {c['error']} | {c['warning']} | {c['info']} |"
        )
    return "\n".join(out) + "\n"


def render(results: list[AuditResult], options: RenderOptions) -> str:
    threshold = str(options.fail_on) if options.fail_on else "never"
    out = [
        "# codecheck: Complaint Handling Code self-assessment audit",
        "",
        f"{len(results)} document(s): "
        f"{_counts(overall_counts(results), reviewed_count([f for r in results for f in r.findings]))}. "
        f"Fails on: {threshold}.",
        "",
    ]
    if len(results) > 1:
        out += [summary_table(results, options)]
    for r in results:
        out.append(document_section(r, options))
    return "\n".join(out).rstrip() + "\n"

