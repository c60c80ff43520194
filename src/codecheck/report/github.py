"""The ``github`` format: GitHub Actions workflow commands that annotate the run.

``::error file=…,title=…::message`` per finding (info -> ``notice``). GitHub shows at most 10
annotations per level in a step, and silently drops the rest, so after 10 of a level the remaining
findings are not annotated; a closing notice says how many, and the full report goes to the step
summary (``$GITHUB_STEP_SUMMARY``, written by the CLI through ``step_summary``). Escaping follows
actions/toolkit: data ``%``, CR, LF; properties additionally ``:`` and ``,``. Control characters are
stripped first, so a document cannot smuggle a second workflow command into the log. A finding a
reviewer accepted is not annotated.
"""

from __future__ import annotations

from codecheck.findings import display_path, in_order
from codecheck.model import AuditResult, Severity
from codecheck.report.base import RenderOptions
from codecheck.terminal import safe_text

MAX_PER_LEVEL = 10
_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
_TRUNCATION_NOTE = (
    "\n\n_The report was cut to fit GitHub's step-summary size limit; see the SARIF or HTML artefact._\n"
)


def escape_data(text: str) -> str:
    # safe_text keeps LF and TAB but drops CR and other controls: turn CR line ends into LF first
    text = safe_text(text.replace("\r\n", "\n").replace("\r", "\n"))
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _command(level: str, props: dict[str, str], message: str) -> str:
    rendered = ",".join(f"{k}={escape_property(v)}" for k, v in props.items())
    return f"::{level} {rendered}::{escape_data(message)}"


def annotations(results: list[AuditResult], options: RenderOptions) -> tuple[list[str], int]:
    """The workflow-command lines and the number of findings left unannotated."""
    lines: list[str] = []
    used = {level: 0 for level in ("error", "warning", "notice")}
    overflow = 0
    for r in results:
        doc = display_path(r.path, options.base_dir)
        if r.error:
            if used["error"] < MAX_PER_LEVEL:
                used["error"] += 1
                lines.append(
                    _command("error", {"file": doc, "title": "codecheck: document not audited"}, r.error)
                )
            else:
                overflow += 1
            continue
        for f in sorted(r.findings, key=lambda x: -int(x.severity)):  # most severe first
            if f.accepted:
                continue
            level = _COMMAND[f.severity]
            if used[level] >= MAX_PER_LEVEL:
                overflow += 1
                continue
            used[level] += 1
            where = f.location.describe() if f.location else "whole document"
            title = f"{f.code} {f.rule}" + (f" (provision {f.provision})" if f.provision else "")
            props = {"file": doc, "title": title}  # no line: a DOCX/PDF has none worth pointing at
            lines.append(_command(level, props, f"{f.message} [{where}]"))
    return lines, overflow


def render(results: list[AuditResult], options: RenderOptions) -> str:
    lines, overflow = annotations(results, options)
    if overflow:
        lines.append(
            _command(
                "notice",
                {"title": "codecheck: more findings"},
                f"{overflow} more finding(s) are not shown as annotations (GitHub shows {MAX_PER_LEVEL} per "
                f"level in a step); the full report is in the job's step summary.",
            )
        )
    total = sum(len(r.findings) for r in results)
    bad = sum(1 for r in results if r.error)
    lines.append(f"codecheck: {len(results)} document(s), {total} finding(s), {bad} not audited")
    return "\n".join(lines) + "\n"


def step_summary(results: list[AuditResult], options: RenderOptions, limit: int = 1000 * 1024) -> str:
    """The Markdown report for ``$GITHUB_STEP_SUMMARY``, cut below ``limit`` bytes."""
    from codecheck.report import markdown

    text = markdown.render(in_order(results), options)
    data = text.encode("utf-8")
    if len(data) <= limit:
        return text
    budget = limit - len(_TRUNCATION_NOTE.encode("utf-8"))
    cut = data[:budget].decode("utf-8", errors="ignore")
    cut = cut[: cut.rfind("\n") + 1] if "\n" in cut else cut
    return cut + _TRUNCATION_NOTE

