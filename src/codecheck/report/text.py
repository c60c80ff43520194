"""The ``text`` format (default): findings by section, then a per-section summary, for a terminal or CI log.

Rendered with rich into a string so that the same code serves a colour terminal and a plain CI log
(``RenderOptions.color`` False: no escape sequences at all). Document text never goes through rich
markup (it is appended as ``Text`` with a style) and passes ``safe_text`` first, so a commentary cell
cannot inject markup or drive the terminal.

Each finding is one block: provision and severity in fixed columns, then the message wrapped with a
hanging indent (continuation lines start under the message, never at the margin), the rule and place
in brackets; under it the sentence the finding rests on (``Finding.quote``, cut to a readable length
around the words that triggered it, which are highlighted when colour is on) and how it was read, and
a reviewer's decision when one is recorded. Accepted findings are listed as "reviewed" and counted
apart from the rest.
"""

from __future__ import annotations

import io
from dataclasses import replace

from codecheck.findings import display_path
from codecheck.model import AuditResult, Finding, Severity
from codecheck.report.base import (
    LOW_DETECTION,
    RenderOptions,
    error_reason,
    grouped_by_section,
    open_findings,
    overall_counts,
    result_failed,
    reviewed_count,
    section_summaries,
    severity_counts,
)
from codecheck.terminal import one_line

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
INDENT = 4  # a finding line: indent, provision column, severity column, then the wrapped message
PROVISION_W = 7
SEVERITY_W = 9
QUOTE_LIMIT = 220  # characters of a quoted sentence shown under its finding


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 or word == "info" else f"{n} {word}s"


def _counts_phrase(counts: dict[str, int]) -> str:
    parts = [_plural(counts[k], k) for k in ("error", "warning", "info") if counts.get(k)]
    return ", ".join(parts) if parts else "no findings"


def trim_quote(quote: str, key: str | None, limit: int = QUOTE_LIMIT) -> tuple[str, str, str]:
    """The quoted sentence on one line, cut to about ``limit`` characters around ``key`` at word
    boundaries (with "…" where cut), split as (before, key, after) so the key words can be styled."""
    text = one_line(quote)
    key = one_line(key or "")
    at = text.lower().find(key.lower()) if key and len(key) < len(text) else -1
    if at < 0:
        key, at = "", 0
    if len(text) > limit:
        room = max(limit - len(key), 20)
        lo = max(0, at - room // 2)
        hi = min(len(text), max(at + len(key) + room // 2, lo + limit))
        lo = max(0, min(lo, hi - limit))
        if lo > 0:
            lo = text.find(" ", lo) + 1 or lo
        if hi < len(text):
            hi = text.rfind(" ", at + len(key), hi) if text.rfind(" ", at + len(key), hi) > 0 else hi
        before, after = text[lo:at] if key else "", text[at + len(key) : hi] if key else text[lo:hi]
        return ("…" if lo > 0 else "") + before, key, after + ("…" if hi < len(text) else "")
    if not key:
        return text, "", ""
    return text[:at], text[at : at + len(key)], text[at + len(key) :]


def _hanging(console, lead, body, width: int, indent: int, tail=None) -> list:
    """``lead`` then ``body`` wrapped to ``width`` as lines, continuation lines indented to ``indent``;
    ``tail`` (the rule and place) follows on the last line when it fits whole, else on a line of its own."""
    from rich.text import Text

    room = max(20, width - indent)
    lines = list(body.wrap(console, room))
    if tail is not None:
        last = lines[-1] if lines else Text()
        if last.cell_len + 2 + tail.cell_len <= room:
            last.append("  ")
            last.append_text(tail)
        else:
            lines.append(tail)
    out = []
    for i, line in enumerate(lines):
        line.rstrip()
        out.append(Text.assemble(lead if i == 0 else Text(" " * indent), line))
    return out


def _where(f: Finding) -> str:
    return f"[{f.code} {f.rule}" + (f"; {f.location.describe()}]" if f.location is not None else "]")


def _quote_parts(f: Finding) -> tuple[str, str, str, str]:
    """(before, key words, after, reading) of the finding's quoted sentence, cut for the terminal."""
    before, key, after = trim_quote(f.quote or "", f.snippet)
    reading = f"  (read as: {one_line(f.reading)})" if f.reading else ""
    return "“" + before, key, after + "”", reading


def _plain_finding(f: Finding, width: int) -> str:
    """The same block as ``_print_finding`` without colour, wrapped by ``textwrap``: a plain log (CI,
    a pipe, a file) needs no styles, and a long batch renders several times faster this way."""
    import textwrap

    indent = INDENT + PROVISION_W + SEVERITY_W
    room = max(20, width - indent)
    pad = " " * indent
    label = "reviewed" if f.accepted else str(f.severity)
    lead = " " * INDENT + f"{(f.provision or '-'):<{PROVISION_W}}{label:<{SEVERITY_W}}"

    def wrap(text: str) -> list[str]:
        return textwrap.wrap(text, room, break_on_hyphens=False) or [""]

    lines = wrap(one_line(f.message))
    tail = _where(f)
    if len(lines[-1]) + 2 + len(tail) <= room:
        lines[-1] += "  " + tail
    else:
        lines.append(tail)
    if f.quote:
        lines += wrap("".join(_quote_parts(f)))
    if f.decision is not None:
        lines += wrap(one_line(f.decision.describe()))
    return "\n".join([lead + lines[0], *(pad + line for line in lines[1:])])


def _print_finding(console, f: Finding, width: int) -> None:
    """One finding: provision and severity, then the message with a hanging indent; under it the
    sentence it rests on (key words highlighted when colour is on) and any reviewer's decision.
    Printed as one block (one console call: rich's per-call cost dominates on long reports)."""
    from rich.text import Text

    lead = Text(" " * INDENT)
    lead.append(f"{(f.provision or '-'):<{PROVISION_W}}", style="bold")
    if f.accepted:
        lead.append(f"{'reviewed':<{SEVERITY_W}}", style="green")
    else:
        lead.append(f"{f.severity!s:<{SEVERITY_W}}", style=_STYLE[f.severity])
    indent = INDENT + PROVISION_W + SEVERITY_W
    body = Text(one_line(f.message), style="dim" if f.accepted else "")
    lines = _hanging(console, lead, body, width, indent, tail=Text(_where(f), style="dim"))
    pad = Text(" " * indent)
    if f.quote:
        before, key, after, reading = _quote_parts(f)
        said = Text(before, style="italic")
        said.append(key, style="bold underline")
        said.append(after, style="italic")
        said.append(reading, style="dim")
        lines += _hanging(console, pad, said, width, indent)
    if f.decision is not None:
        style = "green" if f.decision.accepted else "yellow"
        lines += _hanging(console, pad, Text(one_line(f.decision.describe()), style=style), width, indent)
    console.print(Text("\n").join(lines), soft_wrap=True)


def _render_document(console, result: AuditResult, options: RenderOptions) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    name = one_line(display_path(result.path, options.base_dir))
    head = Text(name, style="bold")
    if result.error:
        head.append("  could not be audited: ", style="bold red")
        head.append(one_line(error_reason(result)))
        console.print(head, soft_wrap=True)
        console.print()
        return
    aligned = result.aligned
    if aligned is not None:
        det = aligned.detection
        if det.forced:
            how = "forced"
        elif det.confidence < LOW_DETECTION:
            how = f"best guess, {det.confidence:.0%} sure: set it with --code if it is wrong"
        else:
            how = "detected"
        head.append(f"  {aligned.code.short_title or aligned.code.title} ({how})", style="dim")
    console.print(head)

    groups = grouped_by_section(result)
    if not groups:
        console.print(Text("  No findings.", style="green"))
    for _number, title, findings in groups:
        console.print(Text(f"  {title}", style="bold underline"))
        if options.color:
            for f in findings:
                _print_finding(console, f, options.width)
        else:
            console.file.write("".join(_plain_finding(f, options.width) + "\n" for f in findings))
    summaries = section_summaries(replace(result, findings=open_findings(result.findings)))
    if summaries:
        console.print()
        table = Table(box=box.SIMPLE, show_edge=False, pad_edge=False, title_justify="left")
        # numbers never wrap; the section title gives way (about 64 columns go to the eight numbers)
        table.add_column("Section", no_wrap=True, overflow="ellipsis", max_width=max(16, options.width - 64))
        for col in ("Yes", "Partial", "No", "N/A", "Blank", "Errors", "Warnings", "Info"):
            table.add_column(col, justify="right", no_wrap=True, min_width=len(col))
        for s in summaries:
            a, fc = s.answers, s.findings
            table.add_row(
                s.title,
                *(str(a[k]) for k in ("yes", "partial", "no", "na", "blank")),
                *(str(fc[k]) for k in ("error", "warning", "info")),
            )
        console.print(table)
    verdict = "FAILED" if result_failed(result, options.fail_on) else "passed"
    style = "bold red" if verdict == "FAILED" else "bold green"
    tail = Text("  ")
    tail.append(verdict, style=style)
    tail.append(f": {_counts_phrase(severity_counts(result.findings))}")
    reviewed = reviewed_count(result.findings)
    if reviewed:
        tail.append(f"; {reviewed} reviewed as not an issue", style="green")
    if options.baseline is not None and options.baseline.for_document(
        display_path(result.path, options.base_dir)
    ):
        tail.append(
            f" ({options.baseline.for_document(display_path(result.path, options.base_dir))} known findings "
            f"hidden by the baseline)"
        )
    console.print(tail)
    console.print()


def _render_batch_table(console, results: list[AuditResult], options: RenderOptions) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(title="Documents", box=box.SIMPLE, title_justify="left")
    for col, justify in (("Document", "left"), ("Code", "left"), ("Status", "left")):
        table.add_column(col, justify=justify)
    for col in ("Errors", "Warnings", "Info"):
        table.add_column(col, justify="right")
    for r in results:
        counts = overall_counts([r])
        if r.error:
            status = Text("unreadable", style="bold red")
        elif result_failed(r, options.fail_on):
            status = Text("failed", style="red")
        else:
            status = Text("passed", style="green")
        table.add_row(
            Text(one_line(display_path(r.path, options.base_dir))),
            r.aligned.code.id if r.aligned else "-",
            status,
            *(str(counts[k]) for k in ("error", "warning", "info")),
        )
    console.print(table)
    total = overall_counts(results)
    bad = sum(1 for r in results if r.error)
    line = f"{_plural(len(results), 'document')}: {_counts_phrase(total)}"
    if bad:
        line += f"; {bad} could not be audited"
    console.print(line)


def render(results: list[AuditResult], options: RenderOptions) -> str:
    from rich.console import Console

    buffer = io.StringIO()
    console = Console(
        file=buffer,
        force_terminal=options.color,
        no_color=not options.color,
        color_system="standard" if options.color else None,
        width=options.width,
        highlight=False,
        emoji=False,
        soft_wrap=False,
    )
    for result in results:
        _render_document(console, result, options)
    if len(results) > 1:
        _render_batch_table(console, results, options)
    return buffer.getvalue()

